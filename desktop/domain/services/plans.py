"""Account plans (大客户计划): what the plan of an account for a year holds, as plain
data (``plan_of``, also shown in the review pack), and its writes: the SWOT, objectives
and their actions (follow-ups on the task list), made on the unit of work, whose rules
(``desktop.domain.rules.plans``) decide who may write and what is valid."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import rules
from desktop.domain.errors import ValidationError
from desktop.domain.models import Account, AccountPlan, PlanObjective, User
from desktop.domain.rules.plans import due_near_year, may_edit_plan, may_run_team
from desktop.domain.services import account_team, followups, records
from desktop.domain.services.followups import TaskRow
from desktop.domain.services.plan_figures import PlanFigures, plan_figures
from desktop.domain.uow import SessionFacts, UnitOfWork

SWOT = ("strengths", "weaknesses", "opportunities", "threats", "summary")
MONEY_UNIT = "CNY"  # an objective whose target is money
OBJECTIVE_FIELDS = frozenset({"title", "target_value", "unit", "due_date", "status", "notes"})


@dataclass(frozen=True)
class Objective:
    id: str
    title: str
    target_value: Decimal | None
    unit: str
    due_date: dt.date | None
    status: str
    notes: str
    actions: list[TaskRow] = field(default_factory=list)

    @property
    def is_money(self) -> bool:
        return self.unit == MONEY_UNIT


@dataclass(frozen=True)
class Plan:
    account_id: str
    account_name: str
    owner_id: str | None
    year: int
    plan_id: str | None  # None: no plan for that year yet
    swot: dict[str, str]
    objectives: list[Objective]
    figures: PlanFigures
    team: list[account_team.Member]
    may_edit: bool  # the viewer may change the plan
    may_run_team: bool  # the viewer may change the account team
    people: list[tuple[str, str]]  # (user id, name): who may be given an action


def _plan_row(session: Session, account_id: str, year: int) -> AccountPlan | None:
    return session.scalars(
        select(AccountPlan)
        .where(
            AccountPlan.account_id == account_id,
            AccountPlan.year == year,
            AccountPlan.deleted_at.is_(None),
        )
        .order_by(AccountPlan.created_at, AccountPlan.id)
        .limit(1)
    ).first()


def plan_of(session: Session, account_id: str, year: int, viewer_id: str | None = None) -> Plan:
    """The account's plan for ``year`` with its figures and team (an empty plan when
    none is written yet); ``viewer_id`` says who looks, for what they may change."""
    account = session.get(Account, account_id)
    if account is None:
        raise ValidationError({"account_id": "no such account"})
    row = _plan_row(session, account_id, year)
    objectives: list[Objective] = []
    if row is not None:
        found = list(
            session.scalars(
                select(PlanObjective)
                .where(PlanObjective.plan_id == row.id, PlanObjective.deleted_at.is_(None))
                .order_by(PlanObjective.due_date.is_(None), PlanObjective.due_date)
                .order_by(PlanObjective.title, PlanObjective.id)
            )
        )
        actions: dict[str, list[TaskRow]] = {}
        for task in followups.list_tasks(
            session, objective_ids=[o.id for o in found], statuses=None
        ):
            actions.setdefault(str(task.objective_id), []).append(task)
        objectives = [
            Objective(
                o.id,
                o.title,
                o.target_value,
                o.unit,
                o.due_date,
                o.status,
                o.notes,
                actions.get(o.id, []),
            )
            for o in found
        ]
    team = account_team.members(session, account_id)
    viewer = session.get(User, viewer_id) if viewer_id else None
    actor = rules.Actor(viewer_id, viewer.role if viewer is not None else None)
    facts = SessionFacts(session)
    people = {m.user_id: m.name for m in team}
    if account.owner_id is not None:
        owner = session.get(User, account.owner_id)
        people[account.owner_id] = owner.display_name if owner is not None else "?"
    may_edit = viewer_id is None or may_edit_plan(actor, account_id, facts)
    if viewer is not None and may_edit:
        people.setdefault(viewer.id, viewer.display_name)
    return Plan(
        account_id=account_id,
        account_name=account.name,
        owner_id=account.owner_id,
        year=year,
        plan_id=row.id if row is not None else None,
        swot={k: getattr(row, k) or "" if row is not None else "" for k in SWOT},
        objectives=objectives,
        figures=plan_figures(session, account_id, year),
        team=team,
        may_edit=may_edit,
        may_run_team=viewer_id is None or may_run_team(actor, account_id, facts),
        people=sorted(people.items(), key=lambda p: p[1]),
    )


def ensure_plan(uow: UnitOfWork, account_id: str, year: int) -> str:
    """The plan's id, written now if the account has none for that year."""
    row = _plan_row(uow.session, account_id, year)
    if row is not None:
        return row.id
    return records.create(uow, AccountPlan, {"account_id": account_id, "year": year})


def save_swot(uow: UnitOfWork, account_id: str, year: int, values: Mapping[str, str]) -> str:
    plan_id = ensure_plan(uow, account_id, year)
    changes = {k: str(v) for k, v in values.items() if k in SWOT}
    records.update(uow, AccountPlan, plan_id, changes)
    return plan_id


def validate_objective(values: Mapping[str, Any], year: int) -> dict[str, str]:
    """Field errors a form shows before anything is written (the rules say it again)."""
    errors: dict[str, str] = {}
    if not str(values.get("title") or "").strip():
        errors["title"] = "required"
    target = values.get("target_value")
    if target is not None and target <= 0:
        errors["target_value"] = "target_not_positive"
    due = values.get("due_date")
    if isinstance(due, dt.date) and not due_near_year(due, year):
        errors["due_date"] = "due_outside_plan_year"
    return errors


def save_objective(
    uow: UnitOfWork,
    account_id: str,
    year: int,
    values: Mapping[str, Any],
    objective_id: str | None = None,
) -> str:
    """Add an objective to the year's plan (written if missing), or change one."""
    changes = {k: v for k, v in values.items() if k in OBJECTIVE_FIELDS}
    if "title" in changes:
        changes["title"] = str(changes["title"]).strip()
    if objective_id is not None:
        records.update(uow, PlanObjective, objective_id, changes)
        return objective_id
    plan_id = ensure_plan(uow, account_id, year)
    data = {"status": "open", "unit": "", "notes": "", **changes}
    return records.create(
        uow, PlanObjective, {**data, "plan_id": plan_id, "account_id": account_id}
    )


def set_status(uow: UnitOfWork, objective_id: str, status: str) -> None:
    records.update(uow, PlanObjective, objective_id, {"status": status})


def add_action(
    uow: UnitOfWork, objective_id: str, title: str, due_date: dt.date | None, owner_id: str | None
) -> str:
    """An objective's action: a follow-up of the account, on its assignee's task list."""
    objective = uow.session.get(PlanObjective, objective_id)
    if objective is None or objective.deleted_at is not None:
        raise ValidationError({"objective_id": "no such objective"})
    return followups.add_task(
        uow,
        title=title,
        due_date=due_date,
        owner_id=owner_id,
        account_id=objective.account_id,
        objective_id=objective_id,
    )
