"""Rows in wire form, as the server sends them (one encoder for push results and pulls)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Date

from desktop.domain import codec
from desktop.domain.models import SYNC_COLUMNS, SYNCED, Synced
from desktop.domain.models.types import DecimalText, Money, UTCDateTime
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
