"""The demo's row writer: rows buffered per table and written with one executemany,
as if they had come from a server (version 1, no outbox entries)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.models.types import stored_form

_NO_VERSIONS: dict[str, int] = {}  # shared by every demo row, never changed


class Writer:
    """Buffers rows per table and flushes them with executemany."""

    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.session = session
        self.now = now
        self.buffers: dict[str, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}

    def row(self, model: type[m.Synced], **values: Any) -> str:
        values.setdefault("id", new_id())
        values.update(
            version=1,
            field_versions=_NO_VERSIONS,
            created_at=self.now,
            updated_at=self.now,
            deleted_at=None,
            created_by=None,
            updated_by=None,
        )
        name = model.__tablename__
        buffer = self.buffers.setdefault(name, [])
        buffer.append(values)
        if len(buffer) >= 5000:
            self.flush(name)
        return str(values["id"])

    def flush(self, name: str | None = None) -> None:
        # Parents first, so foreign keys hold at every flush.
        for table_name in [name] if name else list(m.SYNCED):
            buffer = self.buffers.get(table_name)
            if not buffer:
                continue
            table: Table = m.SYNCED[table_name].__table__  # type: ignore[assignment]
            self._flush_parents(table_name)
            self._insert(table, buffer)
            self.counts[table_name] = self.counts.get(table_name, 0) + len(buffer)
            self.buffers[table_name] = []

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """executemany on the driver, with each column's own bind conversion.

        The same conversions SQLAlchemy applies (money to fen, times to UTC text...),
        looked up once per column instead of once per value.
        """
        plan = stored_form(table, self.session.get_bind().dialect)
        names = ", ".join(f'"{column.name}"' for column in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        data = list(zip(*(column.values(rows) for column in plan), strict=True))
        self.session.connection().exec_driver_sql(
            f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', data
        )

    def _flush_parents(self, table_name: str) -> None:
        for parent in m.SYNCED:
            if parent == table_name:
                return
            if self.buffers.get(parent):
                self.flush(parent)
