"""The manager's rules in one place (Settings → Rules): visit cadence per tier, the
check-in window and where a check-in needs its location (``visits``), archive
completeness per tier, maximum discount per tier, public-pool claim limit and return
days, complaint SLA hours per severity.

Each rule set is a ``Policy`` row, so a manager's change syncs to every device. Where
an area's service has a setter (coverage, completeness) it is called; the others
(``discounts``, ``pool``, ``sla``) are written here, keeping keys this screen does not
edit (the SLA's ``around_the_clock``). Only managers and admins may save.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import PermissionDeniedError, ValidationError
from desktop.domain.models import COMPLAINT_SEVERITIES, TIERS, Policy, User
from desktop.domain.rules import visits as visit_rules
from desktop.domain.rules.visits import VisitPolicy
from desktop.domain.services import complaints, completeness, coverage, pool
from desktop.domain.uow import UnitOfWork

MAX_DAYS = coverage.MAX_CADENCE
MAX_CLAIM_LIMIT = 10_000
MAX_SLA_HOURS = 24 * 365


@dataclass(frozen=True)
class ManagerRules:
    cadence: dict[str, int]  # tier -> days between visits
    completeness: dict[str, dict[str, Any]]  # tier -> rules (completeness.validate_rules)
    discounts: dict[str, Decimal | None]  # tier -> maximum discount %; None: no limit
    claim_limit: int
    return_days: dict[str, int]  # tier -> days without activity before it goes back
    sla_hours: dict[str, int] = field(default_factory=dict)  # severity -> hours
    visits: VisitPolicy = field(default_factory=VisitPolicy)  # check-in window, location


def policy_value(session: Session, key: str) -> dict[str, Any]:
    value = session.scalar(
        select(Policy.value).where(Policy.key == key, Policy.deleted_at.is_(None))
    )
    return dict(value) if isinstance(value, dict) else {}


def load(session: Session) -> ManagerRules:
    limits = policy_value(session, "discounts")
    discounts: dict[str, Decimal | None] = {}
    for tier in TIERS:
        try:
            discounts[tier] = Decimal(str(limits[tier])) if limits.get(tier) is not None else None
        except InvalidOperation:
            discounts[tier] = None
    pool_policy = pool.policy(session)
    sla = complaints.sla_policy(session)
    return ManagerRules(
        cadence=coverage.cadence(session),
        completeness=completeness.rules(session),
        discounts=discounts,
        claim_limit=pool_policy.claim_limit,
        return_days={t: pool_policy.return_days.get(t, pool.DEFAULT_RETURN_DAYS[t]) for t in TIERS},
        sla_hours={s: sla.hours_for(s) for s in COMPLAINT_SEVERITIES},
        visits=visit_rules.visit_policy(policy_value(session, visit_rules.POLICY_KEY)),
    )


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def validate(rules: ManagerRules) -> None:
    """ValidationError keyed ``cadence.A``, ``discount.B``, ``claim_limit``,
    ``return_days.C``, ``sla.high``, ``completeness.A.min_contacts``..."""
    errors: dict[str, str] = {}
    for tier in TIERS:
        if not _whole(rules.cadence.get(tier), 1, MAX_DAYS):
            errors[f"cadence.{tier}"] = f"a whole number of days from 1 to {MAX_DAYS}"
        if not _whole(rules.return_days.get(tier), 1, MAX_DAYS):
            errors[f"return_days.{tier}"] = f"a whole number of days from 1 to {MAX_DAYS}"
        limit = rules.discounts.get(tier)
        if limit is not None and not (Decimal(0) <= limit <= Decimal(100)):
            errors[f"discount.{tier}"] = "a percentage from 0 to 100"
    if not _whole(rules.visits.hours_before, 0, visit_rules.MAX_HOURS_BEFORE):
        errors["checkin_hours"] = (
            f"a whole number of hours from 0 to {visit_rules.MAX_HOURS_BEFORE}"
        )
    if not _whole(rules.claim_limit, 1, MAX_CLAIM_LIMIT):
        errors["claim_limit"] = f"a whole number from 1 to {MAX_CLAIM_LIMIT}"
    for severity in COMPLAINT_SEVERITIES:
        if not _whole(rules.sla_hours.get(severity), 1, MAX_SLA_HOURS):
            errors[f"sla.{severity}"] = f"a whole number of hours from 1 to {MAX_SLA_HOURS}"
    try:
        completeness.validate_rules(rules.completeness)
    except ValidationError as exc:
        errors.update({f"completeness.{k}": v for k, v in exc.errors.items()})
    if errors:
        raise ValidationError(errors)


def set_policy(uow: UnitOfWork, key: str, value: Mapping[str, Any]) -> None:
    """Create, restore or change the policy ``key`` (one outbox entry; none if unchanged)."""
    row = uow.session.scalar(select(Policy).where(Policy.key == key))
    if row is None:
        uow.add(Policy(key=key, value=dict(value)))
        return
    if row.deleted_at is not None:
        uow.restore(row)
    if row.value != value:
        uow.update(row, {"value": dict(value)})


def save(uow: UnitOfWork, rules: ManagerRules) -> None:
    """Write every rule set that changed (one outbox entry each), after checking all."""
    actor = uow.session.get(User, uow.actor_id) if uow.actor_id else None
    if actor is None or actor.role not in ("manager", "admin"):
        raise PermissionDeniedError("only a manager or an admin can change the rules")
    validate(rules)
    session = uow.session
    if coverage.cadence(session) != rules.cadence:
        coverage.set_cadence(uow, rules.cadence)
    if completeness.rules(session) != completeness.validate_rules(rules.completeness):
        completeness.set_rules(uow, rules.completeness)
    discounts = policy_value(session, "discounts")
    for tier in TIERS:
        limit = rules.discounts[tier]
        if limit is None:
            discounts.pop(tier, None)
        else:
            discounts[tier] = str(limit.normalize() + 0)  # "+ 0" drops a negative zero
    set_policy(uow, "discounts", discounts)
    set_policy(
        uow,
        pool.POLICY_KEY,
        {
            **policy_value(session, pool.POLICY_KEY),
            "claim_limit": rules.claim_limit,
            "return_days": dict(rules.return_days),
        },
    )
    set_policy(uow, "sla", {**policy_value(session, "sla"), **rules.sla_hours})
    key = visit_rules.POLICY_KEY
    set_policy(uow, key, {**policy_value(session, key), **rules.visits.as_value()})
