"""Write server changes into the device database, then put pending local edits back on top.

Server rows arrive in blocks of stored values (``desktop.sync.stored``), checked value
by value when the answer was parsed, and go straight through the session's sqlite3 connection inside
``remote_apply`` (they must not enter the outbox), never over a newer local copy.
Foreign keys are relaxed for the length of one page: pages follow the server's current
state, so a child may arrive a page before its parent; the server itself is
consistent, and the device is again once the pull sequence ends.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Table, delete, select, update
from sqlalchemy.orm import Session

from desktop.domain import codec
from desktop.domain.models import SYNCED, OutboxEntry
from desktop.domain.uow import remote_apply
from desktop.sync import stored
from desktop.sync.protocol import Removal
from desktop.sync.stored import RowBlock
from desktop.sync.tree import ACCOUNT_CHILDREN, ROW_CHILDREN

Key = tuple[str, str]
# A full download's pages are checkpointed into the database every 40 MB of log, not
# every 4 MB (SQLite's default): each checkpoint writes the pages changed since the last
# one, and fewer of them write the growing tables' last pages fewer times.
BULK_CHECKPOINT_PAGES = 10_000


def table_of(entity: str) -> Table:
    return cast(Table, SYNCED[entity].__table__)


@contextmanager
def apply_transaction(engine: Engine, *, durable: bool = True) -> Iterator[Session]:
    """One SQLite transaction for one page (or one push answer), foreign keys relaxed.

    ``durable=False`` (a full download's pages): the commit does not wait for the disk.
    It is still atomic, so a power cut can only undo the last pages together with the
    continuation stored with them, and they are downloaded again; a rep's own edits
    commit on other connections, durably, and their sync to disk carries these too.
    """
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        if not durable:
            raw.execute("PRAGMA synchronous=NORMAL")
            raw.execute(f"PRAGMA wal_autocheckpoint={BULK_CHECKPOINT_PAGES}")
        try:
            with Session(bind=connection) as session, remote_apply(session), session.begin():
                yield session
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
            if not durable:
                raw.execute("PRAGMA synchronous=FULL")
                raw.execute("PRAGMA wal_autocheckpoint=1000")


@functools.cache
def _statements(entity: str) -> tuple[str, str, int]:
    """Per entity, once: its upsert (never over a newer local version; a row whose JSON
    does not check out is left out), the select of held rows by id, and where the id
    sits in a row."""
    names = stored.columns(entity)
    table = table_of(entity).name
    quoted = ", ".join(f'"{n}"' for n in names)
    sets = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n != "id")
    upsert = (
        f'INSERT INTO "{table}" ({quoted}) {stored.guarded_row(entity)} '
        f'ON CONFLICT("id") DO UPDATE SET {sets} WHERE "{table}".version <= excluded.version'
    )
    held = f'SELECT {quoted} FROM "{table}" WHERE id IN (SELECT value FROM json_each(?))'
    return upsert, held, names.index("id")


def load_rows(
    session: Session, blocks: Iterable[RowBlock], refused: list[stored.Refused]
) -> set[Key]:
    """A full download's page: every block upserted as it came, one executemany per
    block, without reading the device's copies first. For a device whose search
    triggers are paused. Returns the rows written that carry pending local edits
    (only those need them put back; on a new device there are none)."""
    raw = raw_connection(session)
    pending: dict[str, set[str]] = defaultdict(set)
    for entity, row_id in session.execute(
        select(OutboxEntry.entity, OutboxEntry.row_id).where(OutboxEntry.state == "pending")
    ):
        pending[entity].add(row_id)
    touched: set[Key] = set()
    for block in blocks:
        upsert, _, at = _statements(block.entity)
        if raw.executemany(upsert, block.rows).rowcount != len(block.rows):
            # Rows left out: bad JSON (this says which) or a newer local copy (fine).
            refused.extend(stored.drop_bad_json(raw, block.entity, block.rows)[1])
        mine = pending.get(block.entity)
        if mine:
            touched.update((block.entity, row[at]) for row in block.rows if row[at] in mine)
    return touched


def upsert_rows(
    session: Session, blocks: Iterable[RowBlock], refused: list[stored.Refused]
) -> set[Key]:
    """Insert or update server rows (never over a newer local version).

    A row the device holds is updated in the columns whose values differ only, so
    the search index's triggers (which watch names) stay quiet for a changed note.
    """
    raw = raw_connection(session)
    touched: set[Key] = set()
    for block in blocks:
        entity, names = block.entity, stored.columns(block.entity)
        rows, bad = stored.drop_bad_json(raw, entity, block.rows)
        refused.extend(bad)
        upsert, select_held, at = _statements(entity)
        version = names.index("version")
        newest: dict[str, list[Any]] = {}
        for row in rows:
            seen = newest.get(row[at])
            if seen is None or seen[version] <= row[version]:
                newest[row[at]] = row
        held = {row[at]: row for row in raw.execute(select_held, (json.dumps(list(newest)),))}
        inserts: list[list[Any]] = []
        updates: dict[tuple[int, ...], list[list[Any]]] = defaultdict(list)
        for row_id, row in newest.items():
            old = held.get(row_id)
            if old is None:
                inserts.append(row)
            elif old[version] <= row[version]:
                changed = tuple(i for i, value in enumerate(row) if old[i] != value)
                if changed:
                    updates[changed].append([*(row[i] for i in changed), row_id])
        if inserts:
            raw.executemany(upsert, inserts)
        table = table_of(entity).name
        for changed, group in updates.items():
            sets = ", ".join(f'"{names[i]}" = ?' for i in changed)
            raw.executemany(f'UPDATE "{table}" SET {sets} WHERE id = ?', group)
        touched.update((entity, row_id) for row_id in newest)
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
