"""The Accounts list: the query behind the page (filters, search, sort), its first ids
per keystroke, its count, every id in order, the rows of one page, and the values the
filter bar offers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, Select, case, exists, func, select, text
from sqlalchemy.orm import Session, aliased

from desktop.domain.health import AT_RISK_BELOW, Reason
from desktop.domain.models import Account, AccountHealth, Contact, User, Visit
from desktop.domain.models.types import utcnow
from desktop.domain.services import completeness, coverage, health_cache
from desktop.domain.services.accounts.validation import tag_list
from desktop.domain.services.search import TextFilter, text_filter

POOL = "__pool__"  # owner filter value: accounts with no owner (公海)

# Sort keys the list offers.
SORT_KEYS = (
    "name",
    "short_name",
    "credit_code",
    "industry",
    "province",
    "city",
    "tier",
    "status",
    "owner",
    "potential",
    "completeness",
    "updated_at",
    "created_at",
    "last_visit",
    "next_visit",
    "health",
    "abc",
)


@dataclass(frozen=True)
class AccountQuery:
    text: str = ""
    tiers: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    industry: str | None = None
    province: str | None = None
    city: str | None = None
    owner_id: str | None = None  # a user id, or POOL
    tag: str | None = None
    incomplete: bool = False
    not_visited_days: int | None = None
    at_risk: bool = False  # health score under desktop.domain.health.AT_RISK_BELOW
    abc: str | None = None  # ABC class (A, B, C) by revenue share
    sort: str = "name"
    descending: bool = False

    def is_filtered(self) -> bool:
        return self != AccountQuery(sort=self.sort, descending=self.descending)


def _conditions(
    session: Session, query: AccountQuery, now: dt.datetime
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Account.deleted_at.is_(None)]
    if query.tiers:
        where.append(Account.tier.in_(query.tiers))
    if query.statuses:
        where.append(Account.status.in_(query.statuses))
    for name in ("industry", "province", "city"):
        value = getattr(query, name)
        if value:
            where.append(Account.__table__.columns[name] == value)
    if query.owner_id == POOL:
        where.append(Account.owner_id.is_(None))
    elif query.owner_id:
        where.append(Account.owner_id == query.owner_id)
    if query.tag:
        where.append(Account.tags.contains(f",{query.tag.strip()},", autoescape=True))
    if query.incomplete:
        where.append(completeness.incomplete_condition(completeness.rules(session)))
    if query.not_visited_days is not None:
        since = now - dt.timedelta(days=query.not_visited_days)
        where.append(
            ~exists().where(
                Visit.account_id == Account.id,
                Visit.deleted_at.is_(None),
                Visit.status == "done",
                func.coalesce(Visit.checked_in_at, Visit.planned_start) >= since,
            )
        )
    if query.at_risk:
        where.append(
            Account.id.in_(
                select(AccountHealth.account_id).where(AccountHealth.score < AT_RISK_BELOW)
            )
        )
    if query.abc:
        where.append(
            Account.id.in_(select(AccountHealth.account_id).where(AccountHealth.abc == query.abc))
        )
    return where


def _cached(column: Any) -> ScalarSelect[Any]:
    """Correlated: a cached figure of the account (None until the first pass)."""
    return select(column).where(AccountHealth.account_id == Account.id).scalar_subquery()


def _last_visit_at() -> ScalarSelect[Any]:
    """Correlated: the account's last done visit (its check-in, else its planned start)."""
    return (
        select(func.max(func.coalesce(Visit.checked_in_at, Visit.planned_start)))
        .where(Visit.account_id == Account.id, Visit.deleted_at.is_(None), Visit.status == "done")
        .scalar_subquery()
    )


def _next_visit_at(now: dt.datetime) -> ScalarSelect[Any]:
    """Correlated: the account's first planned visit from today on (as the column shows)."""
    today = now.astimezone(coverage.DEFAULT_ZONE).date()
    since = dt.datetime.combine(today, dt.time(), coverage.DEFAULT_ZONE).astimezone(dt.UTC)
    return (
        select(func.min(Visit.planned_start))
        .where(
            Visit.account_id == Account.id,
            Visit.deleted_at.is_(None),
            Visit.status == "planned",
            Visit.planned_start >= since,
        )
        .scalar_subquery()
    )


