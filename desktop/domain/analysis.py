"""Customer analysis, pure: ABC classes by revenue share (Pareto) and share of wallet.

ABC: accounts ordered by revenue, biggest first (ties by id, so the order is stable);
an account is A while the revenue of the accounts before it is under ``a_pct`` % of
the total (so the account that crosses the line is still A: the A accounts are the
fewest that make ``a_pct`` %), B while under ``b_pct`` %, C after, and C with no
revenue at all. Thresholds are the policy ``abc`` ({"a": 80, "b": 95} by default).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

DEFAULT_ABC = {"a": 80, "b": 95}


def thresholds(value: object) -> tuple[int, int]:
    """(a, b) from the policy, defaults for what is missing or out of order."""
    a, b = DEFAULT_ABC["a"], DEFAULT_ABC["b"]
    if isinstance(value, Mapping):
        got_a, got_b = value.get("a", a), value.get("b", b)
        whole = all(isinstance(x, int) and not isinstance(x, bool) for x in (got_a, got_b))
        if whole and 0 < got_a <= got_b <= 100:
            a, b = got_a, got_b
    return a, b


def abc_classes(
    revenues: Mapping[str, Decimal], a_pct: int = DEFAULT_ABC["a"], b_pct: int = DEFAULT_ABC["b"]
) -> dict[str, tuple[str, Decimal]]:
    """Account id -> (class, cumulative share in % including the account)."""
    total = sum((r for r in revenues.values() if r > 0), Decimal(0))
    ranked = sorted(revenues.items(), key=lambda item: (-item[1], item[0]))
    result: dict[str, tuple[str, Decimal]] = {}
    before = Decimal(0)
    for account_id, revenue in ranked:
        result[account_id] = abc_class(revenue, before, total, a_pct, b_pct)
        if revenue > 0:
            before += revenue
    return result


def abc_class(
    revenue: Decimal,
    before: Decimal,
    total: Decimal,
    a_pct: int = DEFAULT_ABC["a"],
    b_pct: int = DEFAULT_ABC["b"],
) -> tuple[str, Decimal]:
    """One account's (class, cumulative share in %) from its revenue, the revenue of
    the accounts ranked before it and the total (see the module text)."""
    if revenue <= 0 or total <= 0:
        return ("C", Decimal(100) if total > 0 else Decimal(0))
    share_before = before * 100 / total
    cumulative = ((before + revenue) * 100 / total).quantize(Decimal("0.1"))
    klass = "A" if share_before < a_pct else "B" if share_before < b_pct else "C"
    return (klass, cumulative)


def share_of_wallet(revenue: Decimal, potential: Decimal | None) -> Decimal | None:
    """Revenue ÷ potential as a fraction (0.25 = 25 %); None without a potential."""
    if potential is None or potential <= 0:
        return None
    return (revenue / potential).quantize(Decimal("0.0001"))
