"""The account's Contracts tab: its contracts with their term and days left (a renewal
due is marked), a new contract (from one of the account's quotes, if the user likes),
and the review: the rep submits, the manager signs or
returns it, then it becomes active. The rule book decides who may take each step; a
refused step is said in the user's words under the list."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.domain.services import contracts
from desktop.domain.services.contracts import ContractRow, QuoteChoice
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_tabs import AccountTab
from desktop.ui.context import AppContext
from desktop.ui.format import form_footer, local_date, money
from desktop.ui.pipeline.contract_detail import ContractDetailDialog
from desktop.ui.pipeline.dialogs import parse_amount, save
from desktop.ui.table_model import ROW_ID_ROLE, TableModel

RENEWAL = QColor("#FFE699")


def status_label(code: str) -> str:
    translate = QCoreApplication.translate
    return {
        "draft": translate("ContractsTab", "Draft"),
        "under_review": translate("ContractsTab", "Under review"),
        "signed": translate("ContractsTab", "Signed"),
        "active": translate("ContractsTab", "Active"),
        "expired": translate("ContractsTab", "Expired"),
        "terminated": translate("ContractsTab", "Terminated"),
    }.get(code, code)


class ContractsModel(TableModel[ContractRow]):
    NUMBER, TITLE, STATUS, START, END, LEFT, VALUE = range(7)
    RIGHT_ALIGNED = frozenset({LEFT, VALUE})
    EXPORT_KINDS: ClassVar[dict[int, str]] = {START: "date", END: "date", VALUE: "money"}

    def headers(self) -> list[str]:
        return [
            self.tr("Number"),
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Days left"),
            self.tr("Value"),
        ]

    def display(self, row: ContractRow, column: int) -> Any:
        return (
            row.number,
            row.title,
            status_label(row.status),
            local_date(row.start_on),
            local_date(row.end_on),
            "" if row.days_left is None else str(row.days_left),
            money(row.value),
        )[column]

    def role_data(self, row: ContractRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.renewal_due:
            return RENEWAL
        return None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class ContractDialog(QDialog):
    """A new contract: the quote it is made from (its value and payment terms come
    along), title, term, value, payment terms."""

    def __init__(
        self,
        today: dt.date,
        parent: QWidget | None = None,
        quotes: list[QuoteChoice] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contract-dialog")
        self.setWindowTitle(self.tr("New contract"))
        form = QFormLayout(self)
        self.quotes = {q.id: q for q in quotes or []}
        self.quote = QComboBox()
        self.quote.setObjectName("contract-quote")
        self.quote.addItem(self.tr("(none)"), None)
        for choice in quotes or []:
            self.quote.addItem(f"{choice.number} · {money(choice.total)}", choice.id)
        self.quote.currentIndexChanged.connect(self._quote_chosen)
        form.addRow(self.tr("From quote"), self.quote)
        self.title = QLineEdit()
        self.start = QDateEdit(_qdate(today))
        self.end = QDateEdit(_qdate(today.replace(year=today.year + 1) - dt.timedelta(days=1)))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")  # as every other date in the window
        self.value = QLineEdit()
        self.value.setPlaceholderText("¥")
        self.terms = QPlainTextEdit()
        self.terms.setFixedHeight(60)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("End"), self.end)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Payment terms"), self.terms)
        self.error = form_footer(form, self, self._submit)
        self.on_submit: Any = None

    def _quote_chosen(self) -> None:
        """The quote's total and payment terms, over what the user had not typed."""
        choice = self.quotes.get(self.quote.currentData())
        if choice is None:
            return
        self.value.setText(f"{choice.total:,.2f}")
        if not self.terms.toPlainText().strip():
            self.terms.setPlainText(choice.payment_terms)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _submit(self) -> None:
        if not self.title.text().strip():
            self.show_error(self.tr("Give the contract a title."))
            return
        value = parse_amount(self.value.text())
        if value is None:
            self.show_error(self.tr("The value is not a sum of money: type it like 120000.50."))
            return
        if self.on_submit is not None:
            self.on_submit(
                {
                    "title": self.title.text().strip(),
                    "start_on": _day(self.start),
                    "end_on": _day(self.end),
                    "value": value,
                    "payment_terms": self.terms.toPlainText().strip(),
                    "quote_id": self.quote.currentData(),
                }
            )


