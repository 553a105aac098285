"""The Reports page's dashboard: period, team and rep filters, the figures, charts of
the pipeline and attainment, and the table behind them (exportable). A keyed read:
the newest filter wins."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.money import format_money
from desktop.domain.services import dashboard, targets
from desktop.ui.charts import BarChart
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import show_as_error
from desktop.ui.labels import ageing_label, complaint_label, stage_label
from desktop.ui.reports.choices import current_quarter, fill_team_combo
from desktop.ui.reports.models import Kind, RowsModel, attainment_colour
from desktop.ui.table_model import setup_table


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
        self.figures.setWordWrap(True)  # the figures wrap in a narrow window
        layout.addWidget(self.figures)
        self.error = QLabel()
        show_as_error(self.error)
        layout.addWidget(self.error)
        grid = QGridLayout()
        self.by_month = BarChart(self.tr("Target vs actual by month"))
        self.pipeline = BarChart(self.tr("Pipeline by stage"))
        self.coverage = BarChart(self.tr("Visit coverage by tier (%)"))
        self.complaints = BarChart(self.tr("Open complaints by category and age"))
        self.receivables = BarChart(self.tr("Open receivables by days past due"))
        charts = (self.by_month, self.pipeline, self.coverage, self.complaints, self.receivables)
        for i, chart in enumerate(charts):
            grid.addWidget(chart, i // 3, i % 3)
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
        fill_team_combo(self.team, teams, self.tr("All teams"))
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
        self.receivables.set_data(
            [ageing_label(b) for b in data.ageing],
            [(self.tr("Open"), list(data.ageing.values()))],
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
