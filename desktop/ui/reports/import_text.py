"""Why an import row is refused, in the user's language: the import's codes
(desktop/imports/problems.py) worded here, the rule book's through rule_text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.imports.problems import Problem
from desktop.ui.labels import value_label
from desktop.ui.rule_text import rule_text


def _words(entity: str, field: str, allowed: str) -> str:
    comma = QCoreApplication.translate("ImportProblem", ", ")
    return comma.join(value_label(entity, field, code) or code for code in allowed.split(", "))


# code -> the sentence; %1 is the field, %2 the value, %3 what the field takes.
_TEXTS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("ImportProblem", "%1: required"),
    "not_a_number": QT_TRANSLATE_NOOP("ImportProblem", "%1: “%2” is not a number"),
    "negative": QT_TRANSLATE_NOOP("ImportProblem", "%1: cannot be negative"),
    "not_a_date": QT_TRANSLATE_NOOP(
        "ImportProblem", "%1: “%2” is not a date (2026-03-05, 2026/3/5 or 2026年3月5日)"
    ),
    "not_a_real_date": QT_TRANSLATE_NOOP("ImportProblem", "%1: “%2” is not a real date"),
    "not_a_phone": QT_TRANSLATE_NOOP("ImportProblem", "%1: “%2” is not a phone number"),
    "digits_lost": QT_TRANSLATE_NOOP(
        "ImportProblem",
        "%1: “%2” is how Excel shows a long number, and its digits were lost when the file "
        "was saved. Set the column's format to Text in Excel (or open the original export) "
        "and save again.",
    ),
    "not_a_tier": QT_TRANSLATE_NOOP("ImportProblem", "%1: “%2” is not a tier (A, B or C)"),
    "not_a_status": QT_TRANSLATE_NOOP("ImportProblem", "%1: “%2” is not a status (%3)"),
    "not_a_role": QT_TRANSLATE_NOOP("ImportProblem", "%1: “%2” is not a role (%3)"),
    "not_a_period": QT_TRANSLATE_NOOP(
        "ImportProblem", "%1: “%2” is not a period such as 2026, 2026-Q3 or 2026-07"
    ),
    "no_user": QT_TRANSLATE_NOOP("ImportProblem", "%1: no user “%2” (user name, name or rep code)"),
    "several_users": QT_TRANSLATE_NOOP(
        "ImportProblem", "%1: “%2” names more than one user: use the user name"
    ),
    "no_account": QT_TRANSLATE_NOOP(
        "ImportProblem", "%1: no account “%2” (name, short name or credit code)"
    ),
    "several_accounts": QT_TRANSLATE_NOOP(
        "ImportProblem", "%1: “%2” names more than one account: use the credit code"
    ),
    "same_as_row": QT_TRANSLATE_NOOP("ImportProblem", "same as row %1"),
    "conflicts_with_row": QT_TRANSLATE_NOOP(
        "ImportProblem", "same record as row %1 with other values"
    ),
    "no_organisation": QT_TRANSLATE_NOOP("ImportProblem", "no organisation on the card"),
}


def problems_text(problems: Sequence[Problem], field_label: Callable[[str], str]) -> str:
    """A row's problems, one sentence each; ``field_label`` words an import field."""
    separator = QCoreApplication.translate("ImportProblem", "; ")
    return separator.join(problem_text(p, field_label) for p in problems)


def problem_text(problem: Problem, field_label: Callable[[str], str]) -> str:
    """One problem as a sentence; ``field_label`` words an import field's label."""
    params = problem.params
    if problem.rule:
        column = {**params, "field": params.get("column", "")}
        return rule_text(problem.code, column, str(params.get("entity", "")))
    if problem.code in ("same_as_row", "conflicts_with_row"):
        return _translate(problem.code).replace("%1", str(params.get("line", "")))
    if problem.code not in _TEXTS:  # "invalid": a service's own words, in English
        return f"{field_label(problem.field)}: {params.get('detail', problem.code)}"
    allowed = str(params.get("allowed", ""))
    if problem.code == "not_a_status":
        allowed = _words("account", "status", allowed)
    elif problem.code == "not_a_role":
        allowed = _words("contact", "role", allowed)
    return (
        _translate(problem.code)
        .replace("%1", field_label(problem.field))
        .replace("%3", allowed)
        .replace("%2", str(params.get("value", "")))
    )


def _translate(code: str) -> str:
    return QCoreApplication.translate("ImportProblem", _TEXTS[code])
