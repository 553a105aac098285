"""The Accounts page as a user drives it: search, create with wrong data, handover,
delete and undo, the public pool (claim, limit, warnings), files on an account, moving
an account in its group, the tag and industry filters, a broad search that shows its
first screen before its count; and the list model checked with qtmodeltester."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton

from desktop.domain.models import Account, Contact, Policy
from desktop.domain.services import accounts, attachments
from desktop.domain.services.accounts import AccountQuery
from desktop.domain.uow import unit_of_work
from desktop.ui.accounts.model import COLUMN_KEYS, AccountTableModel
from desktop.ui.table_model import ROW_ID_ROLE
from desktop.ui.testing import screenshot


def open_accounts_page(qtbot: Any, ctx: Any, height: int = 760) -> Any:
    """The Accounts page shown, with the 40 demo accounts listed."""
    from desktop.ui.pages.accounts import AccountsPage

    widget = AccountsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, height)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 40)
    return widget


@pytest.fixture
def page(qtbot: Any, app_context: Any) -> Any:
    yield open_accounts_page(qtbot, app_context)
    app_context.tasks.wait_idle()


def shown_names(qtbot: Any, page: Any) -> list[str]:
    model = page.model
    name_column = COLUMN_KEYS.index("name")

    def all_loaded() -> bool:
        return all(model.data(model.index(r, name_column)) for r in range(model.rowCount()))

    qtbot.waitUntil(all_loaded)
    return [model.data(model.index(r, name_column)) for r in range(model.rowCount())]


def type_search(qtbot: Any, page: Any, text: str) -> None:
    page.search.clear()
    for char in text:  # one keystroke at a time; QTest types ASCII keys only
        if char.isascii():
            qtbot.keyClicks(page.search, char)
        else:
            page.search.insert(char)
    qtbot.waitUntil(lambda: page.model.rowCount() < 40 or not text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("移动通信", "中国移动通信集团有限公司"),
        ("zgyd", "中国移动通信集团有限公司"),
        ("1922038", None),
        ("huawei", "华为技术有限公司"),
    ],
)
def test_typing_in_the_search_box_filters_the_list(
    qtbot: Any, page: Any, typed: str, expected: str | None
) -> None:
    if expected is None:  # part of a credit code that is in the data
        with page.ctx.db.sessions() as session:
            code = session.query(Account).filter_by(name="华为技术有限公司").one().credit_code
        typed = code[6:13]
        expected = "华为技术有限公司"
    type_search(qtbot, page, typed)
    assert expected in shown_names(qtbot, page)
    assert page.model.rowCount() < 40


def test_a_contacts_phone_finds_its_account(qtbot: Any, page: Any) -> None:
    with page.ctx.db.sessions() as session:
        contact = session.query(Contact).filter(Contact.mobile.is_not(None)).first()
        account_name = session.get(Account, contact.account_id).name
    type_search(qtbot, page, contact.mobile)
    assert shown_names(qtbot, page) == [account_name]
    screenshot(page, "accounts_search_phone_en")


def test_new_account_with_wrong_data_shows_each_message(qtbot: Any, page: Any) -> None:
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.detail.isVisible()
    detail = page.detail
    detail.findChild(QLineEdit, "account-credit_code").setText("914403001922038217")
    detail.findChild(QLineEdit, "account-phone").setText("call me")
    detail.findChild(QLineEdit, "account-website").setText("not a site")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)

    def message(key: str) -> str:
        label = detail.findChild(QLabel, f"account-{key}-error")
        return label.text() if label.isVisible() else ""

    assert message("name") == "is required"
    assert message("credit_code") == (
        "the last character should be 6: a character was probably mistyped"
    )
    assert message("phone").startswith("is not a phone number")
    assert message("website") == "is not a web address"
    screenshot(page, "accounts_new_invalid_en")
    detail.findChild(QLineEdit, "account-name").setText("华为技术有限责任公司")
    assert message("name") == ""  # fixed: the message goes as it is typed
    code = detail.findChild(QLineEdit, "account-credit_code")
    code.setText("91440300192203821")  # still wrong: the message says what is wrong now
    assert message("credit_code") == "must be 18 characters (has 17)"
    qtbot.keyClicks(code, "6")
    assert message("credit_code") == ""
    detail.findChild(QLineEdit, "account-phone").setText("0755-2878 0808")
    detail.findChild(QLineEdit, "account-website").setText("")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    # The name is Huawei's in another legal form: 查重 asks for a reason first.
    from desktop.ui.accounts.dialogs import DuplicateDialog

    qtbot.waitUntil(lambda: page.findChild(DuplicateDialog, "duplicate-dialog") is not None)
    found = page.findChild(DuplicateDialog, "duplicate-dialog")
    assert "华为技术有限公司" in found.matches_label.text()
    save = found.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    found.reason.setText("同一信用代码的分支机构")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 41)
    with page.ctx.db.sessions() as session:
        saved = session.query(Account).filter_by(name="华为技术有限责任公司").one()
    assert saved.duplicate_reason == "同一信用代码的分支机构"


def test_delete_then_ctrl_z_brings_it_back(qtbot: Any, page: Any) -> None:
    page.table.selectRow(0)
    first = page.selected_ids()[0]
    page.delete_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 39)
    assert page.model.row_of(first) == -1
    qtbot.waitUntil(lambda: page.undo_button.isEnabled())
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)
    assert page.model.row_of(first) >= 0


def test_recently_deleted_view_restores(qtbot: Any, page: Any) -> None:
    page.table.selectRow(1)
    gone = page.selected_ids()[0]
    page.delete_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 39)
    page.deleted_button.setChecked(True)
    qtbot.waitUntil(lambda: page.deleted.model.rowCount() == 1)
    page.deleted.view.selectRow(0)
    qtbot.mouseClick(
        page.findChild(type(page.new_button), "deleted-restore"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.deleted.model.rowCount() == 0)
    page.deleted_button.setChecked(False)
    qtbot.waitUntil(lambda: page.model.row_of(gone) >= 0)


def test_manager_hands_accounts_over_and_they_move(qtbot: Any, page: Any) -> None:
    from desktop.ui.accounts.dialogs import HandoverDialog

    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0),
        page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows,
    )
    moved = page.selected_ids()
    assert len(moved) == 2
    page.hand_over()
    qtbot.waitUntil(lambda: page.findChild(HandoverDialog, "handover-dialog") is not None)
    dialog = page.findChild(HandoverDialog, "handover-dialog")
    target_name = dialog.target.itemText(2)
    target_id = dialog.target.itemData(2)
    dialog.target.setCurrentIndex(2)
    dialog.reason.setPlainText("区域调整")
    screenshot(dialog, "accounts_handover_en")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.notice.text().startswith("Handed over 2 accounts"))
    owner_column = COLUMN_KEYS.index("owner")
    qtbot.waitUntil(
        lambda: all(
            page.model.data(page.model.index(page.model.row_of(i), owner_column)) == target_name
            for i in moved
        )
    )
    with page.ctx.db.sessions() as session:
        assert set(accounts.account_ids(session, AccountQuery(owner_id=target_id))) >= set(moved)
        entry = next(e for e in accounts.history(session, moved[0]) if e.field == "owner_id")
    assert entry.reason == "区域调整"


def test_filters_show_and_clear(qtbot: Any, page: Any) -> None:
    page.filters.tier_filter.setCurrentIndex(1)  # tier A
    qtbot.waitUntil(lambda: page.model.rowCount() < 40)
    assert page.filters.clear_button.isEnabled()
    assert "filtered" in page.status.text()
    page.clear_filters()
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)
    assert not page.filters.clear_button.isEnabled()


def test_opening_an_account_shows_profile_contacts_and_checklist(qtbot: Any, page: Any) -> None:
    page.table.selectRow(0)
    page.open_account(page.selected_ids()[0])
    qtbot.waitUntil(lambda: page.detail.isVisible() and page.detail.contacts.model.rowCount() > 0)
    assert page.detail.completeness.checklist.text()
    screenshot(page, "accounts_detail_en")
    qtbot.keyClick(page.detail, Qt.Key.Key_Escape)
    assert not page.detail.isVisible()


def test_hidden_columns_are_remembered(qtbot: Any, app_context: Any, page: Any) -> None:
    from desktop.ui.pages.accounts import AccountsPage

    page.table.set_column_visible(COLUMN_KEYS.index("credit_code"), True)
    again = AccountsPage(app_context)
    qtbot.addWidget(again)
    assert not again.table.horizontalHeader().isSectionHidden(COLUMN_KEYS.index("credit_code"))


def test_model_passes_qtmodeltester_without_a_window(qtmodeltester: Any) -> None:
    rows = {}

    def fetch(ids: list[str], deliver: Any) -> None:
        deliver({i: rows[i] for i in ids})

    for n in range(450):
        rows[f"id{n}"] = accounts.AccountRow(
            id=f"id{n}",
            name=f"客户{n}",
            short_name=None,
            credit_code=None,
            industry=None,
            province=None,
            city="北京",
            tier="A",
            status="active",
            owner_id=None,
            owner_name=None,
            potential=None,
            completeness=50,
        )
    model = AccountTableModel(fetch)
    model.set_ids(list(rows))
    qtmodeltester.check(model)
    assert model.data(model.index(449, 0)) == "客户449"
    assert model.data(model.index(3, 5)) == "Pool"
    assert model.data(model.index(3, 0), ROW_ID_ROLE) == "id3"
    assert model.rowCount(model.index(0, 0)) == 0


def add_account(ctx: Any, **values: Any) -> str:
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        return uow.add(Account(**values)).id


def make_idle(ctx: Any, account_id: str, days: int) -> None:
    """As if the account had been created ``days`` ago and not touched since."""
    when = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=days)
    with ctx.db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE account SET created_at = ? WHERE id = ?", (when.isoformat(" "), account_id)
        )


def open_and_wait(qtbot: Any, page: Any, account_id: str) -> None:
    page.open_account(account_id)
    qtbot.waitUntil(
        lambda: (
            page.detail.isVisible()
            and page.detail.account is not None
            and page.detail.account["id"] == account_id
        )
    )


def click_when_laid_out(qtbot: Any, button: Any) -> None:
    """Click as a user would: once the button is on screen with its size."""
    qtbot.waitUntil(lambda: button.isVisible() and button.width() > 10)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_rep_claims_a_pool_account_until_the_limit(qtbot: Any, page: Any) -> None:
    ctx = page.ctx
    first = add_account(ctx, name="公海客户甲有限公司", owner_id=None)
    second = add_account(ctx, name="公海客户乙有限公司", owner_id=None)
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        policy = uow.session.query(Policy).filter_by(key="pool").one()
        uow.update(policy, {"value": {**policy.value, "claim_limit": 1}})
    open_and_wait(qtbot, page, first)
    detail = page.detail
    assert "public pool" in detail.owner_label.text()
    click_when_laid_out(qtbot, detail.claim_button)
    qtbot.waitUntil(lambda: page.notice.text() == "You now own 公海客户甲有限公司.")
    qtbot.waitUntil(lambda: detail.owner_label.text() == f"Owner: {ctx.user_name}")
    assert not detail.claim_button.isVisible()
    open_and_wait(qtbot, page, second)
    click_when_laid_out(qtbot, detail.claim_button)
    qtbot.waitUntil(lambda: page.notice.text().startswith("You already hold 1 accounts"))
    with ctx.db.sessions() as session:
        assert session.get(Account, second).owner_id is None


def test_idle_accounts_go_back_to_the_pool_and_the_owner_is_warned(
    qtbot: Any, app_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.accounts import pool_upkeep
    from desktop.ui.pages.accounts import AccountsPage

    monkeypatch.setattr(pool_upkeep, "RETURN_BATCH", 1)  # a backlog goes in batches

    ctx = app_context
    gone = add_account(ctx, name="长期未拜访有限公司", tier="C", owner_id=ctx.user_id)
    also_gone = add_account(ctx, name="久未联系有限公司", tier="C", owner_id=ctx.user_id)
    soon = add_account(ctx, name="即将回收科技有限公司", tier="C", owner_id=ctx.user_id)
    make_idle(ctx, gone, days=130)  # C accounts go back after 120 days
    make_idle(ctx, also_gone, days=125)
    make_idle(ctx, soon, days=116)
    widget = AccountsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.pool_banner.isVisible())
    banner = widget.pool_banner.text()
    assert "即将回收科技有限公司" in banner
    assert "长期未拜访有限公司" not in banner
    assert "1 of your accounts go back to the public pool within a week" in banner
    qtbot.waitUntil(
        lambda: widget.notice.text().startswith("2 account(s) went back to the public pool")
    )
    with ctx.db.sessions() as session:
        assert session.get(Account, gone).owner_id is None
        assert session.get(Account, soon).owner_id == ctx.user_id
    screenshot(widget, "accounts_pool_warning_en")
    widget.pool_banner.linkActivated.emit(soon)  # the name is a link to the account
    qtbot.waitUntil(lambda: widget.detail.isVisible())
    ctx.tasks.wait_idle()


def test_files_are_added_opened_and_refused_when_too_large(
    qtbot: Any, page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.accounts import file_actions

    opened: list[str] = []
    monkeypatch.setattr(
        file_actions.QDesktopServices,
        "openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    page.table.selectRow(0)
    account_id = page.selected_ids()[0]
    open_and_wait(qtbot, page, account_id)
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(b"%PDF-1.4 licence")
    page.detail.files.kind.setCurrentIndex(page.detail.files.kind.findData("business_licence"))
    page.detail.file_add_requested.emit(str(licence), "business_licence")
    qtbot.waitUntil(lambda: page.detail.files.model.rowCount() == 1)
    view = page.detail.files.view
    page.detail.tabs.setCurrentIndex(page.detail.tabs.indexOf(view.parentWidget()))
    assert view.model().data(view.model().index(0, 0)) == "营业执照.pdf"
    assert view.model().data(view.model().index(0, 1)) == "Business licence"
    view.selectRow(0)
    click_when_laid_out(qtbot, page.detail.findChild(type(page.detail.save_button), "file-open"))
    qtbot.waitUntil(lambda: len(opened) == 1)
    stored = Path(opened[0])
    assert stored.read_bytes() == b"%PDF-1.4 licence"
    assert stored.is_relative_to(attachments.store_root(page.ctx.data_dir))
    monkeypatch.setattr(attachments, "MAX_BYTES", 1024 * 1024)
    big = tmp_path / "scan.tiff"
    big.write_bytes(b"\0" * (3 * 1024 * 1024))
    page.detail.file_add_requested.emit(str(big), "other")
    message = page.detail.findChild(QLabel, "files-message")
    qtbot.waitUntil(lambda: message.text() != "")
    assert message.text() == "the file is 3.0 MB; attachments may be at most 1 MB"
    assert page.detail.files.model.rowCount() == 1
    screenshot(page, "accounts_files_en")


def pick_parent(qtbot: Any, picker: Any, typed: str, account_id: str) -> None:
    """Type in the Group tab's account picker and Enter on the only match."""
    picker.search.clear()
    qtbot.keyClicks(picker.search, typed)
    qtbot.waitUntil(lambda: [c.id for c in picker.found] == [account_id])
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.chosen is not None
    assert picker.chosen.id == account_id


