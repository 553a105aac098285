"""Write server changes into the device database, then put pending local edits back on top.

Server rows are written with Core upserts inside ``remote_apply`` (they must not enter
the outbox), never over a newer local copy. Foreign keys are relaxed for the length of
one page: pages follow the server's current state, so a child may arrive a page before
its parent; the server itself is consistent, and the device is again once the pull
sequence ends.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Table, bindparam, delete, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.domain import codec
from desktop.domain.models import SYNCED, OutboxEntry, Synced
from desktop.domain.models.types import UTCDateTime
from desktop.domain.uow import remote_apply
from desktop.sync.protocol import Removal, ServerRow
from desktop.sync.tree import ACCOUNT_CHILDREN, ROW_CHILDREN

Key = tuple[str, str]
Decoder = Callable[[Any], Any]


class BadServerData(ValueError):
    """A row from the server does not fit the schema."""


def table_of(entity: str) -> Table:
    return cast(Table, SYNCED[entity].__table__)


@contextmanager
def apply_transaction(engine: Engine) -> Iterator[Session]:
    """One SQLite transaction for one page (or one push answer), foreign keys relaxed."""
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with Session(bind=connection) as session, remote_apply(session), session.begin():
                yield session
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


@functools.cache
def _decoders(model: type[Synced]) -> tuple[list[tuple[str, Decoder]], list[tuple[str, Decoder]]]:
    """Per model, once: each data field's decoder, and the sync times' decoders."""
    data = [(name, codec.decoder(model, name)) for name in model.data_columns()]
    times = [
        (name, codec.decoder(model, name)) for name in ("deleted_at", "created_at", "updated_at")
    ]
    return data, times


@functools.cache
def _defaults(model: type[Synced]) -> list[tuple[str, Any]]:
    """Required columns with a scalar default: a null from the server becomes it."""
    found = []
    for name, column in model.__table__.columns.items():
        default = column.default
        if not column.nullable and default is not None:
            found.append((name, default.arg if getattr(default, "is_scalar", False) else None))
    return found


def _decode_row(model: type[Synced], row: ServerRow) -> dict[str, Any]:
    data, times = _decoders(model)
    fields = row.fields
    values: dict[str, Any] = {"id": row.id}
    try:
        for name, decode in data:
            values[name] = decode(fields.get(name))
        for name, decode in times:
            values[name] = decode(getattr(row, name))
    except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
        raise BadServerData(f"{row.entity} {row.id}: {exc}") from exc
    values["version"] = row.version
    values["field_versions"] = dict(row.field_versions)
    values["created_by"] = row.created_by
    values["updated_by"] = row.updated_by
    for name in ("created_at", "updated_at"):
        if values[name] is None:
            del values[name]
    for name, default in _defaults(model):
        if name in values and values[name] is None:
            values[name] = default
    return values


def upsert_rows(session: Session, rows: Iterable[ServerRow]) -> set[Key]:
    """Insert or update server rows (never over a newer local version).

    A row the device holds is updated in the columns whose values differ only, so
    the search index's triggers (which watch names) stay quiet for a changed note.
    """
    by_entity: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    touched: set[Key] = set()
    for row in rows:
        model = SYNCED.get(row.entity)
        if model is None:
            continue  # a newer server's entity this version does not know
        rows_of = by_entity[row.entity]
        seen = rows_of.get(row.id)
        if seen is None or seen["version"] <= row.version:
            rows_of[row.id] = _decode_row(model, row)
        touched.add((row.entity, row.id))
    for entity in SYNCED:
        decoded = by_entity.get(entity)
        if decoded:
            _write(session, table_of(entity), decoded)
    return touched


def _write(session: Session, table: Table, batch: dict[str, dict[str, Any]]) -> None:
    held: dict[str, Any] = {}
    ids = list(batch)
    for start in range(0, len(ids), 500):
        query = select(table).where(table.c.id.in_(ids[start : start + 500]))
        held.update((r.id, r) for r in session.execute(query))
    inserts: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    updates: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for row_id, values in batch.items():
        old = held.get(row_id)
        if old is None:
            inserts[frozenset(values)].append(values)
            continue
        if old.version > values["version"]:
            continue  # the device already has a newer copy
        changed = {k: v for k, v in values.items() if k != "id" and old._mapping[k] != v}
        if changed:
            updates[frozenset(changed)].append({"where_id": row_id, **changed})
    for names, group in inserts.items():
        stmt = sqlite_insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.id],
            set_={name: stmt.excluded[name] for name in names if name != "id"},
            where=table.c.version <= stmt.excluded.version,
        )
        session.execute(stmt, group)
    for names, group in updates.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("where_id"))
            .values({name: bindparam(name) for name in names})
        )
        session.connection().execute(statement, group)


# -- a full download: rows written as stored values, straight through sqlite3 ------------
_SQLITE = sqlite.dialect()
# Column -> (source: True for a data field, decoder, storage processor, default maker).
_Plan = list[tuple[str, bool, Decoder, Callable[[Any], Any] | None, Callable[[], Any] | None]]


@functools.cache
def _storage_plan(model: type[Synced]) -> tuple[str, _Plan]:
    """Per model, once: the upsert statement and how each column's wire value becomes
    the value SQLite stores (the same decoders and column types as the ORM path)."""
    table = table_of(model.__tablename__)
    data = set(model.data_columns())
    plan: _Plan = []
    for column in table.columns:
        name = column.key
        if name in data or name in ("deleted_at", "created_at", "updated_at"):
            decode: Decoder = codec.decoder(model, name)
        else:
            decode = _as_given
        process = column.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)
        make: Callable[[], Any] | None = None
        default = column.default
        if not column.nullable and default is not None and name != "id":
            arg = getattr(default, "arg", None)
            make = (
                functools.partial(arg, None) if callable(arg) else functools.partial(_as_given, arg)
            )
        if isinstance(column.type, UTCDateTime):  # one call instead of three per value
            decode, process, make = functools.partial(_stored_time, decode, make), None, None
        plan.append((name, name in data, decode, process, make))
    names = [name for name, *_ in plan]
    quoted = ", ".join(f'"{n}"' for n in names)
    sets = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n != "id")
    sql = (
        f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))}) '
        f'ON CONFLICT("id") DO UPDATE SET {sets} WHERE "{table.name}".version <= excluded.version'
    )
    return sql, plan


def _as_given(value: Any) -> Any:
    return value


def _stored_time(decode: Decoder, make: Callable[[], Any] | None, value: Any) -> str | None:
    """A time as SQLite stores it (what UTCDateTime's bind processor gives): naive
    UTC text with microseconds."""
    parsed = decode(value)
    if parsed is None:
        if make is None:
            return None
        parsed = make()
    return str(parsed.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds"))


def _stored(plan: _Plan, row: ServerRow) -> tuple[Any, ...]:
    meta = row.__dict__
    fields = row.fields
    out: list[Any] = []
    try:
        for name, is_data, decode, process, make in plan:
            value = decode(fields.get(name) if is_data else meta[name])
            if value is None and make is not None:
                value = make()
            out.append(value if process is None or value is None else process(value))
    except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
        raise BadServerData(f"{row.entity} {row.id}: {exc}") from exc
    return tuple(out)


def load_rows(session: Session, rows: Iterable[ServerRow]) -> set[Key]:
    """A full download's page: every row upserted as its stored values in one
    executemany per table (never over a newer local version), without reading the
    device's copies first. For a device whose search triggers are paused."""
    by_entity: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    touched: set[Key] = set()
    for row in rows:
        model = SYNCED.get(row.entity)
        if model is None:
            continue  # a newer server's entity this version does not know
        by_entity[row.entity].append(_stored(_storage_plan(model)[1], row))
        touched.add((row.entity, row.id))
    raw = raw_connection(session)
    for entity in SYNCED:
        batch = by_entity.get(entity)
        if batch:
            raw.executemany(_storage_plan(SYNCED[entity])[0], batch)
    return touched


def raw_connection(session: Session) -> sqlite3.Connection:
    """The session's sqlite3 connection, inside the session's transaction."""
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def remove_rows(session: Session, removals: Iterable[Removal]) -> set[Key]:
    """Rows that left the user's view go, with everything hanging off them."""
    touched: set[Key] = set()
    for removal in removals:
        if removal.entity in SYNCED:
            touched |= _remove(session, removal.entity, [removal.id])
    return touched


def _remove(session: Session, entity: str, ids: list[str]) -> set[Key]:
    if not ids:
        return set()
    touched: set[Key] = set()
    if entity == "account":
        for child in ACCOUNT_CHILDREN:
            table = table_of(child)
            child_ids = list(session.scalars(select(table.c.id).where(table.c.account_id.in_(ids))))
            touched |= _remove(session, child, child_ids)
    for child, column in ROW_CHILDREN.get(entity, []):
        table = table_of(child)
        child_ids = list(session.scalars(select(table.c.id).where(table.c[column].in_(ids))))
        touched |= _remove(session, child, child_ids)
    table = table_of(entity)
    session.execute(delete(table).where(table.c.id.in_(ids)))
    return touched | {(entity, i) for i in ids}


def reapply_pending(session: Session, keys: set[Key] | None = None) -> int:
    """Put still-pending local edits back on top of what the server sent."""
    query = (
        select(OutboxEntry).where(OutboxEntry.state == "pending").order_by(OutboxEntry.mutation_id)
    )
    count = 0
    for entry in session.scalars(query):
        if keys is not None and (entry.entity, entry.row_id) not in keys:
            continue
        model = SYNCED.get(entry.entity)
        if model is None:
            continue
        table = table_of(entry.entity)
        values: dict[str, Any] = {}
        for name, wire in (entry.fields or {}).items():
            if name in table.columns:
                try:
                    values[name] = codec.decode(model, name, wire)
                except (ValueError, TypeError, ArithmeticError):
                    continue
        if entry.op == "delete":
            values = {"deleted_at": entry.created_at}
        elif entry.op == "restore":
            values["deleted_at"] = None
        if values:
            session.execute(update(table).where(table.c.id == entry.row_id).values(values))
            count += 1
    return count


def clear_for_resync(session: Session) -> int:
    """Drop every synced row that carries no pending edit; the outbox is untouched."""
    pending = {
        (e, r)
        for e, r in session.execute(
            select(OutboxEntry.entity, OutboxEntry.row_id).where(OutboxEntry.state == "pending")
        )
    }
    removed = 0
    for entity in reversed(list(SYNCED)):
        table = table_of(entity)
        keep = [r for e, r in pending if e == entity]
        query = delete(table)
        if keep:
            query = query.where(table.c.id.not_in(keep))
        removed += cast(CursorResult[Any], session.execute(query)).rowcount or 0
    return removed
