"""The account's Timeline tab: everything that happened to the account in one list,
newest first (``desktop.domain.services.timeline``), filtered by kind with a row of
toggle buttons, a page at a time ("Show older"). Double-click or Enter opens an item's
record: a visit, quote, order (a payment's too) or complaint on its page, a file with
the program the system has for it, and a field change of the account or its contacts
on the account's History tab.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import timeline
from desktop.domain.services.timeline import Cursor, TimelineItem, TimelinePage
from desktop.ui.account_tabs import AccountTab
from desktop.ui.accounts.detail import AccountDetail
from desktop.ui.accounts.files_tab import file_size
from desktop.ui.context import AppContext
from desktop.ui.format import local_date, local_datetime, money
from desktop.ui.labels import complaint_label, field_label, value_label
from desktop.ui.sync.labels import entity_label
from desktop.ui.table_model import ROW_ID_ROLE, TableModel

# Records that open on a page of their own (the main window's open_record).
OPENS_ON_A_PAGE = frozenset({"visit", "quote", "sales_order", "complaint", "task"})
FUTURE = "#7a7a7a"


def kind_label(kind: str) -> str:
    words = {
        "visit": QCoreApplication.translate("Timeline", "Visit"),
        "quote": QCoreApplication.translate("Timeline", "Quote"),
        "order": QCoreApplication.translate("Timeline", "Order"),
        "payment": QCoreApplication.translate("Timeline", "Payment"),
        "complaint": QCoreApplication.translate("Timeline", "Complaint"),
        "change": QCoreApplication.translate("Timeline", "Change"),
        "file": QCoreApplication.translate("Timeline", "File"),
    }
    return words.get(kind, kind)


def filter_label(kind: str) -> str:
    words = {
        "visit": QCoreApplication.translate("Timeline", "Visits"),
        "quote": QCoreApplication.translate("Timeline", "Quotes"),
        "order": QCoreApplication.translate("Timeline", "Orders"),
        "payment": QCoreApplication.translate("Timeline", "Payments"),
        "complaint": QCoreApplication.translate("Timeline", "Complaints"),
        "change": QCoreApplication.translate("Timeline", "Changes"),
        "file": QCoreApplication.translate("Timeline", "Files"),
    }
    return words.get(kind, kind)


def what(item: TimelineItem) -> str:
    """What the item is, in words: the user's own text, or the fields a change touched."""
    if item.kind == "change":
        fields = ", ".join(field_label(item.entity, f) for f in item.fields)
        return f"{entity_label(item.entity)}: {fields}"
    if item.kind == "payment":
        return QCoreApplication.translate("Timeline", "Payment for order %1").replace(
            "%1", item.title
        )
    if item.kind == "visit" and not item.title:
        return QCoreApplication.translate("Timeline", "(no purpose written)")
    return item.title


def status(item: TimelineItem) -> str:
    code = item.status
    if code is None:
        return ""
    fields = {
        "visit": ("visit", "status"),
        "quote": ("quote", "status"),
        "order": ("sales_order", "delivery_status"),
        "payment": ("payment", "method"),
        "file": ("attachment", "kind"),
    }
    if item.kind == "complaint":
        return complaint_label(code)
    entity, field = fields.get(item.kind, ("", ""))
    return value_label(entity, field, code) or code


