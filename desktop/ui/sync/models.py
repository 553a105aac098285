"""List models of the Sync page: pending changes, conflicts, rejected edits."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.domain.services.sync_issues import Issue, PendingChange
from desktop.ui.sync.labels import (
    change_text,
    entity_label,
    field_label,
    op_label,
    state_label,
    value_text,
)
from desktop.ui.sync.reasons import explain
from desktop.ui.table_model import TableModel


def _when(value: dt.datetime | None, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value is not None else ""


class PendingModel(TableModel[PendingChange]):
    WHEN, TYPE, RECORD, CHANGE, FIELDS = range(5)

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Type"),
            self.tr("Record"),
            self.tr("Change"),
            self.tr("Fields"),
        ]

    def row_id(self, row: PendingChange) -> str | None:
        return str(row.mutation_id)

    def display(self, row: PendingChange, column: int) -> Any:
        if column == self.WHEN:
            return _when(row.created_at, self.zone)
        if column == self.TYPE:
            return entity_label(row.entity)
        if column == self.RECORD:
            return row.record_name or row.row_id[-8:]
        if column == self.CHANGE:
            return op_label(row.op)
        if row.op in ("insert", "restore"):
            return self.tr("all fields (%1)").replace("%1", str(len(row.fields)))
        return ", ".join(field_label(row.entity, f) for f in row.fields)

    def sort_value(self, row: PendingChange, column: int) -> Any:
        if column == self.WHEN:
            return row.mutation_id
        return self.display(row, column)


class ConflictModel(TableModel[Issue]):
    TYPE, RECORD, FIELD, MINE, THEIRS, BY, WHEN, STATE = range(8)

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def headers(self) -> list[str]:
        return [
            self.tr("Type"),
            self.tr("Record"),
            self.tr("Field"),
            self.tr("My value"),
            self.tr("Server's value"),
            self.tr("Changed by"),
            self.tr("When"),
            self.tr("State"),
        ]

    def row_id(self, row: Issue) -> str | None:
        return str(row.id)

    def display(self, row: Issue, column: int) -> Any:
        values = [
            entity_label(row.entity),
            row.record_name or row.row_id[-8:],
            field_label(row.entity, row.field),
            self._value(row, row.mine) if row.field != "deleted_at" else self.tr("edited"),
            self._value(row, row.theirs) if row.field != "deleted_at" else self.tr("deleted"),
            row.changed_by,
            _when(row.changed_at, self.zone),
            state_label(row.state),
        ]
        return values[column]

    def _value(self, row: Issue, value: Any) -> str:
        return value_text(row.entity, row.field, value, row.names, self.zone)

    def role_data(self, row: Issue, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.MINE, self.THEIRS):
            return self.display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.state != "open":
            return QColor("#777777")
        return None


class RejectedModel(TableModel[Issue]):
    TYPE, RECORD, WHY, NEXT, MINE, STATE = range(6)

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def headers(self) -> list[str]:
        return [
            self.tr("Type"),
            self.tr("Record"),
            self.tr("Why the server refused it"),
            self.tr("What you can do"),
            self.tr("My change"),
            self.tr("State"),
        ]

    def row_id(self, row: Issue) -> str | None:
        return str(row.id)

    def display(self, row: Issue, column: int) -> Any:
        mine = row.mine if isinstance(row.mine, dict) else {}
        record = row.record_name or str(mine.get("name") or "")
        if not row.record_exists:
            record = (record or row.row_id[-8:]) + " " + self.tr("(no longer on this device)")
        explanation = explain(row.reason, row.entity, row.code, row.params)
        values = [
            entity_label(row.entity),
            record,
            explanation.why,
            explanation.next,
            change_text(row.entity, mine, row.names, self.zone),
            state_label(row.state),
        ]
        return values[column]

    def role_data(self, row: Issue, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.WHY, self.NEXT, self.MINE):
            return self.display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.state != "open":
            return QColor("#777777")
        return None
