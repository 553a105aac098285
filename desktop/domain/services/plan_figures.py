"""The account plan's derived figures, computed from orders (one home for them):

- the account's target for the year and the money won from it (``targets.account_year``,
  as the targets page and the review pack read them) and so its attainment;
- whitespace by product category: per catalog category, what the account bought from
  us this year and last (an order's amount shared over its quote's lines by their net
  value; an order without product lines counts as "uncategorised"), which competitors
  supply it (an incumbent whose "supplies" names the category), and whether it is
  whitespace: bought from a competitor, or never bought;
- potential (``account.potential``) against this year's revenue (share of wallet).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import (
    Account,
    Competitor,
    Incumbent,
    Order,
    Product,
    QuoteLine,
)
from desktop.domain.money import ZERO, round_fen
from desktop.domain.services import targets

UNCATEGORISED = ""
# What a category is to the account: bought from us this year; bought last year only;
# supplied by a competitor; never bought. The last two are whitespace.
CATEGORY_STATES = ("ours", "lapsed", "competitor", "open")
WHITESPACE = frozenset({"competitor", "open"})


@dataclass(frozen=True)
class CategoryRow:
    category: str  # UNCATEGORISED: orders without product lines
    this_year: Decimal
    last_year: Decimal
    competitors: tuple[str, ...]
    state: str

    @property
    def whitespace(self) -> bool:
        return self.state in WHITESPACE


@dataclass(frozen=True)
class PlanFigures:
    year: int
    target: Decimal
    won: Decimal  # against the target (accepted quotes and orders, as targets count)
    revenue: Decimal  # this year's orders
    last_revenue: Decimal
    potential: Decimal | None
    categories: list[CategoryRow]

    @property
    def attainment_pct(self) -> Decimal | None:
        return targets.attainment(self.won, self.target)

    @property
    def share_of_wallet_pct(self) -> Decimal | None:
        return targets.attainment(self.revenue, self.potential or ZERO)

    @property
    def whitespace(self) -> list[CategoryRow]:
        return [c for c in self.categories if c.whitespace]


def split_by_category(amount: Decimal, lines: Iterable[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """An order's amount shared over (category, net value) lines, to the fen; the
    rounding rest goes to the largest share. No positive line: all uncategorised."""
    weights: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for category, net in lines:
        if net > 0:
            weights[category or UNCATEGORISED] += net
    total = sum(weights.values(), ZERO)
    if total <= 0:
        return {UNCATEGORISED: amount}
    shares = {c: round_fen(amount * w / total) for c, w in weights.items()}
    largest = max(shares, key=lambda c: (weights[c], c))
    shares[largest] += amount - sum(shares.values(), ZERO)
    return shares


def classify(
    categories: Iterable[str],
    bought: Mapping[int, Mapping[str, Decimal]],
    incumbents: Iterable[tuple[str, str]],
    year: int,
) -> list[CategoryRow]:
    """Whitespace rows: every catalog category (and any category sold that is no longer
    in the catalog, and uncategorised sales), in category order."""
    this, last = bought.get(year, {}), bought.get(year - 1, {})
    names = {c for c in categories if c} | {c for c in (*this, *last) if c}
    supplied = list(incumbents)
    rows = []
    for category in sorted(names):
        key = category.casefold()
        rivals = tuple(sorted({n for n, what in supplied if key in what.casefold()}))
        ours, before = this.get(category, ZERO), last.get(category, ZERO)
        if ours > 0:
            state = "ours"
        elif rivals:
            state = "competitor"
        elif before > 0:
            state = "lapsed"
        else:
            state = "open"
        rows.append(CategoryRow(category, ours, before, rivals, state))
    loose = (this.get(UNCATEGORISED, ZERO), last.get(UNCATEGORISED, ZERO))
    if any(loose):
        state = "ours" if loose[0] > 0 else "lapsed"
        rows.append(CategoryRow(UNCATEGORISED, loose[0], loose[1], (), state))
    return rows


def _bought(session: Session, account_id: str, year: int) -> dict[int, dict[str, Decimal]]:
    orders = session.execute(
        select(Order.order_date, Order.amount, Order.quote_id).where(
            Order.account_id == account_id,
            Order.deleted_at.is_(None),
            Order.currency == "CNY",
            Order.order_date >= dt.date(year - 1, 1, 1),
            Order.order_date <= dt.date(year, 12, 31),
        )
    ).all()
    quote_ids = {q for _d, _a, q in orders if q}
    lines: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
    if quote_ids:
        query = (
            select(QuoteLine.quote_id, Product.category, QuoteLine.quantity)
            .add_columns(QuoteLine.unit_price, QuoteLine.discount_pct)
            .outerjoin(Product, Product.id == QuoteLine.product_id)
            .where(QuoteLine.quote_id.in_(sorted(quote_ids)), QuoteLine.deleted_at.is_(None))
        )
        for quote_id, category, quantity, price, discount in session.execute(query):
            net = quantity * price * (100 - (discount or ZERO)) / 100
            lines[quote_id].append((category or UNCATEGORISED, net))
    result: dict[int, dict[str, Decimal]] = {year: {}, year - 1: {}}
    for day, amount, quote_id in orders:
        into = result[day.year]
        for category, share in split_by_category(amount, lines.get(quote_id or "", [])).items():
            into[category] = into.get(category, ZERO) + share
    return result


def plan_figures(session: Session, account_id: str, year: int) -> PlanFigures:
    categories = session.scalars(
        select(Product.category)
        .where(Product.deleted_at.is_(None), Product.category != "")
        .distinct()
    )
    incumbents = session.execute(
        select(Competitor.name, Incumbent.supplies)
        .join(Competitor, Competitor.id == Incumbent.competitor_id)
        .where(Incumbent.account_id == account_id, Incumbent.deleted_at.is_(None))
    ).all()
    bought = _bought(session, account_id, year)
    account = session.get(Account, account_id)
    against = targets.account_year(session, account_id, year)
    return PlanFigures(
        year=year,
        target=against.target,
        won=against.actual,
        revenue=sum(bought[year].values(), ZERO),
        last_revenue=sum(bought[year - 1].values(), ZERO),
        potential=account.potential if account is not None else None,
        categories=classify(list(categories), bought, [(n, s or "") for n, s in incumbents], year),
    )