def test_moving_an_account_under_a_parent_and_refusing_a_loop(qtbot: Any, page: Any) -> None:
    ctx = page.ctx
    group = add_account(ctx, name="星河集团有限公司")
    member = add_account(ctx, name="星河华南分公司")
    open_and_wait(qtbot, page, member)
    detail = page.detail
    detail.tabs.setCurrentWidget(detail.group)
    pick_parent(qtbot, detail.group.picker, "xinghejituan", group)
    click_when_laid_out(qtbot, detail.findChild(type(detail.save_button), "group-parent-set"))
    qtbot.waitUntil(lambda: detail.group.parent_label.text() == "星河集团有限公司")
    screenshot(page, "accounts_group_en")
    open_and_wait(qtbot, page, group)
    pick_parent(qtbot, detail.group.picker, "xhhn", member)
    click_when_laid_out(qtbot, detail.findChild(type(detail.save_button), "group-parent-set"))
    qtbot.waitUntil(lambda: detail.group.parent_error.text() == "would make the group a loop")
    with ctx.db.sessions() as session:
        assert session.get(Account, group).parent_id is None


def test_tag_and_industry_filters(qtbot: Any, page: Any) -> None:
    tag = page.filters.tag_filter
    qtbot.waitUntil(lambda: tag.count() > 1)
    tag.setCurrentIndex(tag.findData("战略"))
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < 40)
    with page.ctx.db.sessions() as session:
        tagged = accounts.account_rows(session, page.model.ids())
    assert all("战略" in row.tags for row in tagged.values())
    industry = page.filters.industry_filter
    industry.setCurrentIndex(1)
    chosen = industry.currentData()
    qtbot.waitUntil(lambda: page.model.rowCount() < len(tagged) or page.model.rowCount() == 0)
    with page.ctx.db.sessions() as session:
        rows = accounts.account_rows(session, page.model.ids())
    assert all(r.industry == chosen and "战略" in r.tags for r in rows.values())
    page.clear_filters()
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)


