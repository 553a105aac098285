"""The import preview as a table model: the preview's rows, formatted only when a view
asks for them, so a 50,000-row file opens at once (no per-row widgets or strings)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from desktop.imports.plan import RowPreview
from desktop.ui.table_model import TableModel

if TYPE_CHECKING:
    from desktop.ui.reports.import_tab import ImportTab

COLOURS = {"error": "#F8CBAD", "update": "#FFE699", "create": "#C6E0B4", "skip": "#E7E6E6"}


class PreviewModel(TableModel[RowPreview]):
    """The preview's rows (row, action, record, details), formatted on demand."""

    LINE, ACTION, RECORD, DETAILS = range(4)

    def __init__(self, tab: ImportTab, headers: list[str]) -> None:
        super().__init__(tab)
        self.tab = tab
        self._headers = headers

    def headers(self) -> list[str]:
        return self._headers

    def display(self, row: RowPreview, column: int) -> str:
        if column == self.LINE:
            return str(row.line)
        if column == self.ACTION:
            return self.tab.actions[row.action]
        if column == self.RECORD:
            return str(row.values.get("name") or next(iter(row.values.values()), ""))
        return self.tab.details(row)

    def row_id(self, row: RowPreview) -> str | None:
        return None  # not a record yet

    def role_data(self, row: RowPreview, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == self.ACTION:
            colour = COLOURS.get(row.action)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DETAILS:
            return self.tab.details(row)
        return None
