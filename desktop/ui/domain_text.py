"""The domain's plain messages (``ValidationError`` texts, ``DomainError`` sentences,
written in English in desktop/domain) in the user's language.

The rule book's codes are worded in ``rule_text``; the services' older messages are
sentences. Each is listed here once, with its numbers as %1, %2…, so
``domain_text("between 5 and 1440 minutes")`` reads "介于 5 到 1440 分钟之间" in the
Chinese window. The field messages of the account and contact forms are in
``desktop.ui.accounts.messages``; this list holds the others. A message listed in
neither is shown as it is.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.ui.accounts.messages import translate as field_message
from desktop.ui.labels import field_label

_NUMBER = re.compile(r"\d+")

_KNOWN = frozenset(
    {
        QT_TRANSLATE_NOOP("DomainText", "a cancelled follow-up cannot be completed"),
        QT_TRANSLATE_NOOP("DomainText", "a cancelled visit cannot be checked in"),
        QT_TRANSLATE_NOOP("DomainText", "a cancelled visit has no call report"),
        QT_TRANSLATE_NOOP("DomainText", "a visit with a call report cannot be cancelled"),
        QT_TRANSLATE_NOOP("DomainText", "only a planned visit can be moved"),
        QT_TRANSLATE_NOOP("DomainText", "the report is not submitted yet"),
        QT_TRANSLATE_NOOP("DomainText", "this weekly report is already submitted"),
        QT_TRANSLATE_NOOP(
            "DomainText", "this weekly report is submitted and can no longer be changed"
        ),
        QT_TRANSLATE_NOOP("DomainText", "choose an account"),
        QT_TRANSLATE_NOOP("DomainText", "choose the account the complaint is about"),
        QT_TRANSLATE_NOOP("DomainText", "a target cannot be negative"),
        QT_TRANSLATE_NOOP("DomainText", "must be more than zero"),
        QT_TRANSLATE_NOOP("DomainText", "not an amount"),
        QT_TRANSLATE_NOOP("DomainText", "coordinates out of range"),
        QT_TRANSLATE_NOOP("DomainText", "contacts must belong to the account"),
        QT_TRANSLATE_NOOP("DomainText", "between %1 and %2"),
        QT_TRANSLATE_NOOP("DomainText", "not a number"),
        QT_TRANSLATE_NOOP("DomainText", "tell the manager why these terms are needed"),
        QT_TRANSLATE_NOOP("DomainText", "a quote needs at least one line"),
        QT_TRANSLATE_NOOP("DomainText", "a name is required"),
        QT_TRANSLATE_NOOP("DomainText", "tell the rep what to change"),
        QT_TRANSLATE_NOOP("DomainText", "is required: say why the accounts move"),
        QT_TRANSLATE_NOOP("DomainText", "only an accepted quote becomes an order"),
        QT_TRANSLATE_NOOP("DomainText", "write a summary before submitting"),
        QT_TRANSLATE_NOOP("DomainText", "a follow-up needs a title"),
        QT_TRANSLATE_NOOP("DomainText", "is not an active user"),
        QT_TRANSLATE_NOOP("DomainText", "ends before it starts"),
        QT_TRANSLATE_NOOP("DomainText", "the validity date has passed"),
        QT_TRANSLATE_NOOP("DomainText", "required"),
        QT_TRANSLATE_NOOP("DomainText", "at most %1"),
        QT_TRANSLATE_NOOP("DomainText", "is longer than %1 characters"),
        QT_TRANSLATE_NOOP("DomainText", "between %1 and %2 minutes"),
        QT_TRANSLATE_NOOP("DomainText", "write what happened"),
        QT_TRANSLATE_NOOP("DomainText", "is not a known role"),
        QT_TRANSLATE_NOOP("DomainText", "is not a known status"),
        QT_TRANSLATE_NOOP("DomainText", "a SKU is required"),
        QT_TRANSLATE_NOOP("DomainText", "a rate such as 0.%1"),
        QT_TRANSLATE_NOOP("DomainText", "a complaint needs a title"),
        QT_TRANSLATE_NOOP("DomainText", "a whole number from %1 to %2"),
        QT_TRANSLATE_NOOP("DomainText", "a whole number of days from %1 to %2"),
        QT_TRANSLATE_NOOP("DomainText", "a whole number of hours from %1 to %2"),
        QT_TRANSLATE_NOOP("DomainText", "a percentage from %1 to %2"),
        QT_TRANSLATE_NOOP("DomainText", "a product or a description is required"),
        QT_TRANSLATE_NOOP("DomainText", "must be a whole number from %1 to %2"),
        QT_TRANSLATE_NOOP("DomainText", "a time needs its time zone"),
        QT_TRANSLATE_NOOP("DomainText", "unknown field"),
    }
)


def domain_text(text: str) -> str:
    """One domain message in the user's language (as it is when not listed): the
    field messages of accounts and contacts (``accounts.messages``), then this list."""
    known = field_message(text)
    if known != text:
        return known
    numbers = _NUMBER.findall(text)
    count = iter(range(1, len(numbers) + 1))
    template = _NUMBER.sub(lambda _match: f"%{next(count)}", text)
    if template not in _KNOWN:
        return text
    translated = QCoreApplication.translate("DomainText", template)
    for index, number in reversed(list(enumerate(numbers, start=1))):
        translated = translated.replace(f"%{index}", number)
    return translated


def validation_text(errors: dict[str, Any], entity: str = "") -> str:
    """A ValidationError's messages, each with its field's name, translated."""
    lines = []
    for field, text in errors.items():
        message = domain_text(str(text))
        name = field_label(entity, field) if field and " " not in field else field
        lines.append(
            QCoreApplication.translate("DomainText", "%1: %2")
            .replace("%1", name)
            .replace("%2", message)
        )
    return "; ".join(lines)
