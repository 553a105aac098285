"""The account health score: every point with its reason, the rules' boundaries, the
weights from the policy, and the facts gathered from the data for many accounts at
once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from desktop.domain.health import HealthFacts, Reason, Weights, reason_text, score
from desktop.domain.models import Account, Complaint, Contact, Visit, VisitAttendee
from desktop.domain.rules import RuleViolation
from desktop.domain.services import health, orders, quotes
from desktop.store.migrate import Database
from tests.seed import seeded
from tests.unit.test_quotes import NOW, TODAY, World

W = Weights()


def facts(**values: object) -> HealthFacts:
    """An account visited 10 days ago whose decision maker we met 10 days ago."""
    base: dict[str, object] = {
        "cadence_days": 30,
        "last_visit": NOW - dt.timedelta(days=10),
        "decision_maker_met": NOW - dt.timedelta(days=10),
    }
    return HealthFacts(**(base | values))  # type: ignore[arg-type]


def test_every_point_has_its_reason_the_issue_s_example() -> None:
    result = score(
        facts(
            decision_maker_met=None,
            overdue_long=D("380000.00"),
            complaints_past_sla=2,
            orders_this_year=D("1250000"),
            orders_last_year=D("1000000"),
        ),
        W,
        NOW,
    )
    assert [reason_text(r) for r in result.reasons] == [
        "−15: no decision maker met in 120 days",
        "+10: orders up 25 % year over year",
        "−10: ¥380000.00 overdue more than 60 days",
        "+10: visited 10 days ago",
        "−8: 2 complaints past SLA",
    ]
    assert result.score == 70 - 15 + 10 - 10 + 10 - 8 == 57
    assert result.base == 70


def test_a_healthy_account_reaches_but_never_passes_100() -> None:
    result = score(facts(orders_this_year=D(200), orders_last_year=D(100)), W, NOW)
    assert sum(r.points for r in result.reasons) == 7 + 10 + 10
    assert result.score == 97
    generous = Weights(base=95)
    assert score(facts(), generous, NOW).score == 100


def test_a_neglected_account_bottoms_out_at_0() -> None:
    result = score(
        facts(
            last_visit=None,
            decision_maker_met=None,
            overdue_long=D(1),
            overdue_short=D(1),
            complaints_past_sla=9,
            orders_this_year=D(0),
            orders_last_year=D(100),
        ),
        Weights(base=20),
        NOW,
    )
    assert result.score == 0
    [complaints] = [r for r in result.reasons if r.code == "complaints_past_sla"]
    assert complaints == Reason("complaints_past_sla", -12, {"count": 9})  # capped


@pytest.mark.parametrize(
    ("this_year", "last_year", "code"),
    [
        ("120", "100", "orders_up"),  # exactly the 20 % threshold
        ("119", "100", None),
        ("80", "100", "orders_down"),
        ("81", "100", None),
        ("50", "0", "first_orders"),
        ("0", "0", None),
    ],
)
def test_growth_boundaries(this_year: str, last_year: str, code: str | None) -> None:
    result = score(facts(orders_this_year=D(this_year), orders_last_year=D(last_year)), W, NOW)
    growth = [
        r.code for r in result.reasons if r.code in ("orders_up", "orders_down", "first_orders")
    ]
    assert growth == ([code] if code else [])


def test_visit_and_decision_maker_boundaries() -> None:
    on_the_day = facts(  # 30 days and some hours: still "30 days ago"
        last_visit=NOW - dt.timedelta(days=30, hours=20),
        decision_maker_met=NOW - dt.timedelta(days=120, hours=23),
    )
    codes = {r.code for r in score(on_the_day, W, NOW).reasons}
    assert codes == {"visited", "decision_maker_met"}
    a_day_late = facts(
        last_visit=NOW - dt.timedelta(days=31), decision_maker_met=NOW - dt.timedelta(days=121)
    )
    codes = {r.code for r in score(a_day_late, W, NOW).reasons}
    assert codes == {"visit_overdue", "no_decision_maker"}


def test_weights_from_the_policy_keep_defaults_for_bad_values() -> None:
    weights = Weights.from_policy({"base": 60, "growth": "ten", "cadence": -3, "bogus": 1})
    assert weights == Weights(base=60)
    assert Weights.from_policy(None) == Weights()
    no_growth = Weights(growth=0)
    up = facts(orders_this_year=D(300), orders_last_year=D(100))
    assert all(r.code != "orders_up" for r in score(up, no_growth, NOW).reasons)


def test_facts_are_gathered_from_the_data_for_many_accounts(db: Database) -> None:
    world = World(db)
    quote_id = world.quote([world.server_line()])  # 85,880.00 with tax
    world.write(world.rep, quotes.send, quote_id)
    order_id = world.write(world.rep, quotes.accept, quote_id)  # payment due in 60 days
    world.write(world.rep, orders.record_payment, order_id, TODAY, "50000.00")
    with seeded(db.sessions, world.rep) as uow:
        quiet = uow.add(Account(name="没动静的公司", tier="A")).id
        boss = uow.add(Contact(account_id=world.account, name="王总", role="decision_maker")).id
        visit = uow.add(
            Visit(
                account_id=world.account,
                status="done",
                planned_start=NOW - dt.timedelta(days=5),
                checked_in_at=NOW - dt.timedelta(days=5),
                report="见了王总",
            )
        ).id
        uow.add(VisitAttendee(visit_id=visit, account_id=world.account, contact_id=boss))
        for hours, status in ((-30, "open"), (-5, "in_progress"), (-50, "resolved"), (10, "open")):
            uow.add(
                Complaint(
                    account_id=world.account,
                    title="投诉",
                    status=status,
                    opened_at=NOW - dt.timedelta(days=3),
                    sla_due_at=NOW + dt.timedelta(hours=hours),
                )
            )
    later = TODAY + dt.timedelta(days=130)  # the order is 70 days past its due date
    gathered = world.read(health.gather, NOW, later)
    mine, other = gathered[world.account], gathered[quiet]
    assert mine.overdue_long == D("35880.00")
    assert mine.overdue_short == D(0)
    assert mine.complaints_past_sla == 2
    assert mine.orders_this_year == D("85880.00")
    assert mine.decision_maker_met == NOW - dt.timedelta(days=5)
    assert mine.last_visit == NOW - dt.timedelta(days=5)
    assert mine.cadence_days == 90  # tier B's default
    assert other == HealthFacts(cadence_days=30)
    soon = world.read(health.gather, NOW, TODAY + dt.timedelta(days=70), [world.account])
    assert set(soon) == {world.account}
    assert (soon[world.account].overdue_long, soon[world.account].overdue_short) == (
        D(0),
        D("35880.00"),
    )
    one = world.read(health.account_health, world.account, NOW, later)
    assert {r.code for r in one.reasons} >= {"overdue_long", "complaints_past_sla"}


def test_managers_set_the_weights(db: Database) -> None:
    world = World(db)
    world.write(world.manager, health.set_weights, {"base": 50, "overdue_days": 30})
    assert world.read(health.weights) == Weights(base=50, overdue_days=30)
    with pytest.raises(RuleViolation):
        world.write(world.rep, health.set_weights, {"base": 90})
