"""Who attended a visit: the account's contacts and colleagues, ticked in two short
lists. The call report dialog holds one; ``chosen()`` is written with the report
(``stakeholders.set_attendees`` in the same unit of work), so "last met" on the
stakeholder map follows the report.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from desktop.domain.services import stakeholders
from desktop.domain.services.stakeholders import AttendeeChoices
from desktop.ui.context import AppContext
from desktop.ui.table_model import ChoiceModel


def ticks() -> ChoiceModel:
    model = ChoiceModel()
    model.checkable = True
    return model


def ticked(model: ChoiceModel) -> list[str]:
    """The ids ticked, in the list's order."""
    return [c.id for c in model.choices if c.id in model.checked]


class AttendeePicker(QGroupBox):
    def __init__(self, ctx: AppContext, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who attended"))
        self.loaded = False
        self.contacts = ticks()
        self.colleagues = ticks()
        self.contacts.setParent(self)
        self.colleagues.setParent(self)
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
        self.contacts.set_choices(choices.contacts)
        self.contacts.checked = set(choices.chosen.contact_ids)
        self.colleagues.set_choices(choices.colleagues)
        self.colleagues.checked = set(choices.chosen.user_ids)
        self.loaded = True

    def chosen(self) -> tuple[list[str], list[str]] | None:
        """(contact ids, user ids) ticked; None before the lists arrived (nothing to
        write: the attendees stay as saved)."""
        if not self.loaded:
            return None
        return ticked(self.contacts), ticked(self.colleagues)
