"""The catalog, price lists, opportunities, quotes, orders, payments and targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced
from desktop.domain.models.types import DecimalText, Money, UTCDateTime

OPPORTUNITY_STAGES = ("lead", "qualified", "proposal", "negotiation", "won", "lost")
QUOTE_STATUSES = (
    "draft",
    "pending_approval",
    "approved",
    "returned",
    "sent",
    "accepted",
    "rejected",
    "expired",
)
DELIVERY_STATUSES = ("pending", "partial", "delivered")
# Work still open: it moves with an account at handover and counts in the pipeline.
OPEN_OPPORTUNITY_STAGES = ("lead", "qualified", "proposal", "negotiation")
OPEN_QUOTE_STATUSES = ("draft", "pending_approval", "approved", "returned", "sent")


class Product(Synced):
    __tablename__ = "product"
    label = "product"

    sku: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    specification: Mapped[str] = mapped_column(String(300), default="")
    unit: Mapped[str] = mapped_column(String(20), default="")
    list_price: Mapped[Decimal] = mapped_column(Money)
    tax_rate: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal("0.13"))
    category: Mapped[str] = mapped_column(String(80), default="")
    # A manager's guardrails for this product (None: no product-level rule).
    max_discount_pct: Mapped[Decimal | None] = mapped_column(DecimalText)
    floor_price: Mapped[Decimal | None] = mapped_column(Money)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PriceList(Synced):
    """Prices for a customer tier or one named customer, valid between two dates."""

    __tablename__ = "price_list"
    label = "price list"

    name: Mapped[str] = mapped_column(String(120))
    tier: Mapped[str | None] = mapped_column(String(1))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PriceListItem(Synced):
    __tablename__ = "price_list_item"
    __table_args__ = (Index("ix_price_list_item_list_product", "price_list_id", "product_id"),)
    label = "price list item"

    price_list_id: Mapped[str] = mapped_column(ForeignKey("price_list.id"))
    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"))
    unit_price: Mapped[Decimal] = mapped_column(Money)


class Opportunity(Synced):
    __tablename__ = "opportunity"
    __table_args__ = (
        Index("ix_opportunity_account_id", "account_id"),
        # The board: each stage's soonest to close (device revision 0006, server 0005).
        Index("ix_opportunity_board", "stage", "close_date", "name"),
    )
    label = "opportunity"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))
    name: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(20), default="lead")
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    probability: Mapped[int] = mapped_column(Integer, default=10)
    close_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Added in 0.2 (device revision 0003, server 0002). The history of stages (cycle
    # time) is read from the change records every stage move writes.
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"))
    source: Mapped[str] = mapped_column(String(80), default="", server_default="")
    # Competitors in the deal, one name a line.
    competitors: Mapped[str] = mapped_column(Text, default="", server_default="")
    next_step: Mapped[str] = mapped_column(String(300), default="", server_default="")
    lost_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The competitor who won a lost deal ("" if not known or not lost).
    lost_to: Mapped[str] = mapped_column(String(200), default="", server_default="")


class Quote(Synced):
    """One revision of a quote; revisions of a quote share ``number``."""

    __tablename__ = "quote"
    __table_args__ = (
        Index("ix_quote_account_id", "account_id"),
        Index("ix_quote_number_revision", "number", "revision", unique=True),
    )
    label = "quote"

    number: Mapped[str] = mapped_column(String(40))
    revision: Mapped[str] = mapped_column(String(4), default="A")
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("quote.id"))
    is_latest: Mapped[bool] = mapped_column(Boolean, default=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"))
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunity.id"))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    payment_terms: Mapped[str] = mapped_column(Text, default="")
    delivery_terms: Mapped[str] = mapped_column(Text, default="")
    discount_pct: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    # Totals as computed by desktop.domain.pricing, kept for lists and reports.
    subtotal: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    tax_total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    total: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    approval_reasons: Mapped[str] = mapped_column(Text, default="")
    justification: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str | None] = mapped_column(String(36))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Competitors bidding against this quote, one name a line (revision 0010).
    competitors: Mapped[str] = mapped_column(Text, default="", server_default="")


class QuoteLine(Synced):
    __tablename__ = "quote_line"
    __table_args__ = (Index("ix_quote_line_quote_id", "quote_id"),)
    label = "quote line"

    quote_id: Mapped[str] = mapped_column(ForeignKey("quote.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id"))
    description: Mapped[str] = mapped_column(String(400), default="")
    quantity: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(1))
    unit: Mapped[str] = mapped_column(String(20), default="")
    unit_price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    discount_pct: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal(0))
    tax_rate: Mapped[Decimal] = mapped_column(DecimalText, default=Decimal("0.13"))


class Order(Synced):
    """An accepted quote becomes an order; deliveries and payments hang off it."""

    __tablename__ = "sales_order"
    __table_args__ = (
        Index("ix_sales_order_account_id", "account_id"),
        Index("ix_sales_order_contract_id", "contract_id"),
    )
    label = "order"

    number: Mapped[str] = mapped_column(String(40))
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quote.id"))
    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))
    order_date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    expected_delivery: Mapped[dt.date | None] = mapped_column(Date)
    delivery_status: Mapped[str] = mapped_column(String(16), default="pending")
    payment_due: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The contract this order is placed under, of the same account (revision 0010).
    contract_id: Mapped[str | None] = mapped_column(ForeignKey("contract.id"))


class Delivery(Synced):
    __tablename__ = "delivery"
    __table_args__ = (Index("ix_delivery_order_id", "order_id"),)
    label = "delivery"

    order_id: Mapped[str] = mapped_column(ForeignKey("sales_order.id"))
    delivered_on: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")


class Payment(Synced):
    """Money received against an order (回款)."""

    __tablename__ = "payment"
    __table_args__ = (Index("ix_payment_order_id", "order_id"),)
    label = "payment"

    order_id: Mapped[str] = mapped_column(ForeignKey("sales_order.id"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    method: Mapped[str] = mapped_column(String(30), default="transfer")
    notes: Mapped[str] = mapped_column(Text, default="")


class SalesTarget(Synced):
    """A rep's target for a period: '2026', '2026-Q3' or '2026-07'; optionally per account."""

    __tablename__ = "sales_target"
    __table_args__ = (Index("ix_sales_target_owner_period", "owner_id", "period"),)
    label = "sales target"

    owner_id: Mapped[str] = mapped_column(ForeignKey("user.id"))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"))
    period: Mapped[str] = mapped_column(String(10))
    amount: Mapped[Decimal] = mapped_column(Money)
