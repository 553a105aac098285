"""Visit coverage by tier: how often each account must be visited, who is due.

The cadence is the Policy ``coverage`` ({tier: days}); defaults A 30, B 90, C 182
("monthly", "quarterly", "twice a year").

Decision: a cadence is a rolling number of days, not a calendar month or quarter. A
calendar rule gives uneven gaps (a visit on 31 January and one on 1 February would
both "cover" their months one day apart, and 31 March to 1 July covers a quarter in
92 days but 1 January to 31 March in 89), while a manager means "no A account goes
longer than 30 days without a visit". Days are what the Policy stores and what
Settings edits, and the rule reads the same on any date.

The rule, with ``last`` the local date of the last done visit (its check-in time,
else its planned start) and ``cadence`` the tier's days:

- due date = ``last + cadence``: on the 30th day after an A visit the account is
  ``due`` (visit today to keep the cadence), on the 31st it is ``overdue``;
- ``due`` also covers the ``within_days`` before the due date (the "due soon" window
  a planner looks at);
- an account never visited counts from the day it was created.

Lost accounts and deleted accounts need no visits. An account is *covered* on a day
when it is not overdue that day: this one rule gives Today's list of accounts due, the
Accounts list's "Due for a visit" filter and the dashboard's and meeting pack's
coverage by tier, so they never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, ScalarSelect, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import TIERS, Account, Policy, Visit
from desktop.domain.models.types import UTCDateTime
from desktop.domain.uow import UnitOfWork

DEFAULT_ZONE = ZoneInfo("Asia/Shanghai")
DEFAULT_CADENCE: dict[str, int] = {"A": 30, "B": 90, "C": 182}
POLICY_KEY = "coverage"
COVERED_STATUSES = ("prospect", "active", "dormant")
MAX_CADENCE = 3660


@dataclass(frozen=True)
class VisitDates:
    """An account's last done visit and its next planned one (the Accounts columns)."""

    last: dt.datetime | None
    next: dt.datetime | None


@dataclass(frozen=True)
class CoverageState:
    account_id: str
    account_name: str
    tier: str
    owner_id: str | None
    last_visit: dt.date | None
    due_date: dt.date
    days_overdue: int  # > 0 overdue, 0 due today, < 0 days left
    next_planned: dt.datetime | None

    @property
    def state(self) -> str:
        return "overdue" if self.days_overdue > 0 else "due"


def cadence(session: Session) -> dict[str, int]:
    """Days between visits per tier, from the Policy, with defaults for missing tiers."""
    value = session.scalar(
        select(Policy.value).where(Policy.key == POLICY_KEY, Policy.deleted_at.is_(None))
    )
    result = dict(DEFAULT_CADENCE)
    if isinstance(value, dict):
        for tier in TIERS:
            days = value.get(tier)
            if isinstance(days, int) and not isinstance(days, bool) and 0 < days <= MAX_CADENCE:
                result[tier] = days
    return result


def set_cadence(uow: UnitOfWork, values: Mapping[str, int]) -> None:
    """Save the Policy (Settings); every tier needs a number of days from 1 to 3660."""
    errors = {
        tier: f"a number of days from 1 to {MAX_CADENCE}"
        for tier in TIERS
        if not isinstance(values.get(tier), int) or not 0 < values[tier] <= MAX_CADENCE
    }
    if errors:
        raise ValidationError(errors)
    clean = {tier: int(values[tier]) for tier in TIERS}
    row = uow.session.scalar(select(Policy).where(Policy.key == POLICY_KEY))
    if row is None:
        uow.add(Policy(key=POLICY_KEY, value=clean))
    else:
        if row.deleted_at is not None:
            uow.restore(row)
        uow.update(row, {"value": clean})


def due_date(last_visit: dt.date, days: int) -> dt.date:
    return last_visit + dt.timedelta(days=days)


def _visited_at() -> ColumnElement[dt.datetime]:
    return func.coalesce(Visit.checked_in_at, Visit.planned_start)


def _midnight_utc(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)


def _last_done_at(before: dt.datetime | None = None) -> ScalarSelect[dt.datetime]:
    """Correlated: the account's last done visit (an index lookup per account), only
    those before ``before`` when given."""
    where = [Visit.account_id == Account.id, Visit.deleted_at.is_(None), Visit.status == "done"]
    if before is not None:
        where.append(_visited_at() < literal(before, UTCDateTime()))
    return select(func.max(_visited_at())).where(*where).scalar_subquery()


def due_condition(
    session: Session,
    today: dt.date,
    *,
    within_days: int = 0,
    zone: ZoneInfo = DEFAULT_ZONE,
    as_of: dt.datetime | None = None,
) -> ColumnElement[bool]:
    """A where-clause on ``Account``: due for a visit by ``today + within_days``.

    For the Accounts list's "Due for a visit" filter:
    ``select(Account).where(coverage.due_condition(session, today))``. It compares UTC
    instants with local midnights, so it needs no time-zone functions in SQL. With
    ``as_of``, visits from then on are not counted yet (a past period's figures).
    """
    days = cadence(session)
    # Due by day X  <=>  last + cadence <= X  <=>  visited before midnight of X - cadence + 1.
    cutoffs = {
        tier: literal(
            _midnight_utc(today + dt.timedelta(days=within_days - d + 1), zone), UTCDateTime()
        )
        for tier, d in days.items()
    }
    cutoff = case(
        *((Account.tier == tier, value) for tier, value in cutoffs.items()),
        else_=cutoffs["C"],
    )
    last_at = _last_done_at(as_of)
    return and_(
        Account.deleted_at.is_(None),
        Account.status.in_(COVERED_STATUSES),
        or_(
            and_(last_at.is_(None), Account.created_at < cutoff),
            last_at < cutoff,
        ),
    )


