"""Orders from accepted quotes, their deliveries and the money received (回款).

Delivery status: ``pending`` until something is delivered, ``partial`` while more is
to come, ``delivered`` when the rep records the final delivery. A delivery is late
when the expected date has passed and the order is not fully delivered.

Receivables: outstanding = order amount - payments received; an order is overdue
when its payment due date has passed and something is still outstanding.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import Account, Contract, Delivery, Order, Payment, Quote
from desktop.domain.money import ZERO, MoneyError, round_fen, to_decimal
from desktop.domain.services import numbering, records
from desktop.domain.services.quotes.status import local_today
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork

DELIVERY_DAYS = 30
PAYMENT_DAYS = 60
PAYMENT_METHODS = ("transfer", "acceptance_bill", "cheque", "cash", "other")


def _today(uow: UnitOfWork) -> dt.date:
    return local_today(uow.now)


def create_from_quote(uow: UnitOfWork, quote_id: str) -> str:
    """The order for an accepted quote (one per quote: a second call returns the first)."""
    quote = uow.session.get(Quote, quote_id)
    if quote is None or quote.deleted_at is not None:
        raise NotFoundError(f"quote {quote_id} not found")
    if quote.status != "accepted":
        raise ValidationError({"status": "only an accepted quote becomes an order"})
    existing = uow.session.scalar(
        select(Order.id).where(Order.quote_id == quote_id, Order.deleted_at.is_(None))
    )
    if existing is not None:
        return existing
    today = _today(uow)
    contract = uow.session.scalar(
        select(Contract.id)
        .where(Contract.quote_id == quote.id, Contract.deleted_at.is_(None))
        .order_by(Contract.created_at)
        .limit(1)
    )
    order = Order(
        number=numbering.allocate(uow.session, "SO", today.year, quote.owner_id, Order.number),
        quote_id=quote.id,
        account_id=quote.account_id,
        owner_id=quote.owner_id,
        order_date=today,
        amount=quote.total,
        currency=quote.currency,
        expected_delivery=today + dt.timedelta(days=DELIVERY_DAYS),
        delivery_status="pending",
        payment_due=today + dt.timedelta(days=PAYMENT_DAYS),
        notes="",
        contract_id=contract,
    )
    uow.add(order)
    return order.id


def set_contract(uow: UnitOfWork, order_id: str, contract_id: str | None) -> None:
    """Place the order under a contract of its account, or under none (the rule book
    refuses another account's contract)."""
    order = _order(uow, order_id)
    uow.update(order, {"contract_id": contract_id})


def _order(uow: UnitOfWork, order_id: str) -> Order:
    order = uow.session.get(Order, order_id)
    if order is None or order.deleted_at is not None:
        raise NotFoundError(f"order {order_id} not found")
    return order


def record_delivery(
    uow: UnitOfWork,
    order_id: str,
    delivered_on: dt.date,
    description: str = "",
    *,
    final: bool = False,
) -> str:
    """A delivery; ``final`` marks the order delivered, otherwise partially delivered."""
    order = _order(uow, order_id)
    delivery = Delivery(order_id=order_id, delivered_on=delivered_on, description=description)
    uow.add(delivery)
    uow.update(order, {"delivery_status": "delivered" if final else "partial"})
    return delivery.id


def record_payment(
    uow: UnitOfWork,
    order_id: str,
    received_on: dt.date,
    amount: Decimal | str,
    method: str = "transfer",
    notes: str = "",
) -> str:
    """Money received against the order (回款). More than outstanding is refused."""
    order = _order(uow, order_id)
    try:
        value = round_fen(to_decimal(amount))
    except MoneyError as exc:
        raise ValidationError({"amount": "not an amount"}) from exc
    if value <= 0:
        raise ValidationError({"amount": "must be more than zero"})
    if method not in PAYMENT_METHODS:
        raise ValidationError({"method": f"one of {', '.join(PAYMENT_METHODS)}"})
    outstanding = order.amount - _paid(uow.session, order_id)
    if value > outstanding:
        raise ValidationError({"amount": f"more than the {outstanding} outstanding"})
    payment = Payment(
        order_id=order_id, received_on=received_on, amount=value, method=method, notes=notes
    )
    uow.add(payment)
    return payment.id


def _paid(session: Session, order_id: str) -> Decimal:
    # SUM over a Money column comes back through Money: Decimal yuan, exact.
    total = select(func.sum(Payment.amount)).where(
        Payment.order_id == order_id, Payment.deleted_at.is_(None)
    )
    return session.scalar(total) or ZERO


@dataclass(frozen=True)
class Balance:
    amount: Decimal
    paid: Decimal
    outstanding: Decimal
    overdue: bool
    late_delivery: bool


def balance_of(order: Record, paid: Decimal, today: dt.date) -> Balance:
    outstanding = order["amount"] - paid
    overdue = outstanding > 0 and order["payment_due"] is not None and order["payment_due"] < today
    late = (
        order["delivery_status"] != "delivered"
        and order["expected_delivery"] is not None
        and order["expected_delivery"] < today
    )
    return Balance(order["amount"], paid, outstanding, overdue, late)


def _paid_by_order(session: Session, order_ids: list[str]) -> dict[str, Decimal]:
    if not order_ids:
        return {}
    query = (
        select(Payment.order_id, func.sum(Payment.amount))
        .where(Payment.order_id.in_(order_ids), Payment.deleted_at.is_(None))
        .group_by(Payment.order_id)
    )
    return {row[0]: row[1] for row in session.execute(query)}


def list_orders(
    session: Session,
    today: dt.date,
    *,
    account_id: str | None = None,
    owner_id: str | None = None,
    limit: int | None = 500,
) -> list[Record]:
    """Orders newest first with ``account_name``, ``paid``, ``outstanding``, ``overdue``
    and ``late_delivery``."""
    query = (
        select(Order, Account.name)
        .join(Account, Account.id == Order.account_id)
        .where(Order.deleted_at.is_(None))
    )
    if account_id:
        query = query.where(Order.account_id == account_id)
    if owner_id:
        query = query.where(Order.owner_id == owner_id)
    query = query.order_by(Order.order_date.desc(), Order.id.desc())
    if limit is not None:
        query = query.limit(limit)
    rows = list(session.execute(query))
    paid = _paid_by_order(session, [o.id for o, _ in rows])
    result = []
    for order, account_name in rows:
        record = records.to_record(order)
        balance = balance_of(record, paid.get(order.id, ZERO), today)
        record.update(
            account_name=account_name,
            paid=balance.paid,
            outstanding=balance.outstanding,
            overdue=balance.overdue,
            late_delivery=balance.late_delivery,
        )
        result.append(record)
    return result


@dataclass(frozen=True)
class Receivables:
    outstanding: Decimal
    overdue: Decimal
    overdue_orders: int


def receivables(
    session: Session,
    today: dt.date,
    *,
    account_id: str | None = None,
    owner_id: str | None = None,
) -> Receivables:
    """Outstanding and overdue money, for an account, a rep or everyone visible."""
    orders = list_orders(session, today, account_id=account_id, owner_id=owner_id, limit=None)
    outstanding = sum((o["outstanding"] for o in orders), ZERO)
    overdue = [o for o in orders if o["overdue"]]
    return Receivables(outstanding, sum((o["outstanding"] for o in overdue), ZERO), len(overdue))


def late_deliveries(
    session: Session, today: dt.date, *, owner_id: str | None = None
) -> list[Record]:
    """Orders whose expected delivery date has passed and that are not fully delivered."""
    query = (
        select(Order, Account.name)
        .join(Account, Account.id == Order.account_id)
        .where(
            Order.deleted_at.is_(None),
            Order.delivery_status != "delivered",
            Order.expected_delivery < today,
        )
        .order_by(Order.expected_delivery)
    )
    if owner_id:
        query = query.where(Order.owner_id == owner_id)
    return [
        {**records.to_record(order), "account_name": name} for order, name in session.execute(query)
    ]


def order_detail(session: Session, order_id: str, today: dt.date) -> Record:
    """The order with its deliveries, payments and balance."""
    order = records.get(session, Order, order_id)
    deliveries = records.list_records(
        session, Delivery, where={"order_id": order_id}, order_by="delivered_on"
    )
    payments = records.list_records(
        session, Payment, where={"order_id": order_id}, order_by="received_on"
    )
    paid = sum((p["amount"] for p in payments), ZERO)
    balance = balance_of(order, paid, today)
    return {**order, "deliveries": deliveries, "payments": payments, "balance": balance}
