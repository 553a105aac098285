"""Approvals with real clicks: a rep's quote over his limit goes to his manager's inbox,
who returns it only with a note and approves it after a confirmation; its PDF is
watermarked while pending and printed in Chinese with the seller's details once
approved; a manager's own quote is never offered to her."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from sqlalchemy import select

from desktop.domain.models import Account, Quote, User
from desktop.domain.services import seller
from desktop.domain.uow import unit_of_work
from desktop.ui.testing import screenshot
from tests.gui.test_quote_pdf import SELLER, watermarked
from tests.programs import pdftotext

SHOTS = Path("/work/shots/approvals")


def _user(ctx: Any, username: str) -> tuple[str, str, str]:
    with ctx.db.sessions() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        return user.id, user.display_name, user.role


def _work_as(ctx: Any, username: str) -> None:
    ctx.user_id, ctx.user_name, ctx.user_role = _user(ctx, username)
    ctx.events.user_changed.emit()


def _shot(widget: Any, name: str) -> None:
    path = screenshot(widget, name)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def _pdf(qtbot: Any, editor: Any, path: Path) -> str:
    written: list[Path] = []
    editor.export_pdf(path, written.append)
    qtbot.waitUntil(lambda: bool(written))
    out = subprocess.run([pdftotext(), str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def _pdf_by_click(qtbot: Any, editor: Any, path: Path) -> str:
    """The PDF button, then the file dialog: the path typed and Enter; the PDF's text."""

    def type_the_path() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)), None
        )
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, type_the_path)  # (the seller is checked first)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText(str(path))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_the_path)
    qtbot.mouseClick(editor.buttons["pdf"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(path.exists)
    qtbot.waitUntil(lambda: str(path) in editor.error_label.text())  # "saved …", plainly
    out = subprocess.run([pdftotext(), str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def _new_quote_over_the_limit(qtbot: Any, window: Any, account: str, pinyin: str) -> Any:
    """On the Quotes page: New quote, the account found by its ``pinyin`` initials in
    the picker and taken with Enter, a line, 10 % off (tier C allows 8 %), saved and
    sent for approval with a reason, all typed and clicked."""
    page = window.show_page("quotes")
    with window.ctx.db.sessions() as s:
        account_id = s.scalar(select(Account.id).where(Account.name == account))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    picker = page.picker.picker
    qtbot.waitUntil(lambda: len(picker.model.choices) > 1)
    qtbot.keyClicks(picker.search, pinyin)
    qtbot.waitUntil(lambda: [c.name for c in picker.model.choices] == [account])
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    editor = page.editor
    qtbot.waitUntil(
        lambda: editor.view is not None and editor.view.quote["account_id"] == account_id
    )
    qtbot.keyClicks(editor.product_search, "FB-SRV-01")
    qtbot.waitUntil(lambda: editor.products.rowCount() > 0)
    qtbot.keyClick(editor.product_search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.lines.rowCount() == 1)
    editor.discount.clear()
    qtbot.keyClicks(editor.discount, "10")
    qtbot.mouseClick(editor.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(editor.view.quote["approval_reasons"]))  # saved
    qtbot.waitUntil(lambda: editor.buttons["request_approval"].isVisibleTo(editor))
    qtbot.mouseClick(editor.buttons["request_approval"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.error_label.text() != "")  # no reason given: refused
    assert editor.error_label.text() in (
        "Tell the manager why the customer needs these terms.",
        "请向经理说明客户需要这些条件的理由。",
    )
    assert editor.view.quote["status"] == "draft"
    # QTest types Latin-1 only: the reason and the note are typed in English.
    qtbot.keyClicks(editor.justification, "Competitor offers 9% less")
    qtbot.mouseClick(editor.buttons["request_approval"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.view.quote["status"] == "pending_approval")
    return editor


def _status(ctx: Any, quote_id: str) -> str:
    with ctx.db.sessions() as s:
        quote = s.get(Quote, quote_id)
        assert quote is not None
        return quote.status


def _account(ctx: Any, name: str, owner: str) -> None:
    with unit_of_work(ctx.db.sessions, owner) as uow:
        uow.add(Account(name=name, tier="C", owner_id=owner))


def test_a_rep_asks_his_manager_approves_from_the_inbox_and_the_pdf_is_chinese(
    qtbot: Any, chinese: None, main_window: Any, tmp_path: Path
) -> None:
    ctx = main_window.ctx
    admin, *_ = _user(ctx, "admin")
    with unit_of_work(ctx.db.sessions, admin) as uow:
        seller.save(uow, SELLER)
    main_window.resize(1366, 768)
    _work_as(ctx, "zhangwei")
    _account(ctx, "恒通精密制造有限公司", ctx.user_id)
    editor = _new_quote_over_the_limit(qtbot, main_window, "恒通精密制造有限公司", "htjm")
    quote_id = editor.view.quote["id"]
    assert not editor.approval.approve_button.isVisibleTo(editor)  # a rep never decides
    qtbot.waitUntil(lambda: "王芳" in editor.approval.history.text())  # who it awaits
    pending = _pdf_by_click(qtbot, editor, tmp_path / "pending.pdf")
    assert "报价单" in pending
    shutil.copy(tmp_path / "pending.pdf", SHOTS / "pending_zh_CN.pdf")
    assert watermarked(pending, "待审批")

    _work_as(ctx, "wangfang")  # his team's manager, on her laptop
    inbox = main_window.show_page("approvals")
    qtbot.waitUntil(lambda: any(r.quote_id == quote_id for r in inbox.model.rows))
    row = next(i for i, r in enumerate(inbox.model.rows) if r.quote_id == quote_id)
    cell = inbox.table.visualRect(inbox.model.index(row, 0)).center()
    qtbot.mouseClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: inbox.panel.approve_button.isVisibleTo(inbox))
    assert "Competitor offers 9% less" in inbox.facts.text()
    assert "整单折扣 10% 超过C类客户允许的 8%" in inbox.reasons.text()
    _shot(main_window, "approval_inbox_zh_CN")

    # Return needs a note: the rule book refuses an empty one and the dialog says why.
    qtbot.mouseClick(inbox.panel.return_button, Qt.MouseButton.LeftButton)
    dialog = inbox.panel.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert "退回报价前，请填写意见" in dialog.error.text()
    assert dialog.isVisible()
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert _status(ctx, quote_id) == "pending_approval"

    # Approve asks first; the quote leaves the inbox once approved.
    qtbot.mouseClick(inbox.panel.approve_button, Qt.MouseButton.LeftButton)
    dialog = inbox.panel.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "批准" in dialog.question.text()
    qtbot.keyClicks(dialog.note, "OK, this once")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _status(ctx, quote_id) == "approved")
    qtbot.waitUntil(lambda: all(r.quote_id != quote_id for r in inbox.model.rows))

    _work_as(ctx, "zhangwei")
    quotes_page = main_window.show_page("quotes")
    quotes_page.open_record("quote", quote_id)
    qtbot.waitUntil(lambda: "OK, this once" in editor.approval.history.text())
    history = editor.approval.history.text()
    assert "张伟 提交给 王芳、系统管理员 审批" in history
    assert history.index("张伟 提交") < history.index("王芳 批准")
    _shot(main_window, "quote_editor_history_zh_CN")
    text = _pdf(qtbot, editor, tmp_path / "approved.pdf")
    assert "报价单" in text
    assert "供方" in text
    assert "Quotation" not in text
    for value in ("华信智造科技有限公司", "91310115MA1K4LXX3F", "招商银行上海张江支行"):
        assert value in text
    assert not watermarked(text, "待审批")


def test_a_manager_is_never_offered_her_own_quote(
    qtbot: Any, qtmodeltester: Any, main_window: Any, tmp_path: Path
) -> None:
    ctx = main_window.ctx
    main_window.resize(1366, 768)
    _account(ctx, "Own Account Ltd", ctx.user_id)  # the demo device works as 王芳
    editor = _new_quote_over_the_limit(qtbot, main_window, "Own Account Ltd", "own acc")
    quote_id = editor.view.quote["id"]
    qtbot.waitUntil(lambda: "系统管理员" in editor.approval.history.text())  # goes to an admin
    assert not editor.approval.approve_button.isVisibleTo(editor)
    inbox = main_window.show_page("approvals")
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0)
    assert quote_id not in {r.quote_id for r in inbox.model.rows}
    qtmodeltester.check(inbox.model)
    _shot(main_window, "approval_inbox_en")
