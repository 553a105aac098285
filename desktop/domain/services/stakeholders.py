"""The stakeholder map (关键人地图) of an account: its contacts with whom they report to,
their buying roles, attitude and relationship strength, when we last met them (from
the visits they attended), and the gaps the tier's coverage rule finds.

Coverage rules are the Policy ``stakeholders``: per tier, the buying roles that must
be covered and within how many days, e.g. ``{"A": {"roles": ["decision_maker",
"finance"], "days": 90}}`` ("A: a decision maker and a finance contact met within 90
days"). A role is covered when a contact who plays it (their ``role`` or one of their
``buying_roles``) attended a done visit within the days. ``gaps`` is pure: it judges
plain nodes, so the chart, the profile and a briefing ask the same question.

Attendees (``visit_attendee``) are a visit's contacts and colleagues who were there;
``set_attendees`` writes the difference through the unit of work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import (
    BUYING_ROLES,
    TIERS,
    Account,
    Contact,
    Policy,
    Visit,
    VisitAttendee,
)
from desktop.domain.services import visits
from desktop.domain.services.rules import set_policy
from desktop.domain.uow import UnitOfWork

POLICY_KEY = "stakeholders"
DEFAULT_COVERAGE: dict[str, dict[str, Any]] = {
    "A": {"roles": ["decision_maker", "finance"], "days": 90},
    "B": {"roles": ["decision_maker"], "days": 180},
    "C": {"roles": [], "days": 365},
}
MAX_DAYS = 3660


@dataclass(frozen=True)
class Stakeholder:
    id: str
    name: str
    title: str
    reports_to_id: str | None  # None: at the top (or their manager is not a contact)
    roles: tuple[str, ...]  # buying roles, the contact's own role first
    attitude: str | None  # supportive / neutral / opposed
    strength: int | None  # 1-5
    last_met: dt.datetime | None  # the last done visit they attended


@dataclass(frozen=True)
class Gap:
    """A role the tier's rule wants covered: nobody plays it (``missing``) or nobody
    who does was met within ``days`` (``not_met``)."""

    role: str
    days: int
    state: str  # "missing" or "not_met"


@dataclass(frozen=True)
class StakeholderMap:
    account_id: str
    tier: str
    people: list[Stakeholder]
    gaps: list[Gap]
    rule: dict[str, Any]  # the tier's coverage rule: roles and days


def roles_of(role: str | None, buying_roles: str | None) -> tuple[str, ...]:
    """A contact's buying roles: their role in the decision, then the others."""
    listed = [r for r in (buying_roles or "").split(",") if r]
    first = [role] if role else []
    return tuple(dict.fromkeys(first + listed))


def join_roles(roles: Iterable[str]) -> str:
    """Buying roles as stored: known roles, each once, in BUYING_ROLES order."""
    wanted = set(roles)
    return ",".join(r for r in BUYING_ROLES if r in wanted)


# -- coverage rules ---------------------------------------------------------------------


def coverage_rules(session: Session) -> dict[str, dict[str, Any]]:
    """Per tier the roles and days the Policy asks for; defaults where it says nothing."""
    value = session.scalar(
        select(Policy.value).where(Policy.key == POLICY_KEY, Policy.deleted_at.is_(None))
    )
    result = {tier: dict(rule) for tier, rule in DEFAULT_COVERAGE.items()}
    if isinstance(value, dict):
        for tier in TIERS:
            rule = value.get(tier)
            if isinstance(rule, dict) and not validate_rule(rule):
                result[tier] = {"roles": list(rule["roles"]), "days": rule["days"]}
    return result