class TimelineModel(TableModel[TimelineItem]):
    WHEN, KIND, WHAT, STATUS, AMOUNT, WHO = range(6)
    RIGHT_ALIGNED = frozenset({AMOUNT})
    EXPORT_KINDS: ClassVar[dict[int, str]] = {WHEN: "datetime", AMOUNT: "money"}

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Kind"),
            self.tr("What"),
            self.tr("Status"),
            self.tr("Amount"),
            self.tr("Who"),
        ]

    def display(self, row: TimelineItem, column: int) -> Any:
        if column == self.WHEN:
            return local_date(row.day) if row.day else local_datetime(row.at, self.ctx.zone)
        if column == self.KIND:
            return kind_label(row.kind)
        if column == self.WHAT:
            return what(row)
        if column == self.STATUS:
            return status(row)
        if column == self.AMOUNT:
            if row.size is not None:
                return file_size(row.size)
            return money(row.amount) if row.amount is not None else ""
        return row.who or ""

    def sort_value(self, row: TimelineItem, column: int) -> Any:
        if column == self.WHEN:
            return row.at.isoformat()
        return self.display(row, column)

    def export_value(self, row: TimelineItem, column: int) -> Any:
        if column == self.WHEN:
            return row.at
        if column == self.AMOUNT and row.size is None:
            return row.amount
        return self.display(row, column)

    def role_data(self, row: TimelineItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "planned":
            return QBrush(QColor(FUTURE))  # a visit still to come
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHAT:
            return what(row)
        return None

    def append(self, rows: list[TimelineItem]) -> None:
        """The next page, below the rows shown (their selection and scroll stay)."""
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()


class AccountTimelineTab(AccountTab):
    entity = "timeline"
    watched = frozenset(
        {"visit", "quote", "sales_order", "payment", "complaint", "change_record", "attachment"}
    )
    stretch = TimelineModel.WHAT

    file_open_requested = Signal(str)  # attachment id
    history_requested = Signal()  # a change of the account itself: its History tab

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.kinds: set[str] = set(timeline.KINDS)
        self.after: Cursor | None = None
        super().__init__(ctx, TimelineModel(ctx), parent)
        # Enter opens the current item too: "activated" is a double-click or Enter.
        self.table.doubleClicked.disconnect(self.open_index)
        self.table.activated.connect(self.open_index)
        filters = QHBoxLayout()
        self.filters: dict[str, QToolButton] = {}
        for kind in timeline.KINDS:
            button = QToolButton()
            button.setObjectName(f"timeline-filter-{kind}")
            button.setText(filter_label(kind))
            button.setCheckable(True)
            button.setChecked(True)
            button.toggled.connect(self._filter_changed)
            self.filters[kind] = button
            filters.addWidget(button)
        filters.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, filters)
        self.more_button = QPushButton(self.tr("Show older"))
        self.more_button.setObjectName("timeline-more")
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()
        buttons = layout.itemAt(layout.count() - 1).layout()
        assert isinstance(buttons, QHBoxLayout)
        buttons.insertWidget(1, self.more_button)

    def title(self) -> str:
        return self.tr("Timeline")

    def loader(self, account_id: str) -> Any:
        kinds = frozenset(self.kinds)
        return lambda session: timeline.timeline(session, account_id, kinds)

    def show_result(self, result: TimelinePage) -> None:
        self.model.set_rows(result.items)
        self.after = result.after
        self._summarise()

    def _summarise(self) -> None:
        self.more_button.setVisible(self.after is not None)
        count = self.model.rowCount()
        if count == 0:
            self.summary.setText(self.tr("Nothing of these kinds yet."))
        elif self.after is not None:
            self.summary.setText(
                self.tr("The newest %1 items; “Show older” for more.").replace("%1", str(count))
            )
        else:
            self.summary.setText(self.tr("%1 items, newest first.").replace("%1", str(count)))

    def load_more(self) -> None:
        account_id, after = self.account_id, self.after
        if account_id is None or after is None:
            return
        kinds = frozenset(self.kinds)

        def arrived(page: TimelinePage) -> None:
            if self.account_id != account_id or self.after != after:
                return  # another account, or a reload, since
            model = self.model
            assert isinstance(model, TimelineModel)
            model.append(page.items)
            self.after = page.after
            self._summarise()

        self.ctx.tasks.read(
            lambda session: timeline.timeline(session, account_id, kinds, after=after),
            arrived,
            key=f"timeline-more-{id(self)}",
        )

    def _filter_changed(self) -> None:
        self.kinds = {kind for kind, button in self.filters.items() if button.isChecked()}
        self.reload()

    def open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        model = self.model
        assert isinstance(model, TimelineModel)
        item = model.row_at(model.row_of(str(index.data(ROW_ID_ROLE))))
        if item is None:
            return
        if item.kind == "file":
            self.file_open_requested.emit(item.open_id)
        elif item.entity in OPENS_ON_A_PAGE:
            self.ctx.events.open_record.emit(item.entity, item.open_id)
        else:  # a change of the account, a contact, a line: the account's history
            self.history_requested.emit()


def add_timeline(ctx: AppContext, detail: AccountDetail) -> AccountTimelineTab:
    """Put the Timeline tab on the account detail, right after the profile."""
    tab = AccountTimelineTab(ctx)
    detail.tabs.insertTab(1, tab, tab.title())
    detail.account_shown.connect(tab.set_account)
    tab.file_open_requested.connect(detail.file_open_requested.emit)
    history = detail.findChild(QTableView, "history-view")
    tab.history_requested.connect(lambda: detail.tabs.setCurrentWidget(history))
    return tab
