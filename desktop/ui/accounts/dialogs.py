"""Dialogs of the Accounts page: duplicate warning (查重), handover (客户交接), contact."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import CONTACT_ROLES
from desktop.domain.services import contacts
from desktop.domain.services.duplicates import DuplicateMatch
from desktop.ui.accounts.changed import AskingDialog, ChangedElsewhereBar, typed_fields
from desktop.ui.accounts.messages import translate
from desktop.ui.format import show_as_error


class DuplicateDialog(QDialog):
    """Shows the accounts that look the same; going on needs a reason."""

    def __init__(self, matches: list[DuplicateMatch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicate"))
        fields = {
            "name": self.tr("name"),
            "short_name": self.tr("short name"),
            "credit_code": self.tr("credit code"),
            "phone": self.tr("contact phone"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This looks like an account that already exists:")))
        lines = [
            self.tr("%1 (same %2: %3)")
            .replace("%1", m.account_name)
            .replace("%2", fields.get(m.field, m.field))
            .replace("%3", m.value)
            for m in matches
        ]
        self.matches_label = QLabel("\n".join(lines))
        self.matches_label.setObjectName("duplicate-matches")
        layout.addWidget(self.matches_label)
        layout.addWidget(QLabel(self.tr("Save anyway only with a reason (it is kept):")))
        self.reason = QLineEdit()
        self.reason.setObjectName("duplicate-reason")
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)
        self.reason.textChanged.connect(lambda t: save.setEnabled(bool(t.strip())))


class HandoverDialog(QDialog):
    """A manager picks the new rep and says why."""

    def __init__(
        self, count: int, users: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand over accounts"))
        layout = QFormLayout(self)
        layout.addRow(
            QLabel(
                self.tr(
                    "%n account(s) and their open visits, follow-ups, "
                    "quotes and complaints move to:",
                    "",
                    count,
                )
            )
        )
        self.target = QComboBox()
        self.target.setObjectName("handover-target")
        for user_id, name in users:
            self.target.addItem(name, user_id)
        layout.addRow(self.tr("New owner"), self.target)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("handover-reason")
        self.reason.setPlaceholderText(self.tr("Why (kept in each account's history)"))
        self.reason.setFixedHeight(70)
        layout.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: ok.setEnabled(bool(self.reason.toPlainText().strip()))
        )


class ContactDialog(AskingDialog):
    """Add or edit one contact, with messages under the fields that are wrong. While it
    is open, ``refresh`` brings in changes made elsewhere without losing the typing."""

    FIELDS = ("name", "title", "department", "phone", "mobile", "email", "wechat")

    def __init__(self, values: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        values = values or {}
        self.contact_id: str | None = values.get("id")
        self.setWindowTitle(self.tr("Contact"))
        labels = {
            "name": self.tr("Name"),
            "title": self.tr("Title"),
            "department": self.tr("Department"),
            "phone": self.tr("Phone"),
            "mobile": self.tr("Mobile"),
            "email": self.tr("E-mail"),
            "wechat": self.tr("WeChat"),
        }
        layout = QFormLayout(self)
        self.changed_bar = ChangedElsewhereBar()
        self.changed_bar.reload_requested.connect(lambda: self._fill(self._base))
        layout.addRow(self.changed_bar)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for key in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"contact-{key}")
            error = QLabel()
            error.setObjectName(f"contact-{key}-error")
            show_as_error(error)
            error.hide()
            self.edits[key], self.errors[key] = edit, error
            layout.addRow(labels[key], edit)
            layout.addRow("", error)
        role_names = {
            "decision_maker": self.tr("Decision maker"),
            "influencer": self.tr("Influencer"),
            "user": self.tr("User"),
            "gatekeeper": self.tr("Gatekeeper"),
        }
        self.role = QComboBox()
        self.role.setObjectName("contact-role")
        for role in CONTACT_ROLES:
            self.role.addItem(role_names[role], role)
        layout.addRow(self.tr("Role in the decision"), self.role)
        self.primary = QComboBox()
        self.primary.addItem(self.tr("No"), False)
        self.primary.addItem(self.tr("Yes"), True)
        layout.addRow(self.tr("Primary contact"), self.primary)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("contact-notes")
        self.notes.setFixedHeight(60)
        layout.addRow(self.tr("Notes"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self._base = self._shown_form(values)  # what the form was filled from
        self._fill(self._base)

    @staticmethod
    def _shown_form(values: dict[str, Any]) -> dict[str, Any]:
        """A record as the form holds it (text for empty fields)."""
        shown: dict[str, Any] = {k: values.get(k) or "" for k in ContactDialog.FIELDS}
        shown["role"] = values.get("role") or "user"
        shown["is_primary"] = bool(values.get("is_primary"))
        shown["notes"] = values.get("notes") or ""
        return shown

    def _fill(self, values: dict[str, Any], skip: set[str] | frozenset[str] = frozenset()) -> None:
        for key, edit in self.edits.items():
            if key not in skip:
                edit.setText(values[key])
        if "role" not in skip:
            self.role.setCurrentIndex(max(0, self.role.findData(values["role"])))
        if "is_primary" not in skip:
            self.primary.setCurrentIndex(1 if values["is_primary"] else 0)
        if "notes" not in skip:
            self.notes.setPlainText(values["notes"])

    def refresh(self, record: dict[str, Any]) -> None:
        """The contact as saved now: fields the user did not touch take the new values;
        typed ones stay, and the bar says the contact changed elsewhere."""
        new = self._shown_form(record)
        keys = [*self.FIELDS, "role", "is_primary", "notes"]
        typed = typed_fields(keys, self.values(), self._base, lambda a, b, _k: a != b)
        changed = new != self._base
        self._base = new
        self._fill(new, skip=typed)
        if typed and changed:
            self.changed_bar.show_for("contact")

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {k: e.text() for k, e in self.edits.items()}
        result["role"] = self.role.currentData()
        result["is_primary"] = bool(self.primary.currentData())
        result["notes"] = self.notes.toPlainText()
        return result

    def discard_question(self) -> tuple[str, str]:
        return (
            self.tr("Discard the contact?"),
            self.tr("What you typed for this contact has not been saved. Discard it?"),
        )

    def try_accept(self) -> None:
        problems = contacts.validate(self.values())
        for key, label in self.errors.items():
            label.setText(translate(problems[key]) if key in problems else "")
            label.setVisible(key in problems)
        if not problems:
            self.accept()
