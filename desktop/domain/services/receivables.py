"""Payment plans (回款计划) and payments matched to them: the writes, and the ledger
every screen, workbook and Today item reads (figures from ``desktop.domain.receivables``).

Writes go through the unit of work, so the rule book (``rules/receivables.py``)
judges them on the device and again on the server.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVarTuple

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from desktop.domain import receivables as calc
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import (
    INSTALMENT_KINDS,
    Account,
    Contract,
    Instalment,
    Order,
    Payment,
    PaymentAllocation,
)
from desktop.domain.money import HUNDRED, ZERO, MoneyError, round_fen, to_decimal
from desktop.domain.services.orders import PAYMENT_METHODS
from desktop.domain.uow import UnitOfWork

Cols = TypeVarTuple("Cols")
INSTALMENT_FIELDS = ("kind", "due_on", "amount", "percent", "condition", "notes")


# -- writes ---------------------------------------------------------------------------
def _parent(uow: UnitOfWork, parent: str, parent_id: str) -> tuple[str, Decimal]:
    """The account and the value of the order or contract a plan belongs to."""
    row = uow.session.get(Order if parent == "order" else Contract, parent_id)
    if isinstance(row, Order) and row.deleted_at is None:
        return row.account_id, row.amount
    if isinstance(row, Contract) and row.deleted_at is None:
        return row.account_id, row.value
    raise NotFoundError(f"{parent} {parent_id} not found")


def _money(value: Any, name: str = "amount") -> Decimal:
    try:
        amount = round_fen(to_decimal(value))
    except MoneyError as exc:
        raise ValidationError({name: "not an amount"}) from exc
    return amount


def instalment_values(
    values: Mapping[str, Any], value: Decimal, *, new: bool = True
) -> dict[str, Any]:
    """A plan line as stored: an amount, or a percent of the value turned into one
    (the percent kept beside it; an amount typed without a percent clears it)."""
    unknown = [k for k in values if k not in INSTALMENT_FIELDS]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "not editable"))
    result = dict(values)
    if result.get("kind", "other") not in INSTALMENT_KINDS:
        raise ValidationError({"kind": f"one of {', '.join(INSTALMENT_KINDS)}"})
    percent = result.get("percent")
    if percent is not None:
        try:
            percent = to_decimal(percent)
        except MoneyError as exc:
            raise ValidationError({"percent": "not a number"}) from exc
        result["percent"] = percent
        if result.get("amount") is None:
            result["amount"] = round_fen(value * percent / HUNDRED)
    elif result.get("amount") is not None:
        result["percent"] = None
    if result.get("amount") is None:
        if not new and "amount" not in result:
            return result
        raise ValidationError({"amount": "an amount or a percent"})
    result["amount"] = _money(result["amount"])
    return result


def add_instalments(
    uow: UnitOfWork, parent: str, parent_id: str, lines: Iterable[Mapping[str, Any]]
) -> list[str]:
    """A payment plan for an order (``parent`` "order") or a contract ("contract")."""
    account_id, value = _parent(uow, parent, parent_id)
    ids = []
    for line in lines:
        row = Instalment(
            account_id=account_id,
            order_id=parent_id if parent == "order" else None,
            contract_id=parent_id if parent == "contract" else None,
            **instalment_values(line, value),
        )
        uow.add(row)
        ids.append(row.id)
    return ids


def update_instalment(uow: UnitOfWork, instalment_id: str, values: Mapping[str, Any]) -> None:
    row = uow.session.get(Instalment, instalment_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"instalment {instalment_id} not found")
    parent = "order" if row.order_id else "contract"
    _, value = _parent(uow, parent, row.order_id or row.contract_id or "")
    uow.update(row, instalment_values(values, value, new=False))


def record_payment(
    uow: UnitOfWork,
    order_id: str,
    received_on: dt.date,
    amount: Any,
    allocations: Mapping[str, Any],
    method: str = "transfer",
    notes: str = "",
) -> str:
    """Money received on an order, matched to instalments of its account (ids of
    derived plans, i.e. plan-less orders, take no allocation: their order's payments
    pay them). The rule book refuses more than the payment or an instalment's open."""
    order = uow.session.get(Order, order_id)
    if order is None or order.deleted_at is not None:
        raise ValidationError({"order_id": "choose the order the money came for"})
    value = _money(amount)
    if value <= 0:
        raise ValidationError({"amount": "must be more than zero"})
    if method not in PAYMENT_METHODS:
        raise ValidationError({"method": f"one of {', '.join(PAYMENT_METHODS)}"})
    payment = Payment(
        order_id=order_id, received_on=received_on, amount=value, method=method, notes=notes
    )
    uow.add(payment)
    for instalment_id, share in allocations.items():
        part = _money(share)
        if part == 0 or uow.session.get(Instalment, instalment_id) is None:
            continue
        uow.add(
            PaymentAllocation(
                account_id=order.account_id,
                payment_id=payment.id,
                instalment_id=instalment_id,
                amount=part,
            )
        )
    return payment.id


