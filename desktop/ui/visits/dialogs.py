"""Plan a visit; check in and write the call report. All reads and writes go through
``ctx.tasks``; a clash with another visit of the same rep is shown in the dialog and
the user may plan anyway."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.models import (
    ACCOUNT_STATUSES,
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATUSES,
    CONTACT_ROLES,
    QUOTE_STATUSES,
    VISIT_TYPES,
)
from desktop.domain.services import visits
from desktop.domain.services.accounts import AccountChoice
from desktop.ui.account_picker import AccountPicker
from desktop.ui.accounts.model import status_text
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.labels import complaint_label
from desktop.ui.quotes.models import status_label as quote_status
from desktop.ui.table_model import ChoiceModel
from desktop.ui.visits.models import (
    check_text,
    outcome_label,
    status_label,
    target_label,
    type_label,
)


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


def error_text(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.errors.values())
    return str(error) or type(error).__name__


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
        if account_id is not None:
            self._load_account(account_id)

    @Slot(object)
    def _picked(self, choice: AccountChoice) -> None:
        self._load_account(choice.id)
        if self.warning.text() == self._choose_first:
            self.warning.hide()

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
        allow = self._allow_clash
        self.save_button.setEnabled(False)
        self.ctx.tasks.write(
            lambda uow: visits.plan_visit(uow, allow_clash=allow, **values),  # type: ignore[arg-type]
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
        else:
            self._warn(error_text(error))

    def _warn(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.show()


class ReportDialog(QDialog):
    """Check in and write the call report (outcome, notes, next steps, competitors,
    follow-ups with due dates and owners). Saving the report makes the visit done.
    The pre-visit briefing PDF is one click away."""

    briefing_saved = Signal(str)

    def __init__(self, ctx: AppContext, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        self.detail: visits.VisitDetail | None = None
        self.drafts: list[visits.FollowUpDraft] = []
        self.setWindowTitle(self.tr("Visit"))

        self.header = QLabel()
        self.header.setObjectName("visit-header")
        self.header.setWordWrap(True)
        self.checkin_state = QLabel()
        self.checkin_location = QLineEdit()
        self.checkin_location.setPlaceholderText(
            self.tr("Where (text, or coordinates like 31.2304, 121.4737)")
        )
        self.checkin_button = QPushButton(self.tr("Check in now"))
        self.checkin_button.clicked.connect(self.check_in)
        self.outcome = QComboBox()
        for key in visits.OUTCOMES:
            self.outcome.addItem(outcome_label(key), key)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("report-notes")
        self.notes.setPlaceholderText(self.tr("What happened, what the client said"))
        self.next_steps = QPlainTextEdit()
        self.next_steps.setMaximumHeight(60)
        self.competitors = QLineEdit()
        self.followup_title = QLineEdit()
        self.followup_title.setPlaceholderText(self.tr("Follow-up"))
        self.followup_due = QDateEdit(QDate.currentDate().addDays(7))
        self.followup_due.setCalendarPopup(True)
        self.followup_due.setDisplayFormat("yyyy-MM-dd")
        self.followup_owner = QComboBox()
        self.add_followup_button = QPushButton(self.tr("Add"))
        self.add_followup_button.clicked.connect(self.add_follow_up)
        self.followups = ChoiceModel(self)
        self.followup_list = QListView()
        self.followup_list.setModel(self.followups)
        self.followup_list.setMaximumHeight(90)
        self.briefing_button = QPushButton(self.tr("Pre-visit briefing (PDF)…"))
        self.briefing_button.clicked.connect(self.export_briefing)
        self.error = QLabel()
        show_as_error(self.error)
        self.error.setWordWrap(True)

        checkin_row = QHBoxLayout()
        checkin_row.addWidget(self.checkin_location, 1)
        checkin_row.addWidget(self.checkin_button)
        followup_row = QHBoxLayout()
        followup_row.addWidget(self.followup_title, 2)
        followup_row.addWidget(self.followup_due)
        followup_row.addWidget(self.followup_owner, 1)
        followup_row.addWidget(self.add_followup_button)
        form = QFormLayout()
        form.addRow(self.tr("Check-in"), self.checkin_state)
        form.addRow("", checkin_row)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Next steps"), self.next_steps)
        form.addRow(self.tr("Competitors mentioned"), self.competitors)
        form.addRow(self.tr("Follow-ups"), followup_row)
        form.addRow("", self.followup_list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Save call report")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.briefing_button)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(620, 620)
        self.reload()
        ctx.tasks.read(visits.people, self._set_people)

    def reload(self) -> None:
        self.ctx.tasks.read(lambda s: visits.get_visit(s, self.visit_id), self._show)

    def _set_people(self, people: list[visits.Choice]) -> None:
        self.followup_owner.clear()
        for person in people:
            self.followup_owner.addItem(person.name, person.id)
        mine = self.followup_owner.findData(self.ctx.user_id)
        if mine >= 0:
            self.followup_owner.setCurrentIndex(mine)

    def _show(self, detail: visits.VisitDetail) -> None:
        self.detail = detail
        row = detail.row
        local = row.start.astimezone(self.ctx.zone)
        self.header.setText(
            f"<b>{row.account_name}</b><br>{local:%Y-%m-%d %H:%M} · "
            f"{type_label(row.visit_type)} · {status_label(row.status)}"
            + (f"<br>{row.purpose}" if row.purpose else "")
        )
        if row.checked_in_at is not None:
            text = self.tr("Checked in at %1").replace(
                "%1", f"{row.checked_in_at.astimezone(self.ctx.zone):%Y-%m-%d %H:%M}"
            )
            if detail.checkin_location:
                text += f" · {detail.checkin_location}"
            self.checkin_state.setText(text)
        else:
            self.checkin_state.setText(self.tr("Not checked in"))
        if detail.outcome:
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(detail.outcome)))
        if detail.report and not self.notes.toPlainText():
            self.notes.setPlainText(detail.report)
            self.next_steps.setPlainText(detail.next_steps)
            self.competitors.setText(detail.competitors)
        self.followups.set_choices(
            [
                visits.Choice(t.id, t.title, f"{t.due_date or ''} {t.owner_name}".strip())
                for t in detail.follow_ups
            ]
            + [
                visits.Choice(f"new-{i}", d.title, f"{d.due_date or ''}")
                for i, d in enumerate(self.drafts)
            ]
        )
        editable = row.status != "cancelled"
        self.checkin_button.setEnabled(editable)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(editable)

    @Slot()
    def check_in(self) -> None:
        location = self.checkin_location.text()
        self.ctx.tasks.write(
            lambda uow: visits.check_in(uow, self.visit_id, location=location),
            lambda _: self.reload(),
            self._failed,
        )

    @Slot()
    def add_follow_up(self) -> None:
        title = self.followup_title.text().strip()
        if not title:
            return
        due = self.followup_due.date()
        self.drafts.append(
            visits.FollowUpDraft(
                title,
                dt.date(due.year(), due.month(), due.day()),
                self.followup_owner.currentData(),
            )
        )
        self.followup_title.clear()
        if self.detail is not None:
            self._show(self.detail)

    @Slot()
    def save(self) -> None:
        if self.followup_title.text().strip():
            self.add_follow_up()
        if not self.notes.toPlainText().strip():
            self.error.setText(self.tr("Write what happened before saving the report."))
            return
        drafts = list(self.drafts)
        args: dict[str, object] = {
            "outcome": self.outcome.currentData(),
            "notes": self.notes.toPlainText(),
            "next_steps": self.next_steps.toPlainText(),
            "competitors": self.competitors.text(),
        }
        write: Callable[..., list[str]] = visits.write_report
        self.ctx.tasks.write(
            lambda uow: write(uow, self.visit_id, follow_ups=drafts, **args),
            lambda _: self.accept(),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error) if isinstance(error, DomainError) else str(error))

    # -- pre-visit briefing -----------------------------------------------------------
    def briefing_labels(self) -> dict[str, str]:
        return {
            "title": self.tr("Pre-visit briefing"),
            "visit": self.tr("Visit"),
            "profile": self.tr("Profile"),
            "tier": self.tr("Tier"),
            "status": self.tr("Status"),
            "industry": self.tr("Industry"),
            "address": self.tr("Address"),
            "owner": self.tr("Owner"),
            "phone": self.tr("Phone"),
            "contacts": self.tr("Key contacts"),
            "reports": self.tr("Last call reports"),
            "quotes": self.tr("Open quotes"),
            "complaints": self.tr("Open complaints"),
            "missing": self.tr("Missing file items"),
            "none": self.tr("None"),
            "valid_until": self.tr("valid until"),
            "printed": self.tr("Printed"),
            "next_steps": self.tr("Next steps"),
            "competitors": self.tr("Competitors"),
        }

    def briefing_names(self) -> dict[str, str]:
        """Stored codes the briefing prints (statuses, roles, outcomes, severities)."""
        return {
            **{o: outcome_label(o) for o in visits.OUTCOMES},
            **{r: target_label(r) for r in CONTACT_ROLES},
            **{s: status_text(s) for s in ACCOUNT_STATUSES},
            **{s: quote_status(s) for s in QUOTE_STATUSES},
            **{c: complaint_label(c) for c in (*COMPLAINT_SEVERITIES, *COMPLAINT_STATUSES)},
        }

    @Slot()
    def export_briefing(self) -> None:
        if self.detail is None:
            return
        name = f"{self.detail.row.account_name}-briefing.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save briefing"), name, self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_briefing(Path(path))

    def save_briefing(self, path: Path) -> None:
        """Read the facts in the background, print the one page here (Qt painting)."""
        from desktop.reports.briefing import collect, render_html
        from desktop.ui.pdf import render_pdf

        if self.detail is None:
            return
        account_id, visit_id, zone = self.detail.row.account_id, self.visit_id, self.ctx.zone
        labels, names = self.briefing_labels(), self.briefing_names()

        def done(briefing: object) -> None:
            render_pdf(
                render_html(briefing, labels, check_text, names),
                path,  # type: ignore[arg-type]
                labels["title"],
            )
            self.error.setText(self.tr("Briefing saved to %1").replace("%1", str(path)))
            self.briefing_saved.emit(str(path))

        self.ctx.tasks.read(
            lambda s: collect(s, account_id, visit_id=visit_id, zone=zone), done, self._failed
        )
