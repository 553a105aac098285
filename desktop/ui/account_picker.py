"""The one account picker (new quote, complaint, visit, …): type part of a name, a
short name, pinyin or its initials ("qhcs") or a credit code; nothing is chosen until
the user picks. Down moves into the list, Enter picks the highlighted account (or the
only match, straight from the search line), a click or double click picks too."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import accounts, visits
from desktop.domain.services.accounts import AccountChoice
from desktop.ui.context import AppContext
from desktop.ui.table_model import ChoiceModel

Index = QModelIndex | QPersistentModelIndex
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class AccountPicker(QWidget):
    """A search line over a list of matching accounts. ``picked`` carries the
    ``AccountChoice`` (with its primary contact); ``chosen`` is it, or None."""

    picked = Signal(object)
    confirmed = Signal(object)  # picked with Enter or a double click

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, owner_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner_id = owner_id
        self.chosen: AccountChoice | None = None
        self.found: list[AccountChoice] = []  # what the list shows
        self._searched: str | None = None  # the text the list shows results for
        self._enter_waiting = False  # Enter pressed before the results came
        self.search = QLineEdit()
        self.search.setObjectName("account-picker-search")
        self.search.setPlaceholderText(
            self.tr("Search accounts: name, short name, pinyin (qhcs), credit code")
        )
        self.search.setClearButtonEnabled(True)
        self.model = ChoiceModel(self)
        self.list = QListView()
        self.list.setObjectName("account-picker-list")
        self.list.setModel(self.model)
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(150)
        self.chosen_label = QLabel(self.tr("No account chosen"))
        self.chosen_label.setObjectName("account-picker-chosen")
        self.chosen_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen_label)
        self.search.textChanged.connect(self._search)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.clicked.connect(self._pick_index)
        self.list.doubleClicked.connect(self._confirm_index)
        self._search("")

    @Slot(str)
    def _search(self, text: str) -> None:
        owner = self.owner_id
        self._searched = None
        self.ctx.tasks.read(
            lambda s: accounts.pick_accounts(s, text, owner_id=owner),
            lambda found: self._show(text, found),
            key=f"account-picker-{id(self)}",
        )

    def _show(self, text: str, found: list[AccountChoice]) -> None:
        self.found = found
        self.model.set_choices([visits.Choice(c.id, c.name, c.detail) for c in found])
        # Nothing pre-selected: the user picks.
        self._searched = text
        if self._enter_waiting:
            self._enter_waiting = False
            if len(found) == 1:
                self.pick(found[0])
                self.confirmed.emit(found[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.search and key == Qt.Key.Key_Down and self.found:
            self.list.setFocus()
            self.list.setCurrentIndex(self.model.index(0))
            return True
        if watched is self.search and key in ENTER_KEYS:
            return self._enter_in_search()
        if watched is self.list and key in ENTER_KEYS:
            index = self.list.currentIndex()
            if index.isValid():
                self._confirm_index(index)
                return True
        if watched is self.list and key == Qt.Key.Key_Up and self.list.currentIndex().row() <= 0:
            self.search.setFocus()
            return True
        return False

    def _enter_in_search(self) -> bool:
        """Enter on the search line picks the only match; with the results not in
        yet, it picks when they come. Otherwise the dialog gets the key (its default
        button), unless what was typed still needs a pick."""
        if self._searched != self.search.text():
            self._enter_waiting = True
            return True
        if len(self.found) == 1:
            if self.chosen != self.found[0]:
                self.pick(self.found[0])
                self.confirmed.emit(self.chosen)
                return True
            return False
        return self.chosen is None

    @Slot(QModelIndex)
    def _pick_index(self, index: QModelIndex) -> None:
        if index.isValid() and 0 <= index.row() < len(self.found):
            self.pick(self.found[index.row()])

    @Slot(QModelIndex)
    def _confirm_index(self, index: QModelIndex) -> None:
        self._pick_index(index)
        if self.chosen is not None:
            self.confirmed.emit(self.chosen)

    def pick(self, choice: AccountChoice) -> None:
        self.chosen = choice
        self.chosen_label.setText(self.tr("Account: %1").replace("%1", choice.name))
        self.picked.emit(choice)

    def preset(self, account_id: str, name: str) -> None:
        """Show an account already known (a visit planned from its profile)."""
        self.pick(AccountChoice(account_id, name))


class AccountPickerDialog(QDialog):
    """Choose an account (a new quote's customer, say): OK, Enter or a double click."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        parent: QWidget | None = None,
        *,
        owner_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.picker = AccountPicker(ctx, self, owner_id=owner_id)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.picker.picked.connect(lambda _choice: self.ok_button.setEnabled(True))
        self.picker.confirmed.connect(lambda _choice: self.accept())

    def chosen(self) -> AccountChoice | None:
        return self.picker.chosen
