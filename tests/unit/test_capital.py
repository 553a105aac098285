"""大写金额 as a bank clerk would write them (《支付结算办法》)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.domain.capital import capital_amount


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"),
        ("10005", "壹万零伍元整"),
        ("0", "零元整"),
        ("2", "贰元整"),
        ("15", "壹拾伍元整"),  # a leading ten keeps its 壹
        ("1010", "壹仟零壹拾元整"),  # zero in the hundreds
        ("1001", "壹仟零壹元整"),  # two zeros read as one 零
        ("100000", "壹拾万元整"),  # trailing zeros are not written
        ("100100", "壹拾万零壹佰元整"),  # zero in the thousands after 万
        ("101000", "壹拾万壹仟元整"),
        ("20000000", "贰仟万元整"),
        ("100001000", "壹亿零壹仟元整"),  # a whole empty 万 section is one 零
        ("100010000", "壹亿零壹万元整"),
        ("1000000000", "壹拾亿元整"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),  # zero yuan digit, jiao present
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),  # zero jiao: 零 before 分
        ("325.04", "叁佰贰拾伍元零肆分"),
        ("12.30", "壹拾贰元叁角整"),  # ends at 角: 整
        ("0.50", "伍角整"),
        ("0.05", "伍分"),
        ("0.35", "叁角伍分"),
        ("100000000.01", "壹亿元零壹分"),
        ("-12.3", "负壹拾贰元叁角整"),
        ("0.005", "壹分"),  # rounded half-up to the fen first
    ],
)
def test_capital_amount(amount: str, expected: str) -> None:
    assert capital_amount(Decimal(amount)) == expected


def test_too_large_is_refused() -> None:
    with pytest.raises(ValueError, match="too large"):
        capital_amount(Decimal(10) ** 16)
