"""Contracts (合同): what was signed with an account, for how long and for how much.

A contract is drafted by its owner, reviewed by their manager (under review → signed,
or back to draft), then active until it expires or is terminated; its renewal is a new
contract. Documents are attachments of the contract (``Attachment.parent_entity``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced
from desktop.domain.models.types import Money, UTCDateTime

CONTRACT_STATUSES = ("draft", "under_review", "signed", "active", "expired", "terminated")


class Contract(Synced):
    __tablename__ = "contract"
    __table_args__ = (Index("ix_contract_account_id", "account_id"),)
    label = "contract"

    number: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quote.id"))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    payment_terms: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str | None] = mapped_column(String(36))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
