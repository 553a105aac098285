"""Visits (拜访): plan, reschedule, cancel, check in, and the call report that makes a
visit done, with its follow-up tasks.

A visit is ``done`` only when it has a call report (outcome and notes); checking in
records when and where the rep arrived but does not finish the visit. Planning or
moving a visit onto another visit of the same rep raises ``VisitClashError`` unless the
caller says the user accepted the clash (``allow_clash=True``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, NotFoundError, ValidationError
from desktop.domain.models import VISIT_TYPES, Account, Contact, User, Visit
from desktop.domain.rules.visits import checkin_state
from desktop.domain.services import followups, records
from desktop.domain.uow import UnitOfWork

DEFAULT_ZONE = ZoneInfo("Asia/Shanghai")
OUTCOMES = ("positive", "neutral", "negative", "no_decision")
MAX_MINUTES = 24 * 60
# A visit longer than this cannot reach back into a window we look at for clashes.
_LONGEST = dt.timedelta(minutes=MAX_MINUTES)


class VisitInPastError(DomainError):
    """The visit's day has passed: it can only be recorded as one that happened."""

    def __init__(self, day: dt.date) -> None:
        self.day = day
        super().__init__(f"{day.isoformat()} has passed: record the visit as done after the fact")


class VisitClashError(DomainError):
    """The rep already has a visit in that time; ``clashes`` lists them."""

    def __init__(self, clashes: list[Clash]) -> None:
        self.clashes = clashes
        names = ", ".join(c.account_name for c in clashes)
        super().__init__(f"clashes with another visit of the same rep: {names}")


@dataclass(frozen=True)
class Clash:
    visit_id: str
    account_name: str
    start: dt.datetime
    minutes: int


@dataclass(frozen=True)
class VisitRow:
    """One visit as lists, the calendar and the agenda show it."""

    id: str
    account_id: str
    account_name: str
    owner_id: str | None
    owner_name: str
    status: str
    visit_type: str
    purpose: str
    start: dt.datetime
    minutes: int
    location: str
    checked_in_at: dt.datetime | None
    has_report: bool
    recorded_after_at: dt.datetime | None = None

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)

    @property
    def checkin(self) -> str:
        """on_time / late / recorded_later / none (``rules.visits.checkin_state``)."""
        return checkin_state(self.start, self.checked_in_at, self.recorded_after_at)


@dataclass(frozen=True)
class VisitDetail:
    row: VisitRow
    contact_ids: list[str]
    contact_names: list[str]
    checkin_location: str
    actual_end: dt.datetime | None
    outcome: str
    report: str
    next_steps: str
    competitors: str
    follow_ups: list[followups.TaskRow] = field(default_factory=list)


@dataclass(frozen=True)
class FollowUpDraft:
    title: str
    due_date: dt.date | None
    owner_id: str | None


# -- reads ------------------------------------------------------------------------


def _row(visit: Visit, account_name: str, owner_name: str | None) -> VisitRow:
    return VisitRow(
        id=visit.id,
        account_id=visit.account_id,
        account_name=account_name,
        owner_id=visit.owner_id,
        owner_name=owner_name or "",
        status=visit.status,
        visit_type=visit.visit_type,
        purpose=visit.purpose or "",
        start=visit.planned_start,
        minutes=visit.planned_minutes,
        location=visit.location or "",
        checked_in_at=visit.checked_in_at,
        has_report=bool((visit.report or "").strip()),
        recorded_after_at=visit.recorded_after_at,
    )


def _rows_query() -> Select[Visit, str, str]:
    return (
        select(Visit, Account.name, User.display_name)
        .join(Account, Account.id == Visit.account_id)
        .outerjoin(User, User.id == Visit.owner_id)
        .where(Visit.deleted_at.is_(None))
    )


def list_visits(
    session: Session,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    owner_id: str | None = None,
    account_id: str | None = None,
    statuses: Iterable[str] | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[VisitRow]:
    """Visits whose planned start lies in [start, end), in time order."""
    query = _rows_query()
    if start is not None:
        query = query.where(Visit.planned_start >= start)
    if end is not None:
        query = query.where(Visit.planned_start < end)
    if owner_id is not None:
        query = query.where(Visit.owner_id == owner_id)
    if account_id is not None:
        query = query.where(Visit.account_id == account_id)
    if statuses is not None:
        query = query.where(Visit.status.in_(list(statuses)))
    order = Visit.planned_start.desc() if newest_first else Visit.planned_start.asc()
    query = query.order_by(order, Visit.id)
    if limit is not None:
        query = query.limit(limit)
    return [_row(v, name, owner) for v, name, owner in session.execute(query)]


def account_visits(session: Session, account_id: str) -> list[VisitRow]:
    """An account's visits, newest first: its Visits tab (history and planned)."""
    return list_visits(session, account_id=account_id, newest_first=True)


def get_visit(session: Session, visit_id: str) -> VisitDetail:
    found = session.execute(_rows_query().where(Visit.id == visit_id)).first()
    if found is None:
        raise NotFoundError(f"visit {visit_id} not found")
    visit, account_name, owner_name = found
    ids = list(visit.contact_ids or [])
    names: dict[str, str] = {}
    if ids:
        names = dict(
            session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(ids))).all()
        )
    return VisitDetail(
        row=_row(visit, account_name, owner_name),
        contact_ids=ids,
        contact_names=[names.get(i, "") for i in ids if i in names],
        checkin_location=visit.checkin_location or "",
        actual_end=visit.actual_end,
        outcome=visit.outcome or "",
        report=visit.report or "",
        next_steps=visit.next_steps or "",
        competitors=visit.competitors or "",
        follow_ups=followups.list_tasks(session, visit_id=visit_id, statuses=None),
    )


