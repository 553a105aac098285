"""What sync is waiting to send, and the conflicts and rejections a user settles.

Reads take a Session and return plain dataclasses. Settling a conflict is a normal
edit through the unit of work ("keep mine" sends a new change); the issue row keeps
both values, so whichever side lost can be applied again later.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from sqlalchemy import Boolean, Date, Integer, func, select
from sqlalchemy.orm import Session

from desktop.domain import codec
from desktop.domain.models import SYNCED, OutboxEntry, Synced, SyncIssue, User
from desktop.domain.models.types import DecimalText, JSONText, Money, UTCDateTime
from desktop.domain.uow import UnitOfWork

# Columns that name a record for a person, in order of preference.
NAME_COLUMNS = ("name", "number", "title", "subject", "display_name", "username", "purpose")
OPEN = "open"
# History rows travel with the edit they describe; their rejection is that edit's.
QUIET_ENTITIES = ("change_record",)
SETTLED = ("mine", "theirs", "edited", "dismissed")
# Columns holding a user's id without a foreign key.
USER_COLUMNS = frozenset(
    {"created_by", "updated_by", "decided_by", "commented_by", "changed_by", "manager_id"}
)
# JSON columns holding a list of ids.
ID_LISTS = {("visit", "contact_ids"): "contact"}


class IssueGone(LookupError):
    """The conflict or its record no longer exists on this device."""


@dataclass(frozen=True)
class PendingChange:
    mutation_id: int
    entity: str
    row_id: str
    record_name: str
    op: str
    fields: list[str]
    created_at: dt.datetime


@dataclass(frozen=True)
class Issue:
    id: int
    kind: str  # conflict | rejected | refused (a server row this device would not store)
    entity: str
    row_id: str
    record_name: str
    field: str | None
    mine: Any
    theirs: Any
    current: Any  # the field's value on this device now (wire form)
    reason: str
    changed_by: str  # who changed it on the server (display name), "" if unknown
    changed_at: dt.datetime | None
    state: str
    created_at: dt.datetime
    record_exists: bool
    # Names of the records the values refer to (an owner's display name, an account's
    # name), by id, so a person reads "Alice" where the wire says a UUID.
    names: dict[str, str] = dataclass_field(default_factory=dict)
    # The rule a rejection broke (desktop.domain.rules) and its parameters.
    code: str = ""
    params: dict[str, Any] = dataclass_field(default_factory=dict)


def field_kind(entity: str, name: str) -> str:
    """How a field's wire value reads: "ref" (an id), "refs" (a list of ids), "money",
    "decimal", "datetime", "date", "bool", "int", "json" or "text"."""
    model = SYNCED.get(entity)
    if model is None or name not in model.__table__.columns:
        return "text"
    if ref_target(entity, name) is not None:
        return "refs" if (entity, name) in ID_LISTS else "ref"
    kind = model.__table__.columns[name].type
    for column_type, word in (
        (Money, "money"),
        (DecimalText, "decimal"),
        (UTCDateTime, "datetime"),
        (Date, "date"),
        (Boolean, "bool"),
        (Integer, "int"),
        (JSONText, "json"),
    ):
        if isinstance(kind, column_type):
            return word
    return "text"


def ref_target(entity: str, name: str) -> str | None:
    """The entity a field's id (or ids) point at, or None when it holds no id."""
    if (entity, name) in ID_LISTS:
        return ID_LISTS[(entity, name)]
    model = SYNCED.get(entity)
    if model is None or name not in model.__table__.columns:
        return None
    for key in model.__table__.columns[name].foreign_keys:
        return str(key.column.table.name)
    return "user" if name in USER_COLUMNS else None


def _refs(entity: str, values: dict[str, Any]) -> set[tuple[str, str]]:
    """(entity, id) of every record the given field values refer to."""
    found: set[tuple[str, str]] = set()
    for name, value in values.items():
        target = ref_target(entity, name)
        if target is None or value is None:
            continue
        ids = value if isinstance(value, list) else [value]
        found.update((target, str(i)) for i in ids if isinstance(i, str) and i)
    return found


