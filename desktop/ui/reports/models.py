"""A table model over rows of plain values that were already loaded off the GUI thread.

Lists here are small (reps x months, a preview, a team's complaints), so the rows are
held whole; the model only formats them. ``ROW_ID_ROLE`` gives the record id behind a
row, and ``SORT_ROLE`` the raw value, so a sort proxy orders money and dates right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.money import format_money

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ModelIndex = QModelIndex | QPersistentModelIndex


class Kind:
    TEXT = "text"
    MONEY = "money"
    PERCENT = "percent"
    INT = "int"
    DATE = "date"
    DATETIME = "datetime"


def shown(value: Any, kind: str, zone: ZoneInfo) -> str:
    if value is None or value == "":
        return ""
    if kind == Kind.MONEY:
        return format_money(Decimal(value))
    if kind == Kind.PERCENT:
        return f"{Decimal(value):.1f}%"
    if kind == Kind.INT:
        return f"{int(value):,}"
    if kind == Kind.DATETIME and isinstance(value, dt.datetime):
        return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    if kind == Kind.DATE and isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class RowsModel(QAbstractTableModel):
    """Columns are (header, kind); rows are (id, values)."""

    def __init__(
        self, columns: Sequence[tuple[str, str]], zone: ZoneInfo, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.zone = zone
        self.rows: list[tuple[str, list[Any]]] = []
        # (row values, column) -> a background colour name, or None
        self.colour: Callable[[list[Any], int], str | None] = lambda values, column: None
        # (row index, column) -> tooltip text, or None
        self.tooltip: Callable[[int, int], str | None] = lambda row, column: None

    def set_rows(self, rows: Sequence[tuple[str, list[Any]]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row_id, values = self.rows[index.row()]
        column = index.column()
        value = values[column] if column < len(values) else None
        kind = self.columns[column][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(value, kind, self.zone)
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != Kind.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.colour(values, column)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(index.row(), column)
        if role == ROW_ID_ROLE:
            return row_id
        if role == SORT_ROLE:
            if isinstance(value, Decimal):
                return float(value)  # ordering only, never shown or stored
            if isinstance(value, dt.datetime | dt.date):
                return value.isoformat()
            return value
        return None

    # -- export (desktop.ui.export_view): the values are typed already ------------------

    def export_kind(self, column: int) -> str:
        return self.columns[column][1]

    def export_item(self, row: int) -> list[Any]:
        return self.rows[row][1]

    def export_value(self, values: list[Any], column: int) -> Any:
        return values[column] if column < len(values) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section][0]
        return None


def attainment_colour(value: Any) -> str | None:
    """The meeting pack's colours: red under 80 %, amber to 100 %, green from 100 %."""
    if not isinstance(value, Decimal):
        return None
    if value < 80:
        return "#F8CBAD"
    return "#FFE699" if value < 100 else "#C6E0B4"
