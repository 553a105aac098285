"""An account's health score (0-100) that explains itself.

``score`` is pure: it takes an account's plain facts (``HealthFacts``) and the weights
(``Weights``: the policy ``health``, defaults below) and returns the score with every
point's reason. A reason is a code with parameters, like a ``RuleViolation``: the
window words it in the user's language (desktop/ui/accounts/health_tab.py), the
command line and logs in English (``reason_text``).

The rules, each with its weight in points:

- the score starts at ``base``;
- ``stakeholder``: no decision maker met (attended a done visit) within
  ``stakeholder_days`` days: minus; one met: plus half of it;
- ``cadence``: no done visit within the tier's visit cadence: minus; within it: plus;
- ``overdue``: money overdue more than ``overdue_days`` days: minus the full weight;
  overdue less long: minus half;
- ``complaints``: each open complaint past its SLA: minus ``complaint`` points, at
  most ``complaints_cap`` in all;
- ``growth``: orders of the last 12 months against the 12 before: up by
  ``growth_pct`` % or more: plus; down by as much: minus (no orders in either year
  counts for nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

ZERO = Decimal(0)
AT_RISK_BELOW = 40  # a score under this is "at risk"; 70 and up is "healthy"
HEALTHY_FROM = 70


@dataclass(frozen=True)
class Weights:
    base: int = 70
    stakeholder: int = 15
    stakeholder_days: int = 120
    cadence: int = 10
    overdue: int = 10
    overdue_days: int = 60
    complaint: int = 4
    complaints_cap: int = 12
    growth: int = 10
    growth_pct: int = 20

    @classmethod
    def from_policy(cls, value: Mapping[str, Any] | None) -> Weights:
        """The policy's weights where they are whole numbers from 0 to 3660; defaults
        for the rest."""
        weights = cls()
        if not isinstance(value, Mapping):
            return weights
        known = {f.name for f in fields(cls)}
        good = {
            k: v
            for k, v in value.items()
            if k in known and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 3660
        }
        return replace(weights, **good)


@dataclass(frozen=True)
class HealthFacts:
    """What the score reads about one account (gathered by services/health.py)."""

    cadence_days: int  # the tier's days between visits
    last_visit: dt.datetime | None = None  # the last done visit
    decision_maker_met: dt.datetime | None = None  # a decision maker last attended
    overdue_long: Decimal = ZERO  # owed past the due date by more than overdue_days
    overdue_short: Decimal = ZERO  # owed past the due date, less long
    complaints_past_sla: int = 0  # open complaints past their SLA
    orders_this_year: Decimal = ZERO  # the last 12 months
    orders_last_year: Decimal = ZERO  # the 12 months before


@dataclass(frozen=True)
class Reason:
    code: str
    points: int  # signed: what it adds to the score
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Health:
    score: int  # 0..100
    reasons: list[Reason]  # every point that moved the score from the base, biggest first
    base: int


def at_risk(value: int) -> bool:
    return value < AT_RISK_BELOW


def score(facts: HealthFacts, weights: Weights, now: dt.datetime) -> Health:
    reasons: list[Reason] = []
    w = weights
    # Stakeholders: a decision maker met lately.
    # Whole days, as the reasons say them: met 120 days ago is within 120 days.
    met = None if facts.decision_maker_met is None else (now - facts.decision_maker_met).days
    if met is None or met > w.stakeholder_days:
        reasons.append(Reason("no_decision_maker", -w.stakeholder, {"days": w.stakeholder_days}))
    elif w.stakeholder // 2:
        reasons.append(Reason("decision_maker_met", w.stakeholder // 2, {"days": met}))
    # Visits: within the tier's cadence.
    last = None if facts.last_visit is None else (now - facts.last_visit).days
    if last is None:
        reasons.append(Reason("never_visited", -w.cadence, {"cadence": facts.cadence_days}))
    elif last > facts.cadence_days:
        reasons.append(
            Reason("visit_overdue", -w.cadence, {"days": last, "cadence": facts.cadence_days})
        )
    else:
        reasons.append(Reason("visited", w.cadence, {"days": last}))
    # Receivables.
    if facts.overdue_long > 0:
        reasons.append(
            Reason(
                "overdue_long",
                -w.overdue,
                {"amount": str(facts.overdue_long), "days": w.overdue_days},
            )
        )
    if facts.overdue_short > 0 and w.overdue // 2:
        reasons.append(
            Reason("overdue_short", -(w.overdue // 2), {"amount": str(facts.overdue_short)})
        )
    # Complaints past their SLA.
    if facts.complaints_past_sla:
        points = min(w.complaint * facts.complaints_past_sla, w.complaints_cap)
        reasons.append(Reason("complaints_past_sla", -points, {"count": facts.complaints_past_sla}))
    # Orders year over year.
    before, after = facts.orders_last_year, facts.orders_this_year
    if before > 0:
        change = int(((after - before) * 100 / before).quantize(Decimal(1), ROUND_HALF_UP))
        if change >= w.growth_pct:
            reasons.append(Reason("orders_up", w.growth, {"pct": change}))
        elif change <= -w.growth_pct:
            reasons.append(Reason("orders_down", -w.growth, {"pct": -change}))
    elif after > 0:
        reasons.append(Reason("first_orders", w.growth // 2, {"amount": str(after)}))
    reasons = [r for r in reasons if r.points]
    total = w.base + sum(r.points for r in reasons)
    reasons.sort(key=lambda r: (-abs(r.points), r.code))
    return Health(max(0, min(100, total)), reasons, w.base)


# English, for the command line and logs; the window's words are in its own module.
TEXTS = {
    "no_decision_maker": "no decision maker met in {days} days",
    "decision_maker_met": "a decision maker met {days} days ago",
    "never_visited": "never visited (the tier wants a visit every {cadence} days)",
    "visit_overdue": "last visit {days} days ago (the tier wants one every {cadence} days)",
    "visited": "visited {days} days ago",
    "overdue_long": "¥{amount} overdue more than {days} days",
    "overdue_short": "¥{amount} overdue",
    "complaints_past_sla": "{count} complaints past SLA",
    "orders_up": "orders up {pct} % year over year",
    "orders_down": "orders down {pct} % year over year",
    "first_orders": "first orders this year: ¥{amount}",
}


def reason_text(reason: Reason) -> str:
    """'−15: no decision maker met in 120 days' in English."""
    sign = "+" if reason.points > 0 else "−"
    text = TEXTS.get(reason.code, reason.code).format(**reason.params)
    return f"{sign}{abs(reason.points)}: {text}"
