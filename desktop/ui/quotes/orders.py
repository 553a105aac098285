"""Orders from accepted quotes: delivery tracking and money received (回款), with
outstanding and overdue receivables."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.services import orders
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import ERROR_COLOR, local_date, money
from desktop.ui.quotes.editor import error_text
from desktop.ui.quotes.order_contract import OrderContractPicker
from desktop.ui.table_model import ROW_ID_ROLE, TableModel, setup_table


class OrdersModel(TableModel[Record]):
    NUMBER, ACCOUNT, DATE, AMOUNT, PAID, OUTSTANDING, DELIVERY, DUE = range(8)
    RIGHT_ALIGNED = frozenset({AMOUNT, PAID, OUTSTANDING})
    EXPORT_KINDS: ClassVar[dict[int, str]] = {
        DATE: "date",
        AMOUNT: "money",
        PAID: "money",
        OUTSTANDING: "money",
        DUE: "date",
    }
    TYPED: ClassVar[dict[int, str]] = {
        DATE: "order_date",
        AMOUNT: "amount",
        PAID: "paid",
        OUTSTANDING: "outstanding",
        DUE: "payment_due",
    }

    def headers(self) -> list[str]:
        return [
            self.tr("Order"),
            self.tr("Account"),
            self.tr("Date"),
            self.tr("Amount"),
            self.tr("Received"),
            self.tr("Outstanding"),
            self.tr("Delivery"),
            self.tr("Payment due"),
        ]

    def delivery_label(self, status: str) -> str:
        labels = {
            "pending": self.tr("Pending"),
            "partial": self.tr("Partly delivered"),
            "delivered": self.tr("Delivered"),
        }
        return labels.get(status, status)

    def role_data(self, row: Record, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            late = (column in (self.OUTSTANDING, self.DUE) and row["overdue"]) or (
                column == self.DELIVERY and row["late_delivery"]
            )
            return QBrush(QColor(ERROR_COLOR)) if late else None
        return None

    def export_value(self, row: Record, column: int) -> Any:
        key = self.TYPED.get(column)
        return row[key] if key else self.display(row, column)

    def display(self, row: Record, column: int) -> Any:
        currency = row["currency"]
        return [
            row["number"],
            row["account_name"],
            local_date(row["order_date"]),
            money(row["amount"], currency),
            money(row["paid"], currency),
            money(row["outstanding"], currency),
            self.delivery_label(row["delivery_status"]),
            local_date(row["payment_due"]),
        ][column]


class OrdersView(QWidget):
    """The orders list, a summary of receivables, and the selected order's history."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id: str | None = None
        self.summary = QLabel()
        self.summary.setObjectName("receivables-summary")
        self.model = OrdersModel(self)
        self.table = setup_table(
            QTableView(),
            self.model,
            "orders-list",
            single=True,
            wrap=False,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=OrdersModel.ACCOUNT,
        )

        self.detail = QLabel()
        self.detail.setObjectName("order-detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.payment_date = QDateEdit()
        self.payment_date.setCalendarPopup(True)
        self.payment_date.setDisplayFormat("yyyy-MM-dd")
        self.payment_amount = QLineEdit()
        self.payment_amount.setObjectName("payment-amount")
        self.payment_method = QComboBox()
        for method, label in (
            ("transfer", self.tr("Bank transfer")),
            ("acceptance_bill", self.tr("Bank acceptance bill")),
            ("cheque", self.tr("Cheque")),
            ("cash", self.tr("Cash")),
            ("other", self.tr("Other")),
        ):
            self.payment_method.addItem(label, method)
        self.payment_button = QPushButton(self.tr("Record payment"))
        self.delivery_date = QDateEdit()
        self.delivery_date.setCalendarPopup(True)
        self.delivery_date.setDisplayFormat("yyyy-MM-dd")
        self.delivery_text = QLineEdit()
        self.delivery_final = QCheckBox(self.tr("Final delivery"))
        self.delivery_button = QPushButton(self.tr("Record delivery"))
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setWordWrap(True)

        form = QFormLayout()
        pay_row = QHBoxLayout()
        pay_row.addWidget(self.payment_date)
        pay_row.addWidget(self.payment_amount, 1)
        pay_row.addWidget(self.payment_method)
        pay_row.addWidget(self.payment_button)
        form.addRow(self.tr("Payment received"), pay_row)
        delivery_row = QHBoxLayout()
        delivery_row.addWidget(self.delivery_date)
        delivery_row.addWidget(self.delivery_text, 1)
        delivery_row.addWidget(self.delivery_final)
        delivery_row.addWidget(self.delivery_button)
        form.addRow(self.tr("Delivery"), delivery_row)
        self.contract = OrderContractPicker(ctx)
        self.contract.failed.connect(self.error.setText)
        self.contract.changed.connect(self.reload)
        form.addRow(self.tr("Contract"), self.contract)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(form)
        right_layout.addWidget(self.error)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([800, 600])
        self.export = ListExport(self.table, ctx, lambda: self.tr("Orders"), scope=self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.export.button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.payment_button.clicked.connect(self.record_payment)
        self.delivery_button.clicked.connect(self.record_delivery)
        self._set_dates()

    def _today(self) -> dt.date:
        return dt.datetime.now(self.ctx.zone).date()

    def _set_dates(self) -> None:
        today = self._today()
        for edit in (self.payment_date, self.delivery_date):
            edit.setDate(QDate(today.year, today.month, today.day))

    def reload(self) -> None:
        today = self._today()

        def load(session: Session) -> tuple[list[Record], orders.Receivables]:
            return orders.list_orders(session, today), orders.receivables(session, today)

        self.ctx.tasks.read(load, self._show, key="orders-list")

    def _show(self, loaded: tuple[list[Record], orders.Receivables]) -> None:
        rows, due = loaded
        self.model.set_rows(rows)
        self.summary.setText(
            self.tr("Outstanding {outstanding} · overdue {overdue} on {count} orders").format(
                outstanding=money(due.outstanding),
                overdue=money(due.overdue),
                count=due.overdue_orders,
            )
        )
        if self.order_id:
            for row, record in enumerate(rows):
                if record["id"] == self.order_id:
                    self.table.selectRow(row)
            self._load_detail(self.order_id)

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.order_id = current.data(ROW_ID_ROLE)
            assert self.order_id is not None
            self._load_detail(self.order_id)

    def _load_detail(self, order_id: str) -> None:
        today = self._today()
        self.ctx.tasks.read(
            lambda s: orders.order_detail(s, order_id, today), self._show_detail, key="order"
        )

    def _show_detail(self, order: Record) -> None:
        self.contract.show_order(order)
        currency = order["currency"]
        balance: orders.Balance = order["balance"]
        lines = [
            f"<b>{order['number']}</b> · {money(order['amount'], currency)}",
            self.tr("Expected delivery {date}").format(date=local_date(order["expected_delivery"])),
        ]
        if balance.late_delivery:
            lines.append(f"<span style='color:{ERROR_COLOR}'>{self.tr('Delivery is late')}</span>")
        lines.append(
            self.tr("Received {paid}, outstanding {outstanding}").format(
                paid=money(balance.paid, currency), outstanding=money(balance.outstanding, currency)
            )
        )
        if balance.overdue:
            lines.append(
                f"<span style='color:{ERROR_COLOR}'>"
                + self.tr("Overdue since {date}").format(date=local_date(order["payment_due"]))
                + "</span>"
            )
        lines.append("<br/><b>" + self.tr("Payments") + "</b>")
        lines += [
            f"{local_date(p['received_on'])} {money(p['amount'], currency)} {p['notes']}"
            for p in order["payments"]
        ] or [self.tr("none yet")]
        lines.append("<br/><b>" + self.tr("Deliveries") + "</b>")
        lines += [
            f"{local_date(d['delivered_on'])} {d['description']}" for d in order["deliveries"]
        ] or [self.tr("none yet")]
        self.detail.setText("<br/>".join(lines))

    def _date(self, edit: QDateEdit) -> dt.date:
        value = edit.date()
        return dt.date(value.year(), value.month(), value.day())

    def _write(self, work: Any) -> None:
        def failed(error: BaseException) -> None:
            self.error.setText(error_text(error))

        def done(_: object) -> None:
            self.error.clear()
            self.reload()

        self.ctx.tasks.write(work, done, failed)

    @Slot()
    def record_payment(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        received, amount = self._date(self.payment_date), self.payment_amount.text()
        method = self.payment_method.currentData()

        def work(uow: UnitOfWork) -> str:
            return orders.record_payment(uow, order_id, received, amount, method)

        self.payment_amount.clear()
        self._write(work)

    @Slot()
    def record_delivery(self) -> None:
        order_id = self.order_id
        if order_id is None:
            return
        day, text = self._date(self.delivery_date), self.delivery_text.text().strip()
        final = self.delivery_final.isChecked()

        def work(uow: UnitOfWork) -> str:
            return orders.record_delivery(uow, order_id, day, text, final=final)

        self.delivery_text.clear()
        self.delivery_final.setChecked(False)
        self._write(work)
