"""Item models of the Quotes area: the quote list, the editor's lines, products."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.domain.money import HUNDRED, MoneyError, to_decimal
from desktop.domain.pricing import QuoteTotals
from desktop.domain.rules.quotes import ApprovalReason, LineDraft
from desktop.domain.services.records import Record
from desktop.ui.format import local_date, money
from desktop.ui.table_model import DISPLAY, Index, TableModel
from desktop.ui.table_model import RIGHT as RIGHT  # the area imports these from here
from desktop.ui.table_model import SORT_ROLE as SORT_ROLE

PAGE_SIZE = 200
STATUS_COLOURS = {
    "pending_approval": "#b8860b",
    "returned": "#c0392b",
    "approved": "#2e8b57",
    "sent": "#2f6fb3",
    "accepted": "#1e7d32",
    "rejected": "#7a8793",
    "expired": "#7a8793",
}


def status_label(status: str) -> str:
    labels = {
        "draft": QCoreApplication.translate("QuoteLabels", "Draft"),
        "pending_approval": QCoreApplication.translate("QuoteLabels", "Pending approval"),
        "approved": QCoreApplication.translate("QuoteLabels", "Approved"),
        "returned": QCoreApplication.translate("QuoteLabels", "Returned"),
        "sent": QCoreApplication.translate("QuoteLabels", "Sent"),
        "accepted": QCoreApplication.translate("QuoteLabels", "Accepted"),
        "rejected": QCoreApplication.translate("QuoteLabels", "Rejected"),
        "expired": QCoreApplication.translate("QuoteLabels", "Expired"),
    }
    return labels.get(status, status)


def reason_text(reason: ApprovalReason) -> str:
    """An approval reason in the user's language."""
    translate = QCoreApplication.translate
    where = ""
    if reason.line is not None:
        where = translate("QuoteLabels", "Line {line} ({label}): ").format(
            line=reason.line, label=reason.label
        )
    texts = {
        "quote_discount": translate(
            "QuoteLabels", "quote discount {actual}% exceeds the {limit}% allowed for tier {tier}"
        ),
        "tier_discount": translate(
            "QuoteLabels", "discount {actual}% exceeds the {limit}% allowed for tier {tier}"
        ),
        "product_discount": translate(
            "QuoteLabels", "discount {actual}% exceeds this product's maximum of {limit}%"
        ),
        "floor_price": translate(
            "QuoteLabels", "net unit price {actual} is below the floor price {limit}"
        ),
    }
    text = texts.get(reason.code, reason.code)
    return where + text.format(actual=reason.actual, limit=reason.limit, tier=reason.tier)


def decimal_text(value: Decimal) -> str:
    return f"{value.normalize():f}"


