"""Plan a visit: the account (the one account picker), contacts, type, purpose, start,
duration. A clash with another visit of the same rep is shown in the dialog and the
user may plan anyway; a day that has passed is recorded as a visit that happened,
only when the user says so."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import (
    VISIT_TYPES,
)
from desktop.domain.services import visits
from desktop.domain.services.accounts import AccountChoice
from desktop.ui.account_picker import AccountPicker
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.table_model import ChoiceModel
from desktop.ui.visits.dialogs import error_text
from desktop.ui.visits.models import type_label


def to_qdatetime(value: dt.datetime, ctx: AppContext) -> QDateTime:
    """The wall-clock time in the user's zone (the editor shows fields, not instants)."""
    local = value.astimezone(ctx.zone)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone(QTimeZone.Initialization.UTC),
    )


def from_qdatetime(value: QDateTime, ctx: AppContext) -> dt.datetime:
    date, time = value.date(), value.time()
    local = dt.datetime(
        date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=ctx.zone
    )
    return local.astimezone(dt.UTC)


class PlanVisitDialog(QDialog):
    """Plan (or re-plan) a visit: account, contacts, type, purpose, start, duration."""

    def __init__(
        self,
        ctx: AppContext,
        start: dt.datetime,
        parent: QWidget | None = None,
        *,
        account_id: str | None = None,
        owner_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Plan a visit"))
        self.owner_id = owner_id if owner_id is not None else ctx.user_id
        self.account_id: str | None = account_id
        self.saved_id: str | None = None
        self._allow_clash = False
        self.after_the_fact = False  # the user chose to record a visit that happened
        self._choose_first = self.tr("Choose an account first.")

        self.picker = AccountPicker(ctx, self)
        self.contacts = ChoiceModel(self)
        self.contacts.checkable = True
        self.contact_list = QListView()
        self.contact_list.setModel(self.contacts)
        self.contact_list.setMaximumHeight(90)
        self.visit_type = QComboBox()
        for name in VISIT_TYPES:
            self.visit_type.addItem(type_label(name), name)
        self.purpose = QLineEdit()
        self.start = QDateTimeEdit()
        self.start.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        self.start.setDateTime(to_qdatetime(start, ctx))
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Defaults to the account's address"))
        self.warning = QLabel()
        self.warning.setObjectName("clash-warning")
        self.warning.setWordWrap(True)
        show_as_error(self.warning)
        self.warning.hide()

        form = QFormLayout()
        form.addRow(self.tr("Account"), self.picker)
        form.addRow(self.tr("Contacts"), self.contact_list)
        form.addRow(self.tr("Type"), self.visit_type)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("Duration"), self.minutes)
        form.addRow(self.tr("Location"), self.location)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)

        self.picker.picked.connect(self._picked)
        self.start.dateTimeChanged.connect(self._start_changed)
        if account_id is not None:
            self._load_account(account_id)

    @Slot(object)
    def _picked(self, choice: AccountChoice) -> None:
        self._load_account(choice.id)
        if self.warning.text() == self._choose_first:
            self.warning.hide()

    @Slot()
    def _start_changed(self) -> None:
        if self.after_the_fact:  # another date: ask again if it has passed too
            self.after_the_fact = False
            self.warning.hide()
            self.save_button.setText(self.tr("Save"))

    def choose_account(self, account_id: str, name: str) -> None:
        self.picker.preset(account_id, name)

    def _load_account(self, account_id: str) -> None:
        self.account_id = account_id
        self._allow_clash = False

        def loaded(people: list[visits.Choice]) -> None:
            self.contacts.set_choices(people)
            self.contacts.checked = {c.id for c in people if c.primary}

        self.ctx.tasks.read(
            lambda s: visits.account_contacts(s, account_id),
            loaded,
            key=f"visit-contacts-{id(self)}",
        )

    def values(self) -> dict[str, object]:
        return {
            "account_id": self.account_id,
            "owner_id": self.owner_id,
            "planned_start": from_qdatetime(self.start.dateTime(), self.ctx),
            "planned_minutes": self.minutes.value(),
            "visit_type": self.visit_type.currentData(),
            "purpose": self.purpose.text(),
            "contact_ids": [c.id for c in self.contacts.choices if c.id in self.contacts.checked],
            "location": self.location.text() or None,
        }

    @Slot()
    def save(self) -> None:
        if self.account_id is None:
            self._warn(self._choose_first)
            return
        values = self.values()
        allow, late = self._allow_clash, self.after_the_fact
        self.save_button.setEnabled(False)
        self.ctx.tasks.write(
            lambda uow: visits.plan_visit(uow, allow_clash=allow, after_the_fact=late, **values),  # type: ignore[arg-type]
            self._saved,
            self._failed,
        )

    def _saved(self, visit_id: str) -> None:
        self.saved_id = visit_id
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, visits.VisitClashError):
            names = ", ".join(
                f"{c.account_name} {c.start.astimezone(self.ctx.zone):%H:%M}" for c in error.clashes
            )
            self._warn(
                self.tr(
                    "This rep already has a visit then: %1. Save again to plan it anyway."
                ).replace("%1", names)
            )
            self._allow_clash = True
            self.save_button.setText(self.tr("Plan anyway"))
        elif isinstance(error, visits.VisitInPastError):
            self._warn(
                self.tr(
                    "%1 has passed: a visit cannot be planned for it. Save again to record "
                    "it as a visit that already happened (recorded later, on its real date); "
                    "then write its call report."
                ).replace("%1", error.day.isoformat())
            )
            self.after_the_fact = True
            self.save_button.setText(self.tr("Record as done"))
        else:
            self._warn(error_text(error))

    def _warn(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.show()
