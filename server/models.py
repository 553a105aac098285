"""The server's own tables, beside the synced tables it shares with the devices.

They live on their own metadata (``ServerBase``) so the device schema never carries
them; the server's schema is the synced tables of ``desktop.domain.models`` plus these.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, Boolean, Dialect, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.domain.models.base import NAMING
from desktop.domain.models.types import JSONText, UTCDateTime, json_text, utcnow


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Credential(ServerBase):
    """A user's password (argon2 hash); the User row itself is a synced table."""

    __tablename__ = "srv_credential"

    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Token(ServerBase):
    """A sign-in: only the SHA-256 of the random token is kept."""

    __tablename__ = "srv_token"
    __table_args__ = (Index("ix_srv_token_device_id", "device_id"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Device(ServerBase):
    """A device that pushed: the last mutation id applied from it (exactly-once push)."""

    __tablename__ = "srv_device"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(200), default="")
    last_mutation_id: Mapped[int | None] = mapped_column(BigInteger)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    wipe: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when the user's role or team changed: the next pull starts over.
    resync: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Counter(ServerBase):
    """The commit counter (one row, locked by every write) and the tombstone horizon."""

    __tablename__ = "srv_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
    horizon: Mapped[int] = mapped_column(BigInteger, default=0)


class ChangeLog(ServerBase):
    """One entry per server version: which row changed (pull pages are cut here)."""

    __tablename__ = "srv_change_log"

    version: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(64))
    user_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ScopeEvent(ServerBase):
    """Who may see a row changed at ``version`` (handover, team change, moved child).

    A pull turns each event into the row's subtree (the user gained it) or a REMOVE
    (the user lost it).
    """

    __tablename__ = "srv_scope_event"
    __table_args__ = (Index("ix_srv_scope_event_version", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))


class AppliedMutation(ServerBase):
    """The stored result of a device's mutation: a retry gets it back unchanged."""

    __tablename__ = "srv_applied_mutation"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mutation_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    digest: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(10))
    result: Mapped[dict[str, Any]] = mapped_column(JSONText)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class JSONValue(JSONText):
    """JSON text in which None is stored as the JSON ``null``: a conflict's side may be
    an empty field (a decision the server took back), and the columns are NOT NULL."""

    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return json_text(value)


class Conflict(ServerBase):
    """A device's value that lost a merge; kept so nothing is silently dropped."""

    __tablename__ = "srv_conflict"
    __table_args__ = (Index("ix_srv_conflict_row", "entity", "row_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(64))
    mutation_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str | None] = mapped_column(String(60))
    mine: Mapped[Any] = mapped_column(JSONValue)
    theirs: Mapped[Any] = mapped_column(JSONValue)
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class LoginFailure(ServerBase):
    """Failed sign-ins per user name and per address, for rate limiting (shared by workers)."""

    __tablename__ = "srv_login_failure"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)


class Blob(ServerBase):
    """An attachment's contents, stored under its SHA-256; uploads may resume."""

    __tablename__ = "srv_blob"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class BlobOwner(ServerBase):
    """Who proved they hold a file: they uploaded all its bytes, which matched the hash.

    Knowing a SHA-256 is not holding the file: an attachment row may point at content
    another user stored only if its writer uploaded that content too (server/push.py),
    and a download needs a visible row whose content was set by one of its uploaders.
    """

    __tablename__ = "srv_blob_owner"

    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
