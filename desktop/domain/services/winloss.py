"""Win/loss: the closed opportunities (won or lost) of a period, by competitor, by the
reason a deal was lost, by rep and by product category.

A competitor "met" a deal when the deal or one of its quotes names it among its
competitors, or the deal was lost to it;
the win rate against a competitor is the share of the deals it met that we won.
Names are matched regardless of case and spaces (so "abb" and "ABB" are one). A deal's
product categories are those of the products on its quotes (latest revisions); a deal
counts once in each of its categories, and a deal without a quote in "" (none).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop.domain.models import Opportunity, Product, Quote, QuoteLine, User
from desktop.domain.money import ZERO


@dataclass(frozen=True)
class ClosedDeal:
    owner: str
    won: bool
    amount: Decimal
    competitors: tuple[str, ...]
    lost_to: str
    lost_reason: str
    categories: tuple[str, ...] = ()


@dataclass
class Tally:
    """Deals won and lost, with their amounts."""

    name: str
    won: int = 0
    won_amount: Decimal = ZERO
    lost: int = 0
    lost_amount: Decimal = ZERO
    lost_to_them: int = 0  # by competitor: deals they won from us
    lost_to_them_amount: Decimal = ZERO

    @property
    def deals(self) -> int:
        return self.won + self.lost

    @property
    def win_rate(self) -> Decimal | None:
        """Percent of the deals won, one decimal (None without deals)."""
        if not self.deals:
            return None
        return (Decimal(100) * self.won / self.deals).quantize(Decimal("0.1"))

    def add(self, deal: ClosedDeal) -> None:
        if deal.won:
            self.won += 1
            self.won_amount += deal.amount
        else:
            self.lost += 1
            self.lost_amount += deal.amount


@dataclass
class WinLoss:
    start: dt.date | None
    end: dt.date | None
    totals: Tally
    by_competitor: list[Tally] = field(default_factory=list)
    by_reason: list[Tally] = field(default_factory=list)
    by_rep: list[Tally] = field(default_factory=list)
    by_category: list[Tally] = field(default_factory=list)


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def closed_deals(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    owner_ids: Collection[str] | None = None,
) -> list[ClosedDeal]:
    """The deals closed from ``start`` to ``end`` (either open-ended); ``owner_ids``:
    only theirs."""
    where: list[ColumnElement[bool]] = [
        Opportunity.deleted_at.is_(None),
        Opportunity.stage.in_(("won", "lost")),
    ]
    if start is not None:
        where.append(Opportunity.close_date >= start)
    if end is not None:
        where.append(Opportunity.close_date <= end)
    if owner_ids is not None:
        where.append(Opportunity.owner_id.in_(list(owner_ids)))
    query = (
        select(
            Opportunity.id,
            User.display_name,
            Opportunity.stage,
            Opportunity.amount,
            Opportunity.competitors,
            Opportunity.lost_to,
            Opportunity.lost_reason,
        )
        .outerjoin(User, User.id == Opportunity.owner_id)
        .where(*where)
    )
    rows = session.execute(query).all()
    categories = _categories(session, where)
    on_quotes = _quote_competitors(session, where)
    return [
        ClosedDeal(
            owner or "",
            stage == "won",
            amount,
            _names(
                (n.strip() for n in (competitors or "").splitlines() if n.strip()),
                on_quotes.get(deal_id, ()),
            ),
            (lost_to or "").strip(),
            (lost_reason or "").strip(),
            tuple(sorted(categories.get(deal_id, ()))),
        )
        for deal_id, owner, stage, amount, competitors, lost_to, lost_reason in rows
    ]


def _categories(session: Session, where: list[ColumnElement[bool]]) -> dict[str, set[str]]:
    """Opportunity id -> the product categories on its quotes (latest revisions), for
    the opportunities ``where`` selects. Quotes are reached through their account (the
    indexed column) and then matched on the opportunity."""
    query = (
        select(Opportunity.id, Product.category)
        .join(
            Quote,
            (Quote.account_id == Opportunity.account_id) & (Quote.opportunity_id == Opportunity.id),
        )
        .join(QuoteLine, QuoteLine.quote_id == Quote.id)
        .join(Product, Product.id == QuoteLine.product_id)
        .where(
            *where,
            Quote.is_latest.is_(True),
            Quote.deleted_at.is_(None),
            QuoteLine.deleted_at.is_(None),
        )
        .distinct()
    )
    found: dict[str, set[str]] = defaultdict(set)
    for deal_id, category in session.execute(query):
        found[deal_id].add((category or "").strip())
    return found


def _quote_competitors(session: Session, where: list[ColumnElement[bool]]) -> dict[str, list[str]]:
    """Opportunity id -> the competitors named on its quotes (latest revisions), for the
    opportunities ``where`` selects (reached as ``_categories`` reaches them)."""
    query = (
        select(Opportunity.id, Quote.competitors)
        .join(
            Quote,
            (Quote.account_id == Opportunity.account_id) & (Quote.opportunity_id == Opportunity.id),
        )
        .where(
            *where, Quote.is_latest.is_(True), Quote.deleted_at.is_(None), Quote.competitors != ""
        )
    )
    found: dict[str, list[str]] = defaultdict(list)
    for deal_id, names in session.execute(query):
        found[deal_id] += [n.strip() for n in (names or "").splitlines() if n.strip()]
    return found


def _names(*groups: Iterable[str]) -> tuple[str, ...]:
    """The names of all groups once each (the first spelling kept), in order."""
    seen: dict[str, str] = {}
    for group in groups:
        for name in group:
            seen.setdefault(_key(name), name)
    return tuple(seen.values())


def _sorted(tallies: Iterable[Tally]) -> list[Tally]:
    """Most deals first; among competitors, those who took most from us first."""
    return sorted(
        tallies,
        key=lambda t: (-t.deals, -t.lost_to_them, -(t.won_amount + t.lost_amount), t.name),
    )


def win_loss(
    deals: Iterable[ClosedDeal], start: dt.date | None = None, end: dt.date | None = None
) -> WinLoss:
    totals = Tally("")
    competitors: dict[str, Tally] = {}
    reasons: dict[str, Tally] = {}
    reps: dict[str, Tally] = {}
    categories: dict[str, Tally] = {}
    for deal in deals:
        totals.add(deal)
        reps.setdefault(deal.owner, Tally(deal.owner)).add(deal)
        for category in deal.categories or ("",):
            categories.setdefault(category, Tally(category)).add(deal)
        if not deal.won:
            reason = reasons.setdefault(_key(deal.lost_reason), Tally(deal.lost_reason))
            reason.add(deal)
        met = {_key(n): n for n in deal.competitors}
        if deal.lost_to:
            met.setdefault(_key(deal.lost_to), deal.lost_to)
        for key, name in met.items():
            tally = competitors.setdefault(key, Tally(name))
            tally.add(deal)
            if not deal.won and key == _key(deal.lost_to):
                tally.lost_to_them += 1
                tally.lost_to_them_amount += deal.amount
    return WinLoss(
        start,
        end,
        totals,
        _sorted(competitors.values()),
        _sorted(reasons.values()),
        _sorted(reps.values()),
        _sorted(categories.values()),
    )


def report(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    owner_ids: Collection[str] | None = None,
) -> WinLoss:
    return win_loss(closed_deals(session, start, end, owner_ids), start, end)
