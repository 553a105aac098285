"""Accounts (客户), their contacts, account teams, attachments and field history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced
from desktop.domain.models.types import Money, UTCDateTime

TIERS = ("A", "B", "C")
ACCOUNT_STATUSES = ("prospect", "active", "dormant", "lost")
CONTACT_ROLES = ("decision_maker", "influencer", "user", "gatekeeper")
# The stakeholder map (关键人地图): the parts a contact plays in buying (several allowed),
# where they stand (支持/中立/反对) and how strong our relationship is (1-5).
BUYING_ROLES = ("decision_maker", "influencer", "user", "gatekeeper", "finance", "technical")
ATTITUDES = ("supportive", "neutral", "opposed")


class Account(Synced):
    __tablename__ = "account"
    __table_args__ = (
        Index("ix_account_owner_id", "owner_id"),
        Index("ix_account_parent_id", "parent_id"),
        Index("ix_account_name", "name"),
        # Covers the Accounts list's default order: 100k ids in ~30 ms instead of ~200
        # (the name index alone makes SQLite visit every row for deleted_at and id).
        Index("ix_account_list", "deleted_at", "name", "id"),
    )
    label = "account"

    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str | None] = mapped_column(String(80))
    # 统一社会信用代码, 18 characters with a check character (GB 32100-2015).
    credit_code: Mapped[str | None] = mapped_column(String(18))
    industry: Mapped[str | None] = mapped_column(String(80))
    province: Mapped[str | None] = mapped_column(String(40))
    city: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    website: Mapped[str | None] = mapped_column(String(200))
    tier: Mapped[str] = mapped_column(String(1), default="C")
    status: Mapped[str] = mapped_column(String(16), default="prospect")
    # No owner: the account is in the public pool (公海).
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"))
    potential: Mapped[Decimal | None] = mapped_column(Money)
    # Normalised, comma-delimited (",key,strategic,") so a tag filter is one LIKE.
    tags: Mapped[str] = mapped_column(String(400), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Why the user went on when the duplicate check warned (查重).
    duplicate_reason: Mapped[str | None] = mapped_column(Text)
    claimed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class AccountTeamMember(Synced):
    """A user who works an account beside its owner (account team)."""

    __tablename__ = "account_team_member"
    __table_args__ = (Index("ix_account_team_member_account_id", "account_id"),)
    label = "account team member"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id"))
    role: Mapped[str] = mapped_column(String(40), default="member")


class Contact(Synced):
    __tablename__ = "contact"
    __table_args__ = (
        Index("ix_contact_account_id", "account_id"),
        # Covers the completeness checks (contacts, roles) per account: sorting 100k
        # accounts by completeness reads the index only (~330 -> ~115 ms).
        Index("ix_contact_completeness", "account_id", "deleted_at", "role"),
    )
    label = "contact"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    name: Mapped[str] = mapped_column(String(120))
    title: Mapped[str | None] = mapped_column(String(120))
    department: Mapped[str | None] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20), default="user")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(40))
    mobile: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    wechat: Mapped[str | None] = mapped_column(String(80))
    birthday: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The stakeholder map: whom they report to (a contact of the same account), their
    # buying roles (BUYING_ROLES joined by commas), attitude and relationship strength.
    reports_to_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"))
    buying_roles: Mapped[str] = mapped_column(String(120), default="", server_default="")
    attitude: Mapped[str | None] = mapped_column(String(12))
    strength: Mapped[int | None] = mapped_column(Integer)


class Attachment(Synced):
    """File metadata; the bytes live under their content hash and move separately."""

    __tablename__ = "attachment"
    __table_args__ = (
        Index("ix_attachment_parent", "parent_entity", "parent_id"),
        Index("ix_attachment_completeness", "account_id", "deleted_at", "kind"),
    )
    label = "attachment"

    parent_entity: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[str] = mapped_column(String(36))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"))
    filename: Mapped[str] = mapped_column(String(255))
    content_hash: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    mime_type: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30), default="other")


class ChangeRecord(Synced):
    """One field changed on one row: who, when, old -> new (the History tab)."""

    __tablename__ = "change_record"
    __table_args__ = (
        Index("ix_change_record_row", "entity", "row_id"),
        Index("ix_change_record_account_id", "account_id"),
    )
    label = "change record"

    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    account_id: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    changed_by: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str | None] = mapped_column(Text)
