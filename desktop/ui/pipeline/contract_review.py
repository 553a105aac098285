"""Contracts under review in the approval inbox: the contracts this manager reviews
(the rule book says whose, as for quotes), each with its term, value, payment terms
and review history; Sign (with an optional note) or Return to its rep (a note is
required: the rule book refuses an empty one and the words typed stay)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.services import contract_review, contracts
from desktop.domain.services.approvals import HistoryStep
from desktop.domain.services.contract_review import PendingContract
from desktop.ui.context import AppContext
from desktop.ui.format import fill, local_date, local_datetime, money, show_as_error
from desktop.ui.pipeline.dialogs import save
from desktop.ui.table_model import TableModel, setup_table


@dataclass(frozen=True)
class Review:
    rows: list[PendingContract]
    steps: dict[str, list[HistoryStep]]  # contract id -> its review history


def load(session: Session, user_id: str | None) -> Review:
    rows = contract_review.inbox(session, user_id)
    return Review(
        rows, {r.contract_id: contract_review.history(session, r.contract_id) for r in rows}
    )


class PendingContractsModel(TableModel[PendingContract]):
    NUMBER, ACCOUNT, REP, VALUE, END, SUBMITTED = range(6)
    RIGHT_ALIGNED = frozenset({VALUE})

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def headers(self) -> list[str]:
        return [
            self.tr("Number"),
            self.tr("Customer"),
            self.tr("Rep"),
            self.tr("Value"),
            self.tr("Ends"),
            self.tr("Submitted"),
        ]

    def row_id(self, row: PendingContract) -> str | None:
        return row.contract_id

    def display(self, row: PendingContract, column: int) -> Any:
        return (
            row.number,
            row.account_name,
            row.owner_name,
            money(row.value, row.currency),
            local_date(row.end_on),
            local_datetime(row.submitted_at, self.ctx.zone),
        )[column]


class ContractReview(QWidget):
    """The contracts waiting for this manager: a list, and the chosen one's review."""

    counted = Signal(int)  # how many wait, after each load

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.review = Review([], {})
        self.chosen: PendingContract | None = None
        self.model = PendingContractsModel(ctx, self)
        self.table = setup_table(
            QTableView(),
            self.model,
            "contract-review-list",
            single=True,
            wrap=False,
            read_only=True,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=PendingContractsModel.ACCOUNT,
        )
        self.title = QLabel()
        self.title.setObjectName("contract-review-title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setObjectName("contract-review-facts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.history = QLabel()
        self.history.setObjectName("contract-review-history")
        self.history.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("contract-review-note")
        self.note.setPlaceholderText(self.tr("Note for the rep (required to return)"))
        self.note.setFixedHeight(70)
        self.sign_button = QPushButton(self.tr("Sign"))
        self.sign_button.setObjectName("contract-review-sign")
        self.return_button = QPushButton(self.tr("Return to the rep"))
        self.return_button.setObjectName("contract-review-return")
        self.open_button = QPushButton(self.tr("Open the contract"))
        self.open_button.setObjectName("contract-review-open")
        self.error = show_as_error(QLabel())
        self.error.setObjectName("contract-review-error")
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.sign_button, self.return_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        detail = QWidget()
        column = QVBoxLayout(detail)
        for widget in (self.title, self.facts, self.history, self.note):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(self.error)
        column.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.empty = QLabel(self.tr("No contract waits for your review."))
        self.empty.setObjectName("contract-review-empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.sign_button.clicked.connect(self.sign)
        self.return_button.clicked.connect(self.give_back)
        self.open_button.clicked.connect(self._open)

    def reload(self) -> None:
        user_id = self.ctx.user_id
        self.ctx.tasks.read(lambda s: load(s, user_id), self._show, key="contract-review")

    def _show(self, review: Review) -> None:
        keep = self.chosen.contract_id if self.chosen is not None else None
        self.review = review
        self.model.set_rows(review.rows)
        self.counted.emit(len(review.rows))
        if not review.rows:
            self.chosen = None
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentIndex(1)
        index = next((i for i, r in enumerate(review.rows) if r.contract_id == keep), 0)
        self.table.selectRow(index)
        self._fill(review.rows[index])

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and 0 <= current.row() < len(self.model.rows):
            self._fill(self.model.rows[current.row()])

    def _fill(self, row: PendingContract) -> None:
        if self.chosen != row:
            self.note.clear()
            self.error.clear()
        self.chosen = row
        self.title.setText(fill(self.tr("%1 · %2 · %3"), row.number, row.title, row.account_name))
        self.facts.setText(
            "<br/>".join(
                [
                    fill(
                        self.tr("<b>Rep:</b> %1 · <b>Value:</b> %2"),
                        escape(row.owner_name),
                        money(row.value, row.currency),
                    ),
                    fill(
                        self.tr("<b>Term:</b> %1 to %2"),
                        local_date(row.start_on) or "—",
                        local_date(row.end_on) or "—",
                    ),
                    fill(self.tr("<b>Payment terms:</b> %1"), escape(row.payment_terms or "—")),
                ]
            )
        )
        self.history.setText(self._history_text(self.review.steps.get(row.contract_id, [])))

    def _history_text(self, steps: list[HistoryStep]) -> str:
        words = {
            "submitted": self.tr("Submitted by %1"),
            "signed": self.tr("Signed by %1"),
            "returned": self.tr("Returned by %1"),
        }
        lines = [self.tr("Review history")]
        for step in steps:
            note = f": “{step.note}”" if step.note else ""
            who = step.by or self.tr("someone")
            when = local_datetime(step.at, self.ctx.zone)
            lines.append(f"{when} · {fill(words[step.step], who)}{note}")
        return "\n".join(lines)

    def _decide(self, work: Any) -> None:
        if self.chosen is None:
            return
        self.error.clear()
        save(self.ctx, work, None, on_error=self.error.setText, on_done=self._decided)

    def _decided(self) -> None:
        self.chosen = None
        self.note.clear()
        self.reload()

    @Slot()
    def sign(self) -> None:
        if self.chosen is not None:
            contract_id, note = self.chosen.contract_id, self.note.toPlainText().strip()
            self._decide(lambda uow: contracts.sign(uow, contract_id, note))

    @Slot()
    def give_back(self) -> None:
        if self.chosen is not None:
            contract_id, note = self.chosen.contract_id, self.note.toPlainText()
            self._decide(lambda uow: contracts.return_to_draft(uow, contract_id, note))

    @Slot()
    def _open(self) -> None:
        if self.chosen is not None:
            self.ctx.events.open_record.emit("contract", self.chosen.contract_id)
