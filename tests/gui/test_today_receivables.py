"""Today shows the user's receivables (回款) overdue or due this week; a payment takes
the order off the list; opening the item shows the order on the Quotes page's orders
tab."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.models import Account, Order
from desktop.domain.services import orders
from desktop.domain.uow import unit_of_work
from desktop.ui.testing import screenshot


def overdue_order(ctx: Any) -> str:
    """An order of the signed-in user, 30 days past its payment date, nothing paid."""
    today = dt.datetime.now(ctx.zone).date()
    with ctx.db.sessions() as session:
        account_id = session.scalar(select(Account.id).order_by(Account.name).limit(1))
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        order_id: str = uow.add(
            Order(
                number="SO-TEST-0001",
                account_id=account_id,
                owner_id=ctx.user_id,
                order_date=today - dt.timedelta(days=90),
                amount=Decimal("12345.60"),
                payment_due=today - dt.timedelta(days=30),
                delivery_status="delivered",
            )
        ).id
    return order_id


@pytest.fixture
def order_id(app_context: Any) -> str:
    return overdue_order(app_context)


@pytest.fixture
def window(qtbot: Any, app_context: Any, order_id: str) -> Any:
    """The window opened after the order fell overdue."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    return window


def receivable_rows(page: Any) -> list[int]:
    return [r for r, item in enumerate(page.model.items) if item.section == "receivables"]


def test_overdue_receivable_on_today_until_paid(
    qtbot: Any, window: Any, app_context: Any, order_id: str
) -> None:
    page = window.show_page("today")
    qtbot.waitUntil(lambda: bool(receivable_rows(page)))
    (row,) = [r for r in receivable_rows(page) if page.model.items[r].record_id == order_id]
    model = page.model
    assert (
        model.index(row, model.SECTION).data()
        == f"Receivables: overdue and due this week ({model.counts['receivables']})"
    )
    assert model.index(row, model.DETAIL).data() == "SO-TEST-0001 · ¥12,345.60"
    assert model.index(row, model.STATUS).data() == "Overdue"
    screenshot(window, "today/receivables_en")

    page.open_item(model.index(row, 0))
    quotes_page = window.page("quotes")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is quotes_page)
    assert quotes_page.tabs.currentWidget() is quotes_page.orders
    assert quotes_page.orders.order_id == order_id

    today = dt.datetime.now(app_context.zone).date()
    app_context.tasks.write(
        lambda uow: orders.record_payment(uow, order_id, today, Decimal("12345.60"))
    )
    qtbot.waitUntil(lambda: all(i.record_id != order_id for i in page.model.items))


def test_overdue_receivable_in_chinese(
    qtbot: Any, chinese: None, window: Any, order_id: str
) -> None:
    page = window.show_page("today")
    qtbot.waitUntil(lambda: any(i.record_id == order_id for i in page.model.items))
    (row,) = [r for r, i in enumerate(page.model.items) if i.record_id == order_id]
    assert page.model.index(row, page.model.SECTION).data().startswith("回款：逾期及本周到期 (")
    screenshot(window, "today/receivables_zh")
