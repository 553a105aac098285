"""The Receivables tab's two dialogs: an instalment of a payment plan (回款计划) for an
order or a contract, and a payment received, matched to the open instalments (oldest
due first by default, each share editable). A refusal of the rule book is shown in the
dialog, which keeps what was typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain import receivables as calc
from desktop.domain.models import INSTALMENT_KINDS
from desktop.domain.services.orders import PAYMENT_METHODS
from desktop.domain.services.receivables import Line, Parent
from desktop.ui.format import form_footer, local_date, money
from desktop.ui.labels import instalment_kind_label, payment_method_label
from desktop.ui.pipeline.dialogs import parse_amount


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _date_edit(day: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setObjectName(name)
    return edit


class InstalmentDialog(QDialog):
    """One instalment of an order's or a contract's plan: an amount, or a percent of
    the value (stored as the amount, the percent kept)."""

    submitted = Signal(dict)

    def __init__(self, parents: list[Parent], today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("instalment-dialog")
        self.setWindowTitle(self.tr("Add an instalment"))
        self.parents = parents
        form = QFormLayout(self)
        self.parent_box = QComboBox()
        self.parent_box.setObjectName("instalment-parent")
        for p in parents:
            word = self.tr("Order") if p.kind == "order" else self.tr("Contract")
            self.parent_box.addItem(
                self.tr("%1 %2 · %3 (planned %4)")
                .replace("%1", word)
                .replace("%2", p.number)
                .replace("%3", money(p.value))
                .replace("%4", money(p.planned)),
            )
        form.addRow(self.tr("For"), self.parent_box)
        self.kind = QComboBox()
        self.kind.setObjectName("instalment-kind")
        for code in INSTALMENT_KINDS:
            self.kind.addItem(instalment_kind_label(code), code)
        form.addRow(self.tr("Kind"), self.kind)
        self.due = _date_edit(today, "instalment-due")
        form.addRow(self.tr("Due on"), self.due)
        self.amount = QLineEdit()
        self.amount.setObjectName("instalment-amount")
        self.amount.setPlaceholderText("¥")
        form.addRow(self.tr("Amount"), self.amount)
        self.percent = QLineEdit()
        self.percent.setObjectName("instalment-percent")
        self.percent.setPlaceholderText(self.tr("or a percent of the value, e.g. 30"))
        form.addRow(self.tr("Percent"), self.percent)
        self.condition = QLineEdit()
        self.condition.setObjectName("instalment-condition")
        self.condition.setPlaceholderText(self.tr("e.g. 30 days after acceptance"))
        form.addRow(self.tr("Condition"), self.condition)
        self.notes = QLineEdit()
        form.addRow(self.tr("Notes"), self.notes)
        self.error = form_footer(form, self, self.submit)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def submit(self) -> None:
        if not self.parents:
            self.show_error(self.tr("This account has no order or contract to plan for."))
            return
        amount_text, percent_text = self.amount.text().strip(), self.percent.text().strip()
        values: dict[str, Any] = {
            "kind": self.kind.currentData(),
            "due_on": _date(self.due),
            "condition": self.condition.text().strip(),
            "notes": self.notes.text().strip(),
        }
        if amount_text:
            amount = parse_amount(amount_text)
            if amount is None or amount <= 0:
                self.show_error(self.tr("Type the amount as a number more than zero."))
                self.amount.setFocus()
                return
            values["amount"] = amount
        elif percent_text:
            percent = parse_amount(percent_text.rstrip("%"))
            if percent is None or not Decimal(0) < percent <= 100:
                self.show_error(self.tr("Type the percent as a number from 0 to 100."))
                self.percent.setFocus()
                return
            values["percent"] = percent
        else:
            self.show_error(self.tr("Type an amount or a percent of the value."))
            self.amount.setFocus()
            return
        chosen = self.parents[self.parent_box.currentIndex()]
        self.submitted.emit({"parent": chosen.kind, "parent_id": chosen.id, "line": values})


class PaymentDialog(QDialog):
    """Money received: the order it came for, amount, date, method; then how much of
    it pays each open instalment (oldest due first until changed)."""

    submitted = Signal(dict)
    DUE, WHAT, OPEN, SHARE = range(4)

    def __init__(
        self,
        orders: list[Parent],
        open_lines: list[Line],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("payment-dialog")
        self.setWindowTitle(self.tr("Record a payment"))
        self.orders = orders
        self.lines = open_lines
        self._edited = False
        form = QFormLayout(self)
        self.order_box = QComboBox()
        self.order_box.setObjectName("payment-order")
        for order in orders:
            self.order_box.addItem(f"{order.number} · {money(order.value)}")
        first = next((line.plan.order_id for line in open_lines if line.plan.order_id), None)
        ids = [order.id for order in orders]
        if first in ids:
            self.order_box.setCurrentIndex(ids.index(first))
        form.addRow(self.tr("Order"), self.order_box)
        self.amount = QLineEdit()
        self.amount.setObjectName("payment-amount")
        self.amount.setPlaceholderText("¥")
        self.amount.textEdited.connect(self._spread)
        form.addRow(self.tr("Amount received"), self.amount)
        self.received = _date_edit(today, "payment-received")
        form.addRow(self.tr("Received on"), self.received)
        self.method = QComboBox()
        self.method.setObjectName("payment-method")
        for code in PAYMENT_METHODS:
            self.method.addItem(payment_method_label(code), code)
        form.addRow(self.tr("Method"), self.method)
        self.table = QTableWidget(len(open_lines), 4)
        self.table.setObjectName("payment-allocations")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("Instalment"), self.tr("Open"), self.tr("Pays")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        for row, line in enumerate(open_lines):
            what = f"{line.parent_number} · {instalment_kind_label(line.plan.kind)}"
            for column, text in (
                (self.DUE, local_date(line.plan.due_on)),
                (self.WHAT, what),
                (self.OPEN, money(line.position.open)),
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            self.table.setItem(row, self.SHARE, QTableWidgetItem(""))
        self.table.itemChanged.connect(self._share_edited)
        form.addRow(self.tr("Pays"), self.table)
        self.error = form_footer(form, self, self.submit)
        self.resize(640, 420)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _share_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == self.SHARE and self.table.hasFocus():
            self._edited = True

    def _spread(self, text: str) -> None:
        """Oldest due first, until the user changes a share."""
        if self._edited:
            return
        amount = parse_amount(text) or Decimal(0)
        shares = calc.allocate_oldest_first(
            amount,
            [(line.plan.id, line.plan.due_on, line.position.open) for line in self.lines],
        )
        self.table.blockSignals(True)
        for row, line in enumerate(self.lines):
            share = shares.get(line.plan.id)
            self.table.item(row, self.SHARE).setText("" if share is None else f"{share:.2f}")
        self.table.blockSignals(False)

    def submit(self) -> None:
        if not self.orders:
            self.show_error(self.tr("Record the order first: a payment is received on an order."))
            return
        amount = parse_amount(self.amount.text())
        if amount is None or amount <= 0:
            self.show_error(self.tr("Type the amount received as a number more than zero."))
            self.amount.setFocus()
            return
        shares: dict[str, Decimal] = {}
        for row, line in enumerate(self.lines):
            text = self.table.item(row, self.SHARE).text().strip()
            if not text:
                continue
            share = parse_amount(text)
            if share is None:
                self.show_error(
                    self.tr("Row %1: type what the payment pays as a number.").replace(
                        "%1", str(row + 1)
                    )
                )
                return
            if share > 0:
                shares[line.plan.id] = share
        self.submitted.emit(
            {
                "order_id": self.orders[self.order_box.currentIndex()].id,
                "amount": amount,
                "received_on": _date(self.received),
                "method": self.method.currentData(),
                "allocations": shares,
            }
        )
