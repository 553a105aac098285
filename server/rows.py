"""Rows as the server sends them: blocks in stored form (``desktop.sync.stored``).

One encoder for push answers and pulls. The database does the work: SQLite already
holds the stored form, and PostgreSQL formats its timestamps, dates and booleans in
the query, so a row goes from the driver's cursor into the JSON answer with no Python
work per value. The queries run on the driver's own cursor (SQLAlchemy's result rows
cost more than the query itself at a pull's size).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Select,
    cast,
    func,
    literal_column,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import type_coerce
from sqlalchemy.types import NullType

from desktop.domain.models import SYNCED
from desktop.domain.models.types import UTCDateTime
from desktop.sync import stored
from server import scope

# PostgreSQL's text for what SQLite stores (SQLAlchemy's SQLite formats).
_PG_TIME = "YYYY-MM-DD HH24:MI:SS.US"
_PG_DATE = "YYYY-MM-DD"


@functools.cache
def stored_columns(entity: str, dialect: str) -> tuple[ColumnElement[Any], ...]:
    """The entity's columns, in block order, as expressions that select stored form."""
    table = SYNCED[entity].__table__
    out: list[ColumnElement[Any]] = []
    for name in stored.columns(entity):
        column = table.columns[name]
        kind = column.type
        expression: ColumnElement[Any] = type_coerce(column, NullType())
        if dialect == "postgresql":
            if isinstance(kind, UTCDateTime):
                expression = func.to_char(column, literal_column(f"'{_PG_TIME}'"))
            elif isinstance(kind, Date):
                expression = func.to_char(column, literal_column(f"'{_PG_DATE}'"))
            elif isinstance(kind, Boolean):
                expression = cast(column, Integer)
        out.append(expression.label(name))
    return tuple(out)


def fetch_rows(session: Session, query: Select[Any]) -> list[tuple[Any, ...]]:
    """Run ``query`` on the session's connection, rows as the driver returns them."""
    connection = session.connection()
    dialect = connection.dialect
    compiled = query.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positiontup is not None:
        params = tuple(params[name] for name in compiled.positiontup)
    raw = connection.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.execute(str(compiled), params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def block(entity: str, rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """A ``RowBlock`` of the protocol."""
    return {"entity": entity, "columns": stored.columns(entity), "rows": rows}


def blocks_by_id(
    session: Session, keys: Iterable[tuple[str, str]], viewer: scope.Viewer
) -> list[dict[str, Any]]:
    """The rows with these (entity, id) keys as they are now and ``viewer`` may see
    them (the pull's scope clause), a block per entity."""
    wanted: dict[str, set[str]] = {}
    for entity, row_id in keys:
        if entity in SYNCED:
            wanted.setdefault(entity, set()).add(row_id)
    dialect = session.connection().dialect.name
    out: list[dict[str, Any]] = []
    for entity in SYNCED:  # parents first, as a pull sends them
        ids = sorted(wanted.get(entity, ()))
        rows: list[tuple[Any, ...]] = []
        model = SYNCED[entity]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = stored_select(entity, dialect).where(
                model.id.in_(chunk), scope.clause(model, viewer)
            )
            rows.extend(fetch_rows(session, query))
        if rows:
            out.append(block(entity, rows))
    return out


def stored_select(entity: str, dialect: str) -> Select[Any]:
    return select(*stored_columns(entity, dialect))


def sign_in_rows(session: Session, viewer: scope.Viewer) -> list[dict[str, Any]]:
    """What a device needs before its first pull, sent with the sign-in: the user's
    own row, their team's and the policies they may see (blocks, parents first)."""
    dialect = session.connection().dialect.name
    out: list[dict[str, Any]] = []
    wanted = {"team": viewer.team_id, "user": viewer.user_id, "policy": None}
    for entity in SYNCED:
        if entity not in wanted:
            continue
        model = SYNCED[entity]
        query = stored_select(entity, dialect).where(scope.clause(model, viewer))
        if entity != "policy":
            if wanted[entity] is None:
                continue
            query = query.where(model.id == wanted[entity])
        rows = fetch_rows(session, query.order_by(model.id))
        if rows:
            out.append(block(entity, rows))
    return out
