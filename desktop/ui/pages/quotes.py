"""The Quotes page: the latest revision of every quote (search, status filter) beside
the quote editor; "New quote" for a customer; orders and receivables underneath."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.models import QUOTE_STATUSES
from desktop.domain.services import quotes
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_picker import AccountPickerDialog
from desktop.ui.context import AppContext
from desktop.ui.export_view import LazyRows, ListExport, by_offset
from desktop.ui.pages.base import Page, heading
from desktop.ui.quotes.catalog import CatalogView
from desktop.ui.quotes.editor import QuoteEditor
from desktop.ui.quotes.models import PAGE_SIZE, QuoteListModel, status_label
from desktop.ui.quotes.orders import OrdersView
from desktop.ui.table_model import ROW_ID_ROLE, setup_table

WATCHED = {"quote", "quote_line", "sales_order", "payment", "account"}


class QuotesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.search.setObjectName("quote-search")
        self.search.setPlaceholderText(self.tr("Search number or customer…"))
        self.status = QComboBox()
        self.status.setObjectName("quote-status-filter")
        self.status.addItem(self.tr("All statuses"), None)
        for status in QUOTE_STATUSES:
            self.status.addItem(status_label(status), status)
        self.new_button = QPushButton(self.tr("New quote…"))
        self.new_button.setObjectName("quote-new")

        self.model = QuoteListModel(self._fetch_more, self)
        self.table = setup_table(
            QTableView(),
            self.model,
            "quote-list",
            single=True,
            wrap=False,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=QuoteListModel.ACCOUNT,
        )
        # A narrow, readable column: number, customer, status, total (the revision and
        # the validity are in the editor).
        for column in (QuoteListModel.REVISION, QuoteListModel.VALID):
            self.table.setColumnHidden(column, True)
        self.editor = QuoteEditor(ctx)
        self.empty = self._empty_state()
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.editor)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        left = QWidget()
        self.export = ListExport(
            self.table, ctx, lambda: self.tr("Quotes"), rows=self._export_rows, scope=left
        )
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.export.button)
        actions.addStretch(1)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.table)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setCollapsible(0, True)  # drag the list away to give the editor the room
        splitter.setCollapsible(1, False)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 870])
        self.orders = OrdersView(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Quotes"))
        self.tabs.addTab(self.orders, self.tr("Orders and receivables"))
        self.catalog = CatalogView(ctx)
        self.tabs.addTab(self.catalog, self.tr("Products and price lists"))
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Quotes")))
        layout.addWidget(self.tabs, 1)

        self.search.textChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self.new_button.clicked.connect(self.new_quote)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.editor.changed.connect(self._after_write)
        self.picker: AccountPickerDialog | None = None
        self._pending_select: str | None = None
        self._swept = False
        self._list_width: int | None = None  # what its columns need, once rows are in
        self._dragged = False
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_dragged", True))

    def _empty_state(self) -> QWidget:
        """Nothing selected: say so and offer a new quote, never a disabled form."""
        text = QLabel(self.tr("No quote is open. Choose one in the list, or start a new one."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("New quote"))
        button.setObjectName("quote-empty-new")
        button.clicked.connect(self.new_quote)
        box = QWidget()
        box.setObjectName("quote-empty")
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return box

    def _open(self, quote_id: str) -> None:
        self.right.setCurrentWidget(self.editor)
        self.editor.load(quote_id)

    # -- data -------------------------------------------------------------------------
    def _filter(self) -> quotes.QuoteFilter:
        return quotes.QuoteFilter(status=self.status.currentData(), search=self.search.text())

    def activate(self) -> None:
        if not self._swept:
            # Sent quotes past their validity date become expired (a write, once per run).
            self._swept = True
            self.ctx.tasks.write(quotes.expire_overdue)
        self.reload()

    @Slot()
    def reload(self, *_: object) -> None:
        where = self._filter()
        today = dt.datetime.now(self.ctx.zone).date()

        def load(session: Session) -> tuple[int, list[Record]]:
            total = quotes.count_quotes(session, where)
            return total, quotes.list_quotes(session, where, limit=PAGE_SIZE, today=today)

        self.ctx.tasks.read(load, self._show, key="quote-list")

    def _show(self, loaded: tuple[int, list[Record]]) -> None:
        total, rows = loaded
        self.model.reset(total, rows)
        if self._list_width is None and rows:
            self._list_width = self._columns_width()
            self._size_list()
        wanted = self._pending_select or self.editor.quote_id
        self._pending_select = None
        if wanted:
            self.select_quote(wanted, load=False)

    def _columns_width(self) -> int:
        table = self.table
        wanted = sum(
            max(table.sizeHintForColumn(c), table.horizontalHeader().sectionSizeHint(c))
            for c in range(self.model.columnCount())
            if not table.isColumnHidden(c)
        )
        return wanted + table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()

    def _size_list(self) -> None:
        """The list as wide as its columns need, up to 45 % of the page, until the user
        drags the divider."""
        if self._list_width is None or self._dragged:
            return
        room = sum(self.splitter.sizes())
        left = min(self._list_width, room * 45 // 100)
        self.splitter.setSizes([left, room - left])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_list()

    def _fetch_more(self, offset: int) -> None:
        where = self._filter()
        today = dt.datetime.now(self.ctx.zone).date()
        self.ctx.tasks.read(
            lambda s: quotes.list_quotes(s, where, offset=offset, limit=PAGE_SIZE, today=today),
            self.model.append,
            key="quote-list-more",
        )

    def _export_rows(self) -> LazyRows:
        """Every quote of the current search and status filter, in the list's order."""
        where = self._filter()
        today = dt.datetime.now(self.ctx.zone).date()
        return by_offset(
            lambda s, offset, limit: quotes.list_quotes(
                s, where, offset=offset, limit=limit, today=today
            ),
            self.model.total,
        )

    def on_data_changed(self, entities: set[str]) -> None:
        if entities & WATCHED and self.isVisible():
            self.reload()
            if self.tabs.currentWidget() is self.orders:
                self.orders.reload()

    @Slot(int)
    def _on_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.orders:
            self.orders.reload()
        elif self.tabs.currentWidget() is self.catalog:
            self.catalog.reload()

    # -- selection ----------------------------------------------------------------------
    def select_quote(self, quote_id: str, load: bool = True) -> None:
        for row, record in enumerate(self.model.rows):
            if record["id"] == quote_id:
                self.table.selectRow(row)
                break
        if load:
            self._open(quote_id)

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            quote_id = current.data(ROW_ID_ROLE)
            if quote_id != self.editor.quote_id:
                self._open(quote_id)

    def open_record(self, entity: str, row_id: str) -> bool:
        if entity in ("order", "sales_order"):
            self.orders.order_id = row_id
            self.tabs.setCurrentWidget(self.orders)
            self.orders.reload()
            return True
        if entity != "quote":
            return False
        self.tabs.setCurrentIndex(0)
        self._pending_select = row_id
        self._open(row_id)
        self.reload()
        return True

    @Slot(str)
    def _after_write(self, quote_id: str) -> None:
        self._pending_select = quote_id
        self.reload()

    # -- new quote ----------------------------------------------------------------------
    @Slot()
    def new_quote(self) -> None:
        self.picker = AccountPickerDialog(self.ctx, self.tr("New quote"), self)
        self.picker.finished.connect(self._picked)
        self.picker.open()

    @Slot(int)
    def _picked(self, result: int) -> None:
        picker, self.picker = self.picker, None
        if picker is None or result != QDialog.DialogCode.Accepted:
            return
        choice = picker.chosen()
        if choice is not None:
            self.create_quote(choice.id)

    def create_quote(self, account_id: str) -> None:
        def create(uow: UnitOfWork) -> str:
            return quotes.create_quote(uow, account_id)

        def created(quote_id: str) -> None:
            self.open_record("quote", quote_id)

        self.ctx.tasks.write(create, created, self.editor._failed)
