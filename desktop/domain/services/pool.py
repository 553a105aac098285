"""The public pool (公海): accounts with no owner, claimed by reps and returned when
neglected.

The ``pool`` policy (managers set it) holds ``claim_limit`` (how many claimed accounts
a rep may hold at once) and ``return_days`` per tier (days without a visit or a
follow-up after which an account goes back). Owners are warned ``WARN_DAYS`` before.
The app calls ``return_neglected`` at start and daily, and shows ``due_soon``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, NotFoundError
from desktop.domain.models import Account, Policy, Task, User, Visit
from desktop.domain.uow import UnitOfWork

POLICY_KEY = "pool"
WARN_DAYS = 7
DEFAULT_CLAIM_LIMIT = 50
DEFAULT_RETURN_DAYS = {"A": 60, "B": 90, "C": 120}


class ClaimError(DomainError):
    """The account cannot be claimed (taken already, or the rep is at the limit)."""


@dataclass(frozen=True)
class PoolPolicy:
    claim_limit: int
    return_days: dict[str, int]


def policy(session: Session) -> PoolPolicy:
    value = session.scalar(
        select(Policy.value).where(Policy.key == POLICY_KEY, Policy.deleted_at.is_(None))
    )
    value = value if isinstance(value, dict) else {}
    limit = value.get("claim_limit", DEFAULT_CLAIM_LIMIT)
    days = {**DEFAULT_RETURN_DAYS, **(value.get("return_days") or {})}
    return PoolPolicy(
        claim_limit=int(limit) if isinstance(limit, int) else DEFAULT_CLAIM_LIMIT,
        return_days={k: int(v) for k, v in days.items()},
    )


def claimed_count(session: Session, user_id: str) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Account)
            .where(
                Account.owner_id == user_id,
                Account.claimed_at.is_not(None),
                Account.deleted_at.is_(None),
            )
        )
        or 0
    )


def claim(uow: UnitOfWork, account_id: str, user_id: str) -> None:
    """The rep takes an account from the pool (first to reach the server wins)."""
    session = uow.session
    account = session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"account {account_id} not found")
    if account.owner_id is not None:
        owner = session.scalar(select(User.display_name).where(User.id == account.owner_id))
        raise ClaimError(f"{account.name} already belongs to {owner or 'another rep'}")
    limit = policy(session).claim_limit
    if claimed_count(session, user_id) >= limit:
        raise ClaimError(
            f"you already hold {limit} accounts from the pool, the most allowed; "
            "return one or ask your manager"
        )
    uow.update(account, {"owner_id": user_id, "claimed_at": uow.now})


def release(uow: UnitOfWork, account_id: str) -> None:
    """The owner gives an account back to the pool."""
    account = uow.session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"account {account_id} not found")
    uow.update(account, {"owner_id": None, "claimed_at": None})


@dataclass(frozen=True)
class PoolDue:
    account_id: str
    name: str
    owner_id: str
    tier: str
    last_activity: dt.datetime
    return_at: dt.datetime

    def days_left(self, now: dt.datetime) -> int:
        return max(0, (self.return_at - now).days)


@dataclass(frozen=True)
class _Owned:
    id: str
    name: str
    owner_id: str
    tier: str
    last: dt.datetime


def _last_activity(
    session: Session, owner_ids: Sequence[str] | None, active_since: dt.datetime
) -> list[_Owned]:
    """Owned accounts with their last activity, leaving out those created or claimed
    after ``active_since`` (their last activity is later still)."""
    last_visit = (
        select(func.max(func.coalesce(Visit.checked_in_at, Visit.planned_start)))
        .where(Visit.account_id == Account.id, Visit.status == "done", Visit.deleted_at.is_(None))
        .scalar_subquery()
    )
    last_task = (
        select(func.max(func.coalesce(Task.done_at, Task.created_at)))
        .where(Task.account_id == Account.id, Task.deleted_at.is_(None))
        .scalar_subquery()
    )
    stmt = select(
        Account.id,
        Account.name,
        Account.owner_id,
        Account.tier,
        Account.created_at,
        Account.claimed_at,
        last_visit,
        last_task,
    ).where(
        Account.owner_id.is_not(None),
        Account.deleted_at.is_(None),
        Account.created_at <= active_since,
        or_(Account.claimed_at.is_(None), Account.claimed_at <= active_since),
    )
    if owner_ids is not None:
        stmt = stmt.where(Account.owner_id.in_(list(owner_ids)))
    result = []
    for account_id, name, owner_id, tier, *moments in session.execute(stmt):
        last = max(_aware(m) for m in moments if m is not None)
        result.append(_Owned(account_id, name, str(owner_id), tier, last))
    return result


def _aware(value: dt.datetime | str) -> dt.datetime:
    # Aggregates come back untyped from SQLite: naive UTC text or datetimes.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def neglected(
    session: Session,
    now: dt.datetime,
    *,
    owner_ids: Sequence[str] | None = None,
    within_days: int = 0,
) -> list[PoolDue]:
    """Owned accounts whose return date is at most ``within_days`` away (0: overdue)."""
    days = policy(session).return_days
    due: list[PoolDue] = []
    limits = [d for d in days.values() if d]
    if not limits:
        return due
    # Nothing created or claimed within the shortest return period can be due: a
    # freshly loaded database costs one pass over the table, no per-account look-ups.
    active_since = now + dt.timedelta(days=within_days) - dt.timedelta(days=min(limits))
    for owned in _last_activity(session, owner_ids, active_since):
        limit = days.get(owned.tier)
        if not limit:
            continue
        return_at = owned.last + dt.timedelta(days=limit)
        if return_at <= now + dt.timedelta(days=within_days):
            due.append(
                PoolDue(owned.id, owned.name, owned.owner_id, owned.tier, owned.last, return_at)
            )
    return sorted(due, key=lambda d: (d.return_at, d.name))


def due_soon(
    session: Session, now: dt.datetime, *, owner_ids: Sequence[str] | None = None
) -> list[PoolDue]:
    """The warning list: accounts going back to the pool within a week."""
    return [
        d
        for d in neglected(session, now, owner_ids=owner_ids, within_days=WARN_DAYS)
        if d.return_at > now
    ]


def return_neglected(
    uow: UnitOfWork, *, owner_ids: Sequence[str] | None = None, limit: int | None = None
) -> list[str]:
    """Send overdue accounts back to the pool (at most ``limit``, the most overdue
    first, so a long backlog goes in short transactions); returns their ids."""
    returned = []
    for item in neglected(uow.session, uow.now, owner_ids=owner_ids)[:limit]:
        account = uow.session.get(Account, item.account_id)
        assert account is not None
        uow.update(account, {"owner_id": None, "claimed_at": None})
        returned.append(item.account_id)
    return returned