def _sort_column(session: Session, key: str, now: dt.datetime) -> Any:
    if key == "last_visit":
        return _last_visit_at()
    if key == "next_visit":
        return _next_visit_at(now)
    if key == "health":
        return _cached(AccountHealth.score)
    if key == "abc":
        return _cached(AccountHealth.abc)
    if key == "owner":
        # Owners ranked by name in Python (a team has few users): SQLite sorts on a
        # CASE over the row instead of looking each owner up (~70 -> ~25 ms at 100k).
        users = session.execute(select(User.id, User.display_name)).all()
        ranked = sorted(users, key=lambda u: (u.display_name or "", u.id))
        if not ranked:
            return Account.owner_id
        return case({u.id: rank for rank, u in enumerate(ranked)}, value=Account.owner_id)
    if key == "completeness":
        return completeness.score_expression(completeness.rules(session))
    if key not in SORT_KEYS:
        raise ValueError(f"cannot sort by {key!r}")
    return Account.__table__.columns[key]


FIRST_IDS = 200  # ids the keystroke query returns: a screenful and then some


@dataclass(frozen=True)
class AccountList:
    """The head of the list a query gives: its first ids, in order, and how many
    accounts the list holds; ``total`` is None when counting would cost more than the
    head (then ``count_accounts`` tells, and ``account_ids`` gives every id)."""

    ids: list[str]
    total: int | None


def _order(session: Session, query: AccountQuery, now: dt.datetime) -> list[Any]:
    sort = _sort_column(session, query.sort, now)
    first = sort.desc() if query.descending else sort.asc()
    if query.sort in ("next_visit", "health", "abc"):  # nothing planned, not scored: last
        first = first.nulls_last()
    return [first, Account.id]


def _sorted_ids(
    session: Session, query: AccountQuery, where: list[Any], now: dt.datetime
) -> Select[Any]:
    if query.sort != "name":
        # Another order reads every row anyway: one pass over the table beats walking
        # the list index and fetching each row it holds (city at 100k: ~130 -> ~25 ms).
        where = [text("+account.deleted_at IS NULL"), *where[1:]]
    return select(Account.id).where(*where).order_by(*_order(session, query, now))


def list_accounts(
    session: Session,
    query: AccountQuery,
    *,
    limit: int = FIRST_IDS,
    now: dt.datetime | None = None,
) -> AccountList:
    """What the list shows first (the query the page runs per keystroke).

    Its cost is bounded by ``limit``, not by how many accounts match: a narrow search
    is fetched whole and sorted; a broad one ("z", half the accounts) walks the list
    index in order, looking accounts up in the match set, until ``limit`` are found.
    """
    now = now or utcnow()
    where = _conditions(session, query, now)
    filtered = len(where) > 1
    found = _with_text(session, query, where)
    if found is not None and not filtered and query.sort == "name":
        ids = found.first_by_name(session, limit, descending=query.descending)
    else:
        stmt = _sorted_ids(session, query, where, now).limit(limit)
        ids = list(session.connection().execute(stmt).scalars())
    total: int | None = None
    if len(ids) < limit:
        total = len(ids)
    elif found is not None and found.narrow:
        total = found.count if not filtered else _count(session, where)
    elif found is None:  # an index or a table scan counts 100k in 5-15 ms
        total = _count(session, where)
    return AccountList(ids, total)


def _with_text(session: Session, query: AccountQuery, where: list[Any]) -> TextFilter | None:
    """Add the search condition to ``where`` (whose first item is "not deleted")."""
    found = text_filter(session, query.text) if query.text.strip() else None
    if found is not None:
        if found.narrow:
            # Look the few matching ids up by key and sort them, rather than walk the
            # list index ("+" keeps SQLite from choosing that index for this term).
            where[0] = text("+account.deleted_at IS NULL")
        where.append(found.condition())
    return found


def count_accounts(session: Session, query: AccountQuery, *, now: dt.datetime | None = None) -> int:
    """How many accounts the list holds (when ``list_accounts`` left it open)."""
    where = _conditions(session, query, now or utcnow())
    filtered = len(where) > 1
    found = _with_text(session, query, where)
    if found is not None and not filtered:
        return found.full_count(session)
    return _count(session, where)


