"""The pipeline: stage moves take the stage's default probability (the manager's
``stages`` policy within the rule book's limits), a lost deal needs its reason,
reopening forgets it, the board's per-stage totals, and the cycle time read from the
history of stages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from desktop.domain.models import Policy
from desktop.domain.rules import RuleViolation
from desktop.domain.rules.opportunities import check_stage_defaults, default_probabilities
from desktop.domain.services import opportunities
from desktop.store.migrate import Database
from tests.unit.test_quotes import World


def new(world: World, **values: object) -> str:
    return world.write(  # type: ignore[no-any-return]
        world.rep,
        opportunities.create_opportunity,
        world.account,
        {"name": "二期扩容", "amount": D(200000), **values},
    )


def row(world: World, opportunity: str) -> dict[str, object]:
    return world.read(opportunities.get, opportunity)  # type: ignore[no-any-return]


def test_a_move_takes_the_stage_default_unless_the_manager_set_another(db: Database) -> None:
    world = World(db)
    opp = new(world)
    assert (row(world, opp)["stage"], row(world, opp)["probability"]) == ("lead", 10)
    world.write(world.rep, opportunities.move, opp, "proposal")
    assert row(world, opp)["probability"] == 50
    world.write(world.manager, lambda uow: uow.add(Policy(key="stages", value={"negotiation": 80})))
    world.write(world.rep, opportunities.move, opp, "negotiation")
    assert row(world, opp)["probability"] == 80
    # The rep's own estimate, inside the stage's limits (40-95 in negotiation).
    world.write(world.rep, opportunities.update_opportunity, opp, {"probability": 90})
    assert row(world, opp)["probability"] == 90
    with pytest.raises(RuleViolation) as error:
        world.write(world.rep, opportunities.update_opportunity, opp, {"probability": 20})
    assert (error.value.code, error.value.params["min"], error.value.params["max"]) == (
        "probability_for_stage",
        40,
        95,
    )
    assert row(world, opp)["probability"] == 90  # nothing written


def test_a_policy_default_outside_the_limits_is_not_used_and_not_saved() -> None:
    assert default_probabilities({"lead": 90, "qualified": 30})["lead"] == 10
    assert default_probabilities({"lead": 90, "qualified": 30})["qualified"] == 30
    with pytest.raises(RuleViolation):
        check_stage_defaults({"lead": 90})
    with pytest.raises(RuleViolation):
        check_stage_defaults({"maybe": 10})
    check_stage_defaults({"lead": 5, "negotiation": 95})


def test_a_manager_cannot_save_a_stage_default_outside_its_limits(db: Database) -> None:
    world = World(db)
    with pytest.raises(RuleViolation) as error:
        world.write(world.manager, lambda uow: uow.add(Policy(key="stages", value={"won": 90})))
    assert error.value.code == "probability_for_stage"


def test_lost_needs_a_reason_and_reopening_forgets_it(db: Database) -> None:
    world = World(db)
    opp = new(world, stage="negotiation")
    with pytest.raises(RuleViolation) as error:
        world.write(world.rep, opportunities.mark_lost, opp, "   ")
    assert (error.value.code, error.value.field) == ("lost_without_reason", "lost_reason")
    with pytest.raises(RuleViolation):
        world.write(world.rep, opportunities.move, opp, "lost")
    assert row(world, opp)["stage"] == "negotiation"
    world.write(world.rep, opportunities.mark_lost, opp, "价格高于对手 15%", "西门子")
    lost = row(world, opp)
    assert (lost["stage"], lost["probability"], lost["lost_reason"], lost["lost_to"]) == (
        "lost",
        0,
        "价格高于对手 15%",
        "西门子",
    )
    world.write(world.rep, opportunities.move, opp, "proposal")
    reopened = row(world, opp)
    assert (reopened["probability"], reopened["lost_reason"], reopened["lost_to"]) == (50, "", "")


def test_board_totals_per_stage_and_the_weighted_amount(db: Database) -> None:
    world = World(db)
    new(world, stage="proposal", amount=D("100000.00"))
    new(world, stage="proposal", amount=D("33333.33"), probability=30)
    new(world, stage="negotiation", amount=D(80000))
    cards = world.read(opportunities.cards)
    totals = opportunities.stage_totals(cards)
    assert (totals["proposal"].count, totals["proposal"].amount) == (2, D("133333.33"))
    assert totals["proposal"].weighted == D("60000.00")  # 50 % of 100,000 + 30 % of 33,333.33
    assert totals["negotiation"].weighted == D("60000.00")
    assert totals["lead"].count == 0
    assert {c.account_name for c in cards} == {"华信精密制造有限公司"}
    assert world.read(opportunities.cards, ["someone-else"]) == []


def test_cycle_time_from_the_history_of_stages(db: Database) -> None:
    world = World(db)
    opp = new(world)
    assert world.read(opportunities.cycle_days, opp) is None
    world.now += dt.timedelta(days=12)
    world.write(world.rep, opportunities.move, opp, "proposal")
    world.now += dt.timedelta(days=30)
    world.write(world.rep, opportunities.move, opp, "won")
    history = world.read(opportunities.stage_history, opp)
    assert [stage for stage, _ in history] == ["lead", "proposal", "won"]
    assert world.read(opportunities.cycle_days, opp) == 42


def test_the_demo_pipeline_keeps_the_rules(db: Database) -> None:
    """Demo deals across every stage: probabilities inside their stage's limits, every
    lost one with its reason, most lost to a named competitor."""
    from sqlalchemy import select

    from desktop.domain.models import Opportunity
    from desktop.domain.rules.opportunities import PROBABILITY_LIMITS, check_opportunity
    from desktop.store.demo import generate
    from desktop.store.demo.deals import COMPETITORS

    with db.sessions() as session, session.begin():
        generate(session, 120, seed=5)
    with db.sessions() as session:
        deals = session.scalars(select(Opportunity)).all()
    assert {d.stage for d in deals} == set(PROBABILITY_LIMITS)
    for deal in deals:
        check_opportunity(None, deal.values())
    lost = [d for d in deals if d.stage == "lost"]
    assert sum(d.lost_to in COMPETITORS for d in lost) > len(lost) / 2


def test_a_capped_board_keeps_the_soonest_of_each_stage_and_totals_count_them_all(
    db: Database,
) -> None:
    world = World(db)
    today = dt.date(2026, 12, 4)
    for days in (30, 10, 20):
        new(world, stage="proposal", amount=D("1000.10"), close_date=today + dt.timedelta(days))
    new(world, stage="negotiation", amount=D(80000), probability=75)
    capped = world.read(opportunities.cards, per_stage=2)
    proposal = [c.close_date for c in capped if c.stage == "proposal"]
    assert proposal == [today + dt.timedelta(10), today + dt.timedelta(20)]
    assert [c.stage for c in capped].count("negotiation") == 1
    for days in (30, 10):  # closed deals: the latest closed first
        new(world, stage="won", amount=D(1), close_date=today - dt.timedelta(days))
    won = [c.close_date for c in world.read(opportunities.cards, per_stage=1) if c.stage == "won"]
    assert won == [today - dt.timedelta(10)]
    everything = world.read(opportunities.cards)
    assert world.read(opportunities.stage_totals_of) == opportunities.stage_totals(everything)
    assert world.read(opportunities.stage_totals_of, ["someone-else"])["proposal"].count == 0
