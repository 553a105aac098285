"""A full download writes a million rows: what stands down while it runs.

Indexes: rows arrive table by table in id order, so a table's own B-tree only grows at
its end; every other index takes them in random order, and each WAL checkpoint writes
its pages again. ``begin`` drops the synced tables' non-unique indexes and ``finish``
builds them once, sorted (at 900k rows: 50 -> 23 s to store them).

The search index: its triggers are paused and ``finish`` builds it once. Its Python
half (pinyin, 查重 keys) needs only accounts and contacts, which come first: once the
download is past them, ``prepare_search`` has a process of its own compute it
(``search_index.prepare``) while the rest downloads, on another core. Rows a rep
changes meanwhile are in the outbox after the mark taken then, and ``finish``
refreshes them from what they hold.

The state lives in the device's meta table with the flag (dropped indexes' statements,
the mark), so an interrupted download leaves a record: the next sync carries on and
ends with ``finish``, and a migration first puts the indexes back (``restore``).
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import sqlite3
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.models import SYNCED, Contact, OutboxEntry
from desktop.domain.services.device import delete_meta, get_meta, set_meta
from desktop.store import search_index

log = logging.getLogger(__name__)
FLAG = "sync_bulk_load"
PREPARED = "search-prepared.sqlite3"
PREPARE_TIMEOUT_S = 900.0
# The processes computing search documents, by the file they write.
_preparing: dict[Path, BaseProcess] = {}


def _state(session: Session) -> dict[str, Any] | None:
    value = get_meta(session, FLAG)
    if value is None:
        return None
    try:
        state = json.loads(value)
    except ValueError:
        state = None
    return state if isinstance(state, dict) else {}


def active(session: Session) -> bool:
    return get_meta(session, FLAG) is not None


def begin(session: Session, connection: sqlite3.Connection) -> None:
    """Stand down for a full download (once; in the caller's transaction)."""
    if active(session):
        return
    search_index.pause(connection)
    tables = ", ".join(f"'{name}'" for name in SYNCED)
    dropped = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({tables}) AND sql NOT LIKE 'CREATE UNIQUE %'"
    ).fetchall()
    for name, _ in dropped:
        connection.execute(f'DROP INDEX "{name}"')
    set_meta(session, FLAG, json.dumps({"indexes": [sql for _, sql in dropped]}))


def restore(session: Session, connection: sqlite3.Connection) -> None:
    """Put the dropped indexes back (the download goes on with them, only slower)."""
    state = _state(session)
    if state is None:
        return
    for sql in state.pop("indexes", []):
        connection.execute(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
    set_meta(session, FLAG, json.dumps(state))


def past_contacts(entities: list[str]) -> bool:
    """A page with these entities comes after every account and contact."""
    order = list(SYNCED)
    return any(order.index(e) > order.index(Contact.__tablename__) for e in entities)


def prepare_search(session: Session, connection: sqlite3.Connection) -> tuple[Path, Path] | None:
    """Mark the outbox (in the caller's transaction) and return the database and the
    file for the search documents; None if that was done already. Call
    ``start_preparing`` with them after the commit."""
    state = _state(session)
    if state is None or "mark" in state:
        return None
    state["mark"] = session.scalar(select(func.max(OutboxEntry.mutation_id))) or 0
    set_meta(session, FLAG, json.dumps(state))
    database = _database(connection)
    return database, database.with_name(PREPARED)


def start_preparing(database: Path, out: Path) -> None:
    process = multiprocessing.get_context("spawn").Process(
        target=search_index.prepare, args=(database, out), name="fb-search", daemon=True
    )
    process.start()
    _preparing[out] = process


def finish(session: Session, connection: sqlite3.Connection) -> None:
    """The download is stored: build the indexes and the search index, once."""
    restore(session, connection)
    state = _state(session) or {}
    out = _database(connection).with_name(PREPARED)
    prepared = "mark" in state and _wait(out)
    if prepared:
        search_index.rebuild(connection, out)
        accounts, contacts = _changed_since(session, int(state["mark"]), out)
        search_index.touch(connection, accounts, contacts)
    else:
        search_index.rebuild(connection)
    out.unlink(missing_ok=True)
    delete_meta(session, FLAG)


def _wait(out: Path) -> bool:
    process = _preparing.pop(out, None)
    if process is not None:
        process.join(PREPARE_TIMEOUT_S)
        if process.is_alive():
            log.warning("search documents not ready in time; building them here")
            process.kill()
            process.join()
            return False
    return search_index.is_prepared(out)


def _changed_since(session: Session, mark: int, out: Path) -> tuple[set[str], set[str]]:
    """Accounts and contacts edited on this device after the documents' snapshot, and
    the accounts those contacts belonged to in it."""
    changed = session.execute(
        select(OutboxEntry.entity, OutboxEntry.row_id).where(
            OutboxEntry.mutation_id > mark, OutboxEntry.entity.in_(("account", "contact"))
        )
    ).all()
    accounts = {row_id for entity, row_id in changed if entity == "account"}
    contacts = {row_id for entity, row_id in changed if entity == "contact"}
    if contacts:
        belonged = dict(search_index.read_prepared(out, "contact"))
        accounts.update(belonged[c] for c in contacts if c in belonged)
    return accounts, contacts


def _database(connection: sqlite3.Connection) -> Path:
    for _, name, file in connection.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file)
    raise RuntimeError("no main database")
