"""Quote arithmetic, every expected figure worked out by hand in the comment beside it."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.money import MoneyError
from desktop.domain.pricing import (
    LineInput,
    commission,
    compute,
    effective_discount_pct,
    line_net,
    net_unit_price,
)


def test_stacked_line_and_quote_discounts() -> None:
    # 3 x 1000 at 10 % off = 2700.00; 5 % off the quote: 2565.00; 13 % tax: 333.45.
    totals = compute([LineInput(D(3), D(1000), D(10), D("0.13"))], D(5))
    assert totals.subtotal == D("2700.00")
    assert totals.quote_discount == D("135.00")
    assert totals.taxable == D("2565.00")
    assert totals.tax_by_rate == {D("0.13"): D("333.45")}
    assert totals.total == D("2898.45")


def test_mixed_tax_rates_are_taxed_per_rate() -> None:
    lines = [
        LineInput(D(2), D("38000"), D(0), D("0.13")),  # 76000.00, tax 9880.00
        LineInput(D(10), D("480"), D(0), D("0.06")),  # 4800.00, tax 288.00
        LineInput(D(1), D("1500"), D(0), D("0.09")),  # 1500.00, tax 135.00
        LineInput(D(1), D("999.99"), D(0), D(0)),  # 999.99, no tax
    ]
    totals = compute(lines)
    assert totals.subtotal == D("83299.99")
    assert totals.tax_by_rate == {
        D(0): D("0.00"),
        D("0.06"): D("288.00"),
        D("0.09"): D("135.00"),
        D("0.13"): D("9880.00"),
    }
    assert totals.tax_total == D("10303.00")
    assert totals.total == D("93602.99")


def test_half_fen_rounds_up_at_each_defined_point() -> None:
    # Line: 1 x 0.05 at 10 % off = 0.045 -> 0.05 (half up, not to even).
    assert line_net(LineInput(D(1), D("0.05"), D(10))) == D("0.05")
    # Quote discount 10 % of 0.05 = 0.045 -> 0.05 again; tax 13 % of 0.05 = 0.0065 -> 0.01.
    totals = compute([LineInput(D(1), D("0.05"), D(10), D("0.13"))], D(10))
    assert totals.lines[0].discounted == D("0.05")
    assert totals.tax_total == D("0.01")
    assert totals.total == D("0.06")


def test_tax_is_rounded_once_per_rate_not_per_line() -> None:
    # Three lines of 0.10 at 6 %: per line 0.006 -> 0.01 each would give 0.03;
    # on the sum, 0.30 x 6 % = 0.018 -> 0.02.
    totals = compute([LineInput(D(1), D("0.10"), D(0), D("0.06"))] * 3)
    assert totals.tax_total == D("0.02")


def test_large_quantities_stay_exact() -> None:
    # 1,000,000 x 12,345.67 = 12,345,670,000.00; 13 % = 1,604,937,100.00.
    totals = compute([LineInput(D(1_000_000), D("12345.67"), D(0), D("0.13"))])
    assert totals.subtotal == D("12345670000.00")
    assert totals.total == D("13950607100.00")


def test_fractional_quantity() -> None:
    # 2.5 days x 2500 = 6250.00 at 6 %: 375.00.
    totals = compute([LineInput(D("2.5"), D(2500), D(0), D("0.06"))])
    assert totals.total == D("6625.00")


def test_zero_price_lines_count_for_nothing() -> None:
    totals = compute([LineInput(D(5), D(0)), LineInput(D(1), D(100), D(0), D("0.13"))])
    assert [t.net for t in totals.lines] == [D("0.00"), D("100.00")]
    assert totals.total == D("113.00")


def test_no_lines_is_zero() -> None:
    totals = compute([], D(5))
    assert totals.total == D("0.00")
    assert totals.tax_by_rate == {}


def test_effective_discount_stacks_multiplicatively() -> None:
    # 10 % then 10 %: 0.9 x 0.9 = 0.81 -> 19 % off.
    assert effective_discount_pct(D(100), D(100), D(10), D(10)) == D(19)
    # Price edited from 100 down to 90 plus 5 % on the line: 85.5 -> 14.5 % off.
    assert effective_discount_pct(D(90), D(100), D(5)) == D("14.5")
    assert effective_discount_pct(D(50), D(0)) == 0
    assert net_unit_price(D(200), D(10), D(50)) == D(90)


def test_commission_per_category_rounded_per_line() -> None:
    # 1000.05 x 3 % = 30.0015 -> 30.00; 333.33 x 5 % = 16.6665 -> 16.67; other 1 %: 1.00.
    rates = {"硬件": D(3), "软件": D(5)}
    got = commission([(D("1000.05"), "硬件"), (D("333.33"), "软件"), (D(100), "服务")], rates, D(1))
    assert got == D("47.67")


amounts = st.decimals(min_value=0, max_value=10**7, places=2)
pcts = st.decimals(min_value=0, max_value=100, places=2)


@given(
    st.lists(
        st.tuples(
            st.integers(0, 1000),
            amounts,
            pcts,
            st.sampled_from([D(0), D("0.06"), D("0.09"), D("0.13")]),
        ),
        max_size=8,
    ),
    pcts,
)
def test_totals_add_up_for_any_quote(raw: list[tuple[int, D, D, D]], qdisc: D) -> None:
    totals = compute([LineInput(D(q), p, d, t) for q, p, d, t in raw], qdisc)
    assert totals.subtotal - totals.quote_discount == totals.taxable
    assert totals.taxable + totals.tax_total == totals.total
    assert totals.quote_discount >= 0
    for value in (totals.subtotal, totals.tax_total, totals.total):
        assert value == value.quantize(D("0.01"))


def test_an_amount_too_large_to_round_is_refused_in_plain_words() -> None:
    # 1e400 x 38000 has more digits than Decimal keeps: decimal.InvalidOperation before.
    line = LineInput(quantity=D("1e400"), unit_price=D("38000"))
    with pytest.raises(MoneyError, match="is too large"):
        compute([line])
