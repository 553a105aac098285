"""Accounts (客户): validation, create/edit/delete with 查重, the list query behind the
Accounts page (filters, search, sort), rows for a page of the list, the group
hierarchy, history, recently deleted, and handover (客户交接) between reps.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    ScalarSelect,
    Select,
    case,
    exists,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session, aliased

from desktop.domain import credit_code
from desktop.domain.errors import DomainError, NotFoundError, PermissionDeniedError, ValidationError
from desktop.domain.models import (
    ACCOUNT_STATUSES,
    TIERS,
    Account,
    ChangeRecord,
    Complaint,
    Contact,
    Opportunity,
    Order,
    Quote,
    Task,
    User,
    Visit,
)
from desktop.domain.models.types import utcnow
from desktop.domain.rules.fields import EMAIL, PHONE, URL
from desktop.domain.services import completeness, coverage
from desktop.domain.services.duplicates import DuplicateMatch, find_duplicates
from desktop.domain.services.records import Record, to_record
from desktop.domain.services.search import TextFilter, text_filter
from desktop.domain.uow import UnitOfWork

EDITABLE = (
    "name",
    "short_name",
    "credit_code",
    "industry",
    "province",
    "city",
    "address",
    "phone",
    "website",
    "tier",
    "status",
    "owner_id",
    "parent_id",
    "potential",
    "tags",
    "notes",
)

# Statuses of work that is still open and moves with an account at handover.
OPEN_VISIT = ("planned",)
OPEN_TASK = ("open",)
OPEN_QUOTE = ("draft", "pending_approval", "approved", "returned", "sent")
OPEN_COMPLAINT = ("open", "in_progress")
OPEN_OPPORTUNITY = ("lead", "qualified", "proposal", "negotiation")


class DuplicateWarning(DomainError):
    """Saving would create what looks like a second copy of an existing account."""

    def __init__(self, matches: list[DuplicateMatch]) -> None:
        self.matches = matches
        names = ", ".join(sorted({m.account_name for m in matches}))
        super().__init__(f"looks like an existing account: {names}")


# -- validation ---------------------------------------------------------------------------


def phone_problem(value: str | None) -> str | None:
    if not value or PHONE.match(value.strip()):
        return None
    return "is not a phone number (digits, spaces, + - ( ) and an extension)"


def email_problem(value: str | None) -> str | None:
    if not value or EMAIL.match(value.strip()):
        return None
    return "is not an e-mail address (name@example.com)"


def validate(values: Mapping[str, Any]) -> dict[str, str]:
    """field -> what is wrong, for the fields present in ``values`` (name always)."""
    errors: dict[str, str] = {}
    name = (values.get("name") or "").strip()
    if not name:
        errors["name"] = "is required"
    elif len(name) > 200:
        errors["name"] = "is longer than 200 characters"
    code = (values.get("credit_code") or "").strip()
    if code and (problem := credit_code.problem(code)):
        errors["credit_code"] = problem
    if problem := phone_problem(values.get("phone")):
        errors["phone"] = problem
    website = (values.get("website") or "").strip()
    if website and not URL.match(website):
        errors["website"] = "is not a web address"
    if "tier" in values and values["tier"] not in TIERS:
        errors["tier"] = "must be A, B or C"
    if "status" in values and values["status"] not in ACCOUNT_STATUSES:
        errors["status"] = "is not a known status"
    potential = values.get("potential")
    if potential is not None and Decimal(str(potential)) < 0:
        errors["potential"] = "cannot be negative"
    return errors


def clean_values(
    values: Mapping[str, Any], editable: Sequence[str], keep_blank: Sequence[str]
) -> dict[str, Any]:
    """Known fields only, text stripped, blank text as None (except ``keep_blank``)."""
    unknown = [k for k in values if k not in editable]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "unknown field"))
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip()
            if key not in keep_blank and not value:
                value = None
        clean[key] = value
    return clean


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    clean = clean_values(values, EDITABLE, ("name", "tags", "notes", "tier", "status"))
    if clean.get("credit_code"):
        clean["credit_code"] = clean["credit_code"].upper()
    if "tags" in clean:
        clean["tags"] = normalize_tags(clean["tags"] or "")
    return clean


def normalize_tags(tags: str | Iterable[str]) -> str:
    """ ",a,b," form, so a tag filter is one LIKE; commas, 、 and ， separate tags."""
    items = re.split(r"[,，、;；]", tags) if isinstance(tags, str) else list(tags)
    seen: list[str] = []
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen.append(item)
    return "," + ",".join(seen) + "," if seen else ""


def tag_list(tags: str | None) -> list[str]:
    return [t for t in (tags or "").split(",") if t]


# -- writes -------------------------------------------------------------------------------


def _load(session: Session, account_id: str, *, include_deleted: bool = False) -> Account:
    row = session.get(Account, account_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"account {account_id} not found")
    return row


def create_account(
    uow: UnitOfWork,
    values: Mapping[str, Any],
    *,
    contact_phones: Sequence[str] = (),
    duplicate_reason: str | None = None,
) -> str:
    """A new account; DuplicateWarning unless nothing matches or a reason is given."""
    clean = _clean(values)
    if errors := validate(clean):
        raise ValidationError(errors)
    if clean.get("parent_id"):
        _load(uow.session, clean["parent_id"])
    matches = find_duplicates(
        uow.session,
        name=clean.get("name"),
        short_name=clean.get("short_name"),
        credit_code=clean.get("credit_code"),
        phones=contact_phones,
    )
    reason = (duplicate_reason or "").strip()
    if matches and not reason:
        raise DuplicateWarning(matches)
    row = Account(**clean)
    if matches:
        row.duplicate_reason = reason
    uow.add(row)
    return row.id


def update_account(
    uow: UnitOfWork,
    account_id: str,
    changes: Mapping[str, Any],
    *,
    duplicate_reason: str | None = None,
) -> dict[str, Any]:
    """Apply changes; returns the old values of the fields that changed (for undo).

    A rename or a new credit code is checked for duplicates like a new account.
    """
    row = _load(uow.session, account_id)
    clean = _clean(changes)
    merged = {**{k: getattr(row, k) for k in EDITABLE}, **clean}
    if errors := {k: v for k, v in validate(merged).items() if k in clean or k == "name"}:
        raise ValidationError(errors)
    if clean.get("parent_id"):
        check_parent(uow.session, account_id, clean["parent_id"])
    renamed = {
        k: clean[k]
        for k in ("name", "short_name", "credit_code")
        if k in clean and clean[k] != getattr(row, k)
    }
    if renamed:
        matches = find_duplicates(uow.session, exclude_account_id=account_id, **renamed)
        reason = (duplicate_reason or "").strip()
        if matches and not reason:
            raise DuplicateWarning(matches)
        if matches:
            clean["duplicate_reason"] = reason
    old = {k: getattr(row, k) for k in clean}
    changed = uow.update(row, clean)
    return {k: old[k] for k in changed}


def delete_account(uow: UnitOfWork, account_id: str) -> None:
    uow.delete(_load(uow.session, account_id))


def restore_account(uow: UnitOfWork, account_id: str) -> None:
    uow.restore(_load(uow.session, account_id, include_deleted=True))


# -- reading one account ------------------------------------------------------------------


def get_account(session: Session, account_id: str) -> Record:
    row = _load(session, account_id, include_deleted=True)
    record = to_record(row)
    record["owner_name"] = _user_name(session, row.owner_id)
    record["parent_name"] = (
        session.scalar(select(Account.name).where(Account.id == row.parent_id))
        if row.parent_id
        else None
    )
    return record


def _user_name(session: Session, user_id: str | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(User.display_name).where(User.id == user_id))


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: dt.datetime
    changed_by: str | None  # display name
    entity: str
    row_id: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str | None


def history(session: Session, account_id: str, *, limit: int = 500) -> list[HistoryEntry]:
    """Every field change on the account and its children, newest first."""
    rows = session.execute(
        select(ChangeRecord, User.display_name)
        .outerjoin(User, User.id == ChangeRecord.changed_by)
        .where(ChangeRecord.account_id == account_id, ChangeRecord.deleted_at.is_(None))
        .order_by(ChangeRecord.changed_at.desc(), ChangeRecord.id.desc())
        .limit(limit)
    )
    return [
        HistoryEntry(
            r.changed_at, name, r.entity, r.row_id, r.field, r.old_value, r.new_value, r.reason
        )
        for r, name in rows
    ]


def recently_deleted(session: Session, *, limit: int = 200) -> list[Record]:
    rows = session.scalars(
        select(Account)
        .where(Account.deleted_at.is_not(None))
        .order_by(Account.deleted_at.desc())
        .limit(limit)
    )
    return [to_record(r) for r in rows]


# -- the list -----------------------------------------------------------------------------

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
    return where


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
    if query.sort == "next_visit":  # nothing planned: last either way
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


def account_rows(session: Session, ids: Sequence[str]) -> dict[str, AccountRow]:
    """The rows of a page of the list, by id (deleted ones are left out), with their
    last and next visit looked up for these ids only."""
    if not ids:
        return {}
    visits = coverage.last_and_next_visit(session, ids)
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


# -- group hierarchy ----------------------------------------------------------------------


def check_parent(session: Session, account_id: str, parent_id: str) -> None:
    """Refuse a parent that is the account itself or one of its descendants."""
    _load(session, parent_id)
    if parent_id == account_id or parent_id in descendant_ids(session, account_id):
        raise ValidationError({"parent_id": "would make the group a loop"})


def descendant_ids(session: Session, account_id: str) -> list[str]:
    tree = (
        select(Account.id)
        .where(Account.parent_id == account_id, Account.deleted_at.is_(None))
        .cte("tree", recursive=True)
    )
    child = aliased(Account)
    tree = tree.union_all(
        select(child.id).where(child.parent_id == tree.c.id, child.deleted_at.is_(None))
    )
    return list(session.scalars(select(tree.c.id)))


def children(session: Session, account_id: str) -> list[Record]:
    # Sorted here, not in SQL: with ORDER BY name the planner walks the list index
    # over every live account (100 ms at 100k) instead of the parent_id index.
    rows = session.scalars(
        select(Account).where(Account.parent_id == account_id, Account.deleted_at.is_(None))
    )
    return sorted((to_record(r) for r in rows), key=lambda r: (r["name"], r["id"]))


@dataclass(frozen=True)
class GroupTotals:
    accounts: int  # the account and all its descendants
    potential: Decimal
    contacts: int
    open_pipeline: Decimal
    orders: Decimal


def group_totals(session: Session, account_id: str) -> GroupTotals:
    """Totals of an account and everything below it in the group."""
    ids = [account_id, *descendant_ids(session, account_id)]
    potential = session.scalar(
        select(func.coalesce(func.sum(Account.potential), 0)).where(Account.id.in_(ids))
    )
    contacts = session.scalar(
        select(func.count())
        .select_from(Contact)
        .where(Contact.account_id.in_(ids), Contact.deleted_at.is_(None))
    )
    pipeline = session.scalar(
        select(func.coalesce(func.sum(Opportunity.amount), 0)).where(
            Opportunity.account_id.in_(ids),
            Opportunity.deleted_at.is_(None),
            Opportunity.stage.in_(OPEN_OPPORTUNITY),
        )
    )
    orders = session.scalar(
        select(func.coalesce(func.sum(Order.amount), 0)).where(
            Order.account_id.in_(ids), Order.deleted_at.is_(None)
        )
    )
    return GroupTotals(
        accounts=len(ids),
        potential=Decimal(potential or 0),
        contacts=int(contacts or 0),
        open_pipeline=Decimal(pipeline or 0),
        orders=Decimal(orders or 0),
    )


# -- handover -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HandoverResult:
    accounts: int
    visits: int
    tasks: int
    quotes: int
    complaints: int
    opportunities: int


def handover(uow: UnitOfWork, account_ids: Sequence[str], to_user_id: str) -> HandoverResult:
    """A manager moves accounts, with their open work, to another rep.

    Contacts belong to the account and move with it. Open visits, tasks, quotes,
    complaints and opportunities change owner too; closed ones keep the rep who did
    them. The unit of work's reason is recorded in every history line.
    """
    session = uow.session
    actor = session.get(User, uow.actor_id) if uow.actor_id else None
    if actor is None or actor.role not in ("manager", "admin"):
        raise PermissionDeniedError("only a manager can hand accounts over")
    if not (uow.reason or "").strip():
        raise ValidationError({"reason": "is required: say why the accounts move"})
    target = session.get(User, to_user_id)
    if target is None or target.deleted_at is not None or not target.active:
        raise ValidationError({"to_user_id": "is not an active user"})
    counts = dict.fromkeys(
        ("accounts", "visits", "tasks", "quotes", "complaints", "opportunities"), 0
    )
    open_work: list[tuple[str, Any, ColumnElement[bool]]] = [
        ("visits", Visit, Visit.status.in_(OPEN_VISIT)),
        ("tasks", Task, Task.status.in_(OPEN_TASK)),
        ("quotes", Quote, Quote.status.in_(OPEN_QUOTE)),
        ("complaints", Complaint, Complaint.status.in_(OPEN_COMPLAINT)),
        ("opportunities", Opportunity, Opportunity.stage.in_(OPEN_OPPORTUNITY)),
    ]
    for account_id in dict.fromkeys(account_ids):
        account = _load(session, account_id)
        if account.owner_id != to_user_id:
            uow.update(account, {"owner_id": to_user_id})
            counts["accounts"] += 1
        for name, model, is_open in open_work:
            rows = session.scalars(
                select(model).where(
                    model.account_id == account_id,
                    model.deleted_at.is_(None),
                    is_open,
                    or_(model.owner_id.is_(None), model.owner_id != to_user_id),
                )
            )
            for row in rows:
                changes: dict[str, Any] = {"owner_id": to_user_id}
                if isinstance(row, Quote) and row.status == "approved":
                    # The approval was given for the previous owner; the new owner's
                    # manager decides again (and nobody holds a quote they approved).
                    changes.update(status="draft", decided_by=None, decided_at=None)
                uow.update(row, changes)
                counts[name] += 1
    return HandoverResult(**counts)


def users(session: Session, *, roles: Sequence[str] = ("rep", "manager")) -> list[tuple[str, str]]:
    """(id, display name) of active users, for owner pickers."""
    return [
        (i, n)
        for i, n in session.execute(
            select(User.id, User.display_name)
            .where(User.deleted_at.is_(None), User.active, User.role.in_(roles))
            .order_by(User.display_name)
        )
    ]


def user_role(session: Session, user_id: str | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(User.role).where(User.id == user_id))
