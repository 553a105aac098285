"""The import preview as a table model: the preview's rows, formatted only when a view
asks for them, so a 50,000-row file opens at once (no per-row widgets or strings)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.imports.plan import RowPreview

if TYPE_CHECKING:
    from desktop.ui.reports.import_tab import ImportTab

ModelIndex = QModelIndex | QPersistentModelIndex
COLOURS = {"error": "#F8CBAD", "update": "#FFE699", "create": "#C6E0B4", "skip": "#E7E6E6"}


class PreviewModel(QAbstractTableModel):
    """The preview's rows (row, action, record, details), formatted on demand."""

    def __init__(self, tab: ImportTab, headers: list[str]) -> None:
        super().__init__(tab)
        self.tab = tab
        self.rows: list[RowPreview] = []
        self.headers = headers

    def set_rows(self, rows: list[RowPreview]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.line)
            if column == 1:
                return self.tab.actions[row.action]
            if column == 2:
                value = row.values.get("name") or next(iter(row.values.values()), "")
                return str(value)
            return self.tab.details(row)
        if role == Qt.ItemDataRole.BackgroundRole and column == 1 and row.action in COLOURS:
            return QBrush(QColor(COLOURS[row.action]))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return self.tab.details(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < 4
        ):
            return self.headers[section]
        return None
