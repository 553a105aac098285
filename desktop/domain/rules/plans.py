"""The account plan's rules (大客户计划): one plan per account and year, objectives
with a title, a target above zero and a due date in or near the plan's year, and who
may change a plan: the account's owner, its account team, the owner's manager and
administrators (any manager for a pool account).

Other rows are read through ``Facts`` (see ``workflow``), so the device and the server
apply the same rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.domain.rules.violation import RuleViolation

if TYPE_CHECKING:
    from desktop.domain.rules.workflow import Actor, Facts

Row = Mapping[str, Any]

YEARS = (2000, 2100)
# How far outside its plan's year an objective may fall due (a plan made in the last
# quarter of the year before, an objective closing in the first quarter after).
DUE_SLACK = dt.timedelta(days=92)


def team_of(account_id: str, facts: Facts) -> set[str]:
    """The users on the account's team (live members)."""
    members = facts.rows_where("account_team_member", "account_id", account_id)
    return {str(m["user_id"]) for m in members}


def manages(manager_id: str, user_id: str, facts: Facts) -> bool:
    """Whether ``manager_id`` manages ``user_id``: the named manager of their team, or a
    manager of the same team (as the server's scope sees a manager's team)."""
    team = facts.value("user", user_id, "team_id")
    if team is None:
        return False
    if facts.value("team", str(team), "manager_id") == manager_id:
        return True
    return bool(
        facts.value("user", manager_id, "role") in ("manager", "admin")
        and facts.value("user", manager_id, "team_id") == team
    )


def may_edit_plan(actor: Actor, account_id: str, facts: Facts) -> bool:
    """Who may change an account's plan (and its objectives)."""
    if actor.role is None or actor.is_admin:
        return True
    me = actor.user_id
    owner = facts.value("account", account_id, "owner_id")
    if me is None:
        return True
    if owner is None:
        return actor.is_manager
    if owner == me or me in team_of(account_id, facts):
        return True
    return actor.is_manager and manages(me, str(owner), facts)


def may_run_team(actor: Actor, account_id: str, facts: Facts) -> bool:
    """Who may add, change or remove the account team: the owner, the owner's manager,
    administrators (and any manager for a pool account), as the server decides."""
    if actor.role is None or actor.is_admin:
        return True
    owner = facts.value("account", account_id, "owner_id")
    if owner is None:
        return actor.is_manager
    me = actor.user_id
    if me is None or owner == me:
        return True
    return actor.is_manager and manages(me, str(owner), facts)


def check_team_member(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    """Adding, changing or restoring a member: for the account it is in and the one it
    was in (leaving a team is a delete, which everyone may do for themselves)."""
    for account in {after.get("account_id"), before.get("account_id") if before else None}:
        if account is not None and not may_run_team(actor, str(account), facts):
            raise RuleViolation("team_editor")


def _editor(actor: Actor, account_id: Any, facts: Facts) -> None:
    if account_id is not None and not may_edit_plan(actor, str(account_id), facts):
        raise RuleViolation("plan_editor")


def check_plan(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    year, account = after.get("year"), after.get("account_id")
    if not isinstance(year, int) or not YEARS[0] <= year <= YEARS[1]:
        raise RuleViolation("out_of_range", "year", min=YEARS[0], max=YEARS[1])
    _editor(actor, account, facts)
    if before is not None and before.get("account_id") not in (None, account):
        _editor(actor, before.get("account_id"), facts)
    if before is None or (before.get("year"), before.get("account_id")) != (year, account):
        plans = facts.rows_where("account_plan", "account_id", str(account))
        if {p["id"] for p in plans if p.get("year") == year} - {after.get("id")}:
            raise RuleViolation("plan_exists", "year", year=year)


def check_objective(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    plan = str(after.get("plan_id"))
    account = facts.value("account_plan", plan, "account_id")
    if account is None:
        raise RuleViolation("missing_reference", "plan_id", entity="account_plan")
    if account != after.get("account_id"):
        raise RuleViolation("objective_other_account", "account_id")
    _editor(actor, account, facts)
    target = after.get("target_value")
    if target is not None and (not isinstance(target, Decimal) or target <= 0):
        raise RuleViolation("target_not_positive", "target_value")
    due = after.get("due_date")
    year = facts.value("account_plan", plan, "year")
    if isinstance(due, dt.date) and isinstance(year, int) and not due_near_year(due, year):
        raise RuleViolation("due_outside_plan_year", "due_date", year=year)


def due_near_year(due: dt.date, year: int) -> bool:
    return dt.date(year, 1, 1) - DUE_SLACK <= due <= dt.date(year, 12, 31) + DUE_SLACK


def check_action(before: Row | None, after: Row, facts: Facts) -> None:
    """A follow-up that is an objective's action belongs to the objective's account."""
    objective = after.get("objective_id")
    if objective is None or (before is not None and before.get("objective_id") == objective):
        return
    account = facts.value("plan_objective", str(objective), "account_id")
    if account is None:
        raise RuleViolation("missing_reference", "objective_id", entity="plan_objective")
    if account != after.get("account_id"):
        raise RuleViolation("objective_other_account", "account_id")
