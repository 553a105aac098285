"""Products and price lists: managers edit them, reps look prices up."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.money import HUNDRED, MoneyError, to_decimal
from desktop.domain.services import catalog
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import money, show_as_error
from desktop.ui.quotes.editor import error_text
from desktop.ui.quotes.models import decimal_text
from desktop.ui.table_model import TableModel, setup_table


class ProductsModel(TableModel[Record]):
    SKU, NAME, SPEC, UNIT, PRICE, TAX, CATEGORY, MAX_DISCOUNT, FLOOR, LIST_PRICE = range(10)
    RIGHT_ALIGNED = frozenset({PRICE, TAX, MAX_DISCOUNT, FLOOR, LIST_PRICE})
    EXPORT_KINDS: ClassVar[dict[int, str]] = {
        PRICE: "money",
        TAX: "decimal",
        MAX_DISCOUNT: "decimal",
        FLOOR: "money",
        LIST_PRICE: "money",
    }

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.list_prices: dict[str, Any] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("SKU"),
            self.tr("Name"),
            self.tr("Specification"),
            self.tr("Unit"),
            self.tr("List price"),
            self.tr("Tax %"),
            self.tr("Category"),
            self.tr("Max. discount %"),
            self.tr("Floor price"),
            self.tr("Price on list"),
        ]

    def set_products(self, rows: list[Record], list_prices: dict[str, Any]) -> None:
        self.list_prices = list_prices
        self.set_rows(rows)

    def export_value(self, row: Record, column: int) -> Any:
        typed = {
            self.PRICE: row["list_price"],
            self.TAX: row["tax_rate"] * HUNDRED,
            self.MAX_DISCOUNT: row["max_discount_pct"],
            self.FLOOR: row["floor_price"],
            self.LIST_PRICE: self.list_prices.get(row["id"]),
        }
        return typed[column] if column in typed else self.display(row, column)

    def display(self, row: Record, column: int) -> Any:
        max_discount = row["max_discount_pct"]
        return [
            row["sku"],
            row["name"],
            row["specification"],
            row["unit"],
            money(row["list_price"]),
            decimal_text(row["tax_rate"] * HUNDRED),
            row["category"],
            "" if max_discount is None else decimal_text(max_discount),
            money(row["floor_price"]),
            money(self.list_prices.get(row["id"])),
        ][column]


class CatalogView(QWidget):
    """The catalog with the chosen price list's prices beside the list prices."""

    FIELDS = (
        "sku",
        "name",
        "specification",
        "unit",
        "list_price",
        "tax_pct",
        "category",
        "max_discount_pct",
        "floor_price",
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search products…"))
        self.price_list = QComboBox()
        self.price_list.setObjectName("price-list")
        self.price_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model = ProductsModel(self)
        self.table = setup_table(
            QTableView(),
            self.model,
            "products",
            single=True,
            fit=QHeaderView.ResizeMode.ResizeToContents,
        )
        self.edits = {name: QLineEdit() for name in self.FIELDS}
        labels = {
            "sku": self.tr("SKU"),
            "name": self.tr("Name"),
            "specification": self.tr("Specification"),
            "unit": self.tr("Unit"),
            "list_price": self.tr("List price"),
            "tax_pct": self.tr("Tax %"),
            "category": self.tr("Category"),
            "max_discount_pct": self.tr("Max. discount %"),
            "floor_price": self.tr("Floor price"),
        }
        form = QFormLayout()
        for name in self.FIELDS:
            form.addRow(labels[name], self.edits[name])
        self.save_button = QPushButton(self.tr("Save product"))
        self.new_button = QPushButton(self.tr("New product"))
        self.list_price_edit = QLineEdit()
        self.list_price_edit.setObjectName("price-on-list")
        self.set_price_button = QPushButton(self.tr("Set price on this list"))
        self.error = QLabel()
        show_as_error(self.error)
        self.error.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("Price list")))
        top.addWidget(self.price_list)
        self.export = ListExport(self.table, ctx, lambda: self.tr("Products"), scope=self)
        top.addWidget(self.export.button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list_price_edit)
        list_row.addWidget(self.set_price_button)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(buttons)
        side.addLayout(list_row)
        side.addWidget(self.error)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        editable = ctx.is_manager
        for widget in (
            *self.edits.values(),
            self.save_button,
            self.new_button,
            self.list_price_edit,
            self.set_price_button,
        ):
            widget.setEnabled(editable)
        self.product_id: str | None = None
        self.search.textChanged.connect(self.reload)
        self.price_list.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.new_product)
        self.save_button.clicked.connect(self.save_product)
        self.set_price_button.clicked.connect(self.set_list_price)
        self._lists_loaded = False

    def reload(self, *_: object) -> None:
        search, list_id = self.search.text(), self.price_list.currentData()
        need_lists = not self._lists_loaded

        def load(session: Session) -> tuple[list[Record], dict[str, Any], list[Record] | None]:
            rows = catalog.list_products(session, search, include_inactive=True, limit=1000)
            prices = (
                {
                    i["product_id"]: i["unit_price"]
                    for i in catalog.price_list_items(session, list_id)
                }
                if list_id
                else {}
            )
            return rows, prices, catalog.list_price_lists(session) if need_lists else None

        self.ctx.tasks.read(load, self._show, key="catalog")

    def _show(self, loaded: tuple[list[Record], dict[str, Any], list[Record] | None]) -> None:
        rows, prices, lists = loaded
        if lists is not None:
            self._lists_loaded = True
            self.price_list.blockSignals(True)
            self.price_list.addItem(self.tr("(list prices only)"), None)
            for item in lists:
                self.price_list.addItem(item["name"], item["id"])
            self.price_list.blockSignals(False)
        self.model.set_products(rows, prices)

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.rows[current.row()]
        self.product_id = row["id"]
        for name, edit in self.edits.items():
            value = row["tax_rate"] * HUNDRED if name == "tax_pct" else row[name]
            edit.setText(
                ""
                if value is None
                else decimal_text(value)
                if not isinstance(value, str)
                else value
            )
        on_list = self.model.list_prices.get(row["id"])
        self.list_price_edit.setText("" if on_list is None else decimal_text(on_list))

    @Slot()
    def new_product(self) -> None:
        self.product_id = None
        self.table.clearSelection()
        for edit in self.edits.values():
            edit.clear()
        self.edits["tax_pct"].setText("13")

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, edit in self.edits.items():
            text = edit.text().strip()
            if name in ("list_price", "floor_price", "max_discount_pct", "tax_pct"):
                number = to_decimal(text) if text else None
                if name == "tax_pct":
                    values["tax_rate"] = (number or 0) / HUNDRED
                else:
                    values[name] = number
            else:
                values[name] = text
        return values

    def _write(self, work: Any) -> None:
        def failed(error: BaseException) -> None:
            self.error.setText(error_text(error))

        def done(_: object) -> None:
            self.error.clear()
            self.reload()

        self.ctx.tasks.write(work, done, failed)

    @Slot()
    def save_product(self) -> None:
        try:
            values = self._values()
        except MoneyError as exc:
            self.error.setText(str(exc))
            return
        product_id = self.product_id

        def work(uow: UnitOfWork) -> object:
            if product_id is None:
                return catalog.create_product(uow, values)
            return catalog.update_product(uow, product_id, values)

        self._write(work)

    @Slot()
    def set_list_price(self) -> None:
        list_id, product_id = self.price_list.currentData(), self.product_id
        if list_id is None or product_id is None:
            self.error.setText(self.tr("Choose a price list and a product first"))
            return
        text = self.list_price_edit.text().strip()
        try:
            price = to_decimal(text) if text else None
        except MoneyError as exc:
            self.error.setText(str(exc))
            return
        self._write(lambda uow: catalog.set_item_price(uow, list_id, product_id, price))