def _count(session: Session, where: list[Any]) -> int:
    if len(where) > 1:
        # With filters, one pass over the table (~13 ms at 100k) beats the list index,
        # which would fetch each row it holds from the table (~110 ms).
        where = [text("+account.deleted_at IS NULL"), *where[1:]]
    return int(session.scalar(select(func.count()).select_from(Account).where(*where)) or 0)


def account_ids(
    session: Session, query: AccountQuery, *, now: dt.datetime | None = None
) -> list[str]:
    """The ids of every account the list holds, in order (rows are fetched per page)."""
    now = now or utcnow()
    where = _conditions(session, query, now)
    _with_text(session, query, where)
    stmt = _sorted_ids(session, query, where, now)
    # Core, not ORM: 100k ids without building ORM result rows.
    return list(session.connection().execute(stmt).scalars())


@dataclass(frozen=True)
class AccountRow:
    """One line of the Accounts list."""

    id: str
    name: str
    short_name: str | None
    credit_code: str | None
    industry: str | None
    province: str | None
    city: str | None
    tier: str
    status: str
    owner_id: str | None
    owner_name: str | None
    potential: Decimal | None
    tags: list[str] = field(default_factory=list)
    completeness: int = 100
    contacts: int = 0
    updated_at: dt.datetime | None = None
    last_visit: dt.datetime | None = None  # the last done visit (UTC)
    next_visit: dt.datetime | None = None  # the first planned visit from today on (UTC)
    health: int | None = None  # the cached health score; None until the first pass
    health_reasons: list[Reason] = field(default_factory=list)
    abc: str | None = None  # the cached ABC class (None: lost, or not ranked yet)


def account_rows(session: Session, ids: Sequence[str]) -> dict[str, AccountRow]:
    """The rows of a page of the list, by id (deleted ones are left out), with their
    last and next visit looked up for these ids only."""
    if not ids:
        return {}
    visits = coverage.last_and_next_visit(session, ids)
    scores = health_cache.cached(session, list(ids))
    no_visits = coverage.VisitDates(None, None)
    owner = aliased(User)
    score = completeness.score_expression(completeness.rules(session)).label("score")
    contacts = (
        select(func.count())
        .where(Contact.account_id == Account.id, Contact.deleted_at.is_(None))
        .scalar_subquery()
        .label("contacts")
    )
    stmt = (
        select(Account, owner.display_name, score, contacts)
        .outerjoin(owner, owner.id == Account.owner_id)
        .where(Account.id.in_(list(ids)), Account.deleted_at.is_(None))
    )
    result: dict[str, AccountRow] = {}
    for account, owner_name, score_value, contact_count in session.execute(stmt):
        seen = visits.get(account.id, no_visits)
        figures = scores.get(account.id)
        result[account.id] = AccountRow(
            id=account.id,
            name=account.name,
            short_name=account.short_name,
            credit_code=account.credit_code,
            industry=account.industry,
            province=account.province,
            city=account.city,
            tier=account.tier,
            status=account.status,
            owner_id=account.owner_id,
            owner_name=owner_name,
            potential=account.potential,
            tags=tag_list(account.tags),
            completeness=int(score_value),
            contacts=int(contact_count),
            updated_at=account.updated_at,
            last_visit=seen.last,
            next_visit=seen.next,
            health=figures.score if figures else None,
            health_reasons=figures.reasons if figures else [],
            abc=figures.abc if figures else None,
        )
    return result


@dataclass(frozen=True)
class FilterChoices:
    industries: list[str]
    provinces: list[str]
    cities: list[str]
    owners: list[tuple[str, str]]  # (id, display name)
    tags: list[str]


def filter_choices(session: Session) -> FilterChoices:
    """The values the filter bar offers (what the data holds)."""

    def distinct(column: Any) -> list[str]:
        return [
            v
            for v in session.scalars(
                select(column)
                .where(Account.deleted_at.is_(None), column.is_not(None))
                .distinct()
                .order_by(column)
            )
            if v
        ]

    tags: set[str] = set()
    for value in session.scalars(select(Account.tags).where(Account.tags != "").distinct()):
        tags.update(tag_list(value))
    owners = session.execute(
        select(User.id, User.display_name)
        .where(User.deleted_at.is_(None), User.active)
        .order_by(User.display_name)
    ).all()
    return FilterChoices(
        industries=distinct(Account.industry),
        provinces=distinct(Account.province),
        cities=distinct(Account.city),
        owners=[(i, n) for i, n in owners],
        tags=sorted(tags),
    )
