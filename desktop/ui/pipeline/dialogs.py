"""The opportunity's dialogs: new or edit (every field), and "Mark lost" (why, to whom).

Both stay open until the write succeeds: ``submitted`` hands the values to the page,
which writes on the writer thread and calls ``show_error`` (the rule's words) or
``accept``. Nothing the user typed is lost to a refused save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from shiboken6 import isValid

from desktop.domain.errors import DomainError
from desktop.domain.models import OPPORTUNITY_STAGES
from desktop.domain.services.opportunities import competitor_lines
from desktop.ui.account_picker import AccountPicker
from desktop.ui.context import AppContext
from desktop.ui.format import form_footer
from desktop.ui.labels import stage_label
from desktop.ui.rule_text import error_text

if TYPE_CHECKING:
    from desktop.domain.uow import UnitOfWork
    from desktop.ui.context import AppContext

NO_DATE = QDate(2000, 1, 1)


class Form(Protocol):
    """A dialog that shows a refusal beside what was typed and closes on success."""

    def isVisible(self) -> bool: ...

    def show_error(self, text: str) -> None: ...

    def accept(self) -> None: ...


def save(
    ctx: AppContext,
    work: Callable[[UnitOfWork], object],
    dialog: Form | None,
    *,
    on_error: Callable[[str], None],
    on_done: Callable[[], None] = lambda: None,
) -> None:
    """Write on the writer thread; a refusal goes to the open dialog (which keeps what
    was typed) or to ``on_error``; success closes the dialog."""

    def failed(error: BaseException) -> None:
        text = error_text(error) if isinstance(error, DomainError) else str(error)
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.show_error(text)
        else:
            on_error(text)

    def done(_result: object) -> None:
        on_done()
        if dialog is not None and isValid(dialog):
            dialog.accept()

    ctx.tasks.write(work, done, failed)


def parse_amount(text: str) -> Decimal | None:
    """Money as typed: ¥ and thousands separators allowed; None if it is no amount."""
    clean = text.strip().replace("¥", "").replace(",", "").replace("，", "").replace(" ", "")
    try:
        value = Decimal(clean or "0")
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


class OpportunityDialog(QDialog):
    """New (``ctx`` given: the account is chosen with the one account picker) or edit
    (``record`` given); ``new`` with a ``record``: a new one of that account, filled in
    from what the rep started it from (a call report, a quote)."""

    submitted = Signal(dict)

    def __init__(
        self,
        defaults: dict[str, int],
        *,
        ctx: AppContext | None = None,
        owner_id: str | None = None,
        record: dict[str, Any] | None = None,
        account_name: str = "",
        contacts: list[tuple[str, str]] | None = None,
        new: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("opportunity-dialog")
        self.defaults = defaults
        self.record = record or {}
        editing = bool(record) and not new
        self.setWindowTitle(self.tr("Edit opportunity") if editing else self.tr("New opportunity"))
        form = QFormLayout(self)
        self.account: AccountPicker | None = None
        if ctx is not None:
            self.account = AccountPicker(ctx, self, owner_id=owner_id)
            self.account.setObjectName("opportunity-account")
            form.addRow(self.tr("Account"), self.account)
        else:
            form.addRow(self.tr("Account"), QLabel(account_name))
        self.name = QLineEdit(str(self.record.get("name", "")))
        self.name.setObjectName("opportunity-name")
        form.addRow(self.tr("Name"), self.name)
        self.contact = QComboBox()
        self.contact.addItem(self.tr("(none)"), None)
        for contact_id, name in contacts or []:
            self.contact.addItem(name, contact_id)
        self.contact.setCurrentIndex(max(0, self.contact.findData(self.record.get("contact_id"))))
        if ctx is None:
            form.addRow(self.tr("Contact"), self.contact)
        self.stage = QComboBox()
        self.stage.setObjectName("opportunity-stage")
        for stage in OPPORTUNITY_STAGES:
            self.stage.addItem(stage_label(stage), stage)
        self.stage.setCurrentIndex(self.stage.findData(self.record.get("stage", "lead")))
        form.addRow(self.tr("Stage"), self.stage)
        amount = self.record.get("amount")
        self.amount = QLineEdit(f"{amount:,.2f}" if amount else "")
        self.amount.setObjectName("opportunity-amount")
        self.amount.setPlaceholderText("¥")
        form.addRow(self.tr("Amount"), self.amount)
        self.probability = QSpinBox()
        self.probability.setObjectName("opportunity-probability")
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.probability.setValue(int(self.record.get("probability", defaults.get("lead", 10))))
        form.addRow(self.tr("Probability"), self.probability)
        self.close_date = QDateEdit()
        self.close_date.setCalendarPopup(True)
        self.close_date.setMinimumDate(NO_DATE)
        self.close_date.setSpecialValueText(self.tr("not set"))
        close = self.record.get("close_date")
        self.close_date.setDate(QDate(close.year, close.month, close.day) if close else NO_DATE)
        form.addRow(self.tr("Expected close"), self.close_date)
        self.source = QComboBox()
        self.source.setEditable(True)
        for word in (
            self.tr("Existing customer"),
            self.tr("Referral"),
            self.tr("Tender"),
            self.tr("Trade show"),
            self.tr("Inbound enquiry"),
            self.tr("Partner"),
        ):
            self.source.addItem(word)
        self.source.setCurrentText(str(self.record.get("source", "")))
        form.addRow(self.tr("Source"), self.source)
        self.competitors = QLineEdit(
            "、".join(str(self.record.get("competitors", "")).splitlines())
        )
        self.competitors.setPlaceholderText(self.tr("Names, separated by commas"))
        form.addRow(self.tr("Competitors"), self.competitors)
        self.next_step = QLineEdit(str(self.record.get("next_step", "")))
        form.addRow(self.tr("Next step"), self.next_step)
        self.lost_reason = QLineEdit(str(self.record.get("lost_reason", "")))
        self.lost_reason.setObjectName("opportunity-lost-reason")
        self.lost_to = QLineEdit(str(self.record.get("lost_to", "")))
        form.addRow(self.tr("Why it was lost"), self.lost_reason)
        form.addRow(self.tr("Lost to"), self.lost_to)
        self.notes = QPlainTextEdit(str(self.record.get("notes", "")))
        self.notes.setFixedHeight(70)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = form_footer(form, self, self._submit)
        self.error.setObjectName("opportunity-error")
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self._show_lost_fields()

    def _stage_changed(self) -> None:
        stage = str(self.stage.currentData())
        if stage in self.defaults:
            self.probability.setValue(self.defaults[stage])
        self._show_lost_fields()

    def _show_lost_fields(self) -> None:
        lost = self.stage.currentData() == "lost"
        for field in (self.lost_reason, self.lost_to):
            field.setEnabled(lost)

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _submit(self) -> None:
        if self.account is not None and self.account.chosen is None:
            self.show_error(self.tr("Choose the account from the list."))
            return
        if not self.name.text().strip():
            self.show_error(self.tr("Give the opportunity a name."))
            return
        amount = parse_amount(self.amount.text())
        if amount is None:
            self.show_error(self.tr("The amount is not a sum of money: type it like 120000.50."))
            return
        self.error.clear()
        self.submitted.emit(self.values(amount))

    def values(self, amount: Decimal) -> dict[str, Any]:
        day = self.close_date.date()
        stage = str(self.stage.currentData())
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "stage": stage,
            "amount": amount,
            "probability": self.probability.value(),
            "close_date": None if day == NO_DATE else dt.date(day.year(), day.month(), day.day()),
            "source": self.source.currentText().strip(),
            "competitors": competitor_lines(self.competitors.text()),
            "next_step": self.next_step.text().strip(),
            "notes": self.notes.toPlainText(),
        }
        if self.account is not None and self.account.chosen is not None:
            values["account_id"] = self.account.chosen.id
        else:
            values["contact_id"] = self.contact.currentData()
        if stage == "lost":
            values["lost_reason"] = self.lost_reason.text().strip()
            values["lost_to"] = self.lost_to.text().strip()
        return values


class LostDialog(QDialog):
    """Why the deal was lost (required) and who won it (if known)."""

    submitted = Signal(str, str)

    def __init__(self, name: str, competitors: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lost-dialog")
        self.setWindowTitle(self.tr("Mark lost"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Opportunity: %1").replace("%1", name)))
        self.reason = QComboBox()
        self.reason.setObjectName("lost-reason")
        self.reason.setEditable(True)
        for word in (
            self.tr("Price"),
            self.tr("Product fit"),
            self.tr("Relationship"),
            self.tr("Delivery time"),
            self.tr("Budget cancelled"),
            self.tr("No decision"),
        ):
            self.reason.addItem(word)
        self.reason.setCurrentText("")
        form.addRow(self.tr("Why was it lost?"), self.reason)
        self.lost_to = QComboBox()
        self.lost_to.setObjectName("lost-to")
        self.lost_to.setEditable(True)
        self.lost_to.addItems(competitors)
        self.lost_to.setCurrentText("")
        form.addRow(self.tr("Who won it?"), self.lost_to)
        self.error = form_footer(form, self, self._submit, QDialogButtonBox.StandardButton.Ok)
        self.error.setObjectName("lost-error")

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def _submit(self) -> None:
        self.submitted.emit(self.reason.currentText().strip(), self.lost_to.currentText().strip())
