"""The approval inbox and a quote's approval history, read from the rows and their
change records (no table of their own)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from desktop.domain.models import Order, Team, User
from desktop.domain.services import approvals, quotes
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.unit.test_quotes import World


@pytest.fixture
def world(db: Database) -> World:
    return World(db)


def test_the_inbox_holds_what_awaits_this_manager_and_the_history_tells_the_steps(
    world: World,
) -> None:
    quote_id = world.quote([world.server_line(discount="14")])
    world.write(world.rep, quotes.request_approval, quote_id, "竞争对手报价更低")
    (pending,) = world.read(approvals.inbox, world.manager, world.now)
    assert (pending.quote_id, pending.owner_name) == (quote_id, "张伟")
    assert pending.justification == "竞争对手报价更低"
    assert [r.code for r in pending.reasons] == ["tier_discount"]
    # 2 x 38,000 at list, 14 % off: 10,640 below list before tax.
    assert (pending.list_value, pending.net_value) == (D("76000.00"), D("65360.00"))
    assert (pending.below_list, pending.below_list_pct) == (D("10640.00"), D("14.0"))
    assert pending.submitted_at == world.now
    assert world.read(approvals.inbox, world.rep, world.now) == []
    assert world.read(approvals.approvers, world.rep) == ["王芳"]

    world.now += dt.timedelta(hours=2)
    world.write(world.manager, quotes.return_quote, quote_id, "最多给12%")
    assert world.read(approvals.inbox, world.manager, world.now) == []
    world.now += dt.timedelta(hours=1)
    world.write(world.rep, quotes.request_approval, quote_id, "竞争对手报价更低")
    world.write(world.manager, quotes.approve, quote_id, "")
    steps = world.read(approvals.history, quote_id)
    assert [(s.step, s.by, s.note, s.to) for s in steps] == [
        ("submitted", "张伟", "竞争对手报价更低", "王芳"),  # and who it went to
        ("returned", "王芳", "最多给12%", ""),
        ("submitted", "张伟", "竞争对手报价更低", "王芳"),  # the same words are kept again
        ("approved", "王芳", "", ""),
    ]
    assert steps[1].at == world.now - dt.timedelta(hours=1)


def test_a_manager_s_own_quote_waits_for_an_admin(world: World) -> None:
    with unit_of_work(world.db.sessions, None) as uow:
        admin = uow.add(User(username="root", display_name="管理员", role="admin")).id
    quote_id = world.write(world.manager, quotes.create_quote, world.account)
    world.write(world.manager, quotes.save_quote, quote_id, {}, [world.server_line(discount="14")])
    world.write(world.manager, quotes.request_approval, quote_id, "年底冲量")
    assert world.read(approvals.inbox, world.manager, world.now) == []
    assert [p.quote_id for p in world.read(approvals.inbox, admin, world.now)] == [quote_id]
    assert world.read(approvals.approvers, world.manager) == ["管理员"]
    (asked,) = world.read(approvals.history, quote_id)
    assert (asked.step, asked.by, asked.to) == ("submitted", "王芳", "管理员")
    assert not world.read(approvals.can_decide, world.manager, world.manager)
    # The team's named manager is his manager: the quote goes to her instead.
    with unit_of_work(world.db.sessions, None) as uow:
        head = uow.add(User(username="head", display_name="总监", role="manager")).id
        rep = uow.session.get(User, world.rep)
        assert rep is not None
        uow.update(uow.session.get(Team, rep.team_id), {"manager_id": head})  # type: ignore[arg-type]
    assert [p.quote_id for p in world.read(approvals.inbox, head, world.now)] == [quote_id]
    assert world.read(approvals.approvers, world.manager) == ["总监", "管理员"]


def test_the_account_s_last_year_beside_the_request(world: World) -> None:
    def order(day: dt.date, amount: str) -> None:
        with unit_of_work(world.db.sessions, world.rep) as uow:
            uow.add(
                Order(
                    number=f"SO-{day}", account_id=world.account, order_date=day, amount=D(amount)
                )
            )

    order(dt.date(2026, 3, 1), "1000.50")
    order(dt.date(2025, 1, 1), "999")  # more than a year before: not counted
    summary = world.read(approvals.account_summary, world.account, world.now)
    assert (summary.orders, summary.ordered) == (1, D("1000.50"))
    assert (summary.won, summary.lost, summary.last_visit) == (0, 0, None)
