"""The Reports page: the dashboard, win/loss, the meeting pack and list exports, and
imports (each a tab of its own in desktop/ui/reports).

Everything that touches the database or a file runs through ``ctx.tasks``: the
dashboard as a keyed read (the newest filter wins), exports as cancellable jobs with
a progress bar, the import preview as a job and its commit as one write.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.domain.services import targets
from desktop.domain.services.team import team_choices
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page, heading
from desktop.ui.reports.dashboard_tab import DashboardTab
from desktop.ui.reports.exports_tab import ExportsTab
from desktop.ui.reports.import_tab import ImportTab
from desktop.ui.reports.winloss_tab import WinLossTab


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
        self.winloss = WinLossTab(ctx, self)
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.exports, self.tr("Meeting pack and exports"))
        self.tabs.addTab(self.importer, self.tr("Import"))
        self.tabs.addTab(self.winloss, self.tr("Win/loss"))
        layout.addWidget(self.tabs, 1)
        self._loaded = False

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.ctx.tasks.read(_teams_and_reps, self._on_people)
        self.dashboard.refresh()
        self.winloss.refresh()

    def _on_people(self, result: tuple[list[tuple[str, str]], list[dict[str, str]]]) -> None:
        teams, reps = result
        self.dashboard.set_people(teams, reps)
        self.exports.set_teams(teams)
        self.winloss.set_teams(teams)

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
            self.winloss.refresh()