def accounts_due(
    session: Session,
    today: dt.date,
    *,
    owner_id: str | None = None,
    within_days: int = 7,
    include_planned: bool = False,
    zone: ZoneInfo = DEFAULT_ZONE,
    limit: int | None = None,
) -> list[CoverageState]:
    """Accounts due for a visit by ``today + within_days``, most overdue first.

    Accounts that already have a planned visit from today on are left out unless
    ``include_planned``: their next step is already in the calendar.
    """
    days = cadence(session)
    query = select(
        Account.id, Account.name, Account.tier, Account.owner_id, Account.created_at
    ).where(due_condition(session, today, within_days=within_days, zone=zone))
    if owner_id is not None:
        query = query.where(Account.owner_id == owner_id)
    rows = session.execute(query).all()
    ids = [r.id for r in rows]
    dates = last_and_next_visit(session, ids, today=today, zone=zone)
    result = []
    for row in rows:
        seen = dates.get(row.id, VisitDates(None, None))
        if seen.next is not None and not include_planned:
            continue
        base = (seen.last or row.created_at).astimezone(zone).date()
        due = due_date(base, days.get(row.tier, days["C"]))
        result.append(
            CoverageState(
                account_id=row.id,
                account_name=row.name,
                tier=row.tier,
                owner_id=row.owner_id,
                last_visit=seen.last.astimezone(zone).date() if seen.last else None,
                due_date=due,
                days_overdue=(today - due).days,
                next_planned=seen.next,
            )
        )
    result.sort(key=lambda s: (-s.days_overdue, s.tier, s.account_name))
    return result[:limit] if limit is not None else result


def last_and_next_visit(
    session: Session,
    account_ids: Sequence[str] | Iterable[str],
    *,
    today: dt.date | None = None,
    zone: ZoneInfo = DEFAULT_ZONE,
) -> dict[str, VisitDates]:
    """{account id: last done visit, next planned visit from today on} (UTC times).

    For the Accounts list's "Last visit" and "Next visit" columns; call it with the ids
    of the rows on screen. Accounts with neither are left out of the result.
    """
    ids = list(dict.fromkeys(account_ids))
    if not ids:
        return {}
    day = today or dt.datetime.now(zone).date()
    from_time = _midnight_utc(day, zone)
    result: dict[str, VisitDates] = {}
    # SQLite limits bound parameters; stay well under the limit.
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        last = dict(
            session.execute(
                select(Visit.account_id, func.max(_visited_at()))
                .where(
                    Visit.account_id.in_(chunk), Visit.deleted_at.is_(None), Visit.status == "done"
                )
                .group_by(Visit.account_id)
            ).all()
        )
        upcoming = dict(
            session.execute(
                select(Visit.account_id, func.min(Visit.planned_start))
                .where(
                    Visit.account_id.in_(chunk),
                    Visit.deleted_at.is_(None),
                    Visit.status == "planned",
                    Visit.planned_start >= from_time,
                )
                .group_by(Visit.account_id)
            ).all()
        )
        for account_id in chunk:
            last_at, next_at = last.get(account_id), upcoming.get(account_id)
            if last_at is None and next_at is None:
                continue
            result[account_id] = VisitDates(_aware(last_at), _aware(next_at))
    return result


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # Aggregates bypass the column type, so SQLite hands back naive UTC (or text).
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class TierCoverage:
    """Accounts of a tier that need visits on a day, and how many are not overdue."""

    tier: str
    cadence_days: int
    accounts: int
    covered: int

    @property
    def coverage_pct(self) -> Decimal | None:
        """Percent with one decimal, half-up; None when no account needs a visit."""
        if not self.accounts:
            return None
        pct = Decimal(self.covered * 100) / Decimal(self.accounts)
        return pct.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def coverage_by_tier(
    session: Session,
    day: dt.date,
    *,
    owner_ids: Sequence[str] | None = None,
    zone: ZoneInfo = DEFAULT_ZONE,
) -> list[TierCoverage]:
    """Per tier, as the end of ``day`` saw it: the accounts that need visits (not lost,
    created by then) and how many of them are covered (not overdue that day, counting
    the visits done by then). ``owner_ids`` None: every owner's accounts."""
    days = cadence(session)
    end = _midnight_utc(day + dt.timedelta(days=1), zone)
    needing = [
        Account.deleted_at.is_(None),
        Account.status.in_(COVERED_STATUSES),
        Account.created_at < literal(end, UTCDateTime()),
    ]
    if owner_ids is not None:
        needing.append(Account.owner_id.in_(list(owner_ids)))
    overdue = due_condition(session, day - dt.timedelta(days=1), zone=zone, as_of=end)
    per_tier = select(Account.tier, func.count()).where(*needing).group_by(Account.tier)
    totals: dict[str, int] = dict(session.execute(per_tier).all())
    late: dict[str, int] = dict(session.execute(per_tier.where(overdue)).all())
    return [
        TierCoverage(tier, days[tier], totals.get(tier, 0), totals.get(tier, 0) - late.get(tier, 0))
        for tier in TIERS
    ]
