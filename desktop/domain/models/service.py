"""Complaints and feedback (投诉/反馈), and the shared policies managers set."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced
from desktop.domain.models.types import JSONText, UTCDateTime

COMPLAINT_CATEGORIES = ("quality", "delivery", "service", "price", "other")
COMPLAINT_SEVERITIES = ("low", "medium", "high", "critical")
COMPLAINT_STATUSES = ("open", "in_progress", "resolved", "closed")


class Complaint(Synced):
    __tablename__ = "complaint"
    __table_args__ = (Index("ix_complaint_account_id", "account_id"),)
    label = "complaint"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("sales_order.id"))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(16), default="other")
    severity: Mapped[str] = mapped_column(String(16), default="medium")
    status: Mapped[str] = mapped_column(String(16), default="open")
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    sla_due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None] = mapped_column(Integer)


class Policy(Synced):
    """A rule set managers edit and every device obeys offline.

    Keys: ``completeness`` (archive rules per tier), ``coverage`` (visit cadence per
    tier), ``discounts`` (maximum discount per tier), ``pool`` (claim limit, days to
    return), ``commission`` (rates per category), ``sla`` (hours per severity).
    """

    __tablename__ = "policy"
    label = "policy"

    key: Mapped[str] = mapped_column(String(40), unique=True)
    value: Mapped[Any] = mapped_column(JSONText)

    def __init__(self, **values: Any) -> None:
        # Two managers creating the same key offline create the same row: the server
        # merges the second as an edit (or a conflict) instead of refusing a duplicate key.
        if "id" not in values and isinstance(values.get("key"), str):
            values["id"] = policy_id(values["key"])
        super().__init__(**values)


POLICY_IDS = uuid.UUID("6f1c2a9e-2d4b-5c3e-9a7f-0b8e4d1c6a52")


def policy_id(key: str) -> str:
    """The id every device gives the policy ``key`` (UUID5: the same everywhere)."""
    return str(uuid.uuid5(POLICY_IDS, key))
