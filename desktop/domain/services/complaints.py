"""Complaints and feedback (投诉/反馈): logging, SLA due dates, aging and breaches.

The SLA clock. Policy ``sla`` gives hours per severity (``{"low": 120, "medium": 72,
"high": 24, "critical": 8}``). Those hours run on working days only: Saturday and
Sunday in the user's time zone do not count, because the service desk that answers
complaints works Monday to Friday, and a 24-hour promise made on Friday afternoon is
kept on Monday afternoon, not on Saturday. Severities listed in the policy's
``around_the_clock`` (default: critical only) run on every hour of every day: a
customer whose line is down does not wait for Monday. Public holidays and the
weekend working days that make up for them (调休) are not modelled.

Status moves open -> in_progress -> resolved -> closed; resolving stamps
``resolved_at``, re-opening clears it. "Close to breach": still open and less than a
quarter of its SLA time left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATUSES,
    Account,
    Complaint,
    Policy,
)
from desktop.domain.models.types import utcnow
from desktop.domain.uow import UnitOfWork

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEFAULT_SLA_HOURS: dict[str, int] = {"low": 120, "medium": 72, "high": 24, "critical": 8}
DEFAULT_AROUND_THE_CLOCK = ("critical",)
CLOSED = ("resolved", "closed")
# Age buckets in days (upper bounds, inclusive), for the dashboard and the meeting pack.
AGE_BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("0-2 d", 2),
    ("3-7 d", 7),
    ("8-30 d", 30),
    (">30 d", None),
)
NEAR_BREACH_SHARE = 0.25


@dataclass(frozen=True)
class SlaPolicy:
    hours: Mapping[str, int]
    around_the_clock: frozenset[str]

    def hours_for(self, severity: str) -> int:
        return int(self.hours.get(severity, DEFAULT_SLA_HOURS.get(severity, 72)))


def sla_policy(session: Session) -> SlaPolicy:
    row = session.scalars(
        select(Policy).where(Policy.key == "sla", Policy.deleted_at.is_(None))
    ).first()
    value: dict[str, Any] = (
        dict(row.value) if row is not None and isinstance(row.value, dict) else {}
    )
    clock = value.pop("around_the_clock", list(DEFAULT_AROUND_THE_CLOCK))
    hours = {
        **DEFAULT_SLA_HOURS,
        **{k: int(v) for k, v in value.items() if k in COMPLAINT_SEVERITIES},
    }
    return SlaPolicy(hours, frozenset(str(s) for s in clock))


def _is_weekend(moment: dt.datetime) -> bool:
    return moment.weekday() >= 5


def add_working_hours(start: dt.datetime, hours: int, tz: ZoneInfo = SHANGHAI) -> dt.datetime:
    """``start`` plus ``hours`` counted on Monday-Friday (local time) only.

    A start inside a weekend begins counting at Monday 00:00.
    """
    local = start.astimezone(tz)
    remaining = dt.timedelta(hours=hours)
    while True:
        if _is_weekend(local):
            days_to_monday = 7 - local.weekday()
            local = dt.datetime.combine(
                local.date() + dt.timedelta(days=days_to_monday), dt.time(), tz
            )
            continue
        next_midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), tz)
        available = next_midnight - local
        if remaining <= available:
            return (local + remaining).astimezone(dt.UTC)
        remaining -= available
        local = next_midnight


def sla_due(
    opened_at: dt.datetime, severity: str, policy: SlaPolicy, tz: ZoneInfo = SHANGHAI
) -> dt.datetime:
    hours = policy.hours_for(severity)
    if severity in policy.around_the_clock:
        return (opened_at + dt.timedelta(hours=hours)).astimezone(dt.UTC)
    return add_working_hours(opened_at, hours, tz)


def _check(values: Mapping[str, Any]) -> None:
    errors = {}
    if "category" in values and values["category"] not in COMPLAINT_CATEGORIES:
        errors["category"] = f"one of {', '.join(COMPLAINT_CATEGORIES)}"
    if "severity" in values and values["severity"] not in COMPLAINT_SEVERITIES:
        errors["severity"] = f"one of {', '.join(COMPLAINT_SEVERITIES)}"
    if "status" in values and values["status"] not in COMPLAINT_STATUSES:
        errors["status"] = f"one of {', '.join(COMPLAINT_STATUSES)}"
    if "title" in values and not str(values["title"]).strip():
        errors["title"] = "a complaint needs a title"
    sat = values.get("satisfaction")
    if sat is not None and not (isinstance(sat, int) and 1 <= sat <= 5):
        errors["satisfaction"] = "1 to 5"
    if errors:
        raise ValidationError(errors)


def log_complaint(uow: UnitOfWork, values: Mapping[str, Any], tz: ZoneInfo = SHANGHAI) -> str:
    """Record a complaint; its SLA due time follows from severity and the policy."""
    data = {"category": "other", "severity": "medium", "status": "open", **values}
    _check(data)
    if uow.session.get(Account, data.get("account_id")) is None:
        raise ValidationError({"account_id": "choose the account the complaint is about"})
    data.setdefault("opened_at", uow.now)
    data.setdefault("owner_id", uow.actor_id)
    data["sla_due_at"] = sla_due(data["opened_at"], data["severity"], sla_policy(uow.session), tz)
    row = Complaint(**data)
    uow.add(row)
    return row.id


def update_complaint(
    uow: UnitOfWork, complaint_id: str, changes: Mapping[str, Any], tz: ZoneInfo = SHANGHAI
) -> list[str]:
    """Edit fields; a new severity moves the due time, a status change stamps resolution."""
    _check(changes)
    row = uow.session.get(Complaint, complaint_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"complaint {complaint_id} not found")
    data = dict(changes)
    if "severity" in data and data["severity"] != row.severity:
        data["sla_due_at"] = sla_due(row.opened_at, data["severity"], sla_policy(uow.session), tz)
    status = data.get("status")
    if status in CLOSED and row.resolved_at is None:
        data.setdefault("resolved_at", uow.now)
    elif status in ("open", "in_progress"):
        data["resolved_at"] = None
    return uow.update(row, data)


# ---------------------------------------------------------------- aging and breaches


@dataclass(frozen=True)
class ComplaintView:
    """A complaint as lists, Today and reports show it."""

    id: str
    account_id: str
    account_name: str
    owner_id: str | None
    title: str
    category: str
    severity: str
    status: str
    opened_at: dt.datetime
    sla_due_at: dt.datetime | None
    resolved_at: dt.datetime | None
    age_days: int
    sla_state: str  # "on_track" | "near_breach" | "breached" | "met" | "missed" | "none"
    hours_left: float | None  # for display only; negative when overdue


def age_bucket(age_days: int) -> str:
    for label, limit in AGE_BUCKETS:
        if limit is None or age_days <= limit:
            return label
    return AGE_BUCKETS[-1][0]


def sla_state(
    opened_at: dt.datetime,
    due: dt.datetime | None,
    resolved: dt.datetime | None,
    status: str,
    now: dt.datetime,
) -> str:
    if due is None:
        return "none"
    if status in CLOSED:
        return "met" if resolved is not None and resolved <= due else "missed"
    if now > due:
        return "breached"
    if (due - now) < (due - opened_at) * NEAR_BREACH_SHARE:
        return "near_breach"
    return "on_track"


def complaint_views(
    session: Session,
    *,
    owner_ids: Iterable[str] | None = None,
    account_id: str | None = None,
    open_only: bool = False,
    opened_between: tuple[dt.datetime, dt.datetime] | None = None,
    now: dt.datetime | None = None,
) -> list[ComplaintView]:
    now = now or utcnow()
    query = (
        select(Complaint, Account.name)
        .join(Account, Account.id == Complaint.account_id)
        .where(Complaint.deleted_at.is_(None))
    )
    if owner_ids is not None:
        query = query.where(Complaint.owner_id.in_(list(owner_ids)))
    if account_id is not None:
        query = query.where(Complaint.account_id == account_id)
    if open_only:
        query = query.where(Complaint.status.not_in(CLOSED))
    if opened_between is not None:
        query = query.where(
            Complaint.opened_at >= opened_between[0], Complaint.opened_at < opened_between[1]
        )
    views = []
    for c, account_name in session.execute(query.order_by(Complaint.opened_at.desc())):
        end = c.resolved_at if c.status in CLOSED and c.resolved_at else now
        state = sla_state(c.opened_at, c.sla_due_at, c.resolved_at, c.status, now)
        left = (
            (c.sla_due_at - now).total_seconds() / 3600
            if c.sla_due_at is not None and c.status not in CLOSED
            else None
        )
        views.append(
            ComplaintView(
                id=c.id,
                account_id=c.account_id,
                account_name=account_name,
                owner_id=c.owner_id,
                title=c.title,
                category=c.category,
                severity=c.severity,
                status=c.status,
                opened_at=c.opened_at,
                sla_due_at=c.sla_due_at,
                resolved_at=c.resolved_at,
                age_days=max((end - c.opened_at).days, 0),
                sla_state=state,
                hours_left=left,
            )
        )
    return views


def close_to_breach(
    session: Session, owner_ids: Iterable[str] | None = None, now: dt.datetime | None = None
) -> list[ComplaintView]:
    """Open complaints near or past their SLA, most urgent first (for Today)."""
    views = complaint_views(session, owner_ids=owner_ids, open_only=True, now=now)
    urgent = [v for v in views if v.sla_state in ("near_breach", "breached")]
    return sorted(urgent, key=lambda v: v.sla_due_at or v.opened_at)


def by_category_and_age(views: Iterable[ComplaintView]) -> dict[str, dict[str, int]]:
    """category -> age bucket -> count of open complaints."""
    table = {c: {label: 0 for label, _ in AGE_BUCKETS} for c in COMPLAINT_CATEGORIES}
    for v in views:
        if v.status in CLOSED:
            continue
        table.setdefault(v.category, {label: 0 for label, _ in AGE_BUCKETS})
        table[v.category][age_bucket(v.age_days)] += 1
    return table
