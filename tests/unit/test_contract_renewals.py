"""Renewal reminders and the contract review inbox: a contract inside its tier's notice is
on the rep's Today and task list and on her manager's (naming her), not on another
rep's; starting its renewal makes one opportunity for its value closing when it ends,
never two; a manager's inbox holds his reps' contracts under review, returning one needs
a note, and the history says who did what with which note."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from desktop.domain.models import Opportunity, User
from desktop.domain.rules import RuleViolation
from desktop.domain.services import contract_review, contracts, task_list, today
from desktop.store.migrate import Database
from tests.unit.test_contracts import draft
from tests.unit.test_quotes import NOW, TODAY, World


def active(world: World, end: dt.date, title: str = "年度框架协议") -> str:
    contract: str = draft(world, title=title, start_on=end - dt.timedelta(days=364), end_on=end)
    world.write(world.rep, contracts.submit_for_review, contract)
    world.write(world.manager, contracts.sign, contract)
    world.write(world.rep, contracts.set_status, contract, "active")
    return contract


def test_a_renewal_due_on_today_and_the_task_list(db: Database) -> None:
    world = World(db)  # tier B: 60 days' notice
    soon = active(world, TODAY + dt.timedelta(days=40))
    active(world, TODAY + dt.timedelta(days=200), "维保合同")  # not yet
    other_id = world.write(
        None, lambda uow: uow.add(User(username="li", display_name="李娜", role="rep")).id
    )

    mine = world.read(today.build, world.rep, NOW).section("renewals")
    assert [(i.record_id, i.entity, i.when, i.owner_name) for i in mine] == [
        (soon, "contract", TODAY + dt.timedelta(days=40), "")
    ]
    assert mine[0].detail.startswith("HT-2026-ZW-0001 · 年度框架协议")
    team = world.read(today.build, world.manager, NOW).section("renewals")
    assert [(i.record_id, i.owner_name) for i in team] == [(soon, "张伟")]
    assert world.read(today.build, other_id, NOW).section("renewals") == []

    found = world.read(task_list.task_list, world.rep, TODAY)
    [item] = [i for i in found.items if i.is_renewal]
    assert (item.id, item.task.due_date, item.task.account_name) == (
        soon,
        TODAY + dt.timedelta(days=40),
        "华信精密制造有限公司",
    )
    assert found.counts["renewals"] == 1
    managers = world.read(task_list.task_list, world.manager, TODAY, team=True)
    assert [i.id for i in managers.items if i.is_renewal] == [soon]


def test_starting_a_renewal_once(db: Database) -> None:
    world = World(db)
    soon = active(world, TODAY + dt.timedelta(days=30))
    first = world.write(world.rep, contracts.start_renewal, soon, "续约 %1", "续约")
    again = world.write(world.rep, contracts.start_renewal, soon, "续约 %1", "续约")
    assert first == again
    with db.sessions() as s:
        deal = s.get(Opportunity, first)
        assert deal is not None
        assert (deal.name, deal.amount, deal.close_date, deal.owner_id, deal.stage) == (
            "续约 HT-2026-ZW-0001",
            D(1200000),
            TODAY + dt.timedelta(days=30),
            world.rep,
            "lead",
        )
        assert deal.source == "续约"


def test_the_review_inbox_and_a_return_needs_a_note(db: Database) -> None:
    world = World(db)
    contract = draft(world)
    assert world.read(contract_review.inbox, world.manager) == []
    world.write(world.rep, contracts.submit_for_review, contract)
    assert world.read(contract_review.inbox, world.rep) == []  # a rep reviews nothing
    [pending] = world.read(contract_review.inbox, world.manager)
    assert (pending.contract_id, pending.owner_name, pending.value) == (
        contract,
        "张伟",
        D(1200000),
    )
    with pytest.raises(RuleViolation) as error:
        world.write(world.manager, contracts.return_to_draft, contract, "  ")
    assert error.value.code == "contract_return_note_required"
    world.write(world.manager, contracts.return_to_draft, contract, "付款条件写清楚")
    assert world.read(contract_review.inbox, world.manager) == []
    world.write(world.rep, contracts.submit_for_review, contract)
    world.write(world.manager, contracts.sign, contract, "同意")
    steps = world.read(contract_review.history, contract)
    assert [(s.step, s.by, s.note) for s in steps] == [
        ("submitted", "张伟", ""),
        ("returned", "王芳", "付款条件写清楚"),
        ("submitted", "张伟", ""),
        ("signed", "王芳", "同意"),
    ]


def test_a_managers_today_has_the_contracts_to_review_and_ended_ones_expire(
    db: Database,
) -> None:
    world = World(db)
    contract = draft(world)
    world.write(world.rep, contracts.submit_for_review, contract)
    [item] = world.read(today.build, world.manager, NOW).section("contract_reviews")
    assert (item.record_id, item.entity, item.owner_name, item.account_id) == (
        contract,
        "contract",
        "张伟",
        world.account,
    )
    assert world.read(today.build, world.rep, NOW).section("contract_reviews") == []

    ended = active(world, TODAY - dt.timedelta(days=1), "去年合同")
    running = active(world, TODAY + dt.timedelta(days=10), "今年合同")
    assert world.write(world.manager, contracts.expire_ended) == 0  # only the owner's device
    assert world.write(world.rep, contracts.expire_ended) == 1
    statuses = {r.id: r.status for r in world.read(contracts.list_contracts, TODAY)}
    assert (statuses[ended], statuses[running]) == ("expired", "active")
