"""What a contract gathers: its documents (attachments of the contract), the quotes it
was made from or whose orders it covers, the orders placed under it, and how much of
its value is ordered so far ("ordered ÷ contract value")."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError
from desktop.domain.models import Contract, Order, Quote
from desktop.domain.money import ZERO
from desktop.domain.services import attachments
from desktop.domain.services.records import Record


@dataclass(frozen=True)
class Linked:
    """A quote or an order under a contract."""

    kind: str  # "quote" or "order"
    id: str
    number: str
    status: str
    amount: Decimal


@dataclass(frozen=True)
class ContractLinks:
    contract_id: str
    account_id: str
    number: str
    title: str
    value: Decimal
    documents: list[Record]
    linked: list[Linked]  # quotes first, then orders, by number
    ordered: Decimal  # the orders' amounts
    ordered_share: Decimal | None  # ordered ÷ value; None when the value is zero


def contract_links(session: Session, contract_id: str) -> ContractLinks:
    contract = session.get(Contract, contract_id)
    if contract is None or contract.deleted_at is not None:
        raise NotFoundError(f"contract {contract_id} not found")
    orders = list(
        session.scalars(
            select(Order)
            .where(Order.contract_id == contract_id, Order.deleted_at.is_(None))
            .order_by(Order.number)
        )
    )
    quote_ids = {contract.quote_id} | {o.quote_id for o in orders}
    quotes = list(
        session.scalars(
            select(Quote)
            .where(Quote.id.in_([q for q in quote_ids if q]), Quote.deleted_at.is_(None))
            .order_by(Quote.number, Quote.revision)
        )
    )
    linked = [
        Linked("quote", q.id, f"{q.number} {q.revision}", q.status, q.total) for q in quotes
    ] + [Linked("order", o.id, o.number, o.delivery_status, o.amount) for o in orders]
    ordered = sum((o.amount for o in orders), ZERO)
    share = ordered / contract.value if contract.value else None
    return ContractLinks(
        contract.id,
        contract.account_id,
        contract.number,
        contract.title,
        contract.value,
        attachments.list_attachments(session, "contract", contract.id),
        linked,
        ordered,
        share,
    )


@dataclass(frozen=True)
class ContractChoice:
    id: str
    number: str
    title: str


def contract_choices(session: Session, account_id: str) -> list[ContractChoice]:
    """The account's contracts an order may be placed under (not terminated), newest
    number first."""
    rows = session.scalars(
        select(Contract)
        .where(
            Contract.account_id == account_id,
            Contract.deleted_at.is_(None),
            Contract.status != "terminated",
        )
        .order_by(Contract.number.desc())
    )
    return [ContractChoice(c.id, c.number, c.title) for c in rows]
