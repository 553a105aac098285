"""Receivables arithmetic (回款), one home: what is paid and open on each instalment,
how overdue, in which ageing bucket, plan vs actual, and days sales outstanding.

Pure functions over plain rows; ``desktop.domain.services.receivables`` reads them from
the database and every screen, workbook and Today item takes its figures from here.

- **Paid** on an instalment: its allocations (``payment_allocation``), then the part of
  its order's payments that no allocation names, applied to that order's open
  instalments oldest due first. So a payment recorded the 0.1 way (on the order, no
  allocation) still pays the plan, and an order with **no plan** is read as one
  instalment of the order's amount due on its ``payment_due`` (none when it has no
  payment date, as 0.1 never chased those): derived here, never stored.
- **Days overdue**: calendar days from the due date to the as-of date (date
  arithmetic: month ends and 29 February count as the days they are); due today is
  not overdue. **Ageing bucket** of an open instalment: ``not_due``, ``0_30`` (1–30
  days past due), ``31_90``, ``91_180``, ``over_180``.
- **DSO** (days sales outstanding, the countback-free standard "receivables ÷ sales ×
  days"): what has fallen due and is still open on the as-of date, divided by what
  fell due in the 90 days up to it (the period's billing), times 90. None when
  nothing fell due in the period. Per account, and per rep over the rep's accounts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.domain.money import ZERO, round_fen

BUCKETS = ("not_due", "0_30", "31_90", "91_180", "over_180")
OVERDUE_BUCKETS = BUCKETS[1:]
DSO_DAYS = 90
DUE_SOON_DAYS = 7


@dataclass(slots=True)
class PlanRow:
    """An instalment as the arithmetic sees it (``derived``: an order with no plan)."""

    id: str
    account_id: str
    due_on: dt.date
    amount: Decimal
    order_id: str | None = None
    contract_id: str | None = None
    kind: str = "other"
    condition: str = ""
    percent: Decimal | None = None
    derived: bool = False
    owner_id: str | None = None  # the account's owner (a plan-less order's own owner)


@dataclass(slots=True)
class PaymentRow:
    id: str
    order_id: str
    received_on: dt.date
    amount: Decimal


@dataclass(slots=True)
class AllocationRow:
    payment_id: str
    instalment_id: str
    amount: Decimal


class Position:
    """One instalment on the as-of date: paid, open, days overdue (0 unless open and
    past due), ageing bucket (None when nothing is open), due within the week.
    Worked out once (a 100k-account workbook reads each many times)."""

    __slots__ = ("as_of", "bucket", "days", "days_overdue", "due_soon", "open", "paid", "plan")

    def __init__(self, plan: PlanRow, paid: Decimal, as_of: dt.date) -> None:
        self.plan = plan
        self.paid = paid
        self.as_of = as_of
        left = plan.amount - paid
        is_open = left > ZERO
        self.open = left if is_open else ZERO
        self.days = as_of.toordinal() - plan.due_on.toordinal()  # past due (< 0: due later)
        self.days_overdue = self.days if is_open and self.days > 0 else 0
        self.bucket = _bucket(self.days) if is_open else None
        self.due_soon = is_open and -DUE_SOON_DAYS <= self.days <= 0

    def __repr__(self) -> str:
        return f"Position({self.plan.id!r}, paid={self.paid}, open={self.open})"


def days_overdue(due_on: dt.date, as_of: dt.date) -> int:
    """Calendar days past due (0 when not yet past)."""
    return max((as_of - due_on).days, 0)


def bucket(due_on: dt.date, as_of: dt.date) -> str:
    return _bucket((as_of - due_on).days)


def _bucket(days: int) -> str:
    if days <= 0:
        return "not_due"
    if days <= 30:
        return "0_30"
    if days <= 90:
        return "31_90"
    if days <= 180:
        return "91_180"
    return "over_180"


def order_as_plan(
    order_id: str,
    account_id: str,
    amount: Decimal,
    payment_due: dt.date,
    owner_id: str | None = None,
) -> PlanRow:
    """An order without a plan, read as one instalment due on its payment date."""
    return PlanRow(
        id=order_id,
        account_id=account_id,
        due_on=payment_due,
        amount=amount,
        order_id=order_id,
        derived=True,
        owner_id=owner_id,
    )


def paid_per_instalment(
    plans: Iterable[PlanRow],
    payments: Iterable[PaymentRow],
    allocations: Iterable[AllocationRow],
) -> dict[str, Decimal]:
    """What each instalment has received: its allocations, then the unallocated rest
    of its order's payments, oldest due instalment first."""
    plans = list(plans)
    paid: dict[str, Decimal] = {p.id: ZERO for p in plans}
    used: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for a in allocations:
        if a.instalment_id in paid:
            paid[a.instalment_id] += a.amount
        used[a.payment_id] += a.amount
    free: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for p in payments:
        rest = p.amount - used.get(p.id, ZERO)
        if rest > 0:
            free[p.order_id] += rest
    if not free:
        return paid
    by_order: dict[str, list[PlanRow]] = defaultdict(list)
    for plan in plans:
        if plan.order_id is not None and plan.order_id in free:
            by_order[plan.order_id].append(plan)
    for order_id, rows in by_order.items():
        rest = free[order_id]
        for plan in sorted(rows, key=lambda r: (r.due_on, r.id)):
            if rest <= 0:
                break
            take = min(plan.amount - paid[plan.id], rest)
            if take > 0:
                paid[plan.id] += take
                rest -= take
    return paid


