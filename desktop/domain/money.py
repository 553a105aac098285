"""Money and rates as Decimal, never float.

Amounts are stored as integer fen (minor units) so SQL can sum them exactly, and
carried as ``Decimal`` everywhere else. Rounding is half-up to the fen, and it only
happens where a function here says so.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


class MoneyError(ValueError):
    """A value that is not a valid amount of money."""


def to_decimal(value: object) -> Decimal:
    """Parse a user or file value into Decimal, refusing floats and junk."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise MoneyError(f"not an amount: {value!r}")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        # Floats only ever reach us from spreadsheets; go through repr so 0.1 is 0.1.
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
        if not text:
            raise MoneyError("empty amount")
        try:
            result = Decimal(text)
        except InvalidOperation as exc:
            raise MoneyError(f"not an amount: {value!r}") from exc
    else:
        raise MoneyError(f"not an amount: {value!r}")
    if not result.is_finite():
        raise MoneyError(f"not a finite amount: {value!r}")
    return result


def round_fen(value: Decimal) -> Decimal:
    """Round half-up to the fen (0.005 -> 0.01).

    MoneyError (never decimal.InvalidOperation) for an amount with more digits than
    Decimal's 28 (a quantity of 1e400 pulled from a server, once).
    """
    if not value.is_finite():
        raise MoneyError(f"not a finite amount: {value}")
    try:
        return value.quantize(FEN, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise MoneyError(f"an amount of {value:.6E} is too large") from exc


def to_fen(value: Decimal) -> int:
    """Decimal yuan -> integer fen, rounding half-up."""
    return int(round_fen(value) * 100)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def format_money(value: Decimal, currency: str = "CNY") -> str:
    """'¥12,345.67' for CNY, 'USD 12,345.67' for the rest."""
    symbol = {"CNY": "¥", "USD": "$", "EUR": "€", "HKD": "HK$"}.get(currency, currency + " ")
    amount = round_fen(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}{symbol}{abs(amount):,.2f}"
