"""Rows in wire form, as the server sends them (one encoder for push results and pulls)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain import codec
from desktop.domain.models import SYNC_COLUMNS, Synced
from desktop.sync.protocol import ROW_META


def wire_row(entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """A row's column values (Python) -> the ``ServerRow`` dict of the protocol."""
    out: dict[str, Any] = {"entity": entity, "id": values["id"]}
    for name in ROW_META:
        value = values[name]
        out[name] = codec.encode(value) if name != "field_versions" else (value or {})
    out["fields"] = {
        name: codec.encode(value) for name, value in values.items() if name not in SYNC_COLUMNS
    }
    return out


def server_row(row: Synced) -> dict[str, Any]:
    return wire_row(row.__tablename__, row.values())
