"""The account's Timeline tab as a rep uses it: everything in one list newest first, the
kind buttons filter it, a new visit appears at the top and Enter or a double-click
opens it, a field change opens the account's History, older items come a page at a
time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.domain.models import ChangeRecord, Complaint, Order, Payment, Quote, Visit
from desktop.domain.services import accounts, visits
from desktop.ui.accounts.timeline import AccountTimelineTab
from desktop.ui.table_model import ROW_ID_ROLE
from desktop.ui.testing import screenshot
from tests.gui.test_account_tabs import account_with, open_account


@pytest.fixture
def window(main_window: Any) -> Any:
    main_window.resize(1366, 768)
    return main_window


def show_timeline(qtbot: Any, page: Any) -> AccountTimelineTab:
    tab: AccountTimelineTab = page.timeline
    page.detail.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_for == page.detail.account["id"])
    return tab


def kinds(tab: AccountTimelineTab) -> list[str]:
    return [row.kind for row in tab.model.rows]


def count(db: Any, model: Any, account_id: str) -> int:
    with db.sessions() as session:
        return int(
            session.scalar(
                select(func.count()).where(
                    model.account_id == account_id, model.deleted_at.is_(None)
                )
            )
            or 0
        )


def test_the_timeline_holds_the_accounts_story_newest_first(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    db = app_context.db
    account_id = account_with(db, Visit, Quote, Order, Complaint)
    page = open_account(qtbot, window, account_id)
    titles = [page.detail.tabs.tabText(i) for i in range(page.detail.tabs.count())]
    assert titles[:2] == ["Profile", "Timeline"]
    tab = show_timeline(qtbot, page)
    shown = kinds(tab)
    assert shown.count("visit") == count(db, Visit, account_id)
    assert shown.count("quote") == count(db, Quote, account_id)
    assert shown.count("order") == count(db, Order, account_id)
    assert shown.count("complaint") == count(db, Complaint, account_id)
    stamps = [row.at for row in tab.model.rows]
    assert stamps == sorted(stamps, reverse=True)
    assert tab.summary.text() == f"{len(shown)} items, newest first."
    screenshot(window, "timeline/all_en")

    # Only visits: click every other kind's button off.
    for kind, button in tab.filters.items():
        if kind != "visit":
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: set(kinds(tab)) == {"visit"})
    assert len(kinds(tab)) == count(db, Visit, account_id)
    qtbot.mouseClick(tab.filters["visit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.summary.text() == "Nothing of these kinds yet."


def test_a_new_visit_is_on_top_and_enter_opens_it(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    account_id = account_with(app_context.db, Visit)
    page = open_account(qtbot, window, account_id)
    tab = show_timeline(qtbot, page)
    before = tab.model.rowCount()
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=400)
    new_id = app_context.tasks.write(
        lambda uow: visits.plan_visit(
            uow,
            account_id=account_id,
            owner_id=app_context.user_id,
            planned_start=start,
            purpose="年度框架协议谈判",
        )
    ).result(timeout=10)
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1)
    top = tab.model.index(0, tab.model.WHAT)
    assert top.data() == "年度框架协议谈判"
    assert tab.model.index(0, tab.model.STATUS).data() == "Planned"
    # Click the top row, press Enter: the visit opens on the Visits page.
    where = tab.table.visualRect(top).center()
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    visits_page = window.page("visits")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is visits_page)
    qtbot.waitUntil(lambda: [d.visit_id for d in visits_page.open_dialogs] == [new_id])
    for dialog in list(visits_page.open_dialogs):
        dialog.reject()


def test_double_clicking_a_profile_change_shows_the_history(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    account_id = account_with(app_context.db, Visit)
    page = open_account(qtbot, window, account_id)
    tab = show_timeline(qtbot, page)
    app_context.tasks.write(
        lambda uow: accounts.update_account(uow, account_id, {"city": "无锡", "industry": "物流"})
    )
    qtbot.waitUntil(lambda: "change" in kinds(tab))
    row = kinds(tab).index("change")
    index = tab.model.index(row, tab.model.WHAT)
    assert index.data() == "Account: City, Industry"
    where = tab.table.visualRect(index).center()
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    history = page.detail.findChild(type(tab.table), "history-view")
    qtbot.waitUntil(lambda: page.detail.tabs.currentWidget() is history)


def test_older_items_come_a_page_at_a_time(qtbot: Any, window: Any, app_context: Any) -> None:
    db = app_context.db
    account_id = account_with(db, Visit)
    start = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    with app_context.db.sessions() as session, session.begin():
        owner = session.scalar(select(Visit.owner_id).where(Visit.account_id == account_id))

    def many(uow: Any) -> None:
        for n in range(450):
            uow.add(
                Visit(
                    account_id=account_id,
                    owner_id=owner,
                    status="cancelled",
                    purpose=f"旧拜访 {n}",
                    planned_start=start + dt.timedelta(days=n),
                )
            )

    app_context.tasks.write(many).result(timeout=30)
    total = count(db, Visit, account_id) + sum(
        count(db, m, account_id) for m in (Quote, Order, Complaint)
    )
    with db.sessions() as session:
        total += int(
            session.scalar(
                select(func.count())
                .select_from(Payment)
                .join(Order, Order.id == Payment.order_id)
                .where(Order.account_id == account_id, Payment.deleted_at.is_(None))
            )
            or 0
        )
        changes = session.execute(
            select(ChangeRecord.entity, ChangeRecord.row_id, ChangeRecord.changed_at)
            .where(ChangeRecord.account_id == account_id)
            .distinct()
        ).all()
    total += len(changes)
    page = open_account(qtbot, window, account_id)
    tab = show_timeline(qtbot, page)
    assert tab.model.rowCount() == 200
    assert tab.more_button.isVisible()
    assert tab.summary.text() == "The newest 200 items; “Show older” for more."
    qtbot.mouseClick(tab.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 400)
    qtbot.mouseClick(tab.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.more_button.isVisible())
    ids = [tab.model.index(r, 0).data(ROW_ID_ROLE) for r in range(tab.model.rowCount())]
    assert len(ids) == len(set(ids)) == total
    assert tab.model.rows[-1].title == "旧拜访 0"


def test_timeline_in_chinese(qtbot: Any, chinese: None, window: Any, app_context: Any) -> None:
    account_id = account_with(app_context.db, Visit, Order)
    page = open_account(qtbot, window, account_id)
    tab = show_timeline(qtbot, page)
    assert page.detail.tabs.tabText(1) == "时间线"
    assert tab.filters["visit"].text() == "拜访"
    assert "拜访" in [tab.model.index(r, tab.model.KIND).data() for r in range(10)]
    QApplication.processEvents()
    screenshot(window, "timeline/all_zh")
