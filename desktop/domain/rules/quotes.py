"""The quote's derived figures: totals from its lines, and the reasons it needs approval.

A rule of the rule book: pure (no session), so the device computes them as the rep
types and saves, and the server computes them again after merging any change to a
quote or its lines. The inputs (the account's tier limit, the products' limits) are
gathered by ``desktop.domain.services.quotes.guardrails``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from desktop.domain.money import ZERO
from desktop.domain.pricing import LineInput, compute, effective_discount_pct, net_unit_price

# The quote's fields computed from its lines: no device sets them on the server.
DERIVED_FIELDS = ("subtotal", "tax_total", "total", "approval_reasons")


@dataclass(frozen=True)
class LineDraft:
    """One line as the editor holds it; ``id`` is None for a new line."""

    description: str
    quantity: Decimal
    unit_price: Decimal
    discount_pct: Decimal = ZERO
    tax_rate: Decimal = Decimal("0.13")
    unit: str = ""
    product_id: str | None = None
    id: str | None = None

    def pricing_input(self) -> LineInput:
        return LineInput(self.quantity, self.unit_price, self.discount_pct, self.tax_rate)


@dataclass(frozen=True)
class ProductRule:
    sku: str
    list_price: Decimal
    max_discount_pct: Decimal | None
    floor_price: Decimal | None
    category: str = ""


@dataclass(frozen=True)
class Guardrails:
    tier: str
    tier_limit_pct: Decimal | None
    products: Mapping[str, ProductRule] = field(default_factory=dict)


@dataclass(frozen=True)
class ApprovalReason:
    """Why a quote needs a manager: ``actual`` went beyond ``limit``."""

    code: str  # quote_discount | tier_discount | product_discount | floor_price
    limit: Decimal
    actual: Decimal
    line: int | None = None  # 1-based line number
    label: str = ""  # the line's SKU or description
    tier: str = ""

    def message(self) -> str:
        where = f"Line {self.line} ({self.label}): " if self.line is not None else ""
        if self.code == "quote_discount":
            return (
                f"Quote discount {self.actual}% exceeds the {self.limit}% allowed for tier "
                f"{self.tier}"
            )
        if self.code == "tier_discount":
            return (
                f"{where}discount {self.actual}% exceeds the {self.limit}% allowed for tier "
                f"{self.tier}"
            )
        if self.code == "product_discount":
            return f"{where}discount {self.actual}% exceeds this product's maximum of {self.limit}%"
        return f"{where}net unit price {self.actual} is below the floor price {self.limit}"

    def to_wire(self) -> dict[str, Any]:
        data = asdict(self)
        data["limit"], data["actual"] = str(self.limit), str(self.actual)
        return data

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> ApprovalReason:
        return cls(
            code=str(data["code"]),
            limit=Decimal(str(data["limit"])),
            actual=Decimal(str(data["actual"])),
            line=data.get("line"),
            label=str(data.get("label", "")),
            tier=str(data.get("tier", "")),
        )


def reasons_of(stored: str) -> list[ApprovalReason]:
    """The reasons kept on a quote (``Quote.approval_reasons``)."""
    if not stored:
        return []
    return [ApprovalReason.from_wire(item) for item in json.loads(stored)]


def _pct(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01")).normalize() + 0  # "+ 0" drops a negative zero


def check(
    lines: Sequence[LineDraft], quote_discount_pct: Decimal, rules: Guardrails
) -> list[ApprovalReason]:
    """Every guardrail the quote goes beyond; empty: no approval needed."""
    found: list[ApprovalReason] = []
    tier_limit = rules.tier_limit_pct
    quote_too_deep = tier_limit is not None and quote_discount_pct > tier_limit
    if quote_too_deep:
        assert tier_limit is not None
        found.append(
            ApprovalReason("quote_discount", tier_limit, _pct(quote_discount_pct), tier=rules.tier)
        )
    for number, line in enumerate(lines, start=1):
        rule = rules.products.get(line.product_id) if line.product_id else None
        label = rule.sku if rule is not None else line.description[:30]
        reference = rule.list_price if rule is not None else line.unit_price
        discount = effective_discount_pct(
            line.unit_price, reference, line.discount_pct, quote_discount_pct
        )
        if tier_limit is not None and not quote_too_deep and discount > tier_limit:
            found.append(
                ApprovalReason(
                    "tier_discount", tier_limit, _pct(discount), number, label, rules.tier
                )
            )
        if rule is None:
            continue
        if rule.max_discount_pct is not None and discount > rule.max_discount_pct:
            found.append(
                ApprovalReason(
                    "product_discount", rule.max_discount_pct, _pct(discount), number, label
                )
            )
        net = net_unit_price(line.unit_price, line.discount_pct, quote_discount_pct)
        if rule.floor_price is not None and net < rule.floor_price:
            found.append(
                ApprovalReason(
                    "floor_price", rule.floor_price, net.quantize(Decimal("0.01")), number, label
                )
            )
    return found


def derived_figures(
    lines: Sequence[LineDraft], quote_discount_pct: Decimal, rules: Guardrails
) -> dict[str, Any]:
    """The values of ``DERIVED_FIELDS`` for a quote with these lines."""
    totals = compute([line.pricing_input() for line in lines], quote_discount_pct)
    reasons = check(lines, quote_discount_pct, rules)
    return {
        "subtotal": totals.subtotal,
        "tax_total": totals.tax_total,
        "total": totals.total,
        "approval_reasons": stored_reasons(reasons),
    }


def stored_reasons(reasons: Sequence[ApprovalReason]) -> str:
    """The reasons as ``Quote.approval_reasons`` keeps them (empty: none)."""
    return json.dumps([r.to_wire() for r in reasons], ensure_ascii=False) if reasons else ""
