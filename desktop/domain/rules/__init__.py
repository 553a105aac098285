"""The rule book: every business rule, once, for the device and the server.

- ``fields``: what one value may be (lengths, ranges, choices, formats, ids);
- ``workflow``: what a row may become (state machines, roles, references);
- ``quotes``: the quote's derived figures (totals, approval reasons);
- ``opportunities``: the probability each stage allows, what a lost deal needs.

Rules raise ``RuleViolation(code, field, **params)``. The device's unit of work runs
them before it commits; the server runs them after it merges a device's mutation and
rejects the mutation with the code. Pure functions: no Qt, no I/O (other rows are
read through ``workflow.Facts``).
"""

from __future__ import annotations

from desktop.domain.rules.fields import check_values
from desktop.domain.rules.violation import RuleViolation, message
from desktop.domain.rules.workflow import Actor, Facts, check_change, check_delete, check_role

__all__ = [
    "Actor",
    "Facts",
    "RuleViolation",
    "check_change",
    "check_delete",
    "check_role",
    "check_values",
    "message",
]
