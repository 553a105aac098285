"""One timeline per account: its visits and call reports, quotes, orders, payments,
complaints, field changes and files, newest first, in pages.

Each kind is one indexed read by ``account_id`` (payments through their orders); the
kinds are joined with UNION ALL and ordered by one sort key, so a page of an account
with thousands of items is one statement. A page ends with a cursor (the last item's
sort key and id); the next page starts strictly after it, so items never repeat or
go missing between pages while nothing is written.

Field changes made in one save (one row, one moment, one person) are one item that
names every field it changed. Orders and payments carry a day, not a time: they sort
at the end of their day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.domain.models import User
from desktop.domain.money import from_fen

KINDS = ("visit", "quote", "order", "payment", "complaint", "change", "file")
DATED_KINDS = frozenset({"order", "payment"})  # a day, no time of day
PAGE = 200
END_OF_DAY = " 23:59:59.999999"

# Per kind: the SELECT of its items for :account (columns: uid, kind, sort_key, row_id,
# open_entity, open_id, title, status, amount, who, extra). Amounts are integer fen.
_BRANCHES = {
    "visit": """
        SELECT 'visit:' || id, 'visit', COALESCE(checked_in_at, planned_start), id,
               'visit', id, purpose, status, NULL, owner_id, visit_type
        FROM visit WHERE account_id = :account AND deleted_at IS NULL""",
    "quote": """
        SELECT 'quote:' || id, 'quote', created_at, id, 'quote', id,
               number || ' ' || revision, status, total, owner_id, NULL
        FROM quote WHERE account_id = :account AND deleted_at IS NULL""",
    "order": f"""
        SELECT 'order:' || id, 'order', order_date || '{END_OF_DAY}', id, 'sales_order',
               id, number, delivery_status, amount, owner_id, NULL
        FROM sales_order WHERE account_id = :account AND deleted_at IS NULL""",
    "payment": f"""
        SELECT 'payment:' || p.id, 'payment', p.received_on || '{END_OF_DAY}', p.id,
               'sales_order', o.id, o.number, p.method, p.amount, p.created_by, NULL
        FROM sales_order o JOIN payment p ON p.order_id = o.id
        WHERE o.account_id = :account AND o.deleted_at IS NULL AND p.deleted_at IS NULL""",
    "complaint": """
        SELECT 'complaint:' || id, 'complaint', opened_at, id, 'complaint', id, title,
               status, NULL, owner_id, severity
        FROM complaint WHERE account_id = :account AND deleted_at IS NULL""",
    "change": """
        SELECT 'change:' || MIN(id), 'change', changed_at, row_id, entity, row_id,
               NULL, NULL, NULL, changed_by, GROUP_CONCAT(field, ',')
        FROM change_record WHERE account_id = :account AND deleted_at IS NULL
        GROUP BY entity, row_id, changed_at, changed_by""",
    "file": """
        SELECT 'file:' || id, 'file', created_at, id, 'attachment', id, filename, kind,
               size, created_by, parent_entity
        FROM attachment WHERE account_id = :account AND deleted_at IS NULL""",
}


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the next page starts after this item."""

    sort_key: str
    uid: str


@dataclass(frozen=True)
class TimelineItem:
    """One thing that happened to the account.

    ``entity``/``open_id``: the record that opening the item shows (a payment opens its
    order, a field change the changed row, a file the attachment). ``title`` is the
    user's own text (a visit's purpose, a quote's number, a file's name); ``status`` a
    stored code (a visit's status, a quote's, an order's delivery, a payment's method,
    a file's kind); ``extra`` what else the kind says (a visit's type, a complaint's
    severity, the fields a change touched, comma-separated, the entity a file hangs on).
    """

    id: str  # unique in the timeline: "kind:row id"
    kind: str
    at: dt.datetime  # UTC; for DATED_KINDS the end of ``day``
    day: dt.date | None  # orders and payments: their day
    row_id: str
    entity: str
    open_id: str
    title: str
    status: str | None
    amount: Decimal | None
    size: int | None
    who: str | None  # the user's display name
    extra: str | None

    @property
    def fields(self) -> list[str]:
        """The fields a change touched."""
        return (self.extra or "").split(",") if self.kind == "change" else []


@dataclass(frozen=True)
class TimelinePage:
    items: list[TimelineItem]
    after: Cursor | None  # None: this was the last page


def timeline(
    session: Session,
    account_id: str,
    kinds: tuple[str, ...] | frozenset[str] = KINDS,
    *,
    after: Cursor | None = None,
    limit: int = PAGE,
) -> TimelinePage:
    """A page of the account's timeline, newest first; ``after`` continues a page."""
    wanted = [k for k in KINDS if k in kinds]
    if not wanted:
        return TimelinePage([], None)
    params: dict[str, object] = {"account": account_id, "limit": limit + 1}
    if after is not None:
        params.update(key=after.sort_key, uid=after.uid)
    rows = session.execute(text(query(wanted, paged=after is not None)), params).all()
    more = len(rows) > limit
    rows = rows[:limit]
    names = _user_names(session, {r.who for r in rows if r.who})
    items = [_item(r, names) for r in rows]
    last = rows[-1] if rows else None
    cursor = Cursor(last.sort_key, last.uid) if more and last is not None else None
    return TimelinePage(items, cursor)


COLUMNS = (
    "uid",
    "kind",
    "sort_key",
    "row_id",
    "entity",
    "open_id",
    "title",
    "status",
    "amount",
    "who",
    "extra",
)


def query(kinds: list[str], *, paged: bool) -> str:
    """The SQL of a page of ``kinds`` (parameters :account, :limit; :key and :uid when
    ``paged``): the kinds' rows as one table ``t`` with COLUMNS, newest first."""
    union = " UNION ALL ".join(_BRANCHES[k] for k in kinds)
    where = "WHERE sort_key < :key OR (sort_key = :key AND uid < :uid)" if paged else ""
    return (
        f"WITH t({', '.join(COLUMNS)}) AS ({union}) SELECT * FROM t {where} "
        "ORDER BY sort_key DESC, uid DESC LIMIT :limit"
    )


def _user_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
    return {str(user_id): str(name) for user_id, name in rows}


def _item(row: Any, names: dict[str, str]) -> TimelineItem:
    kind = str(row.kind)
    key = str(row.sort_key)
    day = dt.date.fromisoformat(key[:10]) if kind in DATED_KINDS else None
    at = dt.datetime.fromisoformat(key).replace(tzinfo=dt.UTC)
    raw = row.amount
    who = row.who
    return TimelineItem(
        id=str(row.uid),
        kind=kind,
        at=at,
        day=day,
        row_id=str(row.row_id),
        entity=str(row.entity),
        open_id=str(row.open_id),
        title=row.title or "",
        status=row.status,
        amount=from_fen(int(raw)) if raw is not None and kind != "file" else None,
        size=int(raw) if raw is not None and kind == "file" else None,
        who=names.get(who, who) if who else None,
        extra=row.extra,
    )
