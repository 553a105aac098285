"""Amounts in Chinese capital numerals (大写金额), as written on quotes, contracts and
invoices: ``12345.67`` -> 壹万贰仟叁佰肆拾伍元陆角柒分, ``10005`` -> 壹万零伍元整.

The conventions followed (those of the PBOC payment rules, 《支付结算办法》):
- a run of zeros inside the number is written as one 零, also across 万 and 亿
  (壹亿零壹仟元整); zeros at the end of the yuan part are not written;
- ``整`` follows an amount that ends at 元 or 角; an amount with 分 has no 整;
- with 0 角 and some 分, 零 stands between 元 and 分 (叁佰贰拾伍元零肆分);
- a leading ten keeps its 壹 (壹拾伍元整), as banks require;
- below one yuan the 元 part is left out (伍角整); zero is 零元整;
- a negative amount starts with 负.

The amount is rounded half-up to the fen first (desktop.domain.money.round_fen).
"""

from __future__ import annotations

from decimal import Decimal

from desktop.domain.money import round_fen, to_decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
SECTIONS = ("", "万", "亿", "万亿")
LIMIT = Decimal(10) ** (4 * len(SECTIONS))


def _section(value: int) -> str:
    """1..9999 without the zeros before its first digit."""
    text = ""
    pending_zero = False
    for place in range(3, -1, -1):
        digit = value // 10**place % 10
        if digit == 0:
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += DIGITS[0]
            pending_zero = False
        text += DIGITS[digit] + PLACES[place]
    return text


def _yuan(value: int) -> str:
    sections = []
    while value:
        sections.append(value % 10000)
        value //= 10000
    text = ""
    zero_gap = False
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section == 0:
            zero_gap = bool(text)
            continue
        if text and (zero_gap or section < 1000):
            text += DIGITS[0]
        text += _section(section) + SECTIONS[index]
        zero_gap = False
    return text


def capital_amount(value: Decimal | int | str) -> str:
    """The amount in 大写, e.g. ``Decimal('10005')`` -> 壹万零伍元整."""
    amount = round_fen(to_decimal(value))
    if abs(amount) >= LIMIT:
        raise ValueError(f"amount too large for 大写: {value}")
    sign = "负" if amount < 0 else ""
    fen_total = int(abs(amount) * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    text = _yuan(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return sign + (text or "零元") + "整"
    if jiao == 0:
        return sign + text + ("零" if text else "") + DIGITS[fen] + "分"
    text += DIGITS[jiao] + "角"
    return sign + text + (DIGITS[fen] + "分" if fen else "整")