class QuoteListModel(TableModel[Record]):
    """Latest revisions, fetched a page at a time as the user scrolls."""

    NUMBER, REVISION, ACCOUNT, STATUS, TOTAL, VALID = range(6)
    RIGHT_ALIGNED = frozenset({TOTAL})
    EXPORT_KINDS: ClassVar[dict[int, str]] = {TOTAL: "money", VALID: "date"}

    def __init__(self, fetch: Callable[[int], None] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.total = 0
        self._fetch = fetch
        self._fetching = False

    def headers(self) -> list[str]:
        return [
            self.tr("Number"),
            self.tr("Rev."),
            self.tr("Account"),
            self.tr("Status"),
            self.tr("Total"),
            self.tr("Valid until"),
        ]

    def reset(self, total: int, rows: list[Record]) -> None:
        self.total, self._fetching = total, False
        self.set_rows(rows)

    def append(self, rows: list[Record]) -> None:
        self._fetching = False
        if not rows:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            self._fetch is not None
            and not parent.isValid()
            and len(self.rows) < self.total
            and not self._fetching
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self._fetch is not None and self.canFetchMore(parent):
            self._fetching = True
            self._fetch(len(self.rows))

    def role_data(self, row: Record, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            colour = STATUS_COLOURS.get(row["shown_status"])
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and row["needs_approval"]:
            return self.tr("Beyond the guardrails: needs a manager's approval")
        return None

    def sort_value(self, row: Record, column: int) -> Any:
        if column == self.TOTAL:
            return float(row["total"])  # ordering only, never shown or stored
        return self.display(row, column)

    def export_value(self, row: Record, column: int) -> Any:
        typed = {self.TOTAL: "total", self.VALID: "valid_until"}
        return row[typed[column]] if column in typed else self.display(row, column)

    def display(self, row: Record, column: int) -> Any:
        status = status_label(row["shown_status"])
        if row["needs_approval"] and row["shown_status"] in ("draft", "returned"):
            status += " ⚠"
        return [
            row["number"],
            row["revision"],
            row["account_name"],
            status,
            money(row["total"], row["currency"]),
            local_date(row["valid_until"]),
        ][column]


class LinesModel(TableModel[LineDraft]):
    """The editor's lines: quantity, price, discount, tax and text edit in place;
    ``edited`` fires after every change so totals and guardrails follow at once."""

    NO, ITEM, QTY, UNIT, PRICE, DISCOUNT, TAX, AMOUNT = range(8)
    EDITABLE = frozenset({ITEM, QTY, UNIT, PRICE, DISCOUNT, TAX})
    RIGHT_ALIGNED = frozenset({NO, QTY, PRICE, DISCOUNT, TAX, AMOUNT})
    edited = Signal()
    refused = Signal(str)  # a typed value that was not taken, and why

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.amounts: list[Decimal] = []
        self.currency = "CNY"
        self.read_only = False

    @property
    def lines(self) -> list[LineDraft]:
        return self.rows

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Item"),
            self.tr("Qty"),
            self.tr("Unit"),
            self.tr("Unit price"),
            self.tr("Disc. %"),
            self.tr("Tax %"),
            self.tr("Amount"),
        ]

    def set_lines(self, lines: list[LineDraft], currency: str = "CNY") -> None:
        self.currency, self.amounts = currency, []
        self.set_rows(lines)

    def set_totals(self, totals: QuoteTotals) -> None:
        self.amounts = [t.net for t in totals.lines]
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.AMOUNT), self.index(len(self.rows) - 1, self.AMOUNT)
            )

    def add_lines(self, lines: list[LineDraft]) -> None:
        if not lines:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(lines) - 1)
        self.rows.extend(lines)
        self.endInsertRows()
        self.edited.emit()

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in self.EDITABLE and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def role_data(self, row: LineDraft, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.EditRole:
            return None
        return [
            "",
            row.description,
            decimal_text(row.quantity),
            row.unit,
            decimal_text(row.unit_price),
            decimal_text(row.discount_pct),
            decimal_text(row.tax_rate * HUNDRED),
            "",
        ][column]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # The line number and the amount depend on the row's position, not on the line.
        column, number = index.column(), index.row()
        if role == DISPLAY and column in (self.NO, self.AMOUNT) and self.row_at(number):
            if column == self.NO:
                return str(number + 1)
            amount = self.amounts[number] if number < len(self.amounts) else None
            return money(amount, self.currency)
        return super().data(index, role)

    def display(self, row: LineDraft, column: int) -> Any:
        return [
            "",
            row.description,
            decimal_text(row.quantity),
            row.unit,
            money(row.unit_price, self.currency),
            decimal_text(row.discount_pct) if row.discount_pct else "",
            decimal_text(row.tax_rate * HUNDRED),
            "",
        ][column]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        line = self.rows[index.row()]
        column = index.column()
        text = str(value).strip()

        def refuse(why: str) -> bool:  # the old value stays, and the user is told why
            self.refused.emit(why)
            return False

        try:
            if column == self.ITEM:
                if not text:
                    return refuse(self.tr("A line needs a description."))
                line = replace(line, description=text)
            elif column == self.UNIT:
                line = replace(line, unit=text)
            else:
                number = to_decimal(text)
                if number < 0:
                    return refuse(self.tr("%1 cannot be negative.").replace("%1", text))
                if column == self.QTY:
                    line = replace(line, quantity=number)
                elif column == self.PRICE:
                    line = replace(line, unit_price=number)
                elif column == self.DISCOUNT:
                    if number > HUNDRED:
                        return refuse(self.tr("A discount is from 0 to 100 %."))
                    line = replace(line, discount_pct=number)
                elif column == self.TAX:
                    if number >= HUNDRED:
                        return refuse(self.tr("A tax rate is below 100 %."))
                    line = replace(line, tax_rate=number / HUNDRED)
                else:
                    return False
        except MoneyError:
            return refuse(self.tr("“%1” is not a number.").replace("%1", text))
        self.set_row(index.row(), line)
        self.edited.emit()
        return True
