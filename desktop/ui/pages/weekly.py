"""The weekly report (周报) tab of the Visits page.

The week (the Visits page's week) is compiled on the left: visits and call reports,
follow-ups, quotes and orders, next week's visits. On the right the rep writes the
summary and next week's plan, saves a draft and submits; a submitted report is locked.
A manager picks a team member's report from the team list and comments on it. Either
can export the report to Excel or PDF.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import visits, weekly
from desktop.ui.context import AppContext
from desktop.ui.table_model import ROW_ID_ROLE, TableModel, setup_table
from desktop.ui.visits.dialogs import error_text
from desktop.ui.visits.models import outcome_label, status_label, type_label

WATCHED = {"weekly_report", "visit", "task", "quote", "sales_order"}


class TeamReportsModel(TableModel[weekly.ReportRow]):
    """The week's reports of the manager's team (as synced to this computer)."""

    REP, STATUS, SUBMITTED, COMMENT = range(4)

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def headers(self) -> list[str]:
        return [self.tr("Rep"), self.tr("Status"), self.tr("Submitted"), self.tr("Comment")]

    def row_id(self, row: weekly.ReportRow) -> str | None:
        return row.owner_id

    def display(self, row: weekly.ReportRow, column: int) -> Any:
        submitted = (
            f"{row.submitted_at.astimezone(self.ctx.zone):%Y-%m-%d %H:%M}"
            if row.submitted_at
            else ""
        )
        return [
            row.owner_name,
            report_status_label(row.status),
            submitted,
            row.manager_comment.replace("\n", " "),
        ][column]


def report_status_label(status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("WeeklyReportTab", "Draft"),
        "submitted": QCoreApplication.translate("WeeklyReportTab", "Submitted"),
        "commented": QCoreApplication.translate("WeeklyReportTab", "Commented"),
    }
    return labels.get(status, status)


class WeeklyReportTab(QWidget):
    saved = Signal(str)  # a file the user exported

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.week_start = weekly.week_start(dt.datetime.now(ctx.zone).date())
        self.owner_id: str | None = ctx.user_id
        self.view: weekly.WeeklyView | None = None
        self._shown_key: tuple[str | None, dt.date] | None = None

        self.title = QLabel()
        self.title.setObjectName("weekly-title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.status_label = QLabel()
        self.status_label.setObjectName("weekly-status")
        self.mine_button = QPushButton(self.tr("My report"))
        self.mine_button.setVisible(ctx.is_manager)
        self.preview = QTextBrowser()
        self.preview.setObjectName("weekly-preview")
        self.preview.setOpenLinks(False)

        self.summary = QPlainTextEdit()
        self.summary.setObjectName("weekly-summary")
        self.summary.setPlaceholderText(self.tr("What happened this week, what you achieved"))
        self.plan = QPlainTextEdit()
        self.plan.setObjectName("weekly-plan")
        self.plan.setPlaceholderText(self.tr("Who you will see and what you will push next week"))
        self.save_button = QPushButton(self.tr("Save draft"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setObjectName("weekly-submit")
        self.message = QLabel()
        self.message.setObjectName("weekly-message")
        self.message.setWordWrap(True)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("weekly-comment")
        self.comment.setMaximumHeight(90)
        self.comment_button = QPushButton(self.tr("Save comment"))
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        self.pdf_button = QPushButton(self.tr("Export to PDF…"))

        self.team = TeamReportsModel(ctx, self)
        self.team_view = setup_table(
            QTableView(), self.team, "team-reports", single=True, stretch_last=True
        )
        self.team_label = QLabel(self.tr("Team reports this week"))
        self.team_view.setVisible(ctx.is_manager)
        self.team_label.setVisible(ctx.is_manager)

        form = QFormLayout()
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Next week's plan"), self.plan)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.message)
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment, 1)
        comment_row.addWidget(self.comment_button, 0, Qt.AlignmentFlag.AlignTop)
        self.comment_label = QLabel(self.tr("Manager's comment"))
        form.addRow(self.comment_label, comment_row)
        exports = QHBoxLayout()
        exports.addWidget(self.excel_button)
        exports.addWidget(self.pdf_button)
        exports.addStretch(1)
        form.addRow("", exports)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.team_label)
        right_layout.addWidget(self.team_view, 1)
        if not ctx.is_manager:
            right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.preview)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status_label)
        top.addWidget(self.mine_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.comment_button.clicked.connect(self.save_comment)
        self.excel_button.clicked.connect(self.export_excel)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.mine_button.clicked.connect(lambda: self.show_owner(ctx.user_id))
        self.team_view.clicked.connect(self._open_team_row)
        ctx.tasks.changed.connect(self._on_data_changed)
        self._update_controls()

    # -- words --------------------------------------------------------------------------
    def labels(self) -> dict[str, str]:
        return {
            "title": self.tr("Weekly report"),
            "rep": self.tr("Rep"),
            "week": self.tr("Week"),
            "status": self.tr("Status"),
            "submitted": self.tr("Submitted on"),
            "summary": self.tr("Summary"),
            "plan": self.tr("Next week's plan"),
            "comment": self.tr("Manager's comment"),
            "figures": self.tr("The week in figures"),
            "done": self.tr("Visits done"),
            "planned": self.tr("Visits still planned"),
            "cancelled": self.tr("Visits cancelled"),
            "completed": self.tr("Follow-ups completed"),
            "open": self.tr("Follow-ups open"),
            "overdue": self.tr("Follow-ups overdue"),
            "quotes": self.tr("Quotes issued"),
            "orders": self.tr("Orders won"),
            "reports": self.tr("Call reports"),
            "follow_ups": self.tr("Follow-ups"),
            "next_week": self.tr("Visits planned next week"),
            "none": self.tr("None"),
            "item": self.tr("Item"),
            "value": self.tr("Value"),
            "day": self.tr("Day"),
            "time": self.tr("Time"),
            "account": self.tr("Account"),
            "type": self.tr("Type"),
            "purpose": self.tr("Purpose"),
            "outcome": self.tr("Outcome"),
            "notes": self.tr("Notes"),
            "due": self.tr("Due"),
            "number": self.tr("Number"),
            "amount": self.tr("Amount"),
            "visits": self.tr("Visits"),
            "draft": report_status_label("draft"),
            "submitted_status": report_status_label("submitted"),
            "commented": report_status_label("commented"),
            # visit and follow-up statuses
            **{
                f"{s}_status": status_label(s)
                for s in ("planned", "done", "cancelled", "open", "overdue")
            },
            "completed_status": self.tr("Completed"),
        }

    def names(self) -> dict[str, str]:
        """Visit types and call-report outcomes, as the reader says them."""
        return {
            **{t: type_label(t) for t in ("onsite", "phone", "video")},
            **{o: outcome_label(o) for o in visits.OUTCOMES},
        }

    # -- loading ------------------------------------------------------------------------
    def set_week(self, monday: dt.date) -> None:
        monday = weekly.week_start(monday)
        if monday != self.week_start or self.view is None:
            self.week_start = monday
            self.reload()

    def show_owner(self, owner_id: str | None) -> None:
        self.owner_id = owner_id
        self.reload()

    def _on_data_changed(self, entities: set[str]) -> None:
        if entities & WATCHED:
            self.reload()

    @Slot()
    def reload(self) -> None:
        owner, monday, zone = self.owner_id, self.week_start, self.ctx.zone
        if owner is None:
            return
        team, me = self.ctx.is_manager, self.ctx.user_id

        def load(session):  # type: ignore[no-untyped-def]
            today = dt.datetime.now(zone).date()
            view = weekly.week_view(session, owner, monday, zone, today)
            reports = weekly.list_reports(session, monday=monday) if team else []
            return view, [r for r in reports if r.owner_id != me]

        self.ctx.tasks.read(load, self._show, key=f"weekly-{id(self)}")

    def _show(self, loaded: tuple[weekly.WeeklyView, list[weekly.ReportRow]]) -> None:
        from desktop.reports.weekly_report import render_html, week_text

        view, team = loaded
        self.view = view
        key = (view.owner_id, view.facts.week_start)
        report = view.report
        keep_typing = (
            key == self._shown_key
            and not view.locked
            and (self.summary.document().isModified() or self.plan.document().isModified())
        )
        if not keep_typing:
            self.summary.setPlainText(report.summary if report else "")
            self.plan.setPlainText(report.next_week_plan if report else "")
            self.comment.setPlainText(report.manager_comment if report else "")
        self._shown_key = key
        self.title.setText(
            self.tr("Weekly report of %1, week %2")
            .replace("%1", view.owner_name)
            .replace("%2", week_text(view))
        )
        status = report_status_label(view.status)
        if view.locked:
            status = self.tr("%1 – locked").replace("%1", status)
        self.status_label.setText(status)
        self.preview.setHtml(render_html(view, self.labels(), self.ctx.zone, self.names()))
        self.team.set_rows(team)
        self.team_view.resizeColumnsToContents()
        self._update_controls()

    def _is_mine(self) -> bool:
        return self.view is not None and self.view.owner_id == self.ctx.user_id

    def _update_controls(self) -> None:
        view = self.view
        editable = view is not None and self._is_mine() and not view.locked
        for editor in (self.summary, self.plan):
            editor.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(editable)
        self.save_button.setVisible(view is None or self._is_mine())
        self.submit_button.setVisible(view is None or self._is_mine())
        can_comment = (
            view is not None and self.ctx.is_manager and not self._is_mine() and view.locked
        )
        self.comment.setReadOnly(not can_comment)
        self.comment_button.setVisible(self.ctx.is_manager and not self._is_mine())
        self.comment_button.setEnabled(can_comment)
        has_comment = bool(view is not None and view.report and view.report.manager_comment)
        self.comment.setVisible(can_comment or has_comment)
        self.comment_label.setVisible(can_comment or has_comment)
        self.excel_button.setEnabled(view is not None)
        self.pdf_button.setEnabled(view is not None)

    @Slot(QModelIndex)
    def _open_team_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.show_owner(str(index.data(ROW_ID_ROLE)))

    # -- writing ------------------------------------------------------------------------
    def _write(self, then_submit: bool) -> None:
        owner, monday = self.ctx.user_id, self.week_start
        summary, plan = self.summary.toPlainText(), self.plan.toPlainText()
        if owner is None:
            return

        def work(uow):  # type: ignore[no-untyped-def]
            report_id = weekly.save_draft(uow, owner, monday, summary=summary, next_week_plan=plan)
            if then_submit:
                weekly.submit(uow, report_id)
            return report_id

        def done(_: object) -> None:
            self.summary.document().setModified(False)
            self.plan.document().setModified(False)
            self.message.setText(
                self.tr("Submitted. Your manager sees it after the next sync.")
                if then_submit
                else self.tr("Draft saved.")
            )

        self.ctx.tasks.write(work, done, self._failed)

    @Slot()
    def save_draft(self) -> None:
        self._write(then_submit=False)

    @Slot()
    def submit(self) -> None:
        if not self.summary.toPlainText().strip():
            self.message.setText(self.tr("Write a summary before submitting."))
            self.summary.setFocus()
            return
        self._write(then_submit=True)

    @Slot()
    def save_comment(self) -> None:
        view = self.view
        if view is None or view.report is None:
            return
        report_id, text = view.report.id, self.comment.toPlainText()
        self.ctx.tasks.write(
            lambda uow: weekly.comment(uow, report_id, text),
            lambda _: self.message.setText(self.tr("Comment saved.")),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    # -- exports ------------------------------------------------------------------------
    def _file_name(self, suffix: str) -> str:
        name = self.view.owner_name if self.view is not None else ""
        return f"{self.tr('Weekly report')}-{name}-{self.week_start.isoformat()}.{suffix}"

    @Slot()
    def export_excel(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), self._file_name("xlsx"), self.tr("Excel (*.xlsx)")
        )
        if path:
            self.save_excel(Path(path))

    def save_excel(self, path: Path) -> None:
        """Write the workbook in the background; says where when it is done."""
        from desktop.reports.weekly_report import write_xlsx

        view = self.view
        if view is None:
            return
        labels, zone, names = self.labels(), self.ctx.zone, self.names()
        self.ctx.tasks.run(
            lambda job: write_xlsx(view, path, labels, zone, names),
            lambda written: self._exported(str(written)),
            self._failed,
            key=f"weekly-xlsx-{id(self)}",
        )

    @Slot()
    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to PDF"), self._file_name("pdf"), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Print the report (Qt painting, so on this thread: one or two pages)."""
        from desktop.reports.weekly_report import render_html
        from desktop.ui.pdf import render_pdf

        view = self.view
        if view is None:
            return
        try:
            render_pdf(
                render_html(view, self.labels(), self.ctx.zone, self.names()),
                path,
                self.tr("Weekly report"),
            )
        except OSError as exc:
            self._failed(exc)
            return
        self._exported(str(path))

    def _exported(self, path: str) -> None:
        self.message.setText(self.tr("Saved to %1").replace("%1", path))
        self.saved.emit(path)
