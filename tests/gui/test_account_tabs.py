"""The account detail's Visits, Quotes, Complaints and Receivables tabs as a rep uses
them: open an account, look at each tab, double-click to open the record on its page,
and see receivables change after a payment is recorded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.domain.models import Account, Complaint, Order, Payment, Quote, Visit
from desktop.domain.services import orders
from desktop.ui.account_tabs import (
    AccountComplaintsTab,
    AccountQuotesTab,
    AccountReceivablesTab,
    AccountTab,
    AccountVisitsTab,
)
from desktop.ui.testing import screenshot


def account_with(db: Any, *models: Any) -> str:
    """The demo account that has rows of every one of ``models`` (most visits first)."""
    with db.sessions() as session:
        query = select(Account.id).where(Account.deleted_at.is_(None))
        for model in models:
            query = query.where(Account.id.in_(select(model.account_id)))
        visits = select(func.count()).where(Visit.account_id == Account.id).scalar_subquery()
        found = session.scalar(query.order_by(visits.desc(), Account.name).limit(1))
    assert found is not None, f"the demo data has no account with {models}"
    return found


def unpaid_order(db: Any) -> tuple[str, str, Decimal]:
    """(account id, order id, amount) of a demo order nothing was paid on yet."""
    with db.sessions() as session:
        paid = select(Payment.order_id)
        row = session.execute(
            select(Order.account_id, Order.id, Order.amount)
            .where(Order.id.not_in(paid))
            .order_by(Order.number)
            .limit(1)
        ).one()
    return row[0], row[1], row[2]


@pytest.fixture
def window(main_window: Any) -> Any:
    main_window.resize(1500, 900)
    return main_window


def open_account(qtbot: Any, window: Any, account_id: str) -> Any:
    page = window.show_page("accounts")
    page.open_account(account_id)
    qtbot.waitUntil(lambda: page.detail.isVisible() and page.detail.account is not None)
    qtbot.waitUntil(lambda: page.detail.account["id"] == account_id)
    return page


def show_tab(qtbot: Any, page: Any, kind: type[AccountTab]) -> Any:
    (tab,) = [t for t in page.account_tabs if isinstance(t, kind)]
    page.detail.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_for == page.detail.account["id"])
    return tab


def cells(tab: Any, column: int) -> list[str]:
    model = tab.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_tabs_show_the_accounts_visits_quotes_and_receivables(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    db = app_context.db
    account_id = account_with(db, Visit, Order)
    page = open_account(qtbot, window, account_id)
    titles = [page.detail.tabs.tabText(i) for i in range(page.detail.tabs.count())]
    assert titles[-8:] == [
        "Visits",
        "Opportunities",
        "Competitors",
        "Quotes",
        "Contracts",
        "Complaints",
        "Orders",
        "Receivables",
    ]
    with db.sessions() as session:
        visit_count = session.scalar(
            select(func.count()).where(Visit.account_id == account_id, Visit.deleted_at.is_(None))
        )
        numbers = set(session.scalars(select(Quote.number).where(Quote.account_id == account_id)))
        order_numbers = set(
            session.scalars(select(Order.number).where(Order.account_id == account_id))
        )

    visits = show_tab(qtbot, page, AccountVisitsTab)
    assert visits.model.rowCount() == visit_count
    assert visits.table.isColumnHidden(visits.model.ACCOUNT)  # it is this account's tab
    assert visits.summary.text().startswith("Last visit:")
    screenshot(window, "account_tabs/visits_en")

    quotes = show_tab(qtbot, page, AccountQuotesTab)
    assert set(cells(quotes, quotes.model.NUMBER)) == numbers
    assert quotes.summary.text().startswith(f"Quotes (latest revisions): {len(numbers)} ·")

    receivables = show_tab(qtbot, page, AccountReceivablesTab)
    assert set(cells(receivables, receivables.model.NUMBER)) == order_numbers
    assert receivables.summary.text().startswith("Outstanding: ¥")
    screenshot(window, "account_tabs/receivables_en")


def test_complaints_tab_lists_the_accounts_complaints(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    account_id = account_with(app_context.db, Complaint)
    with app_context.db.sessions() as session:
        titles = sorted(
            session.scalars(select(Complaint.title).where(Complaint.account_id == account_id))
        )
    page = open_account(qtbot, window, account_id)
    tab = show_tab(qtbot, page, AccountComplaintsTab)
    assert sorted(cells(tab, tab.model.TITLE)) == titles
    assert tab.summary.text().startswith(f"Complaints: {len(titles)} ·")
    screenshot(window, "account_tabs/complaints_en")


def test_double_click_opens_the_quote_on_the_quotes_page(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    account_id = account_with(app_context.db, Quote)
    page = open_account(qtbot, window, account_id)
    tab = show_tab(qtbot, page, AccountQuotesTab)
    index = tab.model.index(0, tab.model.NUMBER)
    number = index.data()
    where = tab.table.visualRect(index).center()
    # A real double-click starts with a press: QTest's double-click alone is not one.
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    quotes_page = window.page("quotes")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is quotes_page)
    qtbot.waitUntil(
        lambda: (
            quotes_page.editor.view is not None
            and quotes_page.editor.view.quote["number"] == number
        )
    )


def test_receivables_follow_a_recorded_payment(qtbot: Any, window: Any, app_context: Any) -> None:
    account_id, order_id, amount = unpaid_order(app_context.db)
    page = open_account(qtbot, window, account_id)
    tab = show_tab(qtbot, page, AccountReceivablesTab)
    row = tab.model.row_of(order_id)
    assert tab.model.rows[row]["outstanding"] == amount
    today = dt.datetime.now(app_context.zone).date()
    app_context.tasks.write(lambda uow: orders.record_payment(uow, order_id, today, amount))
    qtbot.waitUntil(lambda: tab.model.rows[tab.model.row_of(order_id)]["outstanding"] == 0)
    assert tab.model.index(tab.model.row_of(order_id), tab.model.OUTSTANDING).data() == "¥0.00"


def test_tabs_in_chinese(qtbot: Any, chinese: None, window: Any, app_context: Any) -> None:
    account_id = account_with(app_context.db, Visit, Order)
    page = open_account(qtbot, window, account_id)
    titles = [page.detail.tabs.tabText(i) for i in range(page.detail.tabs.count())]
    assert titles[-8:] == ["拜访", "商机", "竞争对手", "报价", "合同", "投诉", "订单", "回款"]
    for kind, name in (
        (AccountVisitsTab, "visits"),
        (AccountQuotesTab, "quotes"),
        (AccountReceivablesTab, "receivables"),
    ):
        tab = show_tab(qtbot, page, kind)
        QApplication.processEvents()
        screenshot(window, f"account_tabs/{name}_zh")
    assert tab.summary.text().startswith("未收")


def test_double_click_opens_the_complaint_on_the_complaints_page(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    account_id = account_with(app_context.db, Complaint)
    page = open_account(qtbot, window, account_id)
    tab = show_tab(qtbot, page, AccountComplaintsTab)
    complaint_id = tab.model.rows[0].id
    tab.table.selectRow(0)
    tab.open_button.click()
    complaints_page = window.page("complaints")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is complaints_page)
    qtbot.waitUntil(lambda: complaints_page.selected_id() == complaint_id)
    screenshot(window, "account_tabs/complaint_opened_en")


def test_a_pulled_visit_keeps_the_visit_selected_in_the_tab(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    from sqlalchemy import update

    from desktop.domain.uow import remote_apply
    from desktop.ui.table_model import ROW_ID_ROLE

    db = app_context.db
    page = open_account(qtbot, window, account_with(db, Visit))
    visits = show_tab(qtbot, page, AccountVisitsTab)
    assert visits.model.rowCount() > 1
    visits.table.selectRow(1)
    chosen = visits.table.currentIndex().data(ROW_ID_ROLE)
    with db.sessions() as session, remote_apply(session), session.begin():
        session.execute(update(Visit).where(Visit.id == chosen).values(purpose="复盘交付计划"))
    app_context.tasks.changed.emit({"visit"})  # as a pull reports it
    purpose = visits.model.PURPOSE
    qtbot.waitUntil(lambda: "复盘交付计划" in cells(visits, purpose))
    assert visits.table.currentIndex().data(ROW_ID_ROLE) == chosen
    assert [i.row() for i in visits.table.selectionModel().selectedRows()] == [
        visits.model.row_of(chosen)
    ]
