"""Demo payment plans (回款计划): about half the orders have a plan of 30 % advance,
60 % on acceptance (30 days after delivery) and 10 % retention a year on. The order's
payment, when there is one, is matched to it: either the advance paid late with part
of the acceptance instalment, or (a separate payment) the advance paid on time and
part of the acceptance one; the rest stays open, some of it overdue. Active contracts
now and then carry a plan of their own. Draws from ``run.plans`` only, so the other
demo rows stay what they were."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.domain import models as m
from desktop.domain.money import round_fen

if TYPE_CHECKING:
    from desktop.store.demo.account_rows import DemoRun

SHARES = (
    ("advance", Decimal(30), 7, ""),
    ("on_acceptance", Decimal(60), 60, "验收后 30 天"),
    ("retention", Decimal(10), 365, "质保期满一年"),
)


def _plan(
    run: DemoRun, account: str, start: dt.date, value: Decimal, **parent: str
) -> list[tuple[str, Decimal]]:
    """The instalments (id, amount); the last takes the rounding."""
    made: list[tuple[str, Decimal]] = []
    left = value
    for index, (kind, percent, days, condition) in enumerate(SHARES):
        amount = left if index == len(SHARES) - 1 else round_fen(value * percent / 100)
        left -= amount
        made.append(
            (
                run.w.row(
                    m.Instalment,
                    account_id=account,
                    contract_id=parent.get("contract_id"),
                    order_id=parent.get("order_id"),
                    kind=kind,
                    due_on=start + dt.timedelta(days=days),
                    amount=amount,
                    percent=percent,
                    condition=condition,
                    notes="",
                ),
                amount,
            )
        )
    return made


def _allocate(run: DemoRun, account: str, payment: str, shares: list[tuple[str, Decimal]]) -> None:
    for instalment, amount in shares:
        if amount > 0:
            run.w.row(
                m.PaymentAllocation,
                account_id=account,
                payment_id=payment,
                instalment_id=instalment,
                amount=amount,
            )


def add_order_plan(
    run: DemoRun,
    account: str,
    order: str,
    ordered: dt.date,
    total: Decimal,
    payment: str | None,
) -> None:
    plans = run.plans
    if total <= 0 or plans.random() >= 0.5:
        return
    (advance, first), (acceptance, second), _ = _plan(run, account, ordered, total, order_id=order)
    half = round_fen(total / 2)
    if payment is None:
        return
    if plans.random() < 0.4:
        # The advance came on time, on its own; the half payment went to acceptance.
        early = run.w.row(
            m.Payment,
            order_id=order,
            received_on=ordered + dt.timedelta(days=plans.randint(1, 6)),
            amount=first,
            method="transfer",
            notes="预付款",
        )
        _allocate(run, account, early, [(advance, first)])
        _allocate(run, account, payment, [(acceptance, min(half, second))])
    else:
        # The half payment came late (33 days after the order) and covers the advance.
        _allocate(run, account, payment, [(advance, first), (acceptance, half - first)])


def add_contract_plan(
    run: DemoRun, account: str, contract: str, start: dt.date, value: Decimal
) -> None:
    if value > 0 and run.plans.random() < 0.15:
        _plan(run, account, start, value, contract_id=contract)
