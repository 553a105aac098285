"""Monthly commission settlement (提成结算): per rep, the orders paid in a month, the rate
applied and the commission, with totals, as the finance department settles it.

An order counts in the month of the payment that completes it (partial payments wait
for the last one). Its commission is worked out on the quote it came from, line by
line on the discounted amount before tax at the rate of the line's product category
for the account's tier (``desktop.domain.rules.commission``); an order without a quote
earns the default rate on its amount. A rep whose year-to-date wins (through the end of
the month) are above the accelerator's share of their year-to-date target earns the
multiplied rate on every order of the month.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import Account, Order, Payment, Product, Quote, User
from desktop.domain.money import ZERO, round_fen
from desktop.domain.pricing import compute
from desktop.domain.rules.commission import CommissionRates
from desktop.domain.services import targets
from desktop.domain.services.quotes import drafts_of, lines_of
from desktop.domain.services.quotes.guardrails import commission_rates
from desktop.domain.services.rules import set_policy
from desktop.domain.uow import UnitOfWork

HUNDRED = Decimal(100)
POLICY_KEY = "commission"


def save_rates(uow: UnitOfWork, rates: CommissionRates) -> None:
    """Write the rates as the ``commission`` policy (a manager's; the rule book checks
    the role and every rate)."""
    set_policy(uow, POLICY_KEY, rates.to_policy())


@dataclass(frozen=True)
class SettledOrder:
    number: str
    account: str
    tier: str
    paid_on: dt.date
    amount: Decimal  # the order, tax included
    base: Decimal  # what commission is paid on: discounted, before tax
    rate_pct: Decimal  # the effective rate before the accelerator (mixed lines averaged)
    multiplier: Decimal
    commission: Decimal


@dataclass
class RepSettlement:
    owner_id: str | None
    name: str
    attainment_pct: Decimal | None
    multiplier: Decimal
    orders: list[SettledOrder] = field(default_factory=list)

    @property
    def base(self) -> Decimal:
        return sum((o.base for o in self.orders), ZERO)

    @property
    def commission(self) -> Decimal:
        return sum((o.commission for o in self.orders), ZERO)


def paid_in(session: Session, month: targets.Period) -> dict[str, dt.date]:
    """Orders whose payments reached their amount within ``month``: id -> that day."""
    touched = select(Payment.order_id).where(
        Payment.deleted_at.is_(None),
        Payment.received_on >= month.start,
        Payment.received_on < month.end,
    )
    query = (
        select(Payment.order_id, Payment.received_on, Payment.amount, Order.amount)
        .join(Order, Order.id == Payment.order_id)
        .where(
            Payment.deleted_at.is_(None),
            Order.deleted_at.is_(None),
            Payment.order_id.in_(touched),
            Payment.received_on < month.end,
        )
        .order_by(Payment.order_id, Payment.received_on, Payment.id)
    )
    running: dict[str, Decimal] = defaultdict(lambda: ZERO)
    done: dict[str, dt.date] = {}
    for order_id, day, amount, total in session.execute(query):
        if order_id in done:
            continue
        running[order_id] += amount
        if running[order_id] >= total and day >= month.start:
            done[order_id] = day
        elif running[order_id] >= total:
            done[order_id] = dt.date.min  # paid off before the month: not this month's
    return {k: v for k, v in done.items() if v != dt.date.min}


def _base(
    session: Session, order: Order, tier: str, policy: CommissionRates
) -> tuple[Decimal, Decimal]:
    """(base, commission before the accelerator) of one order."""
    quote = session.get(Quote, order.quote_id) if order.quote_id else None
    lines = lines_of(session, quote.id) if quote is not None else []
    if quote is None or not lines:
        return order.amount, policy.earned([(order.amount, "")], tier)
    totals = compute([d.pricing_input() for d in drafts_of(lines)], quote.discount_pct)
    pairs = zip(totals.lines, lines, strict=True)
    amounts = [(t.discounted, line["category"]) for t, line in pairs]
    return sum((a for a, _ in amounts), ZERO), policy.earned(amounts, tier)


def _attainment(session: Session, owner_id: str, month: targets.Period) -> Decimal | None:
    year, last = month.year, month.months[-1]
    to_date = targets.Period(f"{year}-YTD", "year", year, tuple(range(1, last + 1)))
    won = sum((w.amount for w in targets.wins(session, to_date, [owner_id])), ZERO)
    target = sum(
        (targets.target_for(session, owner_id, targets.month_key(year, m)) for m in to_date.months),
        ZERO,
    )
    return targets.attainment(won, target)


def settle(session: Session, month_text: str) -> list[RepSettlement]:
    """The month's settlement, one entry per rep with orders paid in it (by name)."""
    month = targets.parse_period(month_text)
    if month.kind != "month":
        raise ValidationError({"month": f"{month_text!r} is not a month like 2026-11"})
    policy = commission_rates(session)
    paid = paid_in(session, month)
    reps: dict[str | None, RepSettlement] = {}
    for order_id, day in paid.items():
        order = session.get(Order, order_id)
        assert order is not None
        account = session.get(Account, order.account_id)
        tier = account.tier if account is not None and account.tier else ""
        if order.owner_id not in reps:
            owner = session.get(User, order.owner_id) if order.owner_id else None
            attained = _attainment(session, order.owner_id, month) if order.owner_id else None
            reps[order.owner_id] = RepSettlement(
                order.owner_id,
                owner.display_name if owner is not None else "",
                attained,
                policy.accelerated(attained),
            )
        rep = reps[order.owner_id]
        base, raw = _base(session, order, tier, policy)
        rate = (raw * HUNDRED / base).quantize(Decimal("0.01")) if base else ZERO
        rep.orders.append(
            SettledOrder(
                number=order.number,
                account=account.name if account is not None else "",
                tier=tier,
                paid_on=day,
                amount=order.amount,
                base=base,
                rate_pct=rate,
                multiplier=rep.multiplier,
                commission=round_fen(raw * rep.multiplier),
            )
        )
    for rep in reps.values():
        rep.orders.sort(key=lambda o: (o.paid_on, o.number))
    return sorted(reps.values(), key=lambda r: r.name)


@dataclass(frozen=True)
class RatesEditor:
    """What Settings → Rules shows: the catalog's categories and the current rates."""

    categories: list[str]
    rates: CommissionRates


def rates_editor(session: Session) -> RatesEditor:
    current = commission_rates(session)
    named = set(
        session.scalars(
            select(Product.category).where(Product.deleted_at.is_(None), Product.category != "")
        )
    )
    named |= set(current.categories)
    for by_tier in current.tiers.values():
        named |= set(by_tier)
    return RatesEditor(sorted(named), current)
