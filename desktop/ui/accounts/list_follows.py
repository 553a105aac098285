"""The accounts list and the open profile always agree, as a mail program's list and
reading pane do.

- Moving in the list (a click, Down/Up, Page Down) while a profile is open shows the
  account moved to; unsaved typing in the profile is asked about first (Discard / Keep
  editing, which goes back to the profile's row).
- After the list changes (search, filter, sort, a refresh) the profile's account is
  selected again and scrolled to. When the list no longer holds it, nothing is
  selected and the profile says so (it stays open: the rep may still be working on it),
  with a button that clears the search and the filters to show it in the list again.
- While the profile is closed, moving in the list only selects.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.accounts.changed import ask_to_discard
from desktop.ui.accounts.detail import AccountDetail
from desktop.ui.accounts.list_view import AccountListView
from desktop.ui.table_model import ROW_ID_ROLE


class OutsideListHint(QFrame):
    """Above the profile: its account is not in the list now; the way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("account-outside-list")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(
            self.tr("Not in the list now: the search or the filters leave this account out.")
        )
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #5f6368; font-style: italic;")
        self.show_button = QPushButton(self.tr("Show in the list"))
        self.show_button.setObjectName("account-show-in-list")
        self.show_button.setToolTip(self.tr("Clear the search and the filters"))
        row.addWidget(self.label, 1)
        row.addWidget(self.show_button)
        self.hide()


class ListFollowsProfile(QObject):
    def __init__(
        self,
        table: AccountListView,
        detail: AccountDetail,
        open_account: Callable[[str], None],
        show_everything: Callable[[], None],
    ) -> None:
        super().__init__(table)
        self.table = table
        self.detail = detail
        self.open_account = open_account
        self.hint = OutsideListHint()
        self.hint.show_button.clicked.connect(show_everything)
        layout = detail.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(detail.tabs), self.hint)
        self.wanted: str | None = None  # asked to open, not on screen yet
        self.box: QMessageBox | None = None
        # A move is the current row selected: a key selects then moves, a click moves
        # then selects; a refresh that only puts the current row back selects nothing.
        chooser = self.table.selectionModel()
        chooser.currentRowChanged.connect(lambda *_: self._moved())
        chooser.selectionChanged.connect(lambda *_: self._moved())
        # The rest of a long list arrives later: the profile's row may be in it.
        self.table.model().rowsInserted.connect(lambda *_: self.sync())

    def shown_id(self) -> str | None:
        """The account the profile shows, or is about to show."""
        if self.wanted is not None:
            return self.wanted
        account = self.detail.account
        return str(account["id"]) if account is not None else None

    def opening(self, account_id: str) -> None:
        self.wanted = account_id

    def start_new(self) -> None:
        self.wanted = None
        self.sync()

    def opened(self, account_id: str) -> None:
        if self.wanted == account_id:
            self.wanted = None
        self.sync()

    # -- the list follows the profile -----------------------------------------------------

    def sync(self) -> None:
        """Select and show the profile's row; none when the list does not hold it."""
        if not self.detail.isVisible():
            return
        account_id = self.shown_id()
        if account_id is None:  # a new account, not saved yet
            self.table.selectionModel().clearCurrentIndex()
            self.table.clearSelection()
            self.hint.hide()
            return
        model = self.table.account_model()
        row = model.row_of(account_id)
        if row >= 0:
            if self.table.selected_ids() != [account_id] or self.table.currentIndex().row() != row:
                self.table.selectRow(row)
            self.table.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
            self.hint.hide()
        elif model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())  # (rowsInserted brings us back)
        else:
            self.table.selectionModel().clearCurrentIndex()
            self.table.clearSelection()
            self.hint.show()

    # -- the profile follows the list -----------------------------------------------------

    def _moved(self) -> None:
        current = self.table.currentIndex()
        if not self.detail.isVisible() or not current.isValid() or self.box is not None:
            return
        if not self.table.selectionModel().isSelected(current):
            return
        account_id = current.data(ROW_ID_ROLE)
        if not account_id or account_id == self.shown_id():
            return
        if not self.detail.unsaved_fields():
            self.open_account(str(account_id))
            return

        def answered(discard: bool) -> None:
            self.box = None
            if discard:
                self.open_account(str(account_id))
            else:
                self.sync()  # back to the profile's row

        self.box = ask_to_discard(
            self.table,
            self.tr("Discard your changes?"),
            self.tr("What you typed in %1 has not been saved. Discard it and show %2?")
            .replace("%1", str((self.detail.account or {}).get("name", "")))
            .replace("%2", str(current.siblingAtColumn(0).data() or "")),
            answered,
        )
        self.box.setObjectName("discard-profile-typing")
