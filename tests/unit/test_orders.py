"""Orders from accepted quotes: deliveries, payments (回款), outstanding and overdue."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.services import opportunities, orders, quotes
from desktop.store.migrate import Database
from tests.unit.test_quotes import TODAY, World


@pytest.fixture
def order_world(db: Database) -> tuple[World, str]:
    world = World(db)
    quote_id = world.quote([world.server_line()])  # 2 x 38000 + 13 % = 85880.00
    world.write(world.rep, quotes.send, quote_id)
    return world, world.write(world.rep, quotes.accept, quote_id)


def test_accepting_twice_is_refused_and_the_order_is_unique(order_world: tuple[World, str]) -> None:
    world, order_id = order_world
    detail = world.read(orders.order_detail, order_id, TODAY)
    assert (detail["amount"], detail["delivery_status"]) == (D("85880.00"), "pending")
    assert detail["expected_delivery"] == TODAY + dt.timedelta(days=30)
    assert detail["payment_due"] == TODAY + dt.timedelta(days=60)


def test_payments_reduce_outstanding_and_overdue_shows(order_world: tuple[World, str]) -> None:
    world, order_id = order_world
    world.write(world.rep, orders.record_payment, order_id, TODAY, "50000.00")
    world.write(world.rep, orders.record_payment, order_id, TODAY, D("0.50"), "cash")
    balance = world.read(orders.order_detail, order_id, TODAY)["balance"]
    assert (balance.paid, balance.outstanding, balance.overdue) == (
        D("50000.50"),
        D("35879.50"),
        False,
    )
    with pytest.raises(ValidationError, match="outstanding"):
        world.write(world.rep, orders.record_payment, order_id, TODAY, "35879.51")
    with pytest.raises(ValidationError):
        world.write(world.rep, orders.record_payment, order_id, TODAY, "0")
    late = TODAY + dt.timedelta(days=61)
    due = world.read(orders.receivables, late, account_id=world.account)
    assert (due.outstanding, due.overdue, due.overdue_orders) == (D("35879.50"), D("35879.50"), 1)
    world.write(world.rep, orders.record_payment, order_id, TODAY, "35879.50")
    assert world.read(orders.receivables, late).outstanding == D("0.00")


def test_deliveries_and_late_deliveries(order_world: tuple[World, str]) -> None:
    world, order_id = order_world
    late_day = TODAY + dt.timedelta(days=31)
    assert [o["id"] for o in world.read(orders.late_deliveries, late_day)] == [order_id]
    world.write(world.rep, orders.record_delivery, order_id, TODAY, "第一批 1台")
    assert world.read(orders.order_detail, order_id, TODAY)["delivery_status"] == "partial"
    assert len(world.read(orders.late_deliveries, late_day)) == 1
    world.write(world.rep, orders.record_delivery, order_id, TODAY, "第二批", final=True)
    detail = world.read(orders.order_detail, order_id, TODAY)
    assert detail["delivery_status"] == "delivered"
    assert [d["description"] for d in detail["deliveries"]] == ["第一批 1台", "第二批"]
    assert world.read(orders.late_deliveries, late_day) == []


def test_orders_list_shows_balances(order_world: tuple[World, str]) -> None:
    world, order_id = order_world
    world.write(world.rep, orders.record_payment, order_id, TODAY, "80000")
    [row] = world.read(orders.list_orders, TODAY)
    assert (row["account_name"], row["paid"], row["outstanding"]) == (
        "华信精密制造有限公司",
        D("80000.00"),
        D("5880.00"),
    )


def test_opportunity_stages(db: Database) -> None:
    world = World(db)
    opp = world.write(
        world.rep,
        opportunities.create_opportunity,
        world.account,
        {"name": "扩容", "stage": "qualified", "amount": D(100000), "probability": 40},
    )
    assert world.read(opportunities.weighted_pipeline) == D("40000.00")
    world.write(world.rep, opportunities.mark_lost, opp, "预算取消")
    [row] = world.read(opportunities.for_account, world.account)
    assert (row["stage"], row["probability"], row["lost_reason"]) == ("lost", 0, "预算取消")
    with pytest.raises(ValidationError):
        world.write(world.rep, opportunities.update_opportunity, opp, {"stage": "maybe"})
