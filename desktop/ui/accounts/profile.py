"""The account detail's Profile tab: the form with an inline message under each field,
Save and Close. ``AccountDetail`` decides what a save sends; this tab fills the form,
reads it back and shows the messages."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from desktop.domain.models import ACCOUNT_STATUSES, TIERS
from desktop.domain.services import accounts
from desktop.domain.services.records import Record
from desktop.ui.accounts.changed import typed_fields
from desktop.ui.accounts.messages import translate
from desktop.ui.accounts.model import status_text
from desktop.ui.format import show_as_error

FORM = (
    "name",
    "short_name",
    "credit_code",
    "tier",
    "status",
    "industry",
    "province",
    "city",
    "address",
    "phone",
    "website",
    "tags",
    "notes",
)


class ProfileForm(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        page = QWidget()
        form = QFormLayout(page)
        labels = {
            "name": self.tr("Name *"),
            "short_name": self.tr("Short name"),
            "credit_code": self.tr("Unified social credit code"),
            "tier": self.tr("Tier"),
            "status": self.tr("Status"),
            "industry": self.tr("Industry"),
            "province": self.tr("Province"),
            "city": self.tr("City"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "website": self.tr("Website"),
            "tags": self.tr("Tags"),
            "notes": self.tr("Notes"),
        }
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        for key in FORM:
            widget: QWidget
            if key == "tier":
                combo = QComboBox()
                for tier in TIERS:
                    combo.addItem(tier, tier)
                widget = combo
            elif key == "status":
                combo = QComboBox()
                for status in ACCOUNT_STATUSES:
                    combo.addItem(status_text(status), status)
                widget = combo
            elif key == "notes":
                widget = QPlainTextEdit()
                widget.setFixedHeight(70)
            else:
                widget = QLineEdit()
                if key == "credit_code":
                    widget.setMaxLength(18)
                    widget.setPlaceholderText("91440300XXXXXXXXXX")
                if key == "tags":
                    widget.setPlaceholderText(self.tr("comma separated"))
            widget.setObjectName(f"account-{key}")
            error = QLabel()
            error.setObjectName(f"account-{key}-error")
            show_as_error(error)
            error.setWordWrap(True)
            error.hide()
            self.inputs[key], self.errors[key] = widget, error
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _text, k=key: self._recheck(k))
            form.addRow(labels[key], widget)
            form.addRow("", error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("account-save")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Close"))
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.setWidget(page)
        self.setWidgetResizable(True)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                values[key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text()
        return values

    def _recheck(self, key: str) -> None:
        """A field with a message is checked again as it is typed: fixed, the message
        goes; still wrong, it says what is wrong now."""
        label = self.errors[key]
        if label.isHidden():
            return
        problem = accounts.validate(self.values()).get(key)
        label.setText(translate(problem) if problem else "")
        label.setVisible(problem is not None)

    def show_errors(self, errors: dict[str, str]) -> str | None:
        """Each field's message (or none); returns the first field with one."""
        for key, label in self.errors.items():
            label.setText(translate(errors[key]) if key in errors else "")
            label.setVisible(key in errors)
        for key in FORM:
            if key in errors:
                return key
        return None

    def fill(self, record: Record, skip: Collection[str] = ()) -> None:
        for key, widget in self.inputs.items():
            if key in skip:
                continue
            value = record.get(key)
            if key == "tags":
                value = ", ".join(accounts.tag_list(value))
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))

    def typed_over(self, record: Record) -> set[str]:
        """Fields whose shown value differs from ``record``."""
        return typed_fields(FORM, self.values(), record, differs)


def differs(old: Any, new: Any, key: str) -> bool:
    if key == "tags":
        return accounts.normalize_tags(new or "") != (old or "")
    return (old or "") != (new.strip() if isinstance(new, str) else new or "")
