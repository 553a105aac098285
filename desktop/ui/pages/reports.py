"""The Reports page: the dashboard, the meeting pack and list exports, and imports.

Everything that touches the database or a file runs through ``ctx.tasks``: the
dashboard as a keyed read (the newest filter wins), exports as cancellable jobs with
a progress bar, the import preview as a job and its commit as one write.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.money import format_money
from desktop.domain.services import dashboard, targets
from desktop.domain.services.team import team_choices
from desktop.reports import exports
from desktop.reports.meeting_pack import build_meeting_pack
from desktop.reports.xlsx import ExportCancelled
from desktop.ui.charts import BarChart
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import show_as_error
from desktop.ui.i18n import interface_language
from desktop.ui.labels import complaint_label, stage_label
from desktop.ui.pages.base import Page, heading
from desktop.ui.reports.import_tab import ImportTab
from desktop.ui.reports.models import Kind, RowsModel, attainment_colour
from desktop.ui.table_model import setup_table
from desktop.ui.tasks import Cancelled, Job


def current_quarter(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def _teams_and_reps(session: Session) -> tuple[list[tuple[str, str]], list[dict[str, str]]]:
    return team_choices(session), targets.owners_in_scope(session)


class ReportsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Reports")))
        self.tabs = QTabWidget()
        self.dashboard = DashboardTab(ctx, self)
        self.exports = ExportsTab(ctx, self)
        self.importer = ImportTab(ctx, self)
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.exports, self.tr("Meeting pack and exports"))
        self.tabs.addTab(self.importer, self.tr("Import"))
        layout.addWidget(self.tabs, 1)
        self._loaded = False

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.ctx.tasks.read(_teams_and_reps, self._on_people)
        self.dashboard.refresh()

    def _on_people(self, result: tuple[list[tuple[str, str]], list[dict[str, str]]]) -> None:
        teams, reps = result
        self.dashboard.set_people(teams, reps)
        self.exports.set_teams(teams)

    def on_data_changed(self, entities: set[str]) -> None:
        if (
            entities
            & {
                "quote",
                "sales_order",
                "opportunity",
                "sales_target",
                "visit",
                "complaint",
                "account",
            }
            and self.isVisible()
        ):
            self.dashboard.refresh()


def _team_combo(combo: QComboBox, teams: list[tuple[str, str]], everyone: str) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everyone, None)
    for tid, name in teams:
        combo.addItem(name, tid)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class DashboardTab(QWidget):
    """Target vs actual, pipeline, coverage, quotes, complaints: for a period, team, rep."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reps: list[dict[str, str]] = []
        self.data: dashboard.Dashboard | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.period = QLineEdit(current_quarter())
        self.period.setObjectName("dashboard-period")
        self.period.setPlaceholderText("2026-Q3")
        self.period.setMaximumWidth(110)
        self.team = QComboBox()
        self.team.addItem(self.tr("All teams"), None)
        self.rep = QComboBox()
        self.rep.addItem(self.tr("All reps"), None)
        filters.addWidget(QLabel(self.tr("Period")))
        filters.addWidget(self.period)
        filters.addWidget(QLabel(self.tr("Team")))
        filters.addWidget(self.team)
        filters.addWidget(QLabel(self.tr("Rep")))
        filters.addWidget(self.rep)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.figures = QLabel()
        self.figures.setObjectName("dashboard-figures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.figures)
        self.error = QLabel()
        show_as_error(self.error)
        layout.addWidget(self.error)
        grid = QGridLayout()
        self.by_month = BarChart(self.tr("Target vs actual by month"))
        self.pipeline = BarChart(self.tr("Pipeline by stage"))
        self.coverage = BarChart(self.tr("Visit coverage by tier (%)"))
        self.complaints = BarChart(self.tr("Open complaints by category and age"))
        for i, chart in enumerate((self.by_month, self.pipeline, self.coverage, self.complaints)):
            grid.addWidget(chart, i // 2, i % 2)
        layout.addLayout(grid, 3)
        self.model = RowsModel(
            [
                (self.tr("Rep"), Kind.TEXT),
                (self.tr("Target"), Kind.MONEY),
                (self.tr("Actual"), Kind.MONEY),
                (self.tr("Attainment"), Kind.PERCENT),
                (self.tr("Weighted pipeline"), Kind.MONEY),
                (self.tr("Forecast"), Kind.MONEY),
                (self.tr("Forecast attainment"), Kind.PERCENT),
            ],
            ctx.zone,
            self,
        )
        self.model.colour = lambda values, column: (
            attainment_colour(values[column]) if column in (3, 6) else None
        )
        self.table = setup_table(
            QTableView(), self.model, select_rows=False, fit=QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self.table, 2)
        self.export = ListExport(self.table, ctx, lambda: self.tr("Dashboard"), scope=self)
        filters.addWidget(self.export.button)
        self.period.editingFinished.connect(self.refresh)
        self.team.currentIndexChanged.connect(self._on_team)
        self.rep.currentIndexChanged.connect(self.refresh)

    def set_people(self, teams: list[tuple[str, str]], reps: list[dict[str, str]]) -> None:
        self.reps = reps
        _team_combo(self.team, teams, self.tr("All teams"))
        self._fill_reps()

    def _fill_reps(self) -> None:
        team = self.team.currentData()
        self.rep.blockSignals(True)
        self.rep.clear()
        self.rep.addItem(self.tr("All reps"), None)
        for rep in self.reps:
            if team is None or rep["team_id"] == team:
                self.rep.addItem(rep["name"], rep["id"])
        self.rep.blockSignals(False)

    def _on_team(self) -> None:
        self._fill_reps()
        self.refresh()

    def refresh(self) -> None:
        filters = dashboard.Filters(
            self.period.text().strip(),
            team_id=self.team.currentData(),
            rep_id=self.rep.currentData(),
        )
        self.ctx.tasks.read(
            lambda s: dashboard.build(s, filters), self._show, self._on_error, key="dashboard"
        )

    def _on_error(self, error: BaseException) -> None:
        self.error.setText(str(error))

    def _show(self, data: dashboard.Dashboard) -> None:
        self.data = data
        self.error.clear()
        t = data.totals
        pct = targets.attainment(t["actual"], t["target"])
        conv = data.quotes.conversion_pct
        self.figures.setText(
            self.tr(
                "<b>Target</b> {0} &nbsp; <b>Actual</b> {1} ({2}) &nbsp; "
                "<b>Forecast</b> {3} &nbsp; <b>Quote conversion</b> {4} &nbsp; "
                "<b>Open complaints</b> {5} ({6} past SLA)"
            ).format(
                format_money(t["target"]),
                format_money(t["actual"]),
                "—" if pct is None else f"{pct}%",
                format_money(t["forecast"]),
                "—" if conv is None else f"{conv}%",
                data.complaints_open,
                data.complaints_breached,
            )
        )
        self.by_month.set_data(
            [f.month[5:] for f in data.by_month],
            [
                (self.tr("Target"), [f.target for f in data.by_month]),
                (self.tr("Actual"), [f.actual for f in data.by_month]),
            ],
        )
        self.pipeline.set_data(
            [stage_label(f.stage) for f in data.pipeline],
            [
                (self.tr("Amount"), [f.amount for f in data.pipeline]),
                (self.tr("Weighted"), [f.weighted for f in data.pipeline]),
            ],
        )
        self.coverage.set_data(
            [c.tier for c in data.coverage],
            [(self.tr("Coverage"), [c.coverage_pct for c in data.coverage])],
        )
        categories = list(data.complaints)
        buckets = list(next(iter(data.complaints.values()), {}))
        self.complaints.set_data(
            [complaint_label(c) for c in categories],
            [(bucket, [data.complaints[c][bucket] for c in categories]) for bucket in buckets],
            stacked=True,
        )
        self.model.set_rows(
            [
                (
                    a.owner_id,
                    [
                        a.owner_name,
                        a.target,
                        a.actual,
                        a.attainment_pct,
                        a.pipeline_weighted,
                        a.forecast,
                        a.forecast_pct,
                    ],
                )
                for a in data.scoreboard
            ]
        )


class ExportsTab(QWidget):
    """The meeting pack and the account list, written on a worker with progress and cancel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.last_path: Path | None = None
        layout = QVBoxLayout(self)
        pack = QGroupBox(self.tr("Meeting pack"))
        form = QFormLayout(pack)
        self.period = QLineEdit(current_quarter())
        self.period.setObjectName("pack-period")
        self.team = QComboBox()
        self.team.addItem(self.tr("All teams"), None)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(self.language.findData(interface_language()))
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Headers in"), self.language)
        self.pack_button = QPushButton(self.tr("Export meeting pack…"))
        self.pack_button.clicked.connect(self._ask_pack)
        form.addRow(self.pack_button)
        layout.addWidget(pack)
        lists = QGroupBox(self.tr("Lists"))
        row = QHBoxLayout(lists)
        self.accounts_button = QPushButton(self.tr("Export all accounts…"))
        self.accounts_button.clicked.connect(self._ask_accounts)
        self.targets_button = QPushButton(self.tr("Export targets grid…"))
        self.targets_button.clicked.connect(self._ask_targets)
        row.addWidget(self.accounts_button)
        row.addWidget(self.targets_button)
        row.addStretch(1)
        layout.addWidget(lists)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("export-progress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.status = QLabel()
        self.status.setObjectName("export-status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def set_teams(self, teams: list[tuple[str, str]]) -> None:
        _team_combo(self.team, teams, self.tr("All teams"))

    def _ask(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save workbook"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not name:
            return None
        return Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def _ask_pack(self) -> None:
        path = self._ask(f"meeting-pack-{self.period.text().strip()}.xlsx")
        if path is not None:
            self.export_meeting_pack(path)

    def _ask_accounts(self) -> None:
        path = self._ask("accounts.xlsx")
        if path is not None:
            self.export_accounts(path)

    def _ask_targets(self) -> None:
        path = self._ask("targets.xlsx")
        if path is not None:
            self.export_targets(path)

    def _start(self, work: Any, done_text: str) -> Job:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        for button in (self.pack_button, self.accounts_button, self.targets_button):
            button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))

        def finished(result: tuple[Path, int]) -> None:
            self._stop()
            self.last_path = result[0]
            self.status.setText(done_text.format(result[1], str(result[0])))

        self.job = self.ctx.tasks.run(work, finished, self._failed, self._on_progress, key="export")
        return self.job

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error: BaseException) -> None:
        self._stop()
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
        else:
            self.status.setText(self.tr("Export failed: {0}").format(str(error)))

    def _stop(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        for button in (self.pack_button, self.accounts_button, self.targets_button):
            button.setEnabled(True)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def export_meeting_pack(self, path: Path) -> Job:
        period = self.period.text().strip()
        team_id = self.team.currentData()
        language = self.language.currentData()
        db, zone = self.ctx.db, self.ctx.zone

        def work(job: Job) -> tuple[Path, int]:
            def progress(done: int, total: int) -> None:
                job.check()
                job.progress(done, total)

            with db.sessions() as session:
                result = build_meeting_pack(
                    session,
                    path,
                    period,
                    team_id=team_id,
                    language=language,
                    tz=zone,
                    progress=progress,
                )
            return path, len(result.sheets)

        return self._start(work, self.tr("Wrote {0} sheets to {1}"))

    def export_accounts(self, path: Path) -> Job:
        language = self.language.currentData()
        db, zone = self.ctx.db, self.ctx.zone

        def work(job: Job) -> tuple[Path, int]:
            with db.sessions() as session:
                total = exports.count_accounts(session)
                try:
                    count = exports.export_accounts(
                        session,
                        path,
                        language=language,
                        tz=zone,
                        progress=lambda n: job.progress(n, total),
                        cancelled=lambda: job.cancelled,
                    )
                except ExportCancelled as exc:
                    raise Cancelled from exc
            return path, count

        return self._start(work, self.tr("Wrote {0} accounts to {1}"))

    def export_targets(self, path: Path) -> Job:
        language = self.language.currentData()
        db = self.ctx.db

        def work(job: Job) -> tuple[Path, int]:
            with db.sessions() as session:
                return path, exports.export_targets(session, path, language=language)

        return self._start(work, self.tr("Wrote {0} targets to {1}"))
