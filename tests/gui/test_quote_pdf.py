"""The quote PDF from the window: in the interface's language, with the seller details an
admin set (policy ``seller``), and watermarked while the quote is not approved."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QTabWidget
from sqlalchemy import select

from desktop.domain.models import Quote, User
from desktop.domain.rules import RuleViolation
from desktop.domain.services import seller
from desktop.domain.uow import unit_of_work
from tests.programs import pdfimages, pdftotext

SELLER = {
    "name": "华信智造科技有限公司",
    "address": "上海市浦东新区张江路 88 号",
    "phone": "021-5080 1234",
    "tax_id": "91310115MA1K4LXX3F",
    "bank": "招商银行上海张江支行",
    "account_no": "1219 0876 5432 101",
    "invoice_type": "special",
}


def _text(path: Path) -> str:
    out = subprocess.run([pdftotext(), str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def _export(qtbot: Any, ctx: Any, quote_id: str, path: Path) -> str:
    from desktop.ui.quotes.editor import QuoteEditor

    editor = QuoteEditor(ctx)
    qtbot.addWidget(editor)
    editor.load(quote_id)
    qtbot.waitUntil(lambda: editor.view is not None)
    written: list[Path] = []
    editor.export_pdf(path, written.append)
    qtbot.waitUntil(lambda: bool(written))
    return _text(written[0])


def watermarked(text: str, word: str) -> bool:
    """Whether ``word`` is across the page: pdftotext gives each rotated glyph its line."""
    lines = {line.strip() for line in text.splitlines()}
    return word in lines or all(glyph in lines for glyph in word)


def _quote(ctx: Any, status: str) -> str:
    with ctx.db.sessions() as s:
        return str(s.scalar(select(Quote.id).where(Quote.status == status, Quote.is_latest)))


def _admin(ctx: Any) -> str:
    with ctx.db.sessions() as s:
        return str(s.scalar(select(User.id).where(User.role == "admin")))


def test_from_the_chinese_window_the_pdf_is_chinese_with_the_seller_and_a_watermark(
    qtbot: Any, chinese: None, app_context: Any, tmp_path: Path
) -> None:
    with unit_of_work(app_context.db.sessions, _admin(app_context)) as uow:
        seller.save(uow, SELLER)
    text = _export(qtbot, app_context, _quote(app_context, "pending_approval"), tmp_path / "p.pdf")
    assert "报价单" in text
    assert "供方" in text
    assert "Quotation" not in text
    for value in ("华信智造科技有限公司", "91310115MA1K4LXX3F", "招商银行上海张江支行"):
        assert value in text
    assert "增值税专用发票" in text
    assert watermarked(text, "待审批")
    accepted = _export(qtbot, app_context, _quote(app_context, "accepted"), tmp_path / "a.pdf")
    assert not watermarked(accepted, "待审批")
    assert not watermarked(accepted, "草稿")


def test_from_the_english_window_the_pdf_is_english_and_a_draft_says_so(
    qtbot: Any, app_context: Any, tmp_path: Path
) -> None:
    text = _export(qtbot, app_context, _quote(app_context, "draft"), tmp_path / "d.pdf")
    assert "Quotation" in text
    assert "报价单" not in text
    assert watermarked(text, "DRAFT")


def test_only_an_admin_sets_the_seller_and_its_values_have_their_form(app_context: Any) -> None:
    manager = app_context.user_id
    with (
        pytest.raises(RuleViolation) as refused,
        unit_of_work(app_context.db.sessions, manager) as uow,
    ):
        seller.save(uow, SELLER)
    assert refused.value.code == "role_required"
    for field, bad in (("tax_id", "12345"), ("account_no", "6222-abc"), ("name", " ")):
        with (
            pytest.raises(RuleViolation) as wrong,
            unit_of_work(app_context.db.sessions, _admin(app_context)) as uow,
        ):
            seller.save(uow, {**SELLER, field: bad})
        assert (wrong.value.code, wrong.value.field) == (
            "required" if field == "name" else "bad_format",
            field,
        )


def test_the_admin_sets_the_seller_in_settings_and_the_logo_prints(
    qtbot: Any, chinese: None, app_context: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage

    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.testing import screenshot

    app_context.user_id, app_context.user_role = _admin(app_context), "admin"
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    tab = dialog.seller_tab
    dialog.findChild(QTabWidget, "settings-tabs").setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.logo_label.text() != "")
    for field in ("name", "address", "phone", "bank"):
        qtbot.keyClicks(tab.edits[field], "X")  # typed at all; the real values below
        tab.edits[field].clear()
    qtbot.keyClicks(tab.edits["name"], "Huaxin Zhizao Ltd")
    qtbot.keyClicks(tab.edits["tax_id"], "12345")
    qtbot.keyClicks(tab.edits["account_no"], "1219 0876 5432 101")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.error.text() != "")
    assert "税号" in tab.error.text()  # refused by the rule book, in the user's language
    assert tab.edits["tax_id"].text() == "12345"  # nothing typed is lost
    tab.edits["tax_id"].clear()
    qtbot.keyClicks(tab.edits["tax_id"], "91310115MA1K4LXX3F")
    tab.invoice.setCurrentIndex(tab.invoice.findData("normal"))
    logo = tmp_path / "logo.png"
    image = QImage(96, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5fa8"))
    assert image.save(str(logo))
    tab._set_logo(base64.b64encode(logo.read_bytes()).decode("ascii"))
    saved: list[bool] = []
    tab.saved.connect(lambda: saved.append(True))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(saved))
    assert tab.error.text() == ""
    screenshot(dialog, "seller_settings_zh_CN")
    with app_context.db.sessions() as s:
        details = seller.load(s)
    assert (details["name"], details["invoice_type"]) == ("Huaxin Zhizao Ltd", "normal")
    text = _export(qtbot, app_context, _quote(app_context, "accepted"), tmp_path / "l.pdf")
    assert "Huaxin Zhizao Ltd" in text
    assert "增值税普通发票" in text
    images = subprocess.run(
        [pdfimages(), "-list", str(tmp_path / "l.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert len(images.splitlines()) == 3  # the header, its rule, the logo


def test_the_first_export_without_seller_details_says_so_and_opens_the_settings(
    qtbot: Any, app_context: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from desktop.ui.quotes.editor import QuoteEditor
    from desktop.ui.testing import screenshot

    editor = QuoteEditor(app_context)
    qtbot.addWidget(editor)
    editor.show()
    editor.load(_quote(app_context, "accepted"))
    qtbot.waitUntil(lambda: editor.view is not None)
    qtbot.mouseClick(editor.buttons["pdf"], Qt.MouseButton.LeftButton)
    box = None

    def asked() -> bool:
        nonlocal box
        box = next(
            (w for w in QApplication.topLevelWidgets() if w.objectName() == "seller-missing"),
            None,
        )
        return box is not None and box.isVisible()

    qtbot.waitUntil(asked)
    assert isinstance(box, QMessageBox)
    assert "tax id" in box.text()
    open_settings = next(b for b in box.buttons() if b.text() == "Open settings")
    qtbot.mouseClick(open_settings, Qt.MouseButton.LeftButton)
    settings = editor.findChild(QDialog, "settings-from-pdf")
    qtbot.waitUntil(lambda: settings is not None and settings.isVisible())
    assert settings.findChild(QTabWidget, "settings-tabs").tabText(2) == "Seller"
    settings.findChild(QTabWidget, "settings-tabs").setCurrentIndex(2)
    settings.resize(1366, 768)
    screenshot(settings, "seller_settings_en")
    settings.reject()
