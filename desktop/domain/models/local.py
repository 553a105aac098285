"""Device-only tables: the outbox, sync issues (conflicts and rejections), local state.

These never sync as rows; the outbox is how local edits reach the server.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Base
from desktop.domain.models.types import JSONText, Money, UTCDateTime, utcnow

OUTBOX_STATES = ("pending", "applied", "conflict", "rejected")
OUTBOX_OPS = ("insert", "update", "delete", "restore")


class OutboxEntry(Base):
    """One local edit waiting for (or answered by) the server.

    ``mutation_id`` is the device's counter: AUTOINCREMENT means SQLite never hands
    out the same number twice, even after rows are removed, which the server's
    exactly-once push relies on.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state", "state", "mutation_id"),
        Index("ix_outbox_row", "entity", "row_id"),
        {"sqlite_autoincrement": True},
    )

    mutation_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))
    # {field: value in wire form}; for an insert, every data field.
    fields: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    # {field: server version of that field the edit was based on}.
    base_versions: Mapped[dict[str, int]] = mapped_column(JSONText, default=dict)
    base_row_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSONText)


class SyncIssue(Base):
    """A conflict or a rejection the server returned, kept until the user settles it."""

    __tablename__ = "sync_issue"
    __table_args__ = (Index("ix_sync_issue_state", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(10))  # conflict | rejected
    mutation_id: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str | None] = mapped_column(String(60))
    # Either side may be empty (a field cleared, or no server value for a rejection).
    mine: Mapped[Any] = mapped_column(JSONText, nullable=True)
    theirs: Mapped[Any] = mapped_column(JSONText, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    # A rejection's rule (desktop.domain.rules) and its parameters; "" for a conflict
    # and for issues recorded before protocol 3.
    code: Mapped[str] = mapped_column(String(40), default="", server_default="")
    params: Mapped[dict[str, Any] | None] = mapped_column(JSONText, nullable=True)
    server_changed_by: Mapped[str | None] = mapped_column(String(36))
    server_changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(12), default="open")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class LocalMeta(Base):
    """Key/value state of this device: device id, signed-in user, sync cursor, counters."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AccountHealth(Base):
    """Each live account's health score (desktop.domain.health) and ABC class
    (desktop.domain.analysis) as last computed, so the Accounts list sorts and filters
    by them in SQL. Derived from synced rows on this device and never synced:
    desktop.domain.services.health_cache keeps it.

    ``basis`` names what the score was computed against (the weights, the tiers' visit
    cadence and the day): a row of another basis is stale and the next full pass
    replaces it."""

    __tablename__ = "account_health"
    __table_args__ = (
        Index("ix_account_health_score", "score", "account_id"),
        Index("ix_account_health_abc", "abc", "account_id"),
    )

    account_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    score: Mapped[int] = mapped_column(Integer)
    # [[code, points, params], ...] biggest first, as desktop.domain.health.Reason.
    reasons: Mapped[list[Any]] = mapped_column(JSONText, default=list)
    basis: Mapped[str] = mapped_column(String(40))
    computed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Orders of the last 12 months, the ABC ranking's revenue; the class by revenue
    # share among the live accounts that are not lost (None for a lost account).
    revenue: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    abc: Mapped[str | None] = mapped_column(String(1))