def positions(
    plans: Iterable[PlanRow],
    payments: Iterable[PaymentRow],
    allocations: Iterable[AllocationRow],
    as_of: dt.date,
) -> list[Position]:
    plans = list(plans)
    paid = paid_per_instalment(plans, payments, allocations)
    return [Position(p, paid[p.id], as_of) for p in plans]


def allocate_oldest_first(
    amount: Decimal, open_amounts: Iterable[tuple[str, dt.date, Decimal]]
) -> dict[str, Decimal]:
    """A payment spread over open instalments (id, due date, open), oldest due first:
    the dialog's default allocation."""
    result: dict[str, Decimal] = {}
    rest = amount
    for instalment_id, _due, open_amount in sorted(open_amounts, key=lambda r: (r[1], r[0])):
        if rest <= 0:
            break
        take = min(open_amount, rest)
        if take > 0:
            result[instalment_id] = take
            rest -= take
    return result


@dataclass
class Totals:
    """Plan vs actual and ageing of a group of instalments (a contract, an order, an
    account, a rep, everyone)."""

    planned: Decimal = ZERO
    paid: Decimal = ZERO
    open: Decimal = ZERO
    overdue: Decimal = ZERO
    ageing: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(BUCKETS, ZERO))
    # For DSO: open on what has fallen due; billed = fell due in the last DSO_DAYS.
    due_open: Decimal = ZERO
    billed: Decimal = ZERO

    def add(self, position: Position) -> None:
        amount = position.plan.amount
        self.planned += amount
        self.paid += position.paid
        open_amount = position.open
        key = position.bucket
        if key is not None:
            self.open += open_amount
            self.ageing[key] += open_amount
            if key != "not_due":
                self.overdue += open_amount
        days = position.days
        if days >= 0:
            self.due_open += open_amount
            if days < DSO_DAYS:
                self.billed += amount

    @property
    def dso(self) -> Decimal | None:
        """Days sales outstanding (see the module's text); None with nothing billed."""
        if self.billed <= 0:
            return None
        return (self.due_open * DSO_DAYS / self.billed).quantize(Decimal("0.1"))

    @property
    def collected_pct(self) -> Decimal | None:
        if self.planned <= 0:
            return None
        return round_fen(self.paid * 100 / self.planned)


def totals_by(positions: Iterable[Position], key: str) -> dict[str, Totals]:
    """``Totals`` per value of a plan attribute (``account_id``, ``order_id``...)."""
    result: dict[str, Totals] = {}
    for p in positions:
        value = getattr(p.plan, key)
        if value is None:
            continue
        group = result.get(value)
        if group is None:
            group = result[value] = Totals()
        group.add(p)
    return result


def total(positions: Iterable[Position]) -> Totals:
    result = Totals()
    for p in positions:
        result.add(p)
    return result
