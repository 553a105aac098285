"""Today's receivables (回款): an order with no payment plan whose payment date is within
the week or has passed with money still outstanding shows for its rep (due, then
overdue), until it is paid."""

from __future__ import annotations

import datetime as dt

from desktop.domain.models import User
from desktop.domain.services import orders, quotes, today
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.unit.test_quotes import NOW, World


def accepted_order(world: World) -> str:
    quote_id = world.quote([world.server_line()])  # 85,880.00 with tax
    world.write(world.rep, quotes.send, quote_id)
    order_id: str = world.write(world.rep, quotes.accept, quote_id)
    return order_id


def test_overdue_receivables_show_until_paid(db: Database) -> None:
    world = World(db)
    order_id = accepted_order(world)
    world.write(world.rep, orders.record_payment, order_id, NOW.date(), "80000")
    due_day = NOW + dt.timedelta(days=60)  # payment is due 60 days after the order
    after = NOW + dt.timedelta(days=61)

    week_before = due_day - dt.timedelta(days=8)
    assert world.read(today.build, world.rep, week_before).section("receivables") == []
    (due,) = world.read(today.build, world.rep, due_day).section("receivables")
    assert (due.record_id, due.status) == (order_id, "due")
    (item,) = world.read(today.build, world.rep, after).section("receivables")
    assert (item.entity, item.record_id, item.title) == ("order", order_id, "华信精密制造有限公司")
    assert item.detail.endswith("¥5,880.00")
    assert (item.status, item.account_id) == ("overdue", world.account)
    assert item.when == NOW.date() + dt.timedelta(days=60)
    # The rep's manager sees it with the rep's name; a rep of another team does not.
    (seen,) = world.read(today.build, world.manager, after).section("receivables")
    assert (seen.record_id, seen.owner_name) == (order_id, "张伟")
    with unit_of_work(db.sessions, None) as uow:
        stranger = uow.add(User(username="other", display_name="李四", role="rep")).id
    assert world.read(today.build, stranger, after).section("receivables") == []
    assert len(world.read(today.build, None, after).section("receivables")) == 1

    world.write(world.rep, orders.record_payment, order_id, NOW.date(), "5880")
    assert world.read(today.build, world.rep, after).section("receivables") == []