def _names(session: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A display name per (entity, id), one query per entity."""
    by_entity: dict[str, set[str]] = defaultdict(set)
    for entity, row_id in keys:
        by_entity[entity].add(row_id)
    names: dict[tuple[str, str], str] = {}
    for entity, ids in by_entity.items():
        model = SYNCED.get(entity)
        if model is None:
            continue
        column = next((c for c in NAME_COLUMNS if c in model.__table__.columns), None)
        if column is None:
            continue
        attr = getattr(model, column)
        for chunk in _chunks(sorted(ids), 500):
            for row_id, name in session.execute(select(model.id, attr).where(model.id.in_(chunk))):
                names[(entity, row_id)] = "" if name is None else str(name)
    return names


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def pending_changes(session: Session, *, limit: int = 2000) -> list[PendingChange]:
    """Edits waiting to be sent, oldest first (what the next push carries)."""
    entries = list(
        session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.state == "pending")
            .order_by(OutboxEntry.mutation_id)
            .limit(limit)
        )
    )
    names = _names(session, {(e.entity, e.row_id) for e in entries})
    return [
        PendingChange(
            mutation_id=e.mutation_id,
            entity=e.entity,
            row_id=e.row_id,
            record_name=names.get((e.entity, e.row_id), ""),
            op=e.op,
            fields=sorted((e.fields or {}).keys()),
            created_at=e.created_at,
        )
        for e in entries
    ]


def open_issue_count(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(SyncIssue)
            .where(SyncIssue.state == OPEN, SyncIssue.entity.not_in(QUIET_ENTITIES))
        )
        or 0
    )


def _row(session: Session, entity: str, row_id: str) -> Synced | None:
    model = SYNCED.get(entity)
    return session.get(model, row_id) if model is not None else None


def list_issues(session: Session, kind: str, *, settled: bool = False) -> list[Issue]:
    """Conflicts or rejections, newest first; settled ones too when asked."""
    # Rows the device refused to store are listed with the rejected changes.
    kinds = ("rejected", "refused") if kind == "rejected" else (kind,)
    query = select(SyncIssue).where(
        SyncIssue.kind.in_(kinds), SyncIssue.entity.not_in(QUIET_ENTITIES)
    )
    if not settled:
        query = query.where(SyncIssue.state == OPEN)
    rows = list(session.scalars(query.order_by(SyncIssue.id.desc()).limit(1000)))
    names = _names(session, {(r.entity, r.row_id) for r in rows})
    currents = {r.id: _current(session, r) for r in rows}
    referred: dict[int, set[tuple[str, str]]] = {}
    for r in rows:
        values: list[tuple[str, Any]] = []
        if isinstance(r.mine, dict):
            values += list(r.mine.items())
        if r.field:
            values += [(r.field, r.mine), (r.field, r.theirs), (r.field, currents[r.id][1])]
        referred[r.id] = set().union(*(_refs(r.entity, {k: v}) for k, v in values))
    names.update(_names(session, set().union(set(), *referred.values())))
    people = {
        u.id: u.display_name
        for u in session.scalars(
            select(User).where(User.id.in_({r.server_changed_by for r in rows} - {None}))
        )
    }
    issues = []
    for r in rows:
        row, current = currents[r.id]
        changed_at = r.server_changed_at
        if changed_at is None and row is not None and r.kind == "conflict":
            changed_at = row.updated_at
        issues.append(
            Issue(
                id=r.id,
                kind=r.kind,
                entity=r.entity,
                row_id=r.row_id,
                record_name=names.get((r.entity, r.row_id), ""),
                field=r.field,
                mine=r.mine,
                theirs=r.theirs,
                current=current,
                reason=r.reason or "",
                changed_by=people.get(r.server_changed_by or "", ""),
                changed_at=changed_at,
                state=r.state,
                created_at=r.created_at,
                record_exists=row is not None,
                names={i: names[(e, i)] for e, i in referred[r.id] if (e, i) in names},
                code=r.code or "",
                params=dict(r.params or {}),
            )
        )
    return issues


def _current(session: Session, issue: SyncIssue) -> tuple[Synced | None, Any]:
    """The issue's record on this device, and its field's value now (wire form)."""
    row = _row(session, issue.entity, issue.row_id)
    current = None
    if row is not None and issue.field and issue.field in row.__table__.columns:
        current = codec.encode(getattr(row, issue.field))
    return row, current


def _issue_and_row(uow: UnitOfWork, issue_id: int) -> tuple[SyncIssue, Synced]:
    issue = uow.session.get(SyncIssue, issue_id)
    if issue is None:
        raise IssueGone("this conflict was already removed")
    row = _row(uow.session, issue.entity, issue.row_id)
    if row is None:
        raise IssueGone("the record is no longer on this device (it was handed over or removed)")
    return issue, row


def _set_field(uow: UnitOfWork, row: Synced, field: str, wire: Any) -> None:
    if field == "deleted_at":
        if wire is None:
            uow.restore(row)
        else:
            uow.delete(row)
        return
    value = codec.decode(type(row), field, wire)
    uow.update(row, {field: value}, history=True)


def keep_mine(uow: UnitOfWork, issue_id: int) -> None:
    """Apply my value again as a new edit (it goes to the server with the next sync)."""
    issue, row = _issue_and_row(uow, issue_id)
    if issue.field == "deleted_at":
        # Deleted on the server while I edited: bring the row back with my edit on it.
        uow.restore(row)
        entry = uow.session.get(OutboxEntry, issue.mutation_id)
        fields = dict(entry.fields) if entry is not None and entry.fields else {}
        if fields:
            model = type(row)
            uow.update(row, {k: codec.decode(model, k, v) for k, v in fields.items()})
    elif issue.field:
        _set_field(uow, row, issue.field, issue.mine)
    issue.state = "mine"


def keep_theirs(uow: UnitOfWork, issue_id: int) -> None:
    """The server's value stays (and is put back if I had chosen mine before)."""
    issue, row = _issue_and_row(uow, issue_id)
    if issue.field and issue.field != "deleted_at":
        current = codec.encode(getattr(row, issue.field))
        if current != issue.theirs:
            _set_field(uow, row, issue.field, issue.theirs)
    elif issue.field == "deleted_at" and row.deleted_at is None and issue.state == "mine":
        uow.delete(row)
    issue.state = "theirs"


def use_value(uow: UnitOfWork, issue_id: int, text: str) -> None:
    """Settle with a value the user typed (wire text, as the field's editor gives it)."""
    issue, row = _issue_and_row(uow, issue_id)
    if not issue.field or issue.field == "deleted_at":
        raise ValueError("this conflict has no single value to edit")
    try:
        value = codec.decode(type(row), issue.field, text if text != "" else None)
    except (ValueError, TypeError, ArithmeticError) as exc:
        raise ValueError(str(exc)) from exc
    uow.update(row, {issue.field: value})
    issue.state = "edited"


def apply_again(uow: UnitOfWork, issue_id: int) -> None:
    """A rejected edit, made again (after the rep fixed the cause, e.g. claimed the account)."""
    issue, row = _issue_and_row(uow, issue_id)
    fields = issue.mine if isinstance(issue.mine, dict) else {}
    model = type(row)
    columns = set(model.data_columns())
    values = {k: codec.decode(model, k, v) for k, v in fields.items() if k in columns}
    if values:
        uow.update(row, values)
    issue.state = "mine"


def dismiss(uow: UnitOfWork, issue_id: int) -> None:
    """The user has read a rejection; it stays listed under settled issues."""
    issue = uow.session.get(SyncIssue, issue_id)
    if issue is None:
        raise IssueGone("this issue was already removed")
    issue.state = "dismissed"
