"""A broken rule: a code and its parameters, never an English sentence alone.

The code is what the device, the server and the protocol carry; each front end turns
it into the user's language in one place (``desktop/ui/rule_text.py`` for the window,
``message`` below for logs and the command line). ``RuleViolation`` is a
``ValidationError`` so every place that already shows field errors shows these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.errors import ValidationError

# code -> English text; ``{name}`` takes the parameter of that name.
MESSAGES: dict[str, str] = {
    "required": "{field} is required",
    "too_long": "{field} is longer than {max} characters",
    "control_character": "{field} contains a control character",
    "out_of_range": "{field} must be between {min} and {max}",
    "not_a_choice": "{field} cannot be {value!r}",
    "bad_id": "{field} is not a valid record id",
    "bad_format": "{field} is not a valid {format}",
    "date_out_of_range": "{field} is not a sane date",
    "missing_reference": "{field} refers to a {entity} that does not exist",
    "group_cycle": "the account group would become a loop",
    "reports_to_cycle": "a contact cannot report to themselves or to someone below them",
    "reports_to_other_account": "a contact reports to a contact of the same account",
    "attendee_one_of": "an attendee is either a contact or a colleague",
    "attendee_other_account": "an attendee of a visit is a contact of the visited account",
    "status_change": "a {entity} cannot go from {old} to {new}",
    "role_required": "only a {role} may {action}",
    "own_approval": "nobody approves their own quote: it goes to their manager",
    "not_the_approver": (
        "this quote goes to the manager of its owner's team, or to an administrator "
        "when its owner is a manager or has no team"
    ),
    "justification_required": "tell the manager why these terms are needed",
    "return_note_required": "a returned quote needs a note telling the rep what to change",
    "contract_return_note_required": "a returned contract needs a note telling the rep what to change",
    "decided_by_other": "an approval is recorded under the name of who gives it",
    "locked": "this {entity} is {status} and can no longer be changed",
    "visit_without_report": "a visit is done only with its call report",
    "credited_to_other": "a change record is written by the user who made the change",
    "quote_locked": "this quote is {status} and can no longer be changed",
    "unknown_entity": "unknown record type {entity!r}",
    "unknown_field": "{entity} has no field {field!r}",
    "bad_value": "{field} has a value of the wrong kind",
    "probability_for_stage": "at stage {stage} the probability is from {min} to {max} %",
    "lost_without_reason": "a lost opportunity says why it was lost",
    "checkin_too_early": "check-in opens at {opens}, {hours} hours before the visit",
    "checkin_too_late": "check-in closed at the end of the visit's day ({day})",
    "checkin_location_required": "a check-in at a tier {tier} account needs its location",
    "ends_before_start": "{field} is before the start",
    "plan_exists": "the account already has a plan for {year}",
    "plan_editor": (
        "only the account's owner, its account team, the owner's manager or an "
        "administrator may change its plan"
    ),
    "team_editor": "only the account's owner, the owner's manager or an administrator change its team",
    "contract_other_account": "a contract's documents and orders belong to its account",
    "objective_other_account": "an objective and its actions belong to the plan's account",
    "target_not_positive": "{field} must be more than zero",
    "due_outside_plan_year": "{field} is far from the plan's year {year}",
    "instalment_parent": "an instalment belongs to exactly one contract or one order",
    "other_account": "{field} belongs to another account",
    "not_positive": "{field} must be more than zero",
    "plan_over_value": "the payment plan ({planned}) would exceed the {entity}'s value ({value})",
    "due_before_start": "{field} is before the {entity} ({day})",
    "instalment_below_paid": "{field} is less than the {paid} already paid against it",
    "allocation_over_payment": "the payment's allocations ({allocated}) would exceed it ({amount})",
    "allocation_over_open": "only {open} is still open on this instalment",
    "allocated": "payments are matched to this {entity}: remove those first",
}


def message(code: str, params: Mapping[str, Any]) -> str:
    """The rule's text in English (logs, the command line, old devices)."""
    template = MESSAGES.get(code, code)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return f"{code} {dict(params)}"


class RuleViolation(ValidationError):
    """A rule of the rule book is broken: ``code`` and ``params`` say which and how."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.code = code
        self.field = field
        self.params: dict[str, Any] = {**params, **({"field": field} if field else {})}
        super().__init__({field or code: message(code, self.params)})

    def to_wire(self) -> dict[str, Any]:
        return {"code": self.code, "params": _wire_params(self.params)}


def _wire_params(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value if isinstance(value, bool | int | str | None) else str(value)
        for key, value in params.items()
    }
