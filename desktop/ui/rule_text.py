"""The rule book's codes in the user's language: the one place that words them.

A ``RuleViolation`` raised on this device and a rejection the server sends carry the
same code and parameters (desktop/domain/rules/violation.py); both are shown through
``rule_text``. Parameters that name a field or a record type are shown by their
labels, never as column names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.rules import RuleViolation
from desktop.ui.domain_text import domain_text, validation_text
from desktop.ui.format import money
from desktop.ui.labels import field_label, stage_label, value_label


def _entity(name: str) -> str:
    from desktop.ui.sync.labels import entity_label

    return entity_label(name) if name else ""


Params = Mapping[str, Any]
_TEXTS: dict[str, Callable[[Params, str], str]] = {
    "required": lambda p, e: QCoreApplication.translate("RuleText", "%1 is required.").replace(
        "%1", _field(p, e)
    ),
    "too_long": lambda p, e: (
        QCoreApplication.translate("RuleText", "%1 is longer than %2 characters.")
        .replace("%1", _field(p, e))
        .replace("%2", str(p.get("max", "")))
    ),
    "control_character": lambda p, e: QCoreApplication.translate(
        "RuleText",
        "%1 contains an invisible control character (often copied from another program).",
    ).replace("%1", _field(p, e)),
    "out_of_range": lambda p, e: (
        QCoreApplication.translate("RuleText", "%1 must be between %2 and %3.")
        .replace("%1", _field(p, e))
        .replace("%2", str(p.get("min", "")))
        .replace("%3", str(p.get("max", "")))
    ),
    "not_a_choice": lambda p, e: (
        QCoreApplication.translate("RuleText", "%1 cannot be “%2”.")
        .replace("%1", _field(p, e))
        .replace("%2", str(p.get("value", "")))
    ),
    "bad_id": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 does not point at a valid record."
    ).replace("%1", _field(p, e)),
    "bad_value": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 has a value of the wrong kind."
    ).replace("%1", _field(p, e)),
    "bad_format": lambda p, e: (
        QCoreApplication.translate("RuleText", "%1 is not a valid %2.")
        .replace("%1", _field(p, e))
        .replace("%2", _format(str(p.get("format", ""))))
    ),
    "date_out_of_range": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 is not a real date."
    ).replace("%1", _field(p, e)),
    "missing_reference": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 refers to a record that does not exist."
    ).replace("%1", _field(p, e)),
    "group_cycle": lambda p, e: QCoreApplication.translate(
        "RuleText", "An account cannot belong to its own group: this parent would make a loop."
    ),
    "reports_to_cycle": lambda p, e: QCoreApplication.translate(
        "RuleText",
        "A contact cannot report to themselves or to someone who reports to them: that makes a loop.",
    ),
    "reports_to_other_account": lambda p, e: QCoreApplication.translate(
        "RuleText", "A contact can only report to a contact of the same account."
    ),
    "attendee_one_of": lambda p, e: QCoreApplication.translate(
        "RuleText", "An attendee is either a contact of the account or a colleague."
    ),
    "attendee_other_account": lambda p, e: QCoreApplication.translate(
        "RuleText", "Only contacts of the visited account can attend its visit."
    ),
    "status_change": lambda p, e: (
        QCoreApplication.translate("RuleText", "A %1 cannot go from “%2” to “%3”.")
        .replace("%1", _entity(str(p.get("entity", e))))
        .replace("%2", _status(p, e, "old"))
        .replace("%3", _status(p, e, "new"))
    ),
    "role_required": lambda p, e: (
        QCoreApplication.translate("RuleText", "Only a manager may do this.")
        if p.get("role") == "manager"
        else QCoreApplication.translate("RuleText", "Only an administrator may do this.")
    ),
    "own_approval": lambda p, e: QCoreApplication.translate(
        "RuleText", "Nobody approves their own quote: it goes to their manager for approval."
    ),
    "not_the_approver": lambda p, e: QCoreApplication.translate(
        "RuleText",
        "This quote goes to the manager of its owner's team, or to an administrator when "
        "its owner is a manager or has no team.",
    ),
    "justification_required": lambda p, e: QCoreApplication.translate(
        "RuleText", "Tell the manager why the customer needs these terms."
    ),
    "return_note_required": lambda p, e: QCoreApplication.translate(
        "RuleText", "Write a note telling the rep what to change before returning the quote."
    ),
    "contract_return_note_required": lambda p, e: QCoreApplication.translate(
        "RuleText", "Write a note telling the rep what to change before returning the contract."
    ),
    "decided_by_other": lambda p, e: QCoreApplication.translate(
        "RuleText", "An approval is recorded in the name of the manager who gives it."
    ),
    "locked": lambda p, e: (
        QCoreApplication.translate("RuleText", "This %1 is %2 and can no longer be changed.")
        .replace("%1", _entity(str(p.get("entity", e))))
        .replace("%2", _status(p, e, "status"))
    ),
    "quote_locked": lambda p, e: QCoreApplication.translate(
        "RuleText",
        "This quote has been sent to the customer and can no longer be changed; revise it instead.",
    ),
    "visit_without_report": lambda p, e: QCoreApplication.translate(
        "RuleText", "A visit is done only with its call report."
    ),
    "credited_to_other": lambda p, e: QCoreApplication.translate(
        "RuleText", "A change can only be recorded in the name of the person who made it."
    ),
    "probability_for_stage": lambda p, e: (
        QCoreApplication.translate("RuleText", "At stage “%1” the probability is from %2% to %3%.")
        .replace("%1", stage_label(str(p.get("stage", ""))))
        .replace("%2", str(p.get("min", "")))
        .replace("%3", str(p.get("max", "")))
    ),
    "lost_without_reason": lambda p, e: QCoreApplication.translate(
        "RuleText", "Say why the opportunity was lost."
    ),
    "checkin_too_early": lambda p, e: (
        QCoreApplication.translate(
            "RuleText",
            "Too early to check in: check-in opens at %1, %2 hours before the visit. "
            "Check in when you arrive.",
        )
        .replace("%1", str(p.get("opens", "")))
        .replace("%2", str(p.get("hours", "")))
    ),
    "checkin_too_late": lambda p, e: QCoreApplication.translate(
        "RuleText",
        "Check-in closed at the end of the visit's day (%1). Write the report: the visit "
        "is recorded as reported later.",
    ).replace("%1", str(p.get("day", ""))),
    "checkin_location_required": lambda p, e: QCoreApplication.translate(
        "RuleText", "A check-in at a tier %1 account needs its location."
    ).replace("%1", str(p.get("tier", ""))),
    "ends_before_start": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 is before the start: a contract ends after it starts."
    ).replace("%1", _field(p, e)),
    "plan_exists": lambda p, e: QCoreApplication.translate(
        "RuleText", "This account already has a plan for %1: change that one."
    ).replace("%1", str(p.get("year", ""))),
    "plan_editor": lambda p, e: QCoreApplication.translate(
        "RuleText",
        "Only the account's owner, its account team, the owner's manager or an "
        "administrator may change its plan.",
    ),
    "team_editor": lambda p, e: QCoreApplication.translate(
        "RuleText",
        "Only the account's owner, the owner's manager or an administrator change its account team.",
    ),
    "contract_other_account": lambda p, e: QCoreApplication.translate(
        "RuleText", "A contract's documents and orders belong to the contract's account."
    ),
    "objective_other_account": lambda p, e: QCoreApplication.translate(
        "RuleText", "An objective and its actions belong to the account of their plan."
    ),
    "target_not_positive": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 must be more than zero."
    ).replace("%1", _field(p, e)),
    "due_outside_plan_year": lambda p, e: (
        QCoreApplication.translate(
            "RuleText", "%1 is far from the plan's year %2: choose a date in %2 or close to it."
        )
        .replace("%1", _field(p, e))
        .replace("%2", str(p.get("year", "")))
    ),
    "instalment_parent": lambda p, e: QCoreApplication.translate(
        "RuleText", "An instalment belongs to one contract or one order: choose one."
    ),
    "other_account": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 belongs to another account."
    ).replace("%1", _field(p, e)),
    "not_positive": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 must be more than zero."
    ).replace("%1", _field(p, e)),
    "plan_over_value": lambda p, e: (
        QCoreApplication.translate(
            "RuleText", "The payment plan (%1) would be more than the %2's value (%3)."
        )
        .replace("%1", _money(p, "planned"))
        .replace("%2", _entity(str(p.get("entity", ""))))
        .replace("%3", _money(p, "value"))
    ),
    "due_before_start": lambda p, e: (
        QCoreApplication.translate("RuleText", "%1 is before the %2 (%3).")
        .replace("%1", _field(p, "instalment"))
        .replace("%2", _entity(str(p.get("entity", ""))))
        .replace("%3", str(p.get("day", "")))
    ),
    "instalment_below_paid": lambda p, e: QCoreApplication.translate(
        "RuleText", "%1 is already paid on this instalment: it cannot be less."
    ).replace("%1", _money(p, "paid")),
    "allocation_over_payment": lambda p, e: (
        QCoreApplication.translate(
            "RuleText", "The allocations (%1) would be more than the payment (%2)."
        )
        .replace("%1", _money(p, "allocated"))
        .replace("%2", _money(p, "amount"))
    ),
    "allocation_over_open": lambda p, e: QCoreApplication.translate(
        "RuleText", "Only %1 is still open on this instalment."
    ).replace("%1", _money(p, "open")),
    "allocated": lambda p, e: QCoreApplication.translate(
        "RuleText", "Payments are matched to this %1: remove those matches first."
    ).replace("%1", _entity(str(p.get("entity", "")))),
    "unknown_entity": lambda p, e: QCoreApplication.translate(
        "RuleText", "This kind of record is unknown to the server."
    ),
    "unknown_field": lambda p, e: QCoreApplication.translate(
        "RuleText", "The server does not know the field %1."
    ).replace("%1", str(p.get("field", ""))),
    "unique": lambda p, e: QCoreApplication.translate(
        "RuleText", "Another record already has this value, and it must be unique."
    ),
    "not_on_server": lambda p, e: QCoreApplication.translate(
        "RuleText", "The record no longer exists on the server."
    ),
    "inconsistent": lambda p, e: QCoreApplication.translate(
        "RuleText", "The server found the record inconsistent."
    ),
    "refused": lambda p, e: QCoreApplication.translate(
        "RuleText", "The server refused this change."
    ),
    "too_large": lambda p, e: QCoreApplication.translate(
        "RuleText", "This change is larger than the server accepts; it was kept on this device."
    ),
    "bad_data": lambda p, e: QCoreApplication.translate(
        "RuleText",
        "The server sent this record in a form this Fieldbook cannot store; it was left out and the rest was synced.",
    ),
}


def _money(params: Params, key: str) -> str:
    try:
        return money(Decimal(str(params.get(key, ""))))
    except (InvalidOperation, ValueError):
        return str(params.get(key, ""))


def _field(params: Params, entity: str) -> str:
    name = str(params.get("field", ""))
    if not name:
        return QCoreApplication.translate("RuleText", "A value")
    owner = str(params.get("entity", entity))
    return field_label(owner, name) if owner else name


def _status(params: Params, entity: str, key: str) -> str:
    code = str(params.get(key, ""))
    owner = str(params.get("entity", entity))
    return value_label(owner, "status", code) or code


def _format(name: str) -> str:
    return {
        "credit_code": QCoreApplication.translate("RuleText", "unified social credit code"),
        "phone": QCoreApplication.translate("RuleText", "phone number"),
        "mobile": QCoreApplication.translate(
            "RuleText", "mobile number (11 digits starting with 1, or + and a country code)"
        ),
        "email": QCoreApplication.translate("RuleText", "e-mail address"),
        "web_address": QCoreApplication.translate("RuleText", "web address"),
        "content_hash": QCoreApplication.translate("RuleText", "file fingerprint"),
        "currency": QCoreApplication.translate("RuleText", "currency code"),
        "buying_roles": QCoreApplication.translate("RuleText", "list of buying roles"),
        "tax_id": QCoreApplication.translate("RuleText", "tax id (15, 17, 18 or 20 characters)"),
        "bank_account": QCoreApplication.translate("RuleText", "bank account number (digits)"),
        "invoice_type": QCoreApplication.translate("RuleText", "invoice type"),
        "png_image": QCoreApplication.translate("RuleText", "PNG image up to 200 KB"),
    }.get(name, name)


def known(code: str) -> bool:
    return code in _TEXTS


def rule_text(code: str, params: Params | None = None, entity: str = "") -> str:
    """The sentence for a rule's code, in the user's language."""
    text = _TEXTS.get(code)
    if text is None:
        return QCoreApplication.translate("RuleText", "The change breaks a rule (%1).").replace(
            "%1", code
        )
    return text(params or {}, entity)


def error_text(error: DomainError, entity: str = "") -> str:
    """What to show for an error a service raised on this device, in the user's
    language: a rule's code through ``rule_text``, other messages through
    ``domain_text``."""
    if isinstance(error, RuleViolation):
        return rule_text(error.code, error.params, entity)
    if isinstance(error, ValidationError):
        return validation_text(error.errors, entity)
    return domain_text(str(error))


def error_message(error: BaseException) -> str:
    """Any error a task reported, for a message line: the domain's in the user's
    language (``error_text``), others as they read (a TaskFailed is already worded)."""
    if isinstance(error, DomainError):
        return error_text(error)
    return str(error) or type(error).__name__