# -- the ledger -----------------------------------------------------------------------
@dataclass(slots=True)
class Line:
    """An instalment as a list shows it."""

    position: calc.Position
    account_name: str
    parent_number: str  # the order's or the contract's number
    currency: str = "CNY"

    @property
    def plan(self) -> calc.PlanRow:
        return self.position.plan


@dataclass(frozen=True)
class Ledger:
    as_of: dt.date
    lines: list[Line]
    account_names: dict[str, str]
    account_owners: dict[str, str | None]
    # The orders of the accounts read (id -> number, account), for the payment dialog.
    orders: dict[str, tuple[str, str]]

    @property
    def positions(self) -> list[calc.Position]:
        return [line.position for line in self.lines]

    @functools.cached_property
    def by_account(self) -> dict[str, calc.Totals]:
        return calc.totals_by(self.positions, "account_id")

    @functools.cached_property
    def by_owner(self) -> dict[str, calc.Totals]:
        return calc.totals_by(self.positions, "owner_id")

    def overdue(self) -> list[Line]:
        """Open lines past due, most days overdue first."""
        late = [line for line in self.lines if line.position.days_overdue > 0]
        return sorted(
            late,
            key=lambda line: (-line.position.days_overdue, line.account_name, line.parent_number),
        )


def _scoped(
    query: Select[*Cols],
    account_id: str | None,
    owner_ids: Collection[str] | None,
    *,
    orders: bool = False,
) -> Select[*Cols]:
    """Rows of one account, or of the owners' accounts (an order, and its payments,
    also of its own owner, as 0.1 listed receivables by the order's owner)."""
    if account_id is not None:
        query = query.where(Account.id == account_id)
    if owner_ids is not None:
        ids = list(owner_ids)
        mine = Account.owner_id.in_(ids)
        query = query.where(or_(mine, Order.owner_id.in_(ids)) if orders else mine)
    return query


def ledger(
    session: Session,
    as_of: dt.date,
    *,
    account_id: str | None = None,
    owner_ids: Collection[str] | None = None,
) -> Ledger:
    """Every instalment of the accounts asked for (one account, some owners' accounts
    or everything on this device), plan-less orders read as one instalment each."""
    # The names and owners of the accounts that have something to collect.
    names: dict[str, str] = {}
    owners: dict[str, str | None] = {}
    orders: dict[str, tuple[str, str]] = {}
    order_rows = session.execute(
        _scoped(
            select(
                Order.id,
                Order.account_id,
                Order.number,
                Order.amount,
                Order.payment_due,
                Order.order_date,
                Order.owner_id,
                Order.currency,
                Account.name,
                Account.owner_id,
            ).join(Account, Account.id == Order.account_id),
            account_id,
            owner_ids,
            orders=True,
        ).where(Order.deleted_at.is_(None), Account.deleted_at.is_(None))
    ).all()
    plans: list[calc.PlanRow] = []
    numbers: dict[str, str] = {}
    currencies: dict[str, str] = {}
    for order_id, acc, number, *_rest, name, account_owner in order_rows:
        orders[order_id] = (number, acc)
        numbers[order_id] = number
        names.setdefault(acc, name)
        owners.setdefault(acc, account_owner)
    planned_orders: set[str] = set()
    instalments = session.execute(
        _scoped(
            select(
                Instalment.id,
                Instalment.account_id,
                Instalment.due_on,
                Instalment.amount,
                Instalment.order_id,
                Instalment.contract_id,
                Instalment.kind,
                Instalment.condition,
                Instalment.percent,
                Account.name,
                Account.owner_id,
            ).join(Account, Account.id == Instalment.account_id),
            account_id,
            owner_ids,
        ).where(Instalment.deleted_at.is_(None), Account.deleted_at.is_(None))
    )
    contract_ids: set[str] = set()
    for (
        row_id,
        acc,
        due_on,
        amount,
        of_order,
        of_contract,
        kind,
        condition,
        percent,
        name,
        account_owner,
    ) in instalments:
        names.setdefault(acc, name)
        owners.setdefault(acc, account_owner)
        if of_order is not None:
            planned_orders.add(of_order)
        if of_contract is not None:
            contract_ids.add(of_contract)
        plans.append(
            calc.PlanRow(
                row_id,
                acc,
                due_on,
                amount,
                of_order,
                of_contract,
                kind,
                condition,
                percent,
                owner_id=account_owner,
            )
        )
    for order_id, acc, _number, amount, due, _day, owner, currency, *_ in order_rows:
        currencies[order_id] = currency
        if order_id not in planned_orders and due is not None:
            plans.append(calc.order_as_plan(order_id, acc, amount, due, owner or owners[acc]))
    if contract_ids:
        for row_id, number in session.execute(
            select(Contract.id, Contract.number).where(Contract.id.in_(contract_ids))
        ):
            numbers[row_id] = number
    payments = [
        calc.PaymentRow(*row)
        for row in session.execute(
            _scoped(
                select(Payment.id, Payment.order_id, Payment.received_on, Payment.amount)
                .join(Order, Order.id == Payment.order_id)
                .join(Account, Account.id == Order.account_id),
                account_id,
                owner_ids,
                orders=True,
            ).where(Payment.deleted_at.is_(None), Order.deleted_at.is_(None))
        )
    ]
    allocations = [
        calc.AllocationRow(*row)
        for row in session.execute(
            _scoped(
                select(
                    PaymentAllocation.payment_id,
                    PaymentAllocation.instalment_id,
                    PaymentAllocation.amount,
                ).join(Account, Account.id == PaymentAllocation.account_id),
                account_id,
                owner_ids,
            ).where(PaymentAllocation.deleted_at.is_(None))
        )
    ]
    lines = [
        Line(
            p,
            names.get(p.plan.account_id, ""),
            numbers.get(p.plan.order_id or p.plan.contract_id or "", ""),
            currencies.get(p.plan.order_id or "", "CNY"),
        )
        for p in calc.positions(plans, payments, allocations, as_of)
    ]
    lines.sort(key=lambda line: (line.plan.due_on, line.account_name, line.plan.id))
    return Ledger(as_of, lines, names, owners, orders)


