"""Why the server refuses a mutation: a rejection with the rule's code and parameters
(``desktop.domain.rules``), and what a failure inside one mutation's savepoint means
for the device. No input ever becomes a 5xx: whatever a mutation breaks, it is
answered ``rejected`` and the device moves past it."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import IntegrityError

from desktop.domain import rules
from desktop.sync.protocol import MutationResult

log = logging.getLogger(__name__)


class DeviceReused(Exception):
    """A mutation id came back with other content: the device was restored or copied."""


class NeedsCare(Exception):
    """The fast path cannot decide this mutation before writing: run it carefully."""


class Rejected(Exception):
    """A mutation that can never apply: ``code`` and ``params`` tell the device why
    (``reason`` is the English text older devices show)."""

    def __init__(self, reason: str, code: str = "refused", **params: Any) -> None:
        super().__init__(reason)
        self.code = code
        self.params = params

    @classmethod
    def rule(cls, violation: rules.RuleViolation) -> Rejected:
        return cls(
            rules.message(violation.code, violation.params), violation.code, **violation.params
        )

    def result(self, mutation_id: int) -> MutationResult:
        params = {
            k: v if isinstance(v, bool | int | str | None) else str(v)
            for k, v in self.params.items()
        }
        return MutationResult(
            mutation_id=mutation_id,
            status="rejected",
            reason=str(self),
            code=self.code,
            params=params,
        )


def refusal(exc: Exception) -> Rejected:
    """Why a mutation run in its own savepoint failed, as a rejection: the device moves
    past it, and no input can make the push a 5xx."""
    if isinstance(exc, Rejected):
        return exc
    if isinstance(exc, rules.RuleViolation):
        return Rejected.rule(exc)
    if isinstance(exc, IntegrityError):
        text = str(exc.orig).lower()
        if "unique" in text or "duplicate" in text:
            return Rejected("another row already has this value (it must be unique)", "unique")
        if "foreign key" in text:
            return Rejected(
                "it refers to a row that does not exist on the server", "missing_reference"
            )
        if "not null" in text or "null value" in text:
            return Rejected("a required field is empty", "required")
    log.exception("a mutation could not be stored")
    return Rejected("the server refused the row as inconsistent", "inconsistent")