def validate_rule(rule: Mapping[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    roles = rule.get("roles")
    if not isinstance(roles, list) or any(r not in BUYING_ROLES for r in roles):
        errors["roles"] = "buying roles only"
    days = rule.get("days")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        errors["days"] = f"a whole number of days from 1 to {MAX_DAYS}"
    return errors


def set_coverage_rules(uow: UnitOfWork, rules: Mapping[str, Mapping[str, Any]]) -> None:
    """Save the Policy (managers; the rule book refuses reps)."""
    errors = {
        f"{tier}.{key}": text
        for tier in TIERS
        for key, text in validate_rule(rules.get(tier, {})).items()
    }
    if errors:
        raise ValidationError(errors)
    value = {t: {"roles": list(rules[t]["roles"]), "days": rules[t]["days"]} for t in TIERS}
    set_policy(uow, POLICY_KEY, value)


def gaps(people: Sequence[Stakeholder], rule: Mapping[str, Any], now: dt.datetime) -> list[Gap]:
    """The roles of ``rule`` no contact covers: none plays it, or none was met in time."""
    days = int(rule.get("days", 0))
    found: list[Gap] = []
    for role in rule.get("roles", ()):
        players = [p for p in people if role in p.roles]
        if not players:
            found.append(Gap(role, days, "missing"))
        elif not any(p.last_met is not None and (now - p.last_met).days <= days for p in players):
            found.append(Gap(role, days, "not_met"))
    return found


# -- reading ----------------------------------------------------------------------------


def last_met(session: Session, account_id: str) -> dict[str, dt.datetime]:
    """Contact id -> when they last attended a done visit of the account."""
    when = func.max(func.coalesce(Visit.checked_in_at, Visit.planned_start))
    rows = session.execute(
        select(VisitAttendee.contact_id, when)
        .join(Visit, Visit.id == VisitAttendee.visit_id)
        .where(
            VisitAttendee.account_id == account_id,
            VisitAttendee.deleted_at.is_(None),
            VisitAttendee.contact_id.is_not(None),
            Visit.deleted_at.is_(None),
            Visit.status == "done",
        )
        .group_by(VisitAttendee.contact_id)
    )
    return {str(contact_id): aware(at) for contact_id, at in rows if contact_id and at is not None}


def aware(value: Any) -> dt.datetime:
    """An aggregate (MAX) of a UTCDateTime column as an aware datetime: SQLite gives it
    back as text, without the column's conversion."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def stakeholder_map(session: Session, account_id: str, now: dt.datetime) -> StakeholderMap:
    account = session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"account {account_id} not found")
    met = last_met(session, account_id)
    contacts = session.scalars(
        select(Contact)
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.name, Contact.id)
    ).all()
    live = {c.id for c in contacts}
    people = [
        Stakeholder(
            id=c.id,
            name=c.name,
            title=c.title or "",
            reports_to_id=c.reports_to_id if c.reports_to_id in live else None,
            roles=roles_of(c.role, c.buying_roles),
            attitude=c.attitude,
            strength=c.strength,
            last_met=met.get(c.id),
        )
        for c in contacts
    ]
    rule = coverage_rules(session)[account.tier]
    return StakeholderMap(account_id, account.tier, people, gaps(people, rule, now), rule)


# -- writing ----------------------------------------------------------------------------


def set_reports_to(uow: UnitOfWork, contact_id: str, boss_id: str | None) -> None:
    """Put a contact under another (None: at the top); the rule book refuses loops and
    contacts of other accounts."""
    contact = uow.session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise NotFoundError(f"contact {contact_id} not found")
    uow.update(contact, {"reports_to_id": boss_id})


@dataclass(frozen=True)
class Attendees:
    contact_ids: list[str]
    user_ids: list[str]


def attendees(session: Session, visit_id: str) -> Attendees:
    rows = session.execute(
        select(VisitAttendee.contact_id, VisitAttendee.user_id)
        .where(VisitAttendee.visit_id == visit_id, VisitAttendee.deleted_at.is_(None))
        .order_by(VisitAttendee.id)
    ).all()
    return Attendees(
        [str(c) for c, _ in rows if c is not None], [str(u) for _, u in rows if u is not None]
    )


@dataclass(frozen=True)
class AttendeeChoices:
    """What the attendee picker offers for a visit, and who is ticked now."""

    contacts: list[visits.Choice]  # the visit's account's contacts (name, title)
    colleagues: list[visits.Choice]  # the active users
    chosen: Attendees


def attendee_choices(session: Session, visit_id: str) -> AttendeeChoices:
    account_id = session.scalar(select(Visit.account_id).where(Visit.id == visit_id))
    return AttendeeChoices(
        visits.account_contacts(session, str(account_id)) if account_id else [],
        visits.people(session),
        attendees(session, visit_id),
    )


def set_attendees(
    uow: UnitOfWork, visit_id: str, contact_ids: Iterable[str], user_ids: Iterable[str] = ()
) -> None:
    """Who attended the visit: adds the new ones, removes (soft) the ones left out,
    brings back one removed before."""
    visit = uow.session.get(Visit, visit_id)
    if visit is None or visit.deleted_at is not None:
        raise NotFoundError(f"visit {visit_id} not found")
    wanted = {("contact", c) for c in contact_ids} | {("user", u) for u in user_ids}
    existing = uow.session.scalars(
        select(VisitAttendee).where(VisitAttendee.visit_id == visit_id)
    ).all()
    seen: set[tuple[str, str]] = set()
    for row in existing:
        key = ("contact", row.contact_id) if row.contact_id else ("user", str(row.user_id))
        if key in wanted and key not in seen:
            seen.add(key)
            if row.deleted_at is not None:
                uow.restore(row)
        elif row.deleted_at is None:
            uow.delete(row)
    for kind, row_id in sorted(wanted - seen):
        uow.add(
            VisitAttendee(
                visit_id=visit_id,
                account_id=visit.account_id,
                contact_id=row_id if kind == "contact" else None,
                user_id=row_id if kind == "user" else None,
            )
        )