def test_a_broad_search_shows_its_first_rows_then_counts_and_scrolls_on(
    qtbot: Any, page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.domain.services import search

    monkeypatch.setattr(search, "NARROW", 3)  # as broad as "z" in 100k accounts
    monkeypatch.setattr(
        accounts, "list_accounts", functools.partial(accounts.list_accounts, limit=5)
    )
    with page.ctx.db.sessions() as session:
        every = accounts.account_ids(session, accounts.AccountQuery(text="有限"))
    assert len(every) > 5
    heads: list[tuple[int, bool]] = []
    set_ids = page.model.set_ids

    def record(ids: list[str], *, complete: bool = True) -> None:
        heads.append((len(ids), complete))
        set_ids(ids, complete=complete)

    monkeypatch.setattr(page.model, "set_ids", record)
    page.search.setText("有限")
    qtbot.waitUntil(lambda: heads == [(5, False)])
    qtbot.waitUntil(lambda: page.status.text().startswith(f"{len(every)} account(s)"))
    page.table.scrollToBottom()  # the view asks for the rest (it may have already)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(every))
    assert page.model.ids() == every
    name = COLUMN_KEYS.index("name")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(len(every) - 1, name)) is not None)


def test_model_with_a_head_and_the_rest_passes_qtmodeltester(qtmodeltester: Any) -> None:
    rows = {
        f"id{n}": accounts.AccountRow(
            id=f"id{n}",
            name=f"客户{n}",
            short_name=None,
            credit_code=None,
            industry=None,
            province=None,
            city=None,
            tier="B",
            status="active",
            owner_id=None,
            owner_name=None,
            potential=None,
        )
        for n in range(300)
    }
    model = AccountTableModel(
        lambda ids, deliver: deliver({i: rows[i] for i in ids}),
        fetch_rest=lambda deliver: deliver(list(rows)),
    )
    model.set_ids(list(rows)[:20], complete=False)
    assert model.rowCount() == 20
    assert model.canFetchMore()
    qtmodeltester.check(model)
    model.fetchMore()
    assert model.rowCount() == 300
    assert not model.canFetchMore()
    assert model.data(model.index(299, 0)) == "客户299"