class AccountContractsTab(AccountTab):
    entity = "contract"
    watched = frozenset({"contract", "policy"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ContractsModel(), parent)
        self.dialog: ContractDialog | None = None
        # Open: the contract's own window (documents, quotes and orders).
        self.details_button = self.open_button
        self.details_button.setObjectName("contract-details")
        self.details_button.setToolTip(
            self.tr("Its documents, quotes and orders (or double-click the row)")
        )
        self.new_button = QPushButton(self.tr("New contract…"))
        self.new_button.clicked.connect(self.ask_new)
        self.submit_button = QPushButton(self.tr("Submit for review"))
        self.submit_button.clicked.connect(lambda: self._step(contracts.submit_for_review))
        self.sign_button = QPushButton(self.tr("Sign"))
        self.sign_button.clicked.connect(lambda: self._step(contracts.sign))
        self.return_button = QPushButton(self.tr("Return…"))
        self.return_button.clicked.connect(self.ask_return)
        self.activate_button = QPushButton(self.tr("Activate"))
        self.activate_button.clicked.connect(
            lambda: self._step(lambda uow, cid: contracts.set_status(uow, cid, "active"))
        )
        self.details: ContractDetailDialog | None = None
        buttons = self.layout().itemAt(2).layout()  # the row under the list (AccountTab)
        buttons.insertWidget(1, self.new_button)  # type: ignore[attr-defined]
        steps = QHBoxLayout()  # the review's steps on a row of their own (fits 1366)
        for button in (
            self.submit_button,
            self.sign_button,
            self.return_button,
            self.activate_button,
        ):
            steps.addWidget(button)
        steps.addStretch(1)
        self.layout().addLayout(steps)  # type: ignore[attr-defined]
        self.sign_button.setVisible(ctx.is_manager)
        self.return_button.setVisible(ctx.is_manager)

    def title(self) -> str:
        return self.tr("Contracts")

    def _today(self) -> dt.date:
        return dt.datetime.now(self.ctx.zone).date()

    def loader(self, account_id: str) -> Any:
        today = self._today()
        return lambda session: contracts.list_contracts(session, today, account_id=account_id)

    def show_result(self, result: list[ContractRow]) -> None:
        self.model.set_rows(result)
        due = [r for r in result if r.renewal_due]
        if not result:
            self.summary.setText(self.tr("No contracts yet."))
        elif due:
            self.summary.setText(
                self.tr("Contracts: %1 · renewal due: %2")
                .replace("%1", str(len(result)))
                .replace("%2", "、".join(f"{r.number} ({r.days_left})" for r in due))
            )
        else:
            self.summary.setText(self.tr("Contracts: %1").replace("%1", str(len(result))))

    def _selected(self) -> str | None:
        index = self.table.currentIndex()
        value = index.data(ROW_ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def _step(self, step: Any) -> None:
        contract_id = self._selected()
        if contract_id is None:
            self.summary.setText(self.tr("Choose a contract first."))
            return
        save(self.ctx, lambda uow: step(uow, contract_id), None, on_error=self.summary.setText)

    def open_index(self, index: QModelIndex) -> None:
        self.open_details()  # Open or a double-click: the contract's own window

    def open_details(self) -> None:
        """The selected contract's documents, quotes and orders."""
        contract_id = self._selected()
        if contract_id is None:
            self.summary.setText(self.tr("Choose a contract first."))
            return
        self.details = ContractDetailDialog(self.ctx, contract_id, self)
        self.details.open()

    def ask_return(self) -> None:
        contract_id = self._selected()
        if contract_id is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Return"), self.tr("What must change?"))
        if ok:
            self._step(lambda uow, cid: contracts.return_to_draft(uow, cid, note))

    def ask_new(self) -> None:
        account_id = self.account_id
        if account_id is None:
            return
        today = self._today()

        def loaded(quotes: list[QuoteChoice]) -> None:
            dialog = ContractDialog(today, self, quotes)
            self.dialog = dialog

            def submitted(values: dict[str, Any]) -> None:
                def work(uow: UnitOfWork) -> str:
                    return contracts.create_contract(uow, account_id, values, today)

                save(self.ctx, work, dialog, on_error=self.summary.setText)

            dialog.on_submit = submitted
            dialog.open()

        self.ctx.tasks.read(lambda s: contracts.quote_choices(s, account_id), loaded)
