"""The approval inbox: the quotes waiting for this manager (the rule book says whose), each
with why it needs approval, the rep's reason, how far it is below list price and the
account's recent business; Approve (after a confirmation) or Return (with a note). A
second tab holds the contracts under this manager's review (sign or return them)."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import approvals
from desktop.domain.services.approvals import PendingQuote
from desktop.ui.context import AppContext
from desktop.ui.format import fill, local_date, local_datetime, money, show_as_error
from desktop.ui.pages.base import Page, heading
from desktop.ui.pipeline.contract_review import ContractReview
from desktop.ui.quotes.approval import ApprovalPanel
from desktop.ui.quotes.models import reason_text
from desktop.ui.table_model import ROW_ID_ROLE, TableModel, setup_table

WATCHED = {"quote", "quote_line", "user", "team", "contract"}


class PendingModel(TableModel[PendingQuote]):
    NUMBER, ACCOUNT, REP, TOTAL, BELOW, SUBMITTED = range(6)
    RIGHT_ALIGNED = frozenset({TOTAL, BELOW})

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def headers(self) -> list[str]:
        return [
            self.tr("Number"),
            self.tr("Customer"),
            self.tr("Rep"),
            self.tr("Total"),
            self.tr("Below list"),
            self.tr("Submitted"),
        ]

    def row_id(self, row: PendingQuote) -> str | None:
        return row.quote_id

    def display(self, row: PendingQuote, column: int) -> Any:
        return {
            self.NUMBER: f"{row.number} {row.revision}",
            self.ACCOUNT: row.account_name,
            self.REP: row.owner_name,
            self.TOTAL: money(row.total, row.currency),
            self.BELOW: f"{row.below_list_pct}%",
            self.SUBMITTED: local_datetime(row.submitted_at, self.ctx.zone),
        }[column]


class ApprovalsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = PendingModel(ctx, self)
        self.table = setup_table(
            QTableView(),
            self.model,
            "approval-list",
            single=True,
            wrap=False,
            read_only=True,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=PendingModel.ACCOUNT,
        )

        self.title = QLabel()
        self.title.setObjectName("approval-title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.reasons = QLabel()
        self.reasons.setObjectName("approval-reasons")
        self.reasons.setWordWrap(True)
        show_as_error(self.reasons)
        self.facts = QLabel()
        self.facts.setObjectName("approval-facts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.panel = ApprovalPanel(ctx)
        self.open_button = QPushButton(self.tr("Open the quote"))
        self.open_button.setObjectName("approval-open")
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.addWidget(self.title)
        column.addWidget(self.reasons)
        column.addWidget(self.facts)
        column.addWidget(self.panel)
        column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.empty = QLabel()
        self.empty.setObjectName("approval-empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        self.contracts = ContractReview(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("approval-tabs")
        self.tabs.addTab(self.stack, self.tr("Quotes"))
        self.tabs.addTab(self.contracts, self.tr("Contracts"))
        self.contracts.counted.connect(
            lambda n: self.tabs.setTabText(1, fill(self.tr("Contracts (%1)"), n))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Approvals")))
        layout.addWidget(self.tabs, 1)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.panel.decided.connect(self._decided)
        self.open_button.clicked.connect(self._open_quote)
        self.chosen: PendingQuote | None = None

    def activate(self) -> None:
        self.reload()

    def on_data_changed(self, entities: set[str]) -> None:
        if entities & WATCHED and self.isVisible():
            self.reload()

    def reload(self) -> None:
        user_id = self.ctx.user_id
        now = dt.datetime.now(dt.UTC)
        self.ctx.tasks.read(
            lambda s: approvals.inbox(s, user_id, now), self._show, key="approval-inbox"
        )
        self.contracts.reload()

    def _show(self, rows: list[PendingQuote]) -> None:
        keep = self.chosen.quote_id if self.chosen is not None else None
        self.model.set_rows(rows)
        self.tabs.setTabText(0, fill(self.tr("Quotes (%1)"), len(rows)))
        if not rows:
            self.chosen = None
            self.empty.setText(
                self.tr("Nothing waits for your approval.")
                if self.ctx.is_manager
                else self.tr(
                    "Quotes you submit for approval go to your manager; nothing waits for you here."
                )
            )
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.splitter)
        index = next((i for i, r in enumerate(rows) if r.quote_id == keep), 0)
        self.table.selectRow(index)
        self._fill(rows[index])

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and 0 <= current.row() < len(self.model.rows):
            self._fill(self.model.rows[current.row()])

    def _fill(self, row: PendingQuote) -> None:
        if self.chosen is not None and self.chosen == row:
            return
        self.chosen = row
        self.title.setText(
            fill(self.tr("%1 rev. %2 · %3"), row.number, row.revision, row.account_name)
        )
        self.reasons.setText(
            self.tr("Needs approval:")
            + "\n"
            + "\n".join(f"• {reason_text(r)}" for r in row.reasons)
        )
        self.reasons.setVisible(bool(row.reasons))
        summary = row.account
        lines = [
            fill(
                self.tr("<b>Rep:</b> %1 · <b>Total:</b> %2"),
                escape(row.owner_name),
                money(row.total, row.currency),
            ),
            fill(self.tr("<b>Why:</b> %1"), escape(row.justification or "—")),
            fill(
                self.tr("<b>Margin:</b> %1 below list price (%2%), net %3"),
                money(row.below_list, row.currency),
                row.below_list_pct,
                money(row.net_value, row.currency),
            ),
            fill(
                self.tr(
                    "<b>Account:</b> %1 won, %2 lost; %3 orders for %4 in the last 12 months; "
                    "last visit %5"
                ),
                summary.won,
                summary.lost,
                summary.orders,
                money(summary.ordered),
                local_date(summary.last_visit) or self.tr("none"),
            ),
        ]
        self.facts.setText("<br/>".join(lines))
        self.panel.load(row.quote_id)

    @Slot(str)
    def _decided(self, _quote_id: str) -> None:
        self.chosen = None
        self.reload()

    @Slot()
    def _open_quote(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.ctx.events.open_record.emit("quote", str(index.data(ROW_ID_ROLE)))
