"""The one shape of our list models (STYLE move 5, after vorta's archive table model).

A subclass names its columns with constants (``NUMBER, ACCOUNT, ... = range(n)``),
returns its translated headers from ``headers()`` (``self.tr`` in the subclass, so
lupdate files them under the subclass's context) and says what a cell shows in
``display``. The base class answers everything else the same way everywhere:

- ``ROW_ID_ROLE`` gives the record id behind a row; it is asked through the index, so
  it survives a sort/filter proxy (``proxy_index.data(ROW_ID_ROLE)``);
- ``SORT_ROLE`` gives the value a proxy orders by (``sort_value``; the shown text
  unless a subclass returns a raw value such as a timestamp);
- ``set_rows`` resets the model (a reload), ``set_row`` changes one row and emits
  ``dataChanged`` for that row only (an edit);
- ``rowCount``/``columnCount`` are 0 under a valid parent (a table, not a tree).

Export to Excel (``desktop.ui.export_view``) asks the model for typed values:
``EXPORT_KINDS`` names the columns that are not text (``"money"``, ``"date"``, ...,
the kinds of ``desktop.reports.xlsx``) and ``export_value`` gives a cell's typed value
(Decimal money, a date, an aware datetime); the shown text unless overridden.

Rows are plain data that were loaded off the GUI thread (dataclasses or records);
a model never queries the database. Huge lists that hold ids and fetch rows on demand
(the Accounts list) keep their own model, with the same roles.

Beside the base: ``RecordTableModel`` (headers and a cell function given, for small
lists), ``ChoiceModel`` (the list of a picker) and ``setup_table`` (how our table
views look and select, set up in one place).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.domain.services.visits import Choice

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
DISPLAY = Qt.ItemDataRole.DisplayRole

R = TypeVar("R")


def record_id(row: Any) -> str | None:
    """The id of a record dict or of a dataclass with an ``id`` field; None otherwise."""
    value = row.get("id") if isinstance(row, Mapping) else getattr(row, "id", None)
    return None if value is None else str(value)


class TableModel(QAbstractTableModel, Generic[R]):
    """Rows held whole; columns declared by the subclass. See the module docstring."""

    # Columns whose cells are right-aligned (money, numbers).
    RIGHT_ALIGNED: frozenset[int] = frozenset()
    # Export kinds (desktop.reports.xlsx KINDS) of the columns that are not text.
    EXPORT_KINDS: Mapping[int, str] = {}

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []
        self._column_count: int | None = None

    # -- what a subclass says -------------------------------------------------------------

    def headers(self) -> list[str]:
        """The translated column headers, in column order."""
        raise NotImplementedError

    def display(self, row: R, column: int) -> Any:
        """What the cell shows (DisplayRole)."""
        raise NotImplementedError

    def row_id(self, row: R) -> str | None:
        return record_id(row)

    def sort_value(self, row: R, column: int) -> Any:
        """What a proxy orders by; the shown text unless overridden."""
        return self.display(row, column)

    def role_data(self, row: R, column: int, role: int) -> Any:
        """Any other role (colours, tooltips, fonts); None for nothing."""
        return None

    # -- export (desktop.ui.export_view) --------------------------------------------------

    def export_kind(self, column: int) -> str:
        return self.EXPORT_KINDS.get(column, "text")

    def export_item(self, row: int) -> R:
        """The plain row behind model row ``row``; what ``export_value`` is given."""
        return self.rows[row]

    def export_value(self, row: R, column: int) -> Any:
        """The typed value a spreadsheet cell gets; the shown text unless overridden.

        Runs on a worker thread: it may read the row and translate, nothing else."""
        return self.display(row, column)

    # -- contents -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """A reload: the view forgets selection and scroll position it cannot keep."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_row(self, row: int, value: R) -> None:
        """An edit: replace one row and repaint only it."""
        self.rows[row] = value
        self.row_changed(row)

    def row_changed(self, row: int, first: int = 0, last: int | None = None) -> None:
        """Tell views that cells ``first..last`` of ``row`` show something new."""
        if last is None:
            last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, first), self.index(row, last))

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: str) -> int:
        """The row holding ``row_id``, or -1."""
        for number, row in enumerate(self.rows):
            if self.row_id(row) == row_id:
                return number
        return -1

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._column_count is None:  # headers are translated on each call; count once
            self._column_count = len(self.headers())
        return self._column_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == DISPLAY:
            return self.display(row, column)
        if role == ROW_ID_ROLE:
            return self.row_id(row)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED:
            return RIGHT
        return self.role_data(row, column, role)


class RecordTableModel(TableModel[Any]):
    """A small read-only table over plain records (contacts, files, history) whose
    headers are given translated and whose cells come from ``cells(row, column)``."""

    def __init__(
        self, headers: list[str], cells: Callable[[Any, int], str], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._cells = cells

    def headers(self) -> list[str]:
        return self._headers

    def display(self, row: Any, column: int) -> str:
        return self._cells(row, column)


class ChoiceModel(QAbstractListModel):
    """The list of a picker (accounts, contacts, products, people): the name, with the
    detail in brackets; ``ROW_ID_ROLE`` gives the id. ``checkable``: a box per row,
    ``checked`` holds the ids ticked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []
        self.checked: set[str] = set()
        self.checkable = False

    def set_choices(self, choices: Sequence[Choice | tuple[str, str]]) -> None:
        """Choices, or (id, text) pairs."""
        self.beginResetModel()
        self.choices = [c if isinstance(c, Choice) else Choice(c[0], c[1]) for c in choices]
        self.checked &= {c.id for c in self.choices}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.choices):
            return None
        choice = self.choices[index.row()]
        if role == DISPLAY:
            return f"{choice.name}  ({choice.detail})" if choice.detail else choice.name
        if role == ROW_ID_ROLE:
            return choice.id
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable:
            return Qt.CheckState.Checked if choice.id in self.checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if self.checkable else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and role == Qt.ItemDataRole.CheckStateRole):
            return False
        choice_id = self.choices[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(choice_id)
        else:
            self.checked.discard(choice_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


V = TypeVar("V", bound=QTableView)


def setup_table(
    view: V,
    model: QAbstractItemModel,
    name: str = "",
    *,
    select_rows: bool = True,
    single: bool = False,
    row_numbers: bool = False,
    wrap: bool = True,
    sortable: bool = False,
    read_only: bool = False,
    fit: QHeaderView.ResizeMode | None = None,
    stretch: int | None = None,
    stretch_last: bool = False,
) -> V:
    """Our table views set up one way: ``model`` shown, whole rows selected (``single``:
    one at a time), no row numbers unless asked, ``fit`` the resize mode of every
    column, column ``stretch`` (or the last, ``stretch_last``) taking the spare width."""
    if name:
        view.setObjectName(name)
    view.setModel(model)
    if sortable:
        view.setSortingEnabled(True)
    if select_rows:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if read_only:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if not row_numbers:
        view.verticalHeader().hide()
    if not wrap:
        view.setWordWrap(False)
    header = view.horizontalHeader()
    if fit is not None:
        header.setSectionResizeMode(fit)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if stretch_last:
        header.setStretchLastSection(True)
    return view
