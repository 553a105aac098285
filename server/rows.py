"""Rows in wire form, as the server sends them (one encoder for push results and pulls)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date
from sqlalchemy.sql.expression import ColumnElement, type_coerce
from sqlalchemy.types import NullType

from desktop.domain import codec
from desktop.domain.models import SYNC_COLUMNS, SYNCED, Synced
from desktop.domain.models.types import DecimalText, JSONText, Money, UTCDateTime
from desktop.domain.money import from_fen
from desktop.sync.protocol import ROW_META

Encoder = Callable[[Any], Any] | None
_Plan = list[tuple[str, Encoder]]


def _time(value: dt.datetime) -> str:
    return codec.encode(value)  # type: ignore[no-any-return]


@functools.cache
def _plan(entity: str) -> tuple[_Plan, _Plan]:
    """Per table, once: each column's encoder (None: its value is already wire form:
    text, numbers, booleans, JSON). The same conversions as ``codec.encode``."""
    columns = SYNCED[entity].__table__.columns

    def encoder(name: str) -> Encoder:
        kind = columns[name].type
        if isinstance(kind, UTCDateTime):
            return _time
        if isinstance(kind, Money | DecimalText):
            return str
        if isinstance(kind, Date):
            return dt.date.isoformat
        return None

    meta = [(name, encoder(name)) for name in ROW_META if name != "field_versions"]
    data = [(c.key, encoder(c.key)) for c in columns if c.key not in SYNC_COLUMNS]
    return meta, data


def wire_row(entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """A row's column values (Python) -> the ``ServerRow`` dict of the protocol."""
    meta, data = _plan(entity)
    out: dict[str, Any] = {"entity": entity, "id": values["id"]}
    for name, encode in meta:
        value = values[name]
        out[name] = value if encode is None or value is None else encode(value)
    out["field_versions"] = values["field_versions"] or {}
    fields: dict[str, Any] = {}
    for name, encode in data:
        value = values[name]
        fields[name] = value if encode is None or value is None else encode(value)
    out["fields"] = fields
    return out


def server_row(row: Synced) -> dict[str, Any]:
    return wire_row(row.__tablename__, row.values())


# -- straight from the stored values (a pull sends many rows) ------------------------------
# The values the database driver returns, before SQLAlchemy's column types convert them
# (SQLite: text times and dates, 0/1, JSON text; PostgreSQL: native times and dates),
# turned into wire form directly: the same text ``wire_row`` sends, at a fraction of the
# cost per row.


def _stored_time(value: Any) -> str:
    time = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    return time.replace(tzinfo=dt.UTC).isoformat()


def _stored_date(value: Any) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    return day.isoformat()


def _stored_money(value: Any) -> str:
    return str(from_fen(int(value)))


def _stored_decimal(value: Any) -> str:
    return str(Decimal(value))


def _stored_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


# Column type -> how its stored value becomes wire form (first match; others as they are).
_STORED: tuple[tuple[type[Any], Callable[[Any], Any]], ...] = (
    (UTCDateTime, _stored_time),
    (Money, _stored_money),
    (DecimalText, _stored_decimal),
    (Date, _stored_date),
    (Boolean, bool),
    (JSONText, _stored_json),
)


@functools.cache
def _stored_plan(entity: str) -> list[tuple[str, Encoder]]:
    return [
        (c.key, next((f for kind, f in _STORED if isinstance(c.type, kind)), None))
        for c in SYNCED[entity].__table__.columns
    ]


def stored_columns(entity: str) -> list[ColumnElement[Any]]:
    """The table's columns as the driver returns them (no type conversion)."""
    table = SYNCED[entity].__table__
    return [type_coerce(c, NullType()).label(c.key) for c in table.columns]


def wire_from_stored(entity: str, stored: tuple[Any, ...]) -> dict[str, Any]:
    """A row selected with ``stored_columns`` -> the ``ServerRow`` dict of the protocol."""
    values = {
        name: value if encode is None or value is None else encode(value)
        for (name, encode), value in zip(_stored_plan(entity), stored, strict=True)
    }
    out: dict[str, Any] = {"entity": entity, "id": values.pop("id")}
    for name in ROW_META:
        out[name] = values.pop(name)
    out["field_versions"] = out["field_versions"] or {}
    out["fields"] = values
    return out
