"""A table model over rows of plain values that were already loaded off the GUI thread.

Lists here are small (reps x months, a preview, a team's complaints), so the rows are
held whole; the model only formats them. It is a ``desktop.ui.table_model.TableModel``:
``ROW_ID_ROLE`` gives the record id behind a row, and ``SORT_ROLE`` the raw value, so a
sort proxy orders money and dates right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.money import format_money
from desktop.ui.table_model import DISPLAY, Index, TableModel


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


class RowsModel(TableModel[tuple[str, list[Any]]]):
    """Columns are (header, kind); rows are (id, values), the values typed (Decimal,
    dates): shown formatted, sorted and exported by their value."""

    def __init__(
        self, columns: Sequence[tuple[str, str]], zone: ZoneInfo, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.zone = zone
        # (row values, column) -> a background colour name, or None
        self.colour: Callable[[list[Any], int], str | None] = lambda values, column: None
        # (row index, column) -> tooltip text, or None
        self.tooltip: Callable[[int, int], str | None] = lambda row, column: None

    def headers(self) -> list[str]:
        return [header for header, _kind in self.columns]

    def value(self, row: tuple[str, list[Any]], column: int) -> Any:
        values = row[1]
        return values[column] if column < len(values) else None

    def display(self, row: tuple[str, list[Any]], column: int) -> str:
        return shown(self.value(row, column), self.columns[column][1], self.zone)

    def row_id(self, row: tuple[str, list[Any]]) -> str | None:
        return row[0]

    def sort_value(self, row: tuple[str, list[Any]], column: int) -> Any:
        value = self.value(row, column)
        if isinstance(value, Decimal):
            return float(value)  # ordering only, never shown or stored
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        return value

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.tooltip(index.row(), index.column())  # (asks by row number)
        return super().data(index, role)

    def role_data(self, row: tuple[str, list[Any]], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[column][1] != Kind.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.colour(row[1], column)
            return QBrush(QColor(colour)) if colour else None
        return None

    # -- export (desktop.ui.export_view): the values are typed already ------------------

    def export_kind(self, column: int) -> str:
        return self.columns[column][1]

    def export_value(self, row: tuple[str, list[Any]], column: int) -> Any:
        return self.value(row, column)


def attainment_colour(value: Any) -> str | None:
    """The meeting pack's colours: red under 80 %, amber to 100 %, green from 100 %."""
    if not isinstance(value, Decimal):
        return None
    if value < 80:
        return "#F8CBAD"
    return "#FFE699" if value < 100 else "#C6E0B4"
