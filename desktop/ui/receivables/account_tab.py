"""The account's Receivables tab (回款): every instalment of its orders' and contracts'
payment plans (a plan-less order as one instalment due on its payment date) with what
is planned, paid and open, days overdue and the ageing bucket; plan vs actual, overdue
and DSO above the list; an instalment added, a payment recorded and matched to them."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.domain import receivables as calc
from desktop.domain.services import receivables
from desktop.domain.services.receivables import AccountReceivables, Line
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_tabs import AccountTab
from desktop.ui.context import AppContext
from desktop.ui.format import ERROR_COLOR, local_date, money
from desktop.ui.labels import ageing_label, instalment_kind_label
from desktop.ui.pipeline.dialogs import save
from desktop.ui.receivables.dialogs import InstalmentDialog, PaymentDialog
from desktop.ui.table_model import TableModel


class InstalmentsModel(TableModel[Line]):
    DUE, KIND, FOR, CONDITION, PLANNED, PAID, OPEN, DAYS, BUCKET = range(9)
    RIGHT_ALIGNED = frozenset({PLANNED, PAID, OPEN, DAYS})
    EXPORT_KINDS: ClassVar[dict[int, str]] = {
        DUE: "date",
        PLANNED: "money",
        PAID: "money",
        OPEN: "money",
        DAYS: "int",
    }

    def headers(self) -> list[str]:
        return [
            self.tr("Due"),
            self.tr("Instalment"),
            self.tr("For"),
            self.tr("Condition"),
            self.tr("Planned"),
            self.tr("Paid"),
            self.tr("Open"),
            self.tr("Days overdue"),
            self.tr("Ageing"),
        ]

    def row_id(self, row: Line) -> str | None:
        return row.plan.id

    def _kind(self, row: Line) -> str:
        if row.plan.derived:
            return self.tr("Whole order")
        word = instalment_kind_label(row.plan.kind)
        return f"{word} {row.plan.percent.normalize():f}%" if row.plan.percent else word

    def display(self, row: Line, column: int) -> Any:
        p = row.position
        if column == self.DUE:
            return local_date(row.plan.due_on)
        if column == self.KIND:
            return self._kind(row)
        if column == self.FOR:
            return row.parent_number
        if column == self.CONDITION:
            return row.plan.condition
        if column in (self.PLANNED, self.PAID, self.OPEN):
            value = {self.PLANNED: row.plan.amount, self.PAID: p.paid, self.OPEN: p.open}[column]
            return money(value, row.currency)
        if column == self.DAYS:
            return str(p.days_overdue) if p.days_overdue else ""
        return ageing_label(p.bucket) if p.bucket else self.tr("Paid")

    def export_value(self, row: Line, column: int) -> Any:
        p = row.position
        return {
            self.DUE: row.plan.due_on,
            self.PLANNED: row.plan.amount,
            self.PAID: p.paid,
            self.OPEN: p.open,
            self.DAYS: p.days_overdue,
        }.get(column, self.display(row, column))

    def sort_value(self, row: Line, column: int) -> Any:
        value = self.export_value(row, column)
        return value if not isinstance(value, str) else value.lower()

    def role_data(self, row: Line, column: int, role: int) -> Any:
        late = row.position.days_overdue > 0
        if role == Qt.ItemDataRole.ForegroundRole and late and column in (self.OPEN, self.DAYS):
            return QBrush(QColor(ERROR_COLOR))
        return None


class AccountInstalmentsTab(AccountTab):
    entity = "instalment"
    watched = frozenset({"instalment", "payment_allocation", "payment", "sales_order", "contract"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, InstalmentsModel(), parent)
        self.data: AccountReceivables | None = None
        self.dialog: InstalmentDialog | PaymentDialog | None = None
        self.open_button.setText(self.tr("Open order"))
        self.plan_button = QPushButton(self.tr("Add instalment…"))
        self.plan_button.setObjectName("add-instalment")
        self.plan_button.clicked.connect(self.ask_instalment)
        self.pay_button = QPushButton(self.tr("Record payment…"))
        self.pay_button.setObjectName("record-payment")
        self.pay_button.clicked.connect(self.ask_payment)
        buttons = self.layout().itemAt(2).layout()  # the row under the list (AccountTab)
        buttons.insertWidget(1, self.plan_button)  # type: ignore[attr-defined]
        buttons.insertWidget(2, self.pay_button)  # type: ignore[attr-defined]

    def title(self) -> str:
        return self.tr("Receivables")

    def _today(self) -> dt.date:
        return dt.datetime.now(self.ctx.zone).date()

    def loader(self, account_id: str) -> Any:
        today = self._today()
        return lambda session: receivables.for_account(session, account_id, today)

    def show_result(self, result: AccountReceivables) -> None:
        self.data = result
        self.model.set_rows(result.ledger.lines)
        if not result.ledger.lines:
            self.summary.setStyleSheet("")
            self.summary.setText(self.tr("No payment plan and no order with a payment date yet."))
            return
        t = calc.total(result.ledger.positions)
        text = (
            self.tr("Planned %1 · paid %2 · open %3")
            .replace("%1", money(t.planned))
            .replace("%2", money(t.paid))
            .replace("%3", money(t.open))
        )
        if t.overdue > 0:
            text += " · " + self.tr("overdue %1").replace("%1", money(t.overdue))
        if t.dso is not None:
            text += " · " + self.tr("DSO %1 days").replace("%1", f"{t.dso}")
        self.summary.setStyleSheet(f"color: {ERROR_COLOR}" if t.overdue > 0 else "")
        self.summary.setText(text)

    def open_index(self, index: QModelIndex) -> None:
        line = self.model.row_at(index.row()) if index.isValid() else None
        if line is not None and line.plan.order_id:
            self.ctx.events.open_record.emit("sales_order", line.plan.order_id)

    def ask_instalment(self) -> None:
        if self.data is None:
            return
        dialog = InstalmentDialog(self.data.parents, self._today(), self)
        self.dialog = dialog

        def submitted(values: dict[str, Any]) -> None:
            def work(uow: UnitOfWork) -> object:
                return receivables.add_instalments(
                    uow, values["parent"], values["parent_id"], [values["line"]]
                )

            save(self.ctx, work, dialog, on_error=self.summary.setText)

        dialog.submitted.connect(submitted)
        dialog.open()

    def ask_payment(self) -> None:
        if self.data is None:
            return
        orders = [p for p in self.data.parents if p.kind == "order"]
        lines = [
            line for line in self.data.ledger.lines if not line.plan.derived and line.position.open
        ]
        dialog = PaymentDialog(orders, lines, self._today(), self)
        self.dialog = dialog

        def submitted(values: dict[str, Any]) -> None:
            def work(uow: UnitOfWork) -> object:
                return receivables.record_payment(
                    uow,
                    values["order_id"],
                    values["received_on"],
                    values["amount"],
                    values["allocations"],
                    values["method"],
                )

            save(self.ctx, work, dialog, on_error=self.summary.setText)

        dialog.submitted.connect(submitted)
        dialog.open()