def find_clashes(
    session: Session,
    owner_id: str | None,
    start: dt.datetime,
    minutes: int,
    *,
    exclude_id: str | None = None,
) -> list[Clash]:
    """Planned or done visits of the same rep that overlap [start, start + minutes)."""
    if owner_id is None:
        return []
    end = start + dt.timedelta(minutes=minutes)
    query = (
        select(Visit, Account.name)
        .join(Account, Account.id == Visit.account_id)
        .where(
            Visit.deleted_at.is_(None),
            Visit.owner_id == owner_id,
            Visit.status != "cancelled",
            Visit.planned_start < end,
            Visit.planned_start > start - _LONGEST,
        )
        .order_by(Visit.planned_start)
    )
    clashes = []
    for visit, name in session.execute(query):
        if visit.id == exclude_id:
            continue
        if visit.planned_start + dt.timedelta(minutes=visit.planned_minutes) > start:
            clashes.append(Clash(visit.id, name, visit.planned_start, visit.planned_minutes))
    return clashes


# -- writes -----------------------------------------------------------------------


def _check_time(start: dt.datetime, minutes: int) -> None:
    errors = {}
    if start.tzinfo is None:
        errors["planned_start"] = "a time needs its time zone"
    if not 5 <= minutes <= MAX_MINUTES:
        errors["planned_minutes"] = f"between 5 and {MAX_MINUTES} minutes"
    if errors:
        raise ValidationError(errors)


def _check_not_past(uow: UnitOfWork, start: dt.datetime) -> None:
    """A visit is planned for today or later (a day that has passed: VisitInPastError)."""
    day = start.astimezone(DEFAULT_ZONE).date()
    if day < uow.now.astimezone(DEFAULT_ZONE).date():
        raise VisitInPastError(day)


def _load(session: Session, row_id: str) -> Visit:
    row = records._load(session, Visit, row_id)
    assert isinstance(row, Visit)
    return row


def plan_visit(
    uow: UnitOfWork,
    *,
    account_id: str,
    owner_id: str | None,
    planned_start: dt.datetime,
    planned_minutes: int = 60,
    visit_type: str = "onsite",
    purpose: str = "",
    contact_ids: Sequence[str] = (),
    location: str | None = None,
    allow_clash: bool = False,
    after_the_fact: bool = False,
) -> str:
    """Plan a visit; the location defaults to the account's address for on-site visits.
    A visit on a day already past raises ``VisitInPastError`` unless ``after_the_fact``:
    then it is marked recorded later (its report makes it done)."""
    _check_time(planned_start, planned_minutes)
    if not after_the_fact:
        _check_not_past(uow, planned_start)
    if visit_type not in VISIT_TYPES:
        raise ValidationError({"visit_type": f"one of {', '.join(VISIT_TYPES)}"})
    account = uow.session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise ValidationError({"account_id": "choose an account"})
    if contact_ids:
        known = set(
            uow.session.scalars(
                select(Contact.id).where(
                    Contact.id.in_(list(contact_ids)), Contact.account_id == account_id
                )
            )
        )
        if set(contact_ids) - known:
            raise ValidationError({"contact_ids": "contacts must belong to the account"})
    if not allow_clash:
        clashes = find_clashes(uow.session, owner_id, planned_start, planned_minutes)
        if clashes:
            raise VisitClashError(clashes)
    if location is None or not location.strip():
        location = account.address if visit_type == "onsite" else None
    visit = Visit(
        account_id=account_id,
        owner_id=owner_id,
        contact_ids=list(contact_ids),
        status="planned",
        visit_type=visit_type,
        purpose=purpose.strip(),
        planned_start=planned_start.astimezone(dt.UTC),
        planned_minutes=planned_minutes,
        location=location,
        report="",
        next_steps="",
        competitors="",
        recorded_after_at=uow.now.astimezone(dt.UTC) if after_the_fact else None,
    )
    uow.add(visit)
    return visit.id


def reschedule(
    uow: UnitOfWork,
    visit_id: str,
    planned_start: dt.datetime,
    planned_minutes: int | None = None,
    *,
    allow_clash: bool = False,
) -> None:
    """Move a planned visit (drag on the calendar or edit)."""
    visit = _load(uow.session, visit_id)
    if visit.status != "planned":
        raise DomainError("only a planned visit can be moved")
    minutes = visit.planned_minutes if planned_minutes is None else planned_minutes
    _check_time(planned_start, minutes)
    _check_not_past(uow, planned_start)
    if not allow_clash:
        clashes = find_clashes(
            uow.session, visit.owner_id, planned_start, minutes, exclude_id=visit.id
        )
        if clashes:
            raise VisitClashError(clashes)
    uow.update(
        visit, {"planned_start": planned_start.astimezone(dt.UTC), "planned_minutes": minutes}
    )


