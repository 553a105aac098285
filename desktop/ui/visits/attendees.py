"""Who attended a visit: the account's contacts and colleagues, ticked in two short
lists. The call report dialog holds one; ``chosen()`` is written with the report
(``stakeholders.set_attendees`` in the same unit of work), so "last met" on the
stakeholder map follows the report.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from desktop.domain.services import stakeholders
from desktop.domain.services.stakeholders import AttendeeChoices
from desktop.ui.context import AppContext

Index = QModelIndex | QPersistentModelIndex


class CheckList(QAbstractListModel):
    """A short list of (id, text) with a tick box each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, str]] = []
        self.checked: set[str] = set()

    def set_items(self, items: list[tuple[str, str]], checked: set[str]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.checked = {i for i in checked if i in {row_id for row_id, _ in items}}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row_id, text = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row_id in self.checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        row_id = self.items[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(row_id)
        else:
            self.checked.discard(row_id)
        self.dataChanged.emit(index, index, [role])
        return True

    def chosen(self) -> list[str]:
        return [row_id for row_id, _ in self.items if row_id in self.checked]


class AttendeePicker(QGroupBox):
    def __init__(self, ctx: AppContext, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who attended"))
        self.loaded = False
        self.contacts = CheckList(self)
        self.colleagues = CheckList(self)
        self.contact_list = QListView()
        self.contact_list.setObjectName("attendee-contacts")
        self.contact_list.setModel(self.contacts)
        self.colleague_list = QListView()
        self.colleague_list.setObjectName("attendee-colleagues")
        self.colleague_list.setModel(self.colleagues)
        row = QHBoxLayout(self)
        for title, view in (
            (self.tr("Their side"), self.contact_list),
            (self.tr("Our side"), self.colleague_list),
        ):
            view.setMaximumHeight(86)
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(view)
            row.addLayout(column, 1)
        ctx.tasks.read(lambda s: stakeholders.attendee_choices(s, visit_id), self._show)

    def _show(self, choices: AttendeeChoices) -> None:
        self.contacts.set_items(choices.contacts, set(choices.chosen.contact_ids))
        self.colleagues.set_items(choices.colleagues, set(choices.chosen.user_ids))
        self.loaded = True

    def chosen(self) -> tuple[list[str], list[str]] | None:
        """(contact ids, user ids) ticked; None before the lists arrived (nothing to
        write: the attendees stay as saved)."""
        if not self.loaded:
            return None
        return self.contacts.chosen(), self.colleagues.chosen()
