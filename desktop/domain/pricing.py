"""Quote arithmetic, exact and identical everywhere (screen, PDF, Excel, server).

Prices are tax-exclusive. The defined rounding points (half-up to the fen):
1. line net   = round(quantity x unit price x (1 - line discount))
2. line after the quote discount = round(line net x (1 - quote discount))
3. tax per rate = round(sum of discounted line amounts at that rate x rate)
Subtotal is the sum of line nets; the quote discount is subtotal minus the sum of
discounted lines; total = discounted lines + taxes.
4. commission per line = round(discounted line amount x the line's commission rate)

Guardrail measures (effective discount, net unit price) are exact and never rounded
before they are compared with a manager's limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.domain.money import HUNDRED, ZERO, round_fen


@dataclass(frozen=True)
class LineInput:
    quantity: Decimal
    unit_price: Decimal
    discount_pct: Decimal = ZERO  # 0..100
    tax_rate: Decimal = Decimal("0.13")  # 0.13 = 13 %


@dataclass(frozen=True)
class LineTotal:
    net: Decimal  # after the line discount
    discounted: Decimal  # after the quote discount too, before tax


@dataclass(frozen=True)
class QuoteTotals:
    lines: list[LineTotal]
    subtotal: Decimal
    quote_discount: Decimal
    taxable: Decimal
    tax_by_rate: dict[Decimal, Decimal] = field(default_factory=dict)
    tax_total: Decimal = ZERO
    total: Decimal = ZERO


def line_net(line: LineInput) -> Decimal:
    factor = (HUNDRED - line.discount_pct) / HUNDRED
    return round_fen(line.quantity * line.unit_price * factor)


def compute(lines: Iterable[LineInput], quote_discount_pct: Decimal = ZERO) -> QuoteTotals:
    items = list(lines)
    qfactor = (HUNDRED - quote_discount_pct) / HUNDRED
    totals: list[LineTotal] = []
    by_rate: dict[Decimal, Decimal] = {}
    for line in items:
        net = line_net(line)
        discounted = round_fen(net * qfactor)
        totals.append(LineTotal(net=net, discounted=discounted))
        rate = line.tax_rate.normalize() if line.tax_rate else ZERO
        by_rate[rate] = by_rate.get(rate, ZERO) + discounted
    subtotal = sum((t.net for t in totals), ZERO)
    taxable = sum((t.discounted for t in totals), ZERO)
    tax_by_rate = {rate: round_fen(amount * rate) for rate, amount in sorted(by_rate.items())}
    tax_total = sum(tax_by_rate.values(), ZERO)
    return QuoteTotals(
        lines=totals,
        subtotal=subtotal,
        quote_discount=subtotal - taxable,
        taxable=taxable,
        tax_by_rate=tax_by_rate,
        tax_total=tax_total,
        total=taxable + tax_total,
    )


def net_unit_price(
    unit_price: Decimal, line_discount_pct: Decimal = ZERO, quote_discount_pct: Decimal = ZERO
) -> Decimal:
    """What one unit really costs the customer before tax, after both discounts (exact)."""
    return (
        unit_price
        * (HUNDRED - line_discount_pct)
        / HUNDRED
        * (HUNDRED - quote_discount_pct)
        / HUNDRED
    )


def effective_discount_pct(
    unit_price: Decimal,
    reference_price: Decimal,
    line_discount_pct: Decimal = ZERO,
    quote_discount_pct: Decimal = ZERO,
) -> Decimal:
    """The whole discount off ``reference_price`` in percent (exact; 0 with no reference).

    Stacked discounts multiply: 10 % on the line and 10 % on the quote is 19 %, and an
    edited unit price below the reference counts too.
    """
    if reference_price <= 0:
        return ZERO
    net = net_unit_price(unit_price, line_discount_pct, quote_discount_pct)
    return HUNDRED - net * HUNDRED / reference_price


def commission(
    amounts: Iterable[tuple[Decimal, str]],
    rates: Mapping[str, Decimal],
    default_rate_pct: Decimal = ZERO,
) -> Decimal:
    """Commission on discounted (pre-tax) line amounts, each ``(amount, category)``.

    ``rates`` maps a product category to a rate in percent; other categories earn
    ``default_rate_pct``. Rounded per line, then summed.
    """
    total = ZERO
    for amount, category in amounts:
        rate = rates.get(category, default_rate_pct)
        total += round_fen(amount * rate / HUNDRED)
    return total
