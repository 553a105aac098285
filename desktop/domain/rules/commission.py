"""Commission rates (Policy ``commission``): what a manager may set, and the rate that
applies to a line.

The policy, rates in percent as text::

    {"default": "1",                          # any product, any customer
     "categories": {"硬件": "3"},              # a product category, any customer tier
     "tiers": {"A": {"硬件": "4"}},            # a category for one customer tier
     "accelerator": {"above_pct": "100",       # above this attainment of the year's
                     "multiplier": "1.5"}}     # target, rates are multiplied

``{"flat": "2"}`` (one rate for everything) is read as ``default`` (older devices wrote
it). A rate is from 0 to 100 %, the multiplier from 1 to 5, the threshold from 0 to
1,000 % of target.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.pricing import commission
from desktop.domain.rules.violation import RuleViolation

ZERO = Decimal(0)
MAX_RATE = Decimal(100)
MULTIPLIER = (Decimal(1), Decimal(5))
MAX_ABOVE = Decimal(1000)
TIERS = ("A", "B", "C")


@dataclass(frozen=True)
class CommissionRates:
    default: Decimal = ZERO
    categories: dict[str, Decimal] = field(default_factory=dict)
    tiers: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    above_pct: Decimal | None = None  # None: no accelerator
    multiplier: Decimal = Decimal(1)

    def rate(self, category: str, tier: str | None = None) -> Decimal:
        """The rate in percent for a product category sold to a customer of ``tier``."""
        by_tier = self.tiers.get(tier or "", {})
        if category in by_tier:
            return by_tier[category]
        return self.categories.get(category, self.default)

    def earned(self, amounts: Iterable[tuple[Decimal, str]], tier: str | None = None) -> Decimal:
        """Commission on ``(discounted pre-tax amount, product category)`` lines, each
        rounded to the fen (``desktop.domain.pricing.commission``)."""
        lines = list(amounts)
        by_category = {category: self.rate(category, tier) for _, category in lines}
        return commission(lines, by_category, self.rate("", tier))

    def accelerated(self, attainment_pct: Decimal | None) -> Decimal:
        """The multiplier for a rep at ``attainment_pct`` of target (1 below it)."""
        if self.above_pct is None or attainment_pct is None or attainment_pct <= self.above_pct:
            return Decimal(1)
        return self.multiplier

    def to_policy(self) -> dict[str, Any]:
        value: dict[str, Any] = {
            "default": _text(self.default),
            "categories": {k: _text(v) for k, v in self.categories.items()},
            "tiers": {t: {k: _text(v) for k, v in r.items()} for t, r in self.tiers.items() if r},
        }
        if self.above_pct is not None:
            value["accelerator"] = {
                "above_pct": _text(self.above_pct),
                "multiplier": _text(self.multiplier),
            }
        return value


def _text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _number(value: Any, field: str, low: Decimal, high: Decimal) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise RuleViolation("bad_value", field) from exc
    if not number.is_finite() or not low <= number <= high:
        raise RuleViolation("out_of_range", field, min=_text(low), max=_text(high))
    return number


def read_rates(value: Mapping[str, Any] | None) -> CommissionRates:
    """The policy's rates, checked: ``RuleViolation`` for a value out of its range."""
    if not value:
        return CommissionRates()
    default = _number(value.get("flat", value.get("default", "0")), "rate", ZERO, MAX_RATE)
    categories = value.get("categories") or {}
    tiers = value.get("tiers") or {}
    if not isinstance(categories, Mapping) or not isinstance(tiers, Mapping):
        raise RuleViolation("bad_value", "rate")
    by_category = {str(k): _number(v, "rate", ZERO, MAX_RATE) for k, v in categories.items()}
    by_tier: dict[str, dict[str, Decimal]] = {}
    for tier, rates in tiers.items():
        if tier not in TIERS:
            raise RuleViolation("not_a_choice", "tier", value=str(tier)[:40])
        if not isinstance(rates, Mapping):
            raise RuleViolation("bad_value", "rate")
        by_tier[tier] = {str(k): _number(v, "rate", ZERO, MAX_RATE) for k, v in rates.items()}
    accelerator = value.get("accelerator")
    if not accelerator:
        return CommissionRates(default, by_category, by_tier)
    if not isinstance(accelerator, Mapping):
        raise RuleViolation("bad_value", "multiplier")
    above = _number(accelerator.get("above_pct"), "above_pct", ZERO, MAX_ABOVE)
    multiplier = _number(accelerator.get("multiplier"), "multiplier", *MULTIPLIER)
    return CommissionRates(default, by_category, by_tier, above, multiplier)


def check_commission_policy(value: Any) -> None:
    if not isinstance(value, Mapping):
        raise RuleViolation("bad_value", "value")
    read_rates(value)
