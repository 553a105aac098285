"""The payment plan (回款计划) of a contract or an order, and which payment paid what.

An instalment is one part of the money a contract or an order is to bring in (advance,
on delivery, on acceptance, retention, other), due on a date, often under a condition
("验收后 30 天"). It hangs off exactly one of a contract or an order, and carries its
account for scope (its owner is the account's). An amount may be entered as a percent
of the contract's or order's value: the amount is stored, the percent kept beside it.

A payment (the money received, ``Payment``, per order since 0.1.0) is matched to
instalments by allocations: one payment may cover several instalments, an instalment
may be paid by several payments. An order with no plan is read as one instalment due
on its ``payment_due`` (derived in ``desktop.domain.receivables``, never stored).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced
from desktop.domain.models.types import DecimalText, Money

INSTALMENT_KINDS = ("advance", "on_delivery", "on_acceptance", "retention", "other")


class Instalment(Synced):
    __tablename__ = "instalment"
    __table_args__ = (
        Index("ix_instalment_account_id", "account_id"),
        Index("ix_instalment_order_id", "order_id"),
        Index("ix_instalment_contract_id", "contract_id"),
    )
    label = "instalment"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    contract_id: Mapped[str | None] = mapped_column(ForeignKey("contract.id"))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("sales_order.id"))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    due_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    percent: Mapped[Decimal | None] = mapped_column(DecimalText)
    condition: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class PaymentAllocation(Synced):
    __tablename__ = "payment_allocation"
    __table_args__ = (
        Index("ix_payment_allocation_account_id", "account_id"),
        Index("ix_payment_allocation_payment_id", "payment_id"),
        Index("ix_payment_allocation_instalment_id", "instalment_id"),
    )
    label = "payment allocation"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    payment_id: Mapped[str] = mapped_column(ForeignKey("payment.id"))
    instalment_id: Mapped[str] = mapped_column(ForeignKey("instalment.id"))
    amount: Mapped[Decimal] = mapped_column(Money)
