"""The account detail's tabs that show other areas' records of the account: visits
(history and planned), quotes (latest revisions), complaints and receivables.

Each tab loads through ``ctx.tasks`` when it is shown for an account (not before: a
rep opening an account pays only for the tabs they look at) and again when a write
touches what it lists. A double-click opens the record on its own page through
``ctx.events.open_record``. ``add_account_tabs`` puts them on an ``AccountDetail``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.services import complaints, orders, quotes, visits
from desktop.domain.services.complaints import ComplaintView
from desktop.domain.services.records import Record
from desktop.domain.services.visits import VisitRow
from desktop.ui.accounts.detail import AccountDetail
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import ERROR_COLOR, local_datetime, money
from desktop.ui.labels import complaint_label
from desktop.ui.quotes.models import QuoteListModel
from desktop.ui.quotes.orders import OrdersModel
from desktop.ui.table_model import ROW_ID_ROLE, TableModel, setup_table
from desktop.ui.visits.models import AgendaModel

OPEN_QUOTE_STATUSES = ("draft", "pending_approval", "approved", "returned", "sent")
NEAR = "#8a5a00"


class AccountView(QWidget):
    """Something of the shown account that loads only while visible: ``set_account``
    marks it stale, showing it (or a write to a ``watched`` entity) calls ``reload``."""

    watched: ClassVar[frozenset[str]] = frozenset()  # entities whose writes reload the tab

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account_id: str | None = None
        self.loaded_for: str | None = None  # the account whose data is on screen
        self._stale = False
        ctx.tasks.changed.connect(self._on_changed)

    def loader(self, account_id: str) -> Any:
        """A function of a Session that returns the data to show (runs on a worker)."""
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        account_id = self.account_id
        if account_id is None:
            return
        self._stale = False

        self.ctx.tasks.read(
            self.loader(account_id),
            lambda result: self.show_loaded(account_id, result),
            key=f"account-view-{id(self)}",
        )

    def show_loaded(self, account_id: str, result: Any) -> None:
        self.loaded_for = account_id
        self.show_result(result)

    def set_account(self, account_id: str | None) -> None:
        if account_id == self.loaded_for and not self._stale:
            return  # the same account shown again; writes reload through _on_changed
        self.account_id = account_id
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_changed(self, entities: set[str]) -> None:
        if entities & self.watched:
            self._stale = True
            if self.isVisible():
                self.reload()


class AccountTab(AccountView):
    """A summary line over a list of one kind of record of the shown account."""

    entity: ClassVar[str] = ""  # what open_record is asked to show
    hidden: ClassVar[tuple[int, ...]] = ()  # columns the account tab does not need
    stretch: ClassVar[int | None] = None  # the column that takes the spare width

    def __init__(self, ctx: AppContext, model: TableModel[Any], parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.model = model
        self.wanted: str | None = None  # a record to select once the tab has loaded
        model.setParent(self)
        self.summary = QLabel()
        self.summary.setObjectName(f"{self.entity}-tab-summary")
        self.summary.setWordWrap(True)
        self.table = setup_table(
            QTableView(),
            model,
            f"{self.entity}-tab-list",
            single=True,
            wrap=False,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=self.stretch,
        )
        for column in self.hidden:
            self.table.hideColumn(column)
        self.table.doubleClicked.connect(self.open_index)
        self.open_button = QPushButton(QCoreApplication.translate("AccountTab", "Open"))
        self.open_button.setToolTip(
            QCoreApplication.translate(
                "AccountTab", "Show it on its page (or double-click the row)"
            )
        )
        self.open_button.clicked.connect(lambda: self.open_index(self.table.currentIndex()))
        # The Accounts page owns Ctrl+E (its list); a tab exports by button or menu.
        self.export = ListExport(self.table, ctx, self.title, shortcut=False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # -- what a tab says ------------------------------------------------------------------

    def title(self) -> str:
        raise NotImplementedError

    # -- loading --------------------------------------------------------------------------

    def show_loaded(self, account_id: str, result: Any) -> None:
        # The same account again (a write, a pull): its selected record stays selected.
        current = self.table.currentIndex()
        keep = current.data(ROW_ID_ROLE) if self.loaded_for == account_id else None
        keep, self.wanted = self.wanted or keep, None
        super().show_loaded(account_id, result)
        if keep and (row := self.model.row_of(str(keep))) >= 0:
            self.table.selectRow(row)

    def open_index(self, index: QModelIndex) -> None:
        row_id = index.data(ROW_ID_ROLE) if index.isValid() else None
        if row_id:
            self.ctx.events.open_record.emit(self.entity, str(row_id))


# -- visits -----------------------------------------------------------------------------


class AccountVisitsTab(AccountTab):
    entity = "visit"
    watched = frozenset({"visit"})
    hidden = (AgendaModel.ACCOUNT,)
    stretch = AgendaModel.PURPOSE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, AgendaModel(ctx.zone), parent)

    def title(self) -> str:
        return self.tr("Visits")

    def loader(self, account_id: str) -> Any:
        return lambda session: visits.account_visits(session, account_id)

    def show_result(self, result: list[VisitRow]) -> None:
        self.model.set_rows(result)
        now = dt.datetime.now(dt.UTC)
        done = [v.start for v in result if v.status == "done"]
        planned = [v.start for v in result if v.status == "planned" and v.start >= now]
        if not result:
            self.summary.setText(self.tr("No visits yet."))
            return
        last = local_datetime(max(done), self.ctx.zone) if done else self.tr("never")
        upcoming = local_datetime(min(planned), self.ctx.zone) if planned else self.tr("none")
        self.summary.setText(
            self.tr("Last visit: %1 · next planned: %2 · visits in all: %3")
            .replace("%1", last)
            .replace("%2", upcoming)
            .replace("%3", str(len(result)))
        )


# -- quotes -----------------------------------------------------------------------------


class AccountQuotesTab(AccountTab):
    entity = "quote"
    watched = frozenset({"quote", "quote_line"})
    hidden = (QuoteListModel.ACCOUNT,)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QuoteListModel(), parent)

    def title(self) -> str:
        return self.tr("Quotes")

    def loader(self, account_id: str) -> Any:
        where = quotes.QuoteFilter(account_id=account_id)
        today = dt.datetime.now(self.ctx.zone).date()
        return lambda session: quotes.list_quotes(session, where, today=today)

    def show_result(self, result: list[Record]) -> None:
        model = self.model
        assert isinstance(model, QuoteListModel)
        model.reset(len(result), result)
        if not result:
            self.summary.setText(self.tr("No quotes yet."))
            return
        open_quotes = [q for q in result if q["shown_status"] in OPEN_QUOTE_STATUSES]
        value = sum((q["total"] for q in open_quotes), Decimal(0))
        self.summary.setText(
            self.tr("Quotes (latest revisions): %1 · open: %2, worth %3")
            .replace("%1", str(len(result)))
            .replace("%2", str(len(open_quotes)))
            .replace("%3", money(value))
        )


# -- complaints -------------------------------------------------------------------------


class AccountComplaintsModel(TableModel[ComplaintView]):
    OPENED, TITLE, CATEGORY, SEVERITY, STATUS, SLA_DUE, AGE = range(7)
    RIGHT_ALIGNED = frozenset({AGE})
    EXPORT_KINDS: ClassVar[dict[int, str]] = {OPENED: "datetime", SLA_DUE: "datetime", AGE: "int"}

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def headers(self) -> list[str]:
        return [
            self.tr("Opened"),
            self.tr("Title"),
            self.tr("Category"),
            self.tr("Severity"),
            self.tr("Status"),
            self.tr("SLA due"),
            self.tr("Age (days)"),
        ]

    def display(self, row: ComplaintView, column: int) -> Any:
        zone = self.ctx.zone
        return [
            local_datetime(row.opened_at, zone),
            row.title,
            complaint_label(row.category),
            complaint_label(row.severity),
            complaint_label(row.status),
            local_datetime(row.sla_due_at, zone),
            str(row.age_days),
        ][column]

    def sort_value(self, row: ComplaintView, column: int) -> Any:
        return row.age_days if column == self.AGE else self.display(row, column)

    def export_value(self, row: ComplaintView, column: int) -> Any:
        typed = {self.OPENED: row.opened_at, self.SLA_DUE: row.sla_due_at, self.AGE: row.age_days}
        return typed[column] if column in typed else self.display(row, column)

    def role_data(self, row: ComplaintView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.SLA_DUE, self.STATUS):
            colour = {"breached": ERROR_COLOR, "missed": ERROR_COLOR, "near_breach": NEAR}.get(
                row.sla_state
            )
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and row.sla_state == "breached":
            return self.tr("Past its SLA")
        if role == Qt.ItemDataRole.ToolTipRole and row.sla_state == "near_breach":
            return self.tr("Close to its SLA")
        return None


class AccountComplaintsTab(AccountTab):
    entity = "complaint"
    watched = frozenset({"complaint"})
    stretch = AccountComplaintsModel.TITLE

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, AccountComplaintsModel(ctx), parent)

    def title(self) -> str:
        return self.tr("Complaints")

    def loader(self, account_id: str) -> Any:
        return lambda session: complaints.complaint_views(session, account_id=account_id)

    def show_result(self, result: list[ComplaintView]) -> None:
        self.model.set_rows(result)
        if not result:
            self.summary.setText(self.tr("No complaints."))
            return
        still_open = [c for c in result if c.status not in complaints.CLOSED]
        breached = [c for c in still_open if c.sla_state == "breached"]
        self.summary.setText(
            self.tr("Complaints: %1 · open: %2 · past their SLA: %3")
            .replace("%1", str(len(result)))
            .replace("%2", str(len(still_open)))
            .replace("%3", str(len(breached)))
        )


# -- receivables ------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountOrders:
    orders: list[Record]
    receivables: orders.Receivables


def load_orders(session: Session, account_id: str, today: dt.date) -> AccountOrders:
    return AccountOrders(
        orders.list_orders(session, today, account_id=account_id, limit=None),
        orders.receivables(session, today, account_id=account_id),
    )


class AccountReceivablesTab(AccountTab):
    entity = "sales_order"
    watched = frozenset({"sales_order", "payment", "delivery"})
    hidden = (OrdersModel.ACCOUNT,)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, OrdersModel(), parent)

    def title(self) -> str:
        return self.tr("Orders")  # what is paid on an order, by instalment: 回款's own tab

    def loader(self, account_id: str) -> Any:
        today = dt.datetime.now(self.ctx.zone).date()
        return lambda session: load_orders(session, account_id, today)

    def show_result(self, result: AccountOrders) -> None:
        self.model.set_rows(result.orders)
        if not result.orders:
            self.summary.setText(self.tr("No orders yet."))
            return
        owed = result.receivables
        text = self.tr("Outstanding: %1 · orders: %2").replace("%1", money(owed.outstanding))
        text = text.replace("%2", str(len(result.orders)))
        if owed.overdue_orders:
            text += " · " + (
                self.tr("overdue: %1 · overdue orders: %2")
                .replace("%1", money(owed.overdue))
                .replace("%2", str(owed.overdue_orders))
            )
            self.summary.setStyleSheet(f"color: {ERROR_COLOR}")
        else:
            self.summary.setStyleSheet("")
        self.summary.setText(text)


def add_account_tabs(ctx: AppContext, detail: AccountDetail) -> list[AccountTab]:
    """Put the visits, opportunities, competitors, quotes, contracts, complaints and
    receivables tabs on the account detail."""
    from desktop.ui.pipeline.account_tab import AccountOpportunitiesTab
    from desktop.ui.pipeline.competitors import AccountCompetitorsTab
    from desktop.ui.pipeline.contracts_tab import AccountContractsTab
    from desktop.ui.receivables.account_tab import AccountInstalmentsTab

    tabs: list[AccountTab] = [
        AccountVisitsTab(ctx),
        AccountOpportunitiesTab(ctx),
        AccountCompetitorsTab(ctx),
        AccountQuotesTab(ctx),
        AccountContractsTab(ctx),
        AccountComplaintsTab(ctx),
        AccountReceivablesTab(ctx),
        AccountInstalmentsTab(ctx),
    ]
    for tab in tabs:
        detail.add_tab(tab, tab.title())
        detail.account_shown.connect(tab.set_account)
    return tabs
