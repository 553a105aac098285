"""The Targets page (销售计划): each rep's year, month by month, with attainment and forecast.

Managers set an annual target and split it into quarters and months, evenly or by the
seasonal profile; everybody sees target, actual (accepted quotes and orders by
acceptance date), attainment, and forecast (actual plus weighted open pipeline).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.money import MoneyError, format_money, to_decimal
from desktop.domain.services import targets
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import show_as_error
from desktop.ui.pages.base import Page, heading
from desktop.ui.reports.models import Kind, RowsModel, attainment_colour
from desktop.ui.rule_text import error_message
from desktop.ui.table_model import setup_table

FIXED = 6  # rep, target, actual, attainment, forecast, forecast attainment


def load_year(session: Session, year: int, rep_id: str | None) -> list[targets.Attainment]:
    return targets.scoreboard(session, str(year), targets.owners_in_scope(session, rep_id=rep_id))


class TargetsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lines: list[targets.Attainment] = []
        self.loaded = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Targets")))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(self.refresh)
        top.addWidget(self.year)
        self.set_button = QPushButton(self.tr("Set annual target…"))
        self.set_button.setVisible(ctx.is_manager)
        self.set_button.clicked.connect(self.ask_annual_target)
        top.addWidget(self.set_button)
        layout.addLayout(top)
        self.totals = QLabel()
        self.totals.setObjectName("targets-totals")
        layout.addWidget(self.totals)
        months = [(f"{m:02d}", Kind.PERCENT) for m in range(1, 13)]
        self.model = RowsModel(
            [
                (self.tr("Rep"), Kind.TEXT),
                (self.tr("Target"), Kind.MONEY),
                (self.tr("Actual"), Kind.MONEY),
                (self.tr("Attainment"), Kind.PERCENT),
                (self.tr("Forecast"), Kind.MONEY),
                (self.tr("Forecast attainment"), Kind.PERCENT),
                *months,
            ],
            ctx.zone,
            self,
        )
        self.model.colour = lambda values, column: (
            attainment_colour(values[column]) if column in (3, 5) or column >= FIXED else None
        )
        self.model.tooltip = self._month_tip
        self.view = setup_table(
            QTableView(),
            self.model,
            "targets-grid",
            select_rows=False,
            fit=QHeaderView.ResizeMode.ResizeToContents,
        )
        layout.addWidget(self.view, 1)
        self.export = ListExport(self.view, ctx, lambda: self.tr("Targets"), scope=self)
        top.addWidget(self.export.button)
        note = QLabel(
            self.tr(
                "Months show attainment; hover for target and actual. Actual = "
                "accepted quotes and orders by acceptance date."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)

    def activate(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.refresh()

    def on_data_changed(self, entities: set[str]) -> None:
        if entities & {"sales_target", "quote", "sales_order", "opportunity"}:
            self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        rep = None if self.ctx.is_manager else self.ctx.user_id
        self.ctx.tasks.read(lambda s: load_year(s, year, rep), self._show, key="targets")

    def _show(self, lines: list[targets.Attainment]) -> None:
        self.lines = lines
        rows = []
        for a in lines:
            monthly = [targets.attainment(actual, target) for target, actual in a.by_month.values()]
            rows.append(
                (
                    a.owner_id,
                    [
                        a.owner_name,
                        a.target,
                        a.actual,
                        a.attainment_pct,
                        a.forecast,
                        a.forecast_pct,
                        *monthly,
                    ],
                )
            )
        self.model.set_rows(rows)
        target = sum((a.target for a in lines), Decimal(0))
        actual = sum((a.actual for a in lines), Decimal(0))
        pct = targets.attainment(actual, target)
        self.totals.setText(
            self.tr("Team: target {0}, actual {1}, attainment {2}").format(
                format_money(target), format_money(actual), "—" if pct is None else f"{pct}%"
            )
        )

    def _month_tip(self, row: int, column: int) -> str | None:
        if column < FIXED or row >= len(self.lines):
            return None
        key, (target, actual) = list(self.lines[row].by_month.items())[column - FIXED]
        return self.tr("{0}: target {1}, actual {2}").format(
            key, format_money(target), format_money(actual)
        )

    def ask_annual_target(self) -> None:
        dialog = AnnualTargetDialog(
            [(a.owner_id, a.owner_name) for a in self.lines], self.year.value(), self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_annual_target(*dialog.values())

    def save_annual_target(self, owner_id: str, year: int, amount: Decimal, profile: str) -> None:
        plan = targets.plan_annual(year, amount, profile)

        def work(uow: UnitOfWork) -> list[str]:
            return targets.save_annual_plan(uow, owner_id, plan)

        self.ctx.tasks.write(
            work,
            lambda _ids: self.refresh(),
            lambda error: self.totals.setText(error_message(error)),
        )


class AnnualTargetDialog(QDialog):
    def __init__(
        self, reps: list[tuple[str, str]], year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annual target"))
        form = QFormLayout(self)
        self.rep = QComboBox()
        for rep_id, name in reps:
            self.rep.addItem(name, rep_id)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("1,200,000")
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Evenly"), "even")
        self.profile.addItem(
            self.tr("Seasonal (slow Spring Festival, strong year-end)"), "china_b2b"
        )
        self.error = QLabel()
        show_as_error(self.error)
        form.addRow(self.tr("Rep"), self.rep)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Amount (¥)"), self.amount)
        form.addRow(self.tr("Split"), self.profile)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        try:
            amount = to_decimal(self.amount.text())
            if amount < 0:
                raise MoneyError("negative")
            targets.plan_annual(self.year.value(), amount, self.profile.currentData())
        except (MoneyError, DomainError):
            self.error.setText(self.tr("Enter an amount such as 1200000"))
            return
        if self.rep.currentData() is None:
            self.error.setText(self.tr("Choose a rep"))
            return
        self.accept()

    def values(self) -> tuple[str, int, Decimal, str]:
        return (
            self.rep.currentData(),
            self.year.value(),
            to_decimal(self.amount.text()),
            self.profile.currentData(),
        )
