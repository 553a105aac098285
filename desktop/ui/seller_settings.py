"""Settings → Seller: the company details every quote prints (policy ``seller``, synced to
every device). An admin edits them; others see them read-only."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.domain.errors import DomainError
from desktop.domain.rules.seller import FIELDS, INVOICE_TYPES, MAX_LOGO_BYTES
from desktop.domain.services import seller
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.rule_text import error_text


class SellerTab(QWidget):
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("seller-tab")
        self.logo = ""
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "name": self.tr("Company name:"),
            "address": self.tr("Address:"),
            "phone": self.tr("Phone:"),
            "tax_id": self.tr("Tax id (税号):"),
            "bank": self.tr("Bank (开户行):"),
            "account_no": self.tr("Account number (账号):"),
        }
        for name, text in labels.items():
            edit = QLineEdit()
            edit.setObjectName(f"seller-{name}")
            self.edits[name] = edit
            form.addRow(text, edit)
        self.invoice = QComboBox()
        self.invoice.setObjectName("seller-invoice_type")
        self.invoice.addItem(self.tr("(not stated)"), "")
        names = {
            "special": self.tr("VAT special invoice (增值税专用发票)"),
            "normal": self.tr("VAT ordinary invoice (增值税普通发票)"),
            "electronic": self.tr("Fully digitalised e-invoice (全电发票)"),
        }
        for key in INVOICE_TYPES:
            self.invoice.addItem(names[key], key)
        form.addRow(self.tr("Invoice type:"), self.invoice)
        self.logo_label = QLabel()
        self.logo_button = QPushButton(self.tr("Choose PNG…"))
        self.logo_clear = QPushButton(self.tr("Remove"))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        form.addRow(self.tr("Logo (optional):"), logo_row)
        self.note = QLabel(
            self.tr("Printed on every quote, on every device after sync.")
            if ctx.user_role == "admin"
            else self.tr("Only an administrator changes these.")
        )
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("seller-error")
        self.error.setWordWrap(True)
        show_as_error(self.error)
        self.save_button = QPushButton(self.tr("Save seller details"))
        self.save_button.setObjectName("seller-save")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        editable = ctx.user_role == "admin"
        for widget in (*self.edits.values(), self.invoice, self.logo_button, self.logo_clear):
            widget.setEnabled(editable)
        self.save_button.setVisible(editable)
        self.save_button.clicked.connect(self.save)
        self.logo_button.clicked.connect(self._choose_logo)
        self.logo_clear.clicked.connect(lambda: self._set_logo(""))
        for edit in self.edits.values():
            edit.textEdited.connect(self.error.clear)
        ctx.tasks.read(seller.load, self._show, key="seller-settings")

    def _show(self, details: dict[str, str]) -> None:
        if not isValid(self):  # the dialog closed before the details arrived
            return
        for name, edit in self.edits.items():
            edit.setText(details.get(name, ""))
        self.invoice.setCurrentIndex(max(0, self.invoice.findData(details.get("invoice_type"))))
        self._set_logo(details.get("logo", ""))

    def _set_logo(self, logo: str) -> None:
        self.logo = logo
        size = len(base64.b64decode(logo)) // 1024 if logo else 0
        self.logo_label.setText(
            self.tr("PNG, %1 KB").replace("%1", str(max(1, size))) if logo else self.tr("none")
        )

    @Slot()
    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), "", self.tr("PNG images (*.png)")
        )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.error.setText(str(exc))
            return
        if len(data) > MAX_LOGO_BYTES:
            self.error.setText(
                self.tr("The logo is larger than %1 KB.").replace("%1", str(MAX_LOGO_BYTES // 1024))
            )
            return
        self._set_logo(base64.b64encode(data).decode("ascii"))

    def details(self) -> dict[str, str]:
        values = {name: edit.text() for name, edit in self.edits.items()}
        values["invoice_type"] = str(self.invoice.currentData() or "")
        values["logo"] = self.logo
        assert set(values) == set(FIELDS)
        return values

    @Slot()
    def save(self) -> None:
        details = self.details()

        def write(uow: UnitOfWork) -> None:
            seller.save(uow, details)

        def failed(error: BaseException) -> None:
            if not isValid(self):
                return
            text = error_text(error) if isinstance(error, DomainError) else str(error)
            self.error.setText(text)

        self.error.clear()
        self.ctx.tasks.write(write, lambda _: self.saved.emit(), failed)