def cancel(uow: UnitOfWork, visit_id: str) -> None:
    visit = _load(uow.session, visit_id)
    if visit.status == "done":
        raise DomainError("a visit with a call report cannot be cancelled")
    uow.update(visit, {"status": "cancelled"})


_COORD = re.compile(
    r"^\s*(?P<lat>[-+]?\d{1,2}(?:\.\d+)?)\s*°?\s*(?P<ns>[NSns])?\s*[,，;\s]\s*"
    r"(?P<lon>[-+]?\d{1,3}(?:\.\d+)?)\s*°?\s*(?P<ew>[EWew])?\s*$"
)


def parse_location(text: str | None) -> str | None:
    """A check-in location as stored: coordinates normalised to ``lat,lon`` (6 places),
    anything else kept as the typed text. ``31.2304 N, 121.4737 E`` -> ``31.230400,121.473700``.
    """
    if text is None or not text.strip():
        return None
    match = _COORD.match(text)
    if match:
        lat, lon = float(match["lat"]), float(match["lon"])
        if (match["ns"] or "").upper() == "S":
            lat = -abs(lat)
        if (match["ew"] or "").upper() == "W":
            lon = -abs(lon)
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return f"{lat:.6f},{lon:.6f}"
        raise ValidationError({"checkin_location": "coordinates out of range"})
    return text.strip()


def check_in(
    uow: UnitOfWork, visit_id: str, *, at: dt.datetime | None = None, location: str | None = None
) -> None:
    """Record arrival: the actual time (now by default) and an optional location."""
    visit = _load(uow.session, visit_id)
    if visit.status == "cancelled":
        raise DomainError("a cancelled visit cannot be checked in")
    when = at or uow.now
    if when.tzinfo is None:
        raise ValidationError({"checked_in_at": "a time needs its time zone"})
    uow.update(
        visit,
        {"checked_in_at": when.astimezone(dt.UTC), "checkin_location": parse_location(location)},
    )


def write_report(
    uow: UnitOfWork,
    visit_id: str,
    *,
    outcome: str,
    notes: str,
    next_steps: str = "",
    competitors: str = "",
    follow_ups: Sequence[FollowUpDraft] = (),
    ended_at: dt.datetime | None = None,
) -> list[str]:
    """Write (or correct) the call report; the visit becomes done. Returns new task ids.
    A report written after the visit's day with no check-in marks it recorded later."""
    visit = _load(uow.session, visit_id)
    errors = {}
    if outcome not in OUTCOMES:
        errors["outcome"] = f"one of {', '.join(OUTCOMES)}"
    if not notes.strip():
        errors["report"] = "write what happened"
    for index, draft in enumerate(follow_ups):
        if not draft.title.strip():
            errors[f"follow_up_{index + 1}"] = "a follow-up needs a title"
    if errors:
        raise ValidationError(errors)
    if visit.status == "cancelled":
        raise DomainError("a cancelled visit has no call report")
    uow.update(
        visit,
        {
            "status": "done",
            "outcome": outcome,
            "report": notes.strip(),
            "next_steps": next_steps.strip(),
            "competitors": competitors.strip(),
            "actual_end": (ended_at or visit.actual_end or uow.now).astimezone(dt.UTC),
            "recorded_after_at": visit.recorded_after_at or _late_record(visit, uow.now),
        },
    )
    return [
        followups.add_task(
            uow,
            title=d.title,
            due_date=d.due_date,
            owner_id=d.owner_id,
            account_id=visit.account_id,
            visit_id=visit.id,
        )
        for d in follow_ups
    ]


def _late_record(visit: Visit, now: dt.datetime) -> dt.datetime | None:
    """Now, if a visit with no check-in is reported after its day ended."""
    _, day_end = local_day_bounds(visit.planned_start.astimezone(DEFAULT_ZONE).date())
    return now.astimezone(dt.UTC) if visit.checked_in_at is None and now >= day_end else None


def local_day_bounds(
    day: dt.date, zone: ZoneInfo = DEFAULT_ZONE
) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a local calendar day, as UTC instants."""
    start = dt.datetime.combine(day, dt.time(), zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


# -- look-ups for the planning dialog ------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: str
    name: str
    detail: str = ""
    primary: bool = False  # an account's primary contact


def account_contacts(session: Session, account_id: str) -> list[Choice]:
    stmt = (
        select(Contact.id, Contact.name, Contact.title, Contact.is_primary)
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.name)
    )
    return [Choice(i, n, t or "", bool(p)) for i, n, t, p in session.execute(stmt)]


def people(session: Session) -> list[Choice]:
    """Active users who can own a visit or a follow-up."""
    stmt = (
        select(User.id, User.display_name, User.role)
        .where(User.deleted_at.is_(None), User.active.is_(True))
        .order_by(User.display_name)
    )
    return [Choice(i, n, r) for i, n, r in session.execute(stmt)]
