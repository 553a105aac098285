"""Account plans across devices: the owner's plan, objective and action reach the account
team and the manager (the action on the assignee's task list); the team is edited by
the owner; a rep who is neither owner nor on the team cannot change the plan, even from
a modified device; two plans for the same account and year are refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.services import account_team, followups, plans, records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device


def test_a_plan_reaches_the_team_and_the_manager_and_an_outsider_cannot_edit_it(
    devices, server, tmp_path
):
    alice, boss = devices["alice"], devices["boss"]
    bob = devices["bob"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
        other = records.create(uow, m.Account, {"name": "远东", "owner_id": alice.user_id})
        account_team.add_member(uow, account, bob.user_id, "technical")
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        plans.save_swot(uow, account, 2026, {"strengths": "十年老客户"})
        objective = plans.save_objective(
            uow,
            account,
            2026,
            {
                "title": "拿下二期",
                "target_value": Decimal(2_000_000),
                "unit": "CNY",
                "due_date": dt.date(2026, 9, 30),
            },
        )
        plans.add_action(uow, objective, "约见设备部", dt.date(2026, 4, 1), bob.user_id)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        plan_id = plans.save_swot(uow, other, 2026, {"threats": "价格战"})
    assert alice.sync().rejected == 0

    for device in (bob, boss):
        device.sync()
        with device.db.sessions() as s:
            plan = plans.plan_of(s, account, 2026, device.user_id)
            assert plan.swot["strengths"] == "十年老客户"
            assert [o.title for o in plan.objectives] == ["拿下二期"]
            assert plan.may_edit
    with bob.db.sessions() as s:
        (task,) = followups.list_tasks(s, owner_id=bob.user_id)
        assert (task.title, task.objective_id) == ("约见设备部", objective)
        assert s.get(m.AccountPlan, plan_id) is None  # not on that account's team

    # Bob, on the team, marks the objective achieved; it reaches Alice.
    with unit_of_work(bob.db.sessions, bob.user_id) as uow:
        plans.set_status(uow, objective, "achieved")
    assert bob.sync().rejected == 0
    alice.sync()
    with alice.db.sessions() as s:
        assert s.get(m.PlanObjective, objective).status == "achieved"

    # A modified device of Bob's writes the plan of an account he is not on: refused.
    tampered = Attacker(Device(server, tmp_path / "tampered", "bob", initial_sync=False))
    try:
        edit, insert = tampered.push_batch(
            ("account_plan", plan_id, "update", {"threats": "无"}),
            (
                "plan_objective",
                new_id(),
                "insert",
                {
                    "plan_id": plan_id,
                    "account_id": other,
                    "title": "x",
                    "unit": "",
                    "status": "open",
                    "notes": "",
                },
            ),
        )
    finally:
        tampered.device.close()
    assert (edit.status, edit.code) == ("rejected", "outside_scope")
    assert (insert.status, insert.code) == ("rejected", "plan_editor")
    with server.db.sessions() as s:
        assert s.get(m.AccountPlan, plan_id).threats == "价格战"


def test_two_plans_for_one_account_and_year_are_refused(devices):
    alice, boss = devices["alice"], devices["boss"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
    alice.sync()
    boss.sync()
    # Both write a 2026 plan before either syncs: the second to arrive is refused.
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        plans.save_swot(uow, account, 2026, {"summary": "alice"})
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        plans.save_swot(uow, account, 2026, {"summary": "boss"})
    assert alice.sync().rejected == 0
    assert boss.sync().rejected == 1
    with boss.db.sessions() as s:
        issues = s.scalars(select(m.SyncIssue)).all()
        assert [(i.entity, i.code) for i in issues] == [("account_plan", "plan_exists")]
