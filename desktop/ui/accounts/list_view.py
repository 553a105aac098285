"""The Accounts list's table: its columns (movable, resizable, hidden from the header's
menu, kept in ui-state.ini), the selection by account id, and new ids shown in place
(the selected accounts stay selected, the account at the top stays at the top)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop.ui.accounts.model import COLUMNS, AccountTableModel
from desktop.ui.table_model import ROW_ID_ROLE, setup_table

STATE_FILE = "ui-state.ini"
# The columns the list keeps beside an open profile, on a laptop's width.
COMPACT = frozenset({"name", "tier", "status", "owner"})  # health: the Health section
NAME_AT_LEAST = 160  # px of the name column beside a profile: a name's first words


class AccountListView(QTableView):
    def __init__(
        self, model: AccountTableModel, data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.compact = False
        setup_table(self, model, "accounts-table", wrap=False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for index, column in enumerate(COLUMNS):
            header.resizeSection(index, column.width)
            header.setSectionHidden(index, not column.default_visible)
        self._restore_header()
        header.sectionMoved.connect(lambda *_: self._save_header())
        header.sectionResized.connect(lambda *_: self._save_header())

    def account_model(self) -> AccountTableModel:
        model = self.model()
        assert isinstance(model, AccountTableModel)
        return model

    # -- columns ------------------------------------------------------------------------

    def _column_menu(self, pos: QPoint) -> None:
        header = self.horizontalHeader()
        menu = QMenu(self)
        for index, column in enumerate(COLUMNS):
            action = QAction(self.model().headerData(index, Qt.Orientation.Horizontal), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(index))
            action.setEnabled(column.key != "name" and not self.compact)
            action.toggled.connect(lambda on, i=index: self.set_column_visible(i, on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))

    def set_column_visible(self, index: int, visible: bool) -> None:
        self.horizontalHeader().setSectionHidden(index, not visible)
        self._save_header()

    def set_compact(self, on: bool) -> None:
        """Beside an open profile only name, tier, status and owner (and health) show;
        closing it brings back the user's own columns (the compact set is never saved)."""
        if on == self.compact:
            return
        header = self.horizontalHeader()
        name = next(i for i, c in enumerate(COLUMNS) if c.key == "name")
        if on:
            self._save_header()
            self.compact = True
            for index, column in enumerate(COLUMNS):
                if column.key not in COMPACT:
                    header.setSectionHidden(index, True)
            # The name takes what the other columns leave: never a horizontal scroll;
            # a profile's wide section may narrow it, to NAME_AT_LEAST.
            header.setSectionResizeMode(name, QHeaderView.ResizeMode.Stretch)
            self.setMinimumWidth(self.compact_width() - COLUMNS[name].width + NAME_AT_LEAST)
        else:
            self.compact = False
            self.setMinimumWidth(0)
            header.setSectionResizeMode(name, QHeaderView.ResizeMode.Interactive)
            self._restore_header()

    def compact_width(self) -> int:
        """The width the visible columns need, with the scroll bar and frame (the name
        column at its own width: beside a profile it stretches to what is given)."""
        header = self.horizontalHeader()
        shown = sum(
            column.width if column.key == "name" and self.compact else header.sectionSize(i)
            for i, column in enumerate(COLUMNS)
            if not header.isSectionHidden(i)
        )
        return shown + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth() + 2

    def _settings(self) -> QSettings:
        return QSettings(str(self.data_dir / STATE_FILE), QSettings.Format.IniFormat)

    def _save_header(self) -> None:
        if self.compact:
            return
        self._settings().setValue("accounts/header", self.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        state = self._settings().value("accounts/header")
        if state is not None:
            self.horizontalHeader().restoreState(state)

    # -- selection by id ----------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        model = self.model()
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [model.data(model.index(r, 0), ROW_ID_ROLE) for r in rows]

    def show_in_place(self, ids: list[str], complete: bool) -> None:
        """New ids for the same query: the rows the user selected stay selected (by id)
        and the account at the top of the view stays at the top."""
        model = self.account_model()
        if ids == model.ids() and (complete or not model.complete):
            model.mark_stale()  # same rows in the same order: only their values changed
            return
        selected = self.selected_ids()
        current = self.currentIndex()
        current_id = model.data(current, ROW_ID_ROLE) if current.isValid() else None
        top = self.rowAt(0)
        top_id = model.data(model.index(top, 0), ROW_ID_ROLE) if top >= 0 else None
        left = self.horizontalScrollBar().value()
        model.set_ids(ids, complete=complete)
        if not ids:
            return
        self.doItemsLayout()  # the scroll range follows the new row count now
        new_top = model.row_of(top_id) if top_id else -1
        if new_top < 0:
            new_top = min(max(top, 0), len(ids) - 1)
        self.scrollTo(model.index(new_top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        self.horizontalScrollBar().setValue(left)
        selection = QItemSelection()
        for account_id in selected:
            row = model.row_of(account_id)
            if row >= 0:
                selection.select(model.index(row, 0), model.index(row, len(COLUMNS) - 1))
        flags = QItemSelectionModel.SelectionFlag
        chooser = self.selectionModel()
        if current_id is not None and model.row_of(current_id) >= 0:
            chooser.setCurrentIndex(
                model.index(model.row_of(current_id), max(current.column(), 0)),
                flags.NoUpdate,
            )
        chooser.select(selection, flags.ClearAndSelect | flags.Rows)
