"""The service layer's validation messages, in the user's language."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_FIXED = {
    "is required": lambda: QCoreApplication.translate("FieldMessages", "is required"),
    "is longer than 200 characters": lambda: QCoreApplication.translate(
        "FieldMessages", "is longer than 200 characters"
    ),
    "is not a phone number (digits, spaces, + - ( ) and an extension)": lambda: (
        QCoreApplication.translate(
            "FieldMessages", "is not a phone number (digits, spaces, + - ( ) and an extension)"
        )
    ),
    "is not a mobile number (11 digits starting with 1, or + and a country code)": lambda: (
        QCoreApplication.translate(
            "FieldMessages",
            "is not a mobile number (11 digits starting with 1, or + and a country code)",
        )
    ),
    "is not an e-mail address (name@example.com)": lambda: QCoreApplication.translate(
        "FieldMessages", "is not an e-mail address (name@example.com)"
    ),
    "is not a web address": lambda: QCoreApplication.translate(
        "FieldMessages", "is not a web address"
    ),
    "must be A, B or C": lambda: QCoreApplication.translate("FieldMessages", "must be A, B or C"),
    "cannot be negative": lambda: QCoreApplication.translate("FieldMessages", "cannot be negative"),
    "would make the group a loop": lambda: QCoreApplication.translate(
        "FieldMessages", "would make the group a loop"
    ),
    "characters 3 to 8 must be the administrative division code (digits)": lambda: (
        QCoreApplication.translate(
            "FieldMessages", "characters 3 to 8 must be the administrative division code (digits)"
        )
    ),
    "the organisation code (characters 9 to 17) has a wrong check character": lambda: (
        QCoreApplication.translate(
            "FieldMessages",
            "the organisation code (characters 9 to 17) has a wrong check character",
        )
    ),
    "must be a date in the past": lambda: QCoreApplication.translate(
        "FieldMessages", "must be a date in the past"
    ),
}
_PATTERNS = [
    (
        re.compile(r"^must be 18 characters \(has (\d+)\)$"),
        lambda: QCoreApplication.translate("FieldMessages", "must be 18 characters (has %1)"),
    ),
    (
        re.compile(r"^contains characters that are not allowed: (.+)$"),
        lambda: QCoreApplication.translate(
            "FieldMessages", "contains characters that are not allowed: %1"
        ),
    ),
    (
        re.compile(r"^the last character should be (\S+): a character was probably mistyped$"),
        lambda: QCoreApplication.translate(
            "FieldMessages", "the last character should be %1: a character was probably mistyped"
        ),
    ),
    (
        re.compile(r"^is ([\d.]+) MB; attachments may be at most (\d+) MB$"),
        lambda: QCoreApplication.translate(
            "FieldMessages", "the file is %1 MB; attachments may be at most %2 MB"
        ),
    ),
    (
        re.compile(r"^(.+) already belongs to (.+)$"),
        lambda: QCoreApplication.translate("FieldMessages", "%1 already belongs to %2"),
    ),
    (
        re.compile(
            r"^you already hold (\d+) accounts from the pool, the most allowed; "
            r"return one or ask your manager$"
        ),
        lambda: QCoreApplication.translate(
            "FieldMessages",
            "You already hold %1 accounts from the pool, the most allowed: return one or "
            "ask your manager.",
        ),
    ),
]


def translate(message: str) -> str:
    if message in _FIXED:
        return _FIXED[message]()
    for pattern, template in _PATTERNS:
        match = pattern.match(message)
        if match:
            text = template()
            for number, value in enumerate(match.groups(), start=1):
                text = text.replace(f"%{number}", value)
            return text
    return message