def open_instalments(ledger_: Ledger) -> list[tuple[str, dt.date, Decimal]]:
    """(id, due, open) of the stored instalments still open: what a payment may pay."""
    return [
        (line.plan.id, line.plan.due_on, line.position.open)
        for line in ledger_.lines
        if not line.plan.derived and line.position.open > 0
    ]


def attention(ledger_: Ledger) -> list[Line]:
    """What Today shows: open instalments overdue or due within the week, oldest first."""
    return [
        line
        for line in ledger_.lines
        if line.position.open > ZERO and (line.position.days_overdue > 0 or line.position.due_soon)
    ]


@dataclass(frozen=True)
class Parent:
    """An order or a contract a plan may belong to, with its value and what is planned."""

    kind: str  # "order" or "contract"
    id: str
    number: str
    value: Decimal
    planned: Decimal


def parents(session: Session, account_id: str) -> list[Parent]:
    """The account's live orders and contracts, newest first, for the plan dialogs."""
    planned: dict[str, Decimal] = {}
    for order_id, contract_id, amount in session.execute(
        select(Instalment.order_id, Instalment.contract_id, Instalment.amount).where(
            Instalment.account_id == account_id, Instalment.deleted_at.is_(None)
        )
    ):
        key = str(order_id or contract_id)
        planned[key] = planned.get(key, ZERO) + amount
    result = [
        Parent("order", row_id, number, amount, planned.get(row_id, ZERO))
        for row_id, number, amount in session.execute(
            select(Order.id, Order.number, Order.amount)
            .where(Order.account_id == account_id, Order.deleted_at.is_(None))
            .order_by(Order.order_date.desc(), Order.number.desc())
        )
    ]
    result += [
        Parent("contract", row_id, number, value, planned.get(row_id, ZERO))
        for row_id, number, value in session.execute(
            select(Contract.id, Contract.number, Contract.value)
            .where(Contract.account_id == account_id, Contract.deleted_at.is_(None))
            .order_by(Contract.number.desc())
        )
    ]
    return result


@dataclass(frozen=True)
class AccountReceivables:
    ledger: Ledger
    parents: list[Parent]


def for_account(session: Session, account_id: str, as_of: dt.date) -> AccountReceivables:
    """The account's Receivables tab: its instalments and what a plan may belong to."""
    return AccountReceivables(
        ledger(session, as_of, account_id=account_id), parents(session, account_id)
    )


def ledger_ageing(
    session: Session, as_of: dt.date, owner_ids: Collection[str]
) -> dict[str, Decimal]:
    """The owners' open receivables by ageing bucket (the dashboard's chart)."""
    return calc.total(ledger(session, as_of, owner_ids=owner_ids).positions).ageing
