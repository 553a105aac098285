"""How values look on screen: times in the user's zone, money with ¥, Decimal exact,
errors in one red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel

from desktop.domain.money import format_money

# One red for errors, warnings and late items on every screen.
ERROR_COLOR = "#b3261e"
ERROR_STYLE = f"color: {ERROR_COLOR}"


def show_as_error(label: QLabel) -> QLabel:
    """Style ``label`` as an error or warning message; returns it."""
    label.setStyleSheet(ERROR_STYLE)
    return label


def form_footer(
    form: QFormLayout,
    dialog: QDialog,
    submit: Callable[[], None],
    accept: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
) -> QLabel:
    """The end of a dialog's form: a line for the refusal (in error style, wrapped) and
    the accept/Cancel buttons; accept calls ``submit``, which closes the dialog only
    when the write succeeds. Returns the error line."""
    error = show_as_error(QLabel())
    error.setWordWrap(True)
    form.addRow(error)
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    return error


class MessageLabel(QLabel):
    """A form's message line: ``setText`` shows an error (red), ``note`` a success or
    a plain remark (not red), so "Saved …pdf" never looks like a failure."""

    def setText(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        super().setText(text)

    def note(self, text: str) -> None:
        self.setStyleSheet("")
        super().setText(text)


def local_datetime(value: dt.datetime | None, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def local_date(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def money(value: Decimal | None, currency: str = "CNY") -> str:
    return "" if value is None else format_money(value, currency)


def fill(template: str, *values: object) -> str:
    """A translated template with %1, %2, ... filled in (placeholders a translation, or
    the pseudo-translation, cannot garble as it can ``{name}``)."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template
