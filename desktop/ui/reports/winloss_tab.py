"""The Reports page's win/loss: the opportunities closed in a period (a team's, or
everyone's), won and lost, by competitor, by the reason deals were lost, by rep and by
product category (``desktop.domain.services.winloss``). A keyed read: the newest filter
wins; each table exports as the lists do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.money import format_money
from desktop.domain.services import targets, winloss
from desktop.domain.services.targets import Period
from desktop.domain.services.winloss import Tally, WinLoss
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import fill, show_as_error
from desktop.ui.reports.choices import fill_team_combo
from desktop.ui.reports.models import Kind, RowsModel
from desktop.ui.table_model import setup_table


def load(session: Session, period: Period, team_id: str | None) -> WinLoss:
    owners: Collection[str] | None = None
    if team_id is not None:
        owners = [o["id"] for o in targets.owners_in_scope(session, team_id)]
    last = period.end - dt.timedelta(days=1)
    return winloss.report(session, period.start, last, owners)


class WinLossTab(QWidget):
    """Four tables of closed deals: by competitor, lost reason, rep, product category."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: WinLoss | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.period = QLineEdit(str(dt.date.today().year))
        self.period.setObjectName("winloss-period")
        self.period.setPlaceholderText("2026-Q3")
        self.period.setMaximumWidth(110)
        self.team = QComboBox()
        self.team.setObjectName("winloss-team")
        self.team.addItem(self.tr("All teams"), None)
        filters.addWidget(QLabel(self.tr("Closed in")))
        filters.addWidget(self.period)
        filters.addWidget(QLabel(self.tr("Team")))
        filters.addWidget(self.team)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.summary = QLabel()
        self.summary.setObjectName("winloss-summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.error = show_as_error(QLabel())
        self.error.setObjectName("winloss-error")
        layout.addWidget(self.error)

        won_lost = [
            (self.tr("Won"), Kind.INT),
            (self.tr("Won amount"), Kind.MONEY),
            (self.tr("Lost"), Kind.INT),
            (self.tr("Lost amount"), Kind.MONEY),
            (self.tr("Win rate"), Kind.PERCENT),
        ]
        self.competitors = self._table(
            "winloss-competitors",
            self.tr("By competitor"),
            [
                (self.tr("Competitor"), Kind.TEXT),
                (self.tr("Deals"), Kind.INT),
                (self.tr("Won"), Kind.INT),
                (self.tr("Lost to them"), Kind.INT),
                (self.tr("Amount lost to them"), Kind.MONEY),
                (self.tr("Win rate"), Kind.PERCENT),
            ],
        )
        self.reasons = self._table(
            "winloss-reasons",
            self.tr("By lost reason"),
            [
                (self.tr("Lost reason"), Kind.TEXT),
                (self.tr("Lost"), Kind.INT),
                (self.tr("Lost amount"), Kind.MONEY),
            ],
        )
        self.reps = self._table(
            "winloss-reps", self.tr("By rep"), [(self.tr("Rep"), Kind.TEXT), *won_lost]
        )
        self.categories = self._table(
            "winloss-categories",
            self.tr("By product category"),
            [(self.tr("Product category"), Kind.TEXT), *won_lost],
        )
        grid = QGridLayout()
        for number, (box, _model) in enumerate(
            (self.competitors, self.reasons, self.reps, self.categories)
        ):
            grid.addWidget(box, number // 2, number % 2)
        layout.addLayout(grid, 1)
        self.period.editingFinished.connect(self.refresh)
        self.team.currentIndexChanged.connect(self.refresh)

    def _table(
        self, name: str, title: str, columns: list[tuple[str, str]]
    ) -> tuple[QGroupBox, RowsModel]:
        model = RowsModel(columns, self.ctx.zone, self)
        table = setup_table(
            QTableView(),
            model,
            name,
            read_only=True,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=0,
        )
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        column.addWidget(table, 1)
        export = ListExport(table, self.ctx, lambda: title, shortcut=False)
        column.addWidget(export.button, 0, Qt.AlignmentFlag.AlignRight)
        return box, model

    def set_teams(self, teams: list[tuple[str, str]]) -> None:
        fill_team_combo(self.team, teams, self.tr("All teams"))

    def refresh(self) -> None:
        text = self.period.text()
        try:
            period = targets.parse_period(text)
        except ValidationError:
            self.error.setText(
                fill(self.tr("“%1” is not a period like 2026, 2026-Q3 or 2026-07."), text.strip())
            )
            return
        team = self.team.currentData()
        self.ctx.tasks.read(lambda s: load(s, period, team), self._show, key="winloss")

    def _show(self, data: WinLoss) -> None:
        self.data = data
        self.error.clear()
        total = data.totals
        self.summary.setText(
            fill(
                self.tr(
                    "<b>%1</b> deals closed: <b>%2</b> won (%3), <b>%4</b> lost (%5); win rate %6"
                ),
                total.deals,
                total.won,
                format_money(total.won_amount),
                total.lost,
                format_money(total.lost_amount),
                "—" if total.win_rate is None else f"{total.win_rate}%",
            )
        )
        self.competitors[1].set_rows(
            [
                (
                    c.name,
                    [c.name, c.deals, c.won, c.lost_to_them, c.lost_to_them_amount, c.win_rate],
                )
                for c in data.by_competitor
            ]
        )
        self.reasons[1].set_rows(
            [
                (r.name, [r.name or self.tr("(no reason)"), r.lost, r.lost_amount])
                for r in data.by_reason
            ]
        )
        self.reps[1].set_rows([(r.name, self._won_lost(r, r.name)) for r in data.by_rep])
        self.categories[1].set_rows(
            [(c.name, self._won_lost(c, c.name or self.tr("(no quote)"))) for c in data.by_category]
        )

    @staticmethod
    def _won_lost(tally: Tally, name: str) -> list[object]:
        return [name, tally.won, tally.won_amount, tally.lost, tally.lost_amount, tally.win_rate]