def test_the_page_in_chinese(qtbot: Any, chinese: None, app_context: Any, tmp_path: Path) -> None:
    from desktop.ui.pages.accounts import AccountsPage

    ctx = app_context
    soon = add_account(ctx, name="即将回收科技有限公司", tier="C", owner_id=ctx.user_id)
    make_idle(ctx, soon, days=116)
    widget = AccountsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.pool_banner.isVisible())
    assert widget.search.placeholderText().startswith("搜索名称")
    assert "一周内退回公海" in widget.pool_banner.text()
    shown_names(qtbot, widget)
    assert widget.status.text() == "41 个客户"
    screenshot(widget, "accounts_zh")
    with ctx.db.sessions() as session:
        cmcc = session.query(Account).filter_by(short_name="中国移动").one().id
    open_and_wait(qtbot, widget, cmcc)
    licence = tmp_path / "营业执照.pdf"
    licence.write_bytes(b"%PDF-1.4")
    widget.detail.file_add_requested.emit(str(licence), "business_licence")
    qtbot.waitUntil(lambda: widget.detail.files.model.rowCount() == 1)
    # Owned or in the public pool, depending on the demo's draw: Chinese either way.
    assert widget.detail.owner_label.text().startswith(("负责人：", "在公海中："))
    screenshot(widget, "accounts_detail_zh")
    widget.detail.tabs.setCurrentIndex(
        widget.detail.tabs.indexOf(widget.detail.files.view.parentWidget())
    )
    shown_names(qtbot, widget)
    screenshot(widget, "accounts_files_zh")
    ctx.tasks.wait_idle()


