"""Check in and write the call report (planning a visit: ``visits.planning``). All
reads and writes go through ``ctx.tasks``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import (
    ACCOUNT_STATUSES,
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATUSES,
    CONTACT_ROLES,
    QUOTE_STATUSES,
)
from desktop.domain.services import stakeholders, visits
from desktop.domain.services.opportunities import competitor_lines
from desktop.domain.uow import UnitOfWork
from desktop.ui.accounts.model import status_text
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.labels import buying_role_label, complaint_label
from desktop.ui.pipeline.from_record import Prefill, new_opportunity
from desktop.ui.quotes.models import status_label as quote_status
from desktop.ui.rule_text import error_message
from desktop.ui.table_model import ChoiceModel
from desktop.ui.visits.attendees import AttendeePicker
from desktop.ui.visits.models import (
    check_text,
    checkin_text,
    outcome_label,
    status_label,
    target_label,
    type_label,
)


def error_text(error: BaseException) -> str:
    """An error in the user's language (the rule book's codes, the domain's messages)."""
    return error_message(error)


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
        self.checkin_state.setObjectName("checkin-state")
        self.checkin_location = QLineEdit()
        self.checkin_location.setPlaceholderText(
            self.tr("Where (text, or coordinates like 31.2304, 121.4737)")
        )
        self.checkin_button = QPushButton(self.tr("Check in now"))
        self.checkin_button.setObjectName("check-in")
        self.checkin_button.clicked.connect(self.check_in)
        self.outcome = QComboBox()
        self.outcome.setObjectName("report-outcome")
        self.outcome.addItem(self.tr("(choose the outcome)"), None)
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
        self.opportunity_button = QPushButton(self.tr("New opportunity…"))
        self.opportunity_button.setObjectName("report-new-opportunity")
        self.opportunity_button.setToolTip(
            self.tr("An opportunity of this account, filled in from the call report")
        )
        self.opportunity_button.clicked.connect(self.start_opportunity)
        self.message = QLabel()
        self.message.setObjectName("report-message")
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
        self.attendees = AttendeePicker(ctx, visit_id)  # who attended (stakeholder map)
        form.addRow(self.attendees)
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
        top.addWidget(self.opportunity_button)
        top.addWidget(self.briefing_button)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.message)
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
            text += " · " + (self.tr("on time") if row.checkin == "on_time" else self.tr("late"))
            if detail.checkin_location:
                text += f" · {detail.checkin_location}"
            self.checkin_state.setText(text)
        elif row.recorded_after_at is not None:
            self.checkin_state.setText(checkin_text(row, self.ctx.zone))
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
        self.checkin_button.setEnabled(
            editable and row.checked_in_at is None and row.recorded_after_at is None
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(editable)

    @Slot()
    def start_opportunity(self) -> None:
        """The opportunity this visit found: the account, the contact met, the
        competitors mentioned and the next step as typed so far."""
        if self.detail is None:
            return
        row = self.detail.row
        next_step = next(iter(self.next_steps.toPlainText().strip().splitlines()), "")
        values = {
            "name": row.purpose or row.account_name,
            "contact_id": self.detail.contact_ids[0] if self.detail.contact_ids else None,
            "competitors": competitor_lines(self.competitors.text()),
            "next_step": next_step.strip(),
            "source": self.tr("Visit"),
        }
        new_opportunity(
            self.ctx,
            self,
            Prefill(row.account_id, values),
            on_created=lambda _id: self.message.setText(self.tr("Opportunity saved.")),
            on_error=self.error.setText,
        )

    @Slot()
    def check_in(self) -> None:
        location = self.checkin_location.text()

        def checked_in(_: object) -> None:
            self.error.clear()  # a refusal shown before is fixed
            self.reload()

        self.ctx.tasks.write(
            lambda uow: visits.check_in(uow, self.visit_id, location=location),
            checked_in,
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
        if self.outcome.currentData() is None:
            self.error.setText(self.tr("Choose the outcome of the visit."))
            return
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
        attended = self.attendees.chosen()

        def report(uow: UnitOfWork) -> list[str]:
            if attended is not None:
                stakeholders.set_attendees(uow, self.visit_id, *attended)
            return write(uow, self.visit_id, follow_ups=drafts, **args)

        self.ctx.tasks.write(
            report,
            lambda _: self.accept(),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))

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
            "gaps": self.tr("Stakeholder gaps"),
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

    def briefing_gap(self, gap: stakeholders.Gap) -> str:
        """'Missing: Decision maker (not met within 90 days)'."""
        if gap.state == "missing":
            text = self.tr("Missing: %1 (nobody in this role)")
        else:
            text = self.tr("Missing: %1 (not met within %2 days)").replace("%2", str(gap.days))
        return text.replace("%1", buying_role_label(gap.role))

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
                render_html(briefing, labels, check_text, names, self.briefing_gap),
                path,  # type: ignore[arg-type]
                labels["title"],
            )
            self.error.setText(self.tr("Briefing saved to %1").replace("%1", str(path)))
            self.briefing_saved.emit(str(path))

        self.ctx.tasks.read(
            lambda s: collect(s, account_id, visit_id=visit_id, zone=zone), done, self._failed
        )
