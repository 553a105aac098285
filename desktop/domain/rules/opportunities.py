"""The opportunity's rules: the probability a stage allows, and what a lost deal needs.

A stage has a default probability (a manager may change the defaults in the ``stages``
policy, within the stage's limits) and limits a rep's own estimate must stay inside:
a lead is never a sure thing, a deal in negotiation is not a long shot, won is 100 and
lost is 0. A lost deal says why (``lost_reason``); who won it (``lost_to``) is asked
for but not required, since a rep does not always know.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.rules.violation import RuleViolation

Row = Mapping[str, Any]

# stage -> (lowest, highest) probability in percent, both inclusive.
PROBABILITY_LIMITS: dict[str, tuple[int, int]] = {
    "lead": (0, 40),
    "qualified": (10, 60),
    "proposal": (20, 80),
    "negotiation": (40, 95),
    "won": (100, 100),
    "lost": (0, 0),
}
DEFAULT_PROBABILITY: dict[str, int] = {
    "lead": 10,
    "qualified": 25,
    "proposal": 50,
    "negotiation": 75,
    "won": 100,
    "lost": 0,
}
# Fields that only mean something for a lost deal.
LOST_FIELDS = ("lost_reason", "lost_to")


def default_probabilities(policy: Mapping[str, Any] | None) -> dict[str, int]:
    """Each stage's default probability: the ``stages`` policy's where it is a whole
    number inside the stage's limits, else the rule book's."""
    defaults = dict(DEFAULT_PROBABILITY)
    for stage, (low, high) in PROBABILITY_LIMITS.items():
        value = (policy or {}).get(stage)
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            defaults[stage] = value
    return defaults


def check_stage_defaults(values: Mapping[str, Any]) -> None:
    """A manager's ``stages`` policy: each default inside its stage's limits."""
    for stage, value in values.items():
        if stage not in PROBABILITY_LIMITS:
            raise RuleViolation("not_a_choice", "stage", value=str(stage)[:40])
        low, high = PROBABILITY_LIMITS[stage]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise RuleViolation(
                "probability_for_stage", "probability", stage=stage, min=low, max=high
            )


def check_opportunity(before: Row | None, after: Row) -> None:
    """Judge the row as it will be: its probability when it or the stage moved, and the
    reason when it is (or becomes) lost."""
    stage = str(after.get("stage") or "")

    def moved(name: str) -> bool:
        return before is None or before.get(name) != after.get(name)

    if (moved("stage") or moved("probability")) and stage in PROBABILITY_LIMITS:
        low, high = PROBABILITY_LIMITS[stage]
        probability = after.get("probability")
        if isinstance(probability, int) and not low <= probability <= high:
            raise RuleViolation(
                "probability_for_stage", "probability", stage=stage, min=low, max=high
            )
    lost_now = stage == "lost" and (moved("stage") or moved("lost_reason"))
    if lost_now and not str(after.get("lost_reason") or "").strip():
        raise RuleViolation("lost_without_reason", "lost_reason")