def test_a_new_account_is_mine_unless_i_tick_the_pool(qtbot: Any, page: Any) -> None:
    detail = page.detail
    for name, pool in (("Ningbo Donggang Logistics", False), ("Wenzhou Oujiang Valves", True)):
        qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert detail.to_pool.isVisible()
        assert detail.owner_label.text() == "Owner: you"
        if pool:
            qtbot.mouseClick(detail.to_pool, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(detail.findChild(QLineEdit, "account-name"), name)
        qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda name=name: detail.title.text() == name)  # type: ignore[misc]
        assert not detail.to_pool.isVisible()
        with page.ctx.db.sessions() as session:
            saved = session.query(Account).filter_by(name=name).one()
        assert saved.owner_id == (None if pool else page.ctx.user_id)
    assert "public pool" in detail.owner_label.text()


def test_escape_on_a_half_typed_contact_asks_before_dropping_it(qtbot: Any, page: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.accounts.dialogs import ContactDialog

    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.account is not None)
    add = next(
        b for b in page.detail.contacts.findChildren(QPushButton) if b.text() == "Add contact"
    )
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ContactDialog, "contact-dialog")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "contact-name"), "Wang Fang")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "contact-mobile"), "1381234567")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    mobile_error = dialog.findChild(QLabel, "contact-mobile-error")
    assert mobile_error.text().startswith("is not a mobile number")  # ten digits
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert page.detail.isVisible()  # Escape is the dialog's, not the page's
    box = dialog.discard_box
    assert box is not None
    assert dialog.isVisible()  # nothing dropped yet
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.findChild(QLineEdit, "contact-name").text() == "Wang Fang"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.mouseClick(
        dialog.discard_box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not dialog.isVisible())
