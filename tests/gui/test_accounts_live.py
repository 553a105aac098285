"""The Accounts page while data changes under it (a pull, another page): the list keeps
the user's place and selection, the open account and contact dialog keep unsaved typing;
the "Last visit" / "Next visit" columns (shown, sorted, exported); the pool upkeep that
the window starts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from sqlalchemy import update

from desktop.domain.models import Account, Contact, Visit
from desktop.domain.uow import remote_apply, unit_of_work
from desktop.ui.accounts.model import COLUMN_KEYS
from desktop.ui.table_model import ROW_ID_ROLE
from desktop.ui.testing import screenshot
from tests.gui.test_accounts import open_accounts_page


@pytest.fixture
def page(qtbot: Any, app_context: Any) -> Any:
    yield open_accounts_page(qtbot, app_context, height=600)  # a list that scrolls
    app_context.tasks.wait_idle()


def cell(page: Any, account_id: str, key: str) -> Any:
    model = page.model
    return model.data(model.index(model.row_of(account_id), COLUMN_KEYS.index(key)))


def pulled(ctx: Any, change: Any) -> None:
    """Write as the sync engine does (server rows, no outbox), then tell the pages."""
    with ctx.db.sessions() as session, remote_apply(session), session.begin():
        change(session)
    ctx.tasks.changed.emit({"account", "contact"})


def pulled_values(ctx: Any, account_id: str, **values: Any) -> None:
    pulled(ctx, lambda s: s.execute(update(Account).where(Account.id == account_id).values(values)))


def open_detail(qtbot: Any, page: Any, row: int) -> tuple[Any, str]:
    """Open the account on ``row`` of the list; (the detail pane, its id)."""
    account_id = page.model.ids()[row]
    page.open_account(account_id)
    qtbot.waitUntil(lambda: page.detail.isVisible() and page.detail.account is not None)
    return page.detail, account_id


def test_a_pull_keeps_the_selection_and_the_scroll_and_shows_the_new_values(
    qtbot: Any, page: Any
) -> None:
    table, model = page.table, page.model
    qtbot.waitUntil(lambda: cell(page, model.ids()[39], "name") is not None)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: table.rowAt(0) > 5)
    top_id = model.data(model.index(table.rowAt(0), 0), ROW_ID_ROLE)
    chosen, other = model.ids()[table.rowAt(0) + 3], model.ids()[2]
    table.selectRow(model.row_of(chosen))
    assert page.selected_ids() == [chosen]

    # Values change on two accounts (same order): the rows update in place.
    pulled(
        page.ctx,
        lambda s: s.execute(
            update(Account).where(Account.id.in_([chosen, other])).values(city="拉萨")
        ),
    )
    qtbot.waitUntil(lambda: cell(page, chosen, "city") == "拉萨")
    qtbot.waitUntil(lambda: cell(page, other, "city") == "拉萨")
    assert page.selected_ids() == [chosen]
    assert model.data(model.index(table.rowAt(0), 0), ROW_ID_ROLE) == top_id

    # A new account arrives at the head of the list: the rows move down by one, the
    # user's row stays selected and the same account stays at the top of the view.
    def arrive(session: Any) -> None:
        session.add(Account(name="0001 新到客户有限公司", tier="B", status="active"))
        session.execute(update(Account).where(Account.id == chosen).values(city="林芝"))

    pulled(page.ctx, arrive)
    qtbot.waitUntil(lambda: model.rowCount() == 41)
    qtbot.waitUntil(lambda: cell(page, chosen, "city") == "林芝")
    assert page.selected_ids() == [chosen]
    assert table.currentIndex().row() == model.row_of(chosen)
    assert model.data(model.index(table.rowAt(0), 0), ROW_ID_ROLE) == top_id
    assert page.query.sort == "name"
    screenshot(page, "accounts_after_pull_en")


def test_a_change_elsewhere_keeps_what_the_user_typed(qtbot: Any, page: Any) -> None:
    ctx = page.ctx
    detail, account_id = open_detail(qtbot, page, 0)
    phone = detail.findChild(QLineEdit, "account-phone")
    address = detail.findChild(QLineEdit, "account-address")
    phone.clear()
    qtbot.keyClicks(phone, "0891-6330000")

    def elsewhere(uow: Any) -> None:  # another page, or a pull: phone and address change
        row = uow.session.get(Account, account_id)
        uow.update(row, {"phone": "010-12345678", "address": "拉萨市城关区北京中路1号"})

    ctx.tasks.write(elsewhere)
    qtbot.waitUntil(lambda: address.text() == "拉萨市城关区北京中路1号")
    assert phone.text() == "0891-6330000"  # the typing stays
    bar = detail.changed_bar
    assert bar.isVisible()
    assert bar.label.text().startswith("This account was changed elsewhere")
    screenshot(page, "accounts_changed_elsewhere_en")

    # Keep editing, then Save: the typed phone wins, the new address stays.
    qtbot.mouseClick(bar.keep_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    ctx.tasks.wait_idle()
    with ctx.db.sessions() as session:
        saved = session.get(Account, account_id)
        assert (saved.phone, saved.address) == ("0891-6330000", "拉萨市城关区北京中路1号")

    # Typing again, another change elsewhere, and Reload: the saved values come back.
    qtbot.waitUntil(lambda: detail.account["phone"] == "0891-6330000")
    phone.clear()
    qtbot.keyClicks(phone, "0891-0000000")
    pulled_values(ctx, account_id, phone="0891-6888888")
    qtbot.waitUntil(lambda: detail.account["phone"] == "0891-6888888")
    assert bar.isVisible()
    assert phone.text() == "0891-0000000"
    qtbot.mouseClick(bar.reload_button, Qt.MouseButton.LeftButton)
    assert phone.text() == "0891-6888888"
    assert not bar.isVisible()


def test_a_change_without_typing_just_shows_the_new_values(qtbot: Any, page: Any) -> None:
    detail, account_id = open_detail(qtbot, page, 1)
    pulled_values(page.ctx, account_id, tier="A")
    tier = detail.profile.inputs["tier"]
    qtbot.waitUntil(lambda: tier.currentData() == "A")
    assert not detail.changed_bar.isVisible()


def test_an_account_deleted_elsewhere_says_so_and_cannot_be_saved(qtbot: Any, page: Any) -> None:
    detail, account_id = open_detail(qtbot, page, 3)
    pulled_values(page.ctx, account_id, deleted_at=dt.datetime.now(dt.UTC))
    qtbot.waitUntil(lambda: page.model.row_of(account_id) == -1)
    qtbot.waitUntil(lambda: detail.changed_bar.isVisible())
    assert detail.changed_bar.label.text().startswith("This account was deleted elsewhere")
    assert not detail.save_button.isEnabled()
    assert not detail.changed_bar.reload_button.isVisible()


def test_the_contact_dialog_keeps_typing_when_the_contact_changes_elsewhere(
    qtbot: Any, page: Any
) -> None:
    from desktop.ui.accounts.dialogs import ContactDialog

    detail = page.detail
    with page.ctx.db.sessions() as session:
        contact = session.query(Contact).filter(Contact.deleted_at.is_(None)).first()
        account_id, contact_id = contact.account_id, contact.id
    page.open_account(account_id)
    qtbot.waitUntil(lambda: detail.contacts.model.rowCount() > 0)
    row = next(r for r, item in enumerate(detail.contacts.model.rows) if item["id"] == contact_id)
    detail.contacts.view.selectRow(row)
    detail.contact_edit_requested.emit(detail.contacts.model.rows[row])
    dialog = page.findChild(ContactDialog, "contact-dialog")
    assert dialog is not None
    title = dialog.findChild(QLineEdit, "contact-title")
    title.clear()
    qtbot.keyClicks(title, "CIO")
    pulled(
        page.ctx,
        lambda s: s.execute(
            update(Contact)
            .where(Contact.id == contact_id)
            .values(title="CFO", email="new.address@example.com")
        ),
    )
    email = dialog.findChild(QLineEdit, "contact-email")
    qtbot.waitUntil(lambda: email.text() == "new.address@example.com")
    assert title.text() == "CIO"
    assert dialog.changed_bar.isVisible()
    assert dialog.changed_bar.label.text().startswith("This contact was changed elsewhere")
    # The contact stays selected in the account's list.
    assert detail.contacts.view.selectionModel().selectedRows()[0].row() == row
    reload = dialog.findChild(QPushButton, "changed-elsewhere-reload")
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    assert title.text() == "CFO"
    dialog.reject()


# -- last and next visit --------------------------------------------------------------


def add_visits(ctx: Any) -> str:
    """An account visited on 3 March (Beijing time) with a visit planned in 10 days."""
    zone = ctx.zone
    soon = dt.datetime.now(zone).replace(hour=9, minute=0, second=0, microsecond=0)
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        account = uow.add(Account(name="0002 拜访列测试有限公司", tier="A"))
        uow.add(
            Visit(
                account_id=account.id,
                status="done",
                report="谈了续约",
                # 23:30 UTC on 2 March is 07:30 on 3 March in Beijing.
                planned_start=dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.UTC),
            )
        )
        uow.add(
            Visit(
                account_id=account.id,
                status="planned",
                planned_start=(soon + dt.timedelta(days=10)).astimezone(dt.UTC),
            )
        )
        account_id = str(account.id)
    ctx.tasks.changed.emit({"account", "visit"})
    return account_id


def wait_for_order(qtbot: Any, page: Any) -> None:
    from desktop.domain.services import accounts

    with page.ctx.db.sessions() as session:
        expected = accounts.account_ids(session, page.query)
    qtbot.waitUntil(lambda: page.model.ids() == expected)


def test_last_and_next_visit_columns_show_sort_and_export(
    qtbot: Any, page: Any, tmp_path: Path
) -> None:
    ctx = page.ctx
    account_id = add_visits(ctx)
    qtbot.waitUntil(lambda: page.model.row_of(account_id) >= 0)
    next_day = (dt.datetime.now(ctx.zone) + dt.timedelta(days=10)).date().isoformat()
    qtbot.waitUntil(lambda: cell(page, account_id, "last_visit") == "2026-03-03")
    assert cell(page, account_id, "next_visit") == next_day
    header = page.table.horizontalHeader()
    last, nxt = COLUMN_KEYS.index("last_visit"), COLUMN_KEYS.index("next_visit")
    assert not header.isSectionHidden(last)
    assert not header.isSectionHidden(nxt)
    assert page.model.headerData(last, Qt.Orientation.Horizontal) == "Last visit"

    # Sorted by next visit: accounts with a planned visit first, the soonest first.
    page._on_header_clicked(nxt)
    wait_for_order(qtbot, page)
    qtbot.waitUntil(lambda: all(cell(page, i, "name") for i in page.model.ids()))
    shown = [cell(page, i, "next_visit") for i in page.model.ids()]
    planned = [d for d in shown if d]
    assert planned == sorted(planned)
    assert shown[: len(planned)] == planned  # nothing planned: at the end
    # Most recent visit first.
    page._on_header_clicked(last)
    page._on_header_clicked(last)
    assert page.query.sort == "last_visit"
    assert page.query.descending
    wait_for_order(qtbot, page)
    qtbot.waitUntil(lambda: all(cell(page, i, "name") for i in page.model.ids()))
    seen = [cell(page, i, "last_visit") for i in page.model.ids()]
    visited = [d for d in seen if d]
    assert visited == sorted(visited, reverse=True)
    screenshot(page, "accounts_visit_columns_en")

    path = tmp_path / "accounts.xlsx"
    with qtbot.waitSignal(page.export.finished, timeout=10_000):
        page.export.export_to(path)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = list(rows[0])
    assert "Last visit" in headers
    assert "Next visit" in headers
    line = next(r for r in rows[1:] if r[headers.index("Name")] == "0002 拜访列测试有限公司")
    assert line[headers.index("Last visit")] == dt.datetime(2026, 3, 3)  # a date cell
    # Hidden columns are not exported.
    page.table.set_column_visible(last, False)
    with qtbot.waitSignal(page.export.finished, timeout=10_000):
        page.export.export_to(path)
    headers = [c.value for c in next(openpyxl.load_workbook(path).active.iter_rows())]
    assert "Last visit" not in headers
    assert "Next visit" in headers


# -- pool upkeep ----------------------------------------------------------------------


def test_the_window_returns_idle_accounts_at_start_and_stops_its_daily_timer(
    qtbot: Any, app_context: Any
) -> None:
    from desktop.ui.accounts.pool_upkeep import pool_upkeep_for
    from desktop.ui.main_window import MainWindow

    ctx = app_context
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        idle = uow.add(Account(name="长期未拜访有限公司", tier="C", owner_id=ctx.user_id)).id
    when = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=130)
    with ctx.db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE account SET created_at = ? WHERE id = ?", (when.isoformat(" "), idle)
        )
    ctx.daily_pool_upkeep = True  # as the app sets it: the daily timer runs
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    upkeep = pool_upkeep_for(ctx)
    assert upkeep.timer.isActive()
    qtbot.waitUntil(lambda: upkeep.last_returned is not None)  # no page opened for it
    assert upkeep.last_returned == 1
    with ctx.db.sessions() as session:
        assert session.get(Account, idle).owner_id is None
    # The Accounts page, opened later, says what happened.
    page = window.show_page("accounts")
    qtbot.waitUntil(lambda: page.notice.text().startswith("1 account(s) went back"))
    window.close()
    assert not upkeep.timer.isActive()
    ctx.tasks.wait_idle()


def test_without_the_apps_flag_no_daily_timer_starts(qtbot: Any, main_window: Any) -> None:
    from desktop.ui.accounts.pool_upkeep import pool_upkeep_for

    upkeep = pool_upkeep_for(main_window.ctx)
    assert upkeep.started
    assert not upkeep.timer.isActive()
    main_window.ctx.tasks.wait_idle()


def test_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    ctx = app_context
    widget = open_accounts_page(qtbot, ctx)
    model = widget.model
    add_visits(ctx)
    qtbot.waitUntil(lambda: model.rowCount() == 41)
    assert model.headerData(COLUMN_KEYS.index("next_visit"), Qt.Orientation.Horizontal) == (
        "下次拜访"
    )
    detail, account_id = open_detail(qtbot, widget, 0)
    phone = detail.findChild(QLineEdit, "account-phone")
    phone.clear()
    qtbot.keyClicks(phone, "0891-6330000")
    pulled_values(ctx, account_id, address="拉萨市城关区")
    qtbot.waitUntil(lambda: detail.changed_bar.isVisible())
    assert detail.changed_bar.label.text().startswith("此客户已在别处被修改")
    assert detail.changed_bar.keep_button.text() == "继续编辑"
    qtbot.waitUntil(lambda: all(cell(widget, i, "name") for i in model.ids()[:10]))
    screenshot(widget, "accounts_changed_elsewhere_zh")
    ctx.tasks.wait_idle()
