"""Why a row cannot be imported: a code and its parameters, never a sentence alone.

The import speaks in codes as the rule book does, so each front end words them once:
``Problem.text`` is the English the command line prints; the window words them in the
user's language (desktop/ui/reports/import_text.py). A problem is an import code (the
cell could not be read: ``MESSAGES`` below) or, with ``rule`` set, a code of the rule
book (desktop/domain/rules), whose words the window already has.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from desktop.domain import rules

# code -> English; ``{name}`` takes the parameter of that name.
MESSAGES: dict[str, str] = {
    "required": "is required",
    "not_a_number": "{value!r} is not a number",
    "negative": "cannot be negative",
    "not_a_date": "{value!r} is not a date (2026-03-05, 2026/3/5 or 2026年3月5日)",
    "not_a_real_date": "{value!r} is not a real date",
    "not_a_phone": "{value!r} is not a phone number",
    "digits_lost": (
        "{value!r} is how Excel shows a long number, and its digits were lost when the "
        "file was saved: set the column's format to Text in Excel (or open the original "
        "export) and save again"
    ),
    "not_a_tier": "{value!r} is not a tier (A, B or C)",
    "not_a_status": "{value!r} is not a status ({allowed})",
    "not_a_role": "{value!r} is not a role ({allowed})",
    "not_a_stage": "{value!r} is not a stage ({allowed})",
    "not_a_percentage": "{value!r} is not a whole percentage from 0 to 100",
    "not_a_period": "{value!r} is not a period like 2026, 2026-Q3 or 2026-07",
    "no_user": "no user {value!r} (username, name or rep code)",
    "several_users": "{value!r} names more than one user: use the username",
    "no_account": "no account {value!r} (name, short name or credit code)",
    "several_accounts": "{value!r} names more than one account: use the credit code",
    "same_as_row": "same as row {line}",
    "conflicts_with_row": "same record as row {line} with other values",
    "no_organisation": "no organisation on the card",
    # A check of a domain service the rule book does not make (a birthday in the
    # future): its English words, as the service gives them.
    "invalid": "{detail}",
}


@dataclasses.dataclass(frozen=True)
class Problem:
    code: str
    field: str = ""  # the import field's label ("Tier"); "" for the whole row
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    rule: bool = False  # a rule book code rather than one of MESSAGES

    @classmethod
    def of_rule(
        cls, violation: rules.RuleViolation, entity: str, label: str, detail: str = ""
    ) -> Problem:
        """A broken rule of ``entity``'s column; ``detail``: a service's more precise
        English for the command line."""
        params = {
            **violation.params,
            "field": label,
            "column": violation.field or "",
            "entity": entity,
            **({"detail": detail} if detail else {}),
        }
        return cls(violation.code, label, params, rule=True)

    def text(self) -> str:
        """In English, as the command line prints it ("Tier: 'Z' is not a tier ...")."""
        if self.rule:
            detail = self.params.get("detail") or rules.message(self.code, self.params)
        else:
            try:
                detail = MESSAGES[self.code].format(**self.params)
            except (KeyError, IndexError, ValueError):
                detail = f"{self.code} {dict(self.params)}"
        return f"{self.field}: {detail}" if self.field else detail


class RowError(Exception):
    """One cell's value cannot be read as its field: an import code (MESSAGES)."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(Problem(code, "", params).text())

    def problem(self, label: str) -> Problem:
        return Problem(self.code, label, self.params)


def reason(problems: list[Problem]) -> str:
    return "; ".join(p.text() for p in problems)
