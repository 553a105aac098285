"""Applying a checked preview, all or nothing, through the unit of work and the services.

The preview is taken again inside the write transaction (the data may have changed
since the user looked), and nothing is written unless no row has an error. A preview
that would write nothing from a file with data rows is refused too: an import that
imports nothing is not a success.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.models import Account
from desktop.domain.services import accounts as account_service
from desktop.domain.services import catalog, opportunities
from desktop.domain.services import contacts as contact_service
from desktop.domain.services import targets as target_service
from desktop.domain.services.duplicates import KeyIndex
from desktop.domain.uow import UnitOfWork, unit_of_work
from desktop.imports.plan import Preview, RowPreview, preview
from desktop.store import search_index

FLUSH_EVERY = 500
BULK_ROWS = 1000  # from this many rows, the search index is built once at the end...
BULK_SHARE = 4  # ...unless the database holds over 4 times as many accounts already


class ImportRefusedError(DomainError):
    """Rows have errors, or nothing would be imported: nothing was written."""


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int


def refusal(checked: Preview) -> str | None:
    """Why ``checked`` cannot be imported as it is, or None."""
    if checked.unmapped_required:
        table = checked.table
        named = ", ".join(repr(h) for h in table.headers if h)
        return (
            f"no column is read as {', '.join(checked.unmapped_required)}: the header "
            f"(row {table.header_line}) has {named}; say which column it is with "
            '--map "HEADER=FIELD"'
        )
    errors = checked.errors
    if errors:
        return f"{len(errors)} rows have errors (first: row {errors[0].line}: {errors[0].reason})"
    c = checked.counts
    if c["create"] + c["update"] + c["unchanged"] == 0:
        if not checked.table.rows and not checked.table.skipped:
            return f"the file has no data rows below its header (row {checked.table.header_line})"
        return "no row of the file is a record to import (every row was skipped)"
    return None


def _apply(uow: UnitOfWork, kind: str, row: RowPreview, reason: str, keys: KeyIndex | None) -> None:
    new = {name: value for name, (_, value) in row.changes.items()}
    if kind == "accounts":
        if row.action == "create":
            # The file's owner, the one chosen for the import, or else the pool.
            account_service.create_account(
                uow,
                row.values,
                duplicate_reason=reason,
                keys=keys,
                to_pool=not row.values.get("owner_id"),
            )
        else:
            assert row.target_id is not None
            account_service.update_account(
                uow, row.target_id, new, duplicate_reason=reason, keys=keys
            )
    elif kind == "contacts":
        if row.action == "create":
            values = dict(row.values)
            contact_service.create_contact(uow, values.pop("account_id"), values)
        else:
            assert row.target_id is not None
            contact_service.update_contact(uow, row.target_id, new)
    elif kind == "products":
        if row.action == "create":
            catalog.create_product(uow, row.values)
        else:
            assert row.target_id is not None
            catalog.update_product(uow, row.target_id, new)
    elif kind == "opportunities":
        if row.action == "create":
            values = dict(row.values)
            opportunities.create_opportunity(uow, values.pop("account_id"), values)
        else:
            assert row.target_id is not None
            opportunities.update_opportunity(uow, row.target_id, new)
    else:
        v = row.values
        target_service.set_target(uow, v["owner_id"], v["period"], v["amount"], v.get("account_id"))


def _search_paused(session: Session, kind: str, rows: int) -> sqlite3.Connection | None:
    """For many accounts or contacts, the search index's triggers stand down (as for a
    first download, desktop/store/bulk_load.py) and ``apply`` builds the index once at
    the end, in the same transaction: per row, they cost more than the rest of the
    write. Not when the database holds many more accounts than the file: the build
    reads them all. Returns the connection to build the index on, or None."""
    if kind not in ("accounts", "contacts") or rows < BULK_ROWS:
        return None
    accounts = session.scalar(select(func.count()).select_from(Account)) or 0
    if accounts > rows * BULK_SHARE:
        return None
    connection = session.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    search_index.pause(connection)
    return connection


def _load_accounts(session: Session, rows: list[RowPreview]) -> list[Account]:
    """The contacts' accounts, loaded in a few queries rather than one per contact (the
    service looks each one up; held here, as the session keeps them only weakly)."""
    ids = sorted({r.values["account_id"] for r in rows if r.action == "create"})
    held: list[Account] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        held += session.scalars(select(Account).where(Account.id.in_(chunk))).all()
    return held


def apply(
    uow: UnitOfWork,
    checked: Preview,
    *,
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
    recheck: bool = True,
) -> ImportResult:
    """Apply the import inside ``uow``, re-checked against the data as it is now
    (``recheck=False`` when ``checked`` was taken inside this very transaction).

    Raises ImportRefusedError if any row has an error; the caller's transaction then
    rolls back, so nothing is written.
    """
    reason = f"imported from {source}" if source else "imported"
    fresh = checked
    if recheck:
        fresh = preview(
            uow.session,
            checked.kind,
            checked.table,
            checked.mapping,
            actor_id=uow.actor_id,
            options=checked.options,
        )
    problem = refusal(fresh)
    if problem is not None:
        raise ImportRefusedError(f"nothing imported: {problem}")
    todo = [r for r in fresh.rows if r.action in ("create", "update")]
    # Flushed in batches, not row by row (the duplicate check's query would otherwise
    # flush every row alone): 5,000 accounts went from ~9 s to ~3 s of CPU. A later
    # row's duplicate check sees the earlier rows once their batch is flushed; rows of
    # one file that are the same record were already refused by the preview.
    held = _load_accounts(uow.session, todo) if checked.kind == "contacts" else []
    # The accounts' 查重 keys in memory: one query, not one per row and key.
    keys = KeyIndex(uow.session) if checked.kind == "accounts" else None
    connection = _search_paused(uow.session, checked.kind, len(todo))
    with uow.session.no_autoflush:
        for done, row in enumerate(todo, start=1):
            try:
                _apply(uow, checked.kind, row, reason, keys)
                if done % FLUSH_EVERY == 0 or done == len(todo):
                    uow.session.flush()
            except DomainError as exc:
                raise ImportRefusedError(f"nothing imported: row {row.line}: {exc}") from exc
            if progress is not None:
                progress(done, len(todo))
    del held
    if connection is not None:
        search_index.rebuild(connection)
    counts = fresh.counts
    return ImportResult(counts["create"], counts["update"], counts["unchanged"], counts["skip"])


def commit(
    sessions: Callable[[], Session],
    checked: Preview,
    *,
    actor_id: str | None = None,
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """``apply`` in a transaction of its own: all rows or none."""
    reason = f"imported from {source}" if source else "imported"
    with unit_of_work(sessions, actor_id, reason=reason) as uow:
        return apply(uow, checked, source=source, progress=progress)
