"""The declarative base, the constraint naming convention and the sync columns."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.domain.ids import new_id
from desktop.domain.models.types import JSONText, UTCDateTime, utcnow

# Named constraints, so Alembic's batch mode can alter SQLite tables later.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# Columns the sync machinery owns; they are never sent as a user's edit.
SYNC_COLUMNS = frozenset(
    {
        "id",
        "version",
        "field_versions",
        "deleted_at",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    }
)


class Synced(Base):
    """A row that lives on devices and on the server.

    ``version`` is the server's commit counter when the row last changed (0 while it
    exists only on this device); ``field_versions`` holds that counter per field, the
    base of the three-way merge. Deletes set ``deleted_at`` (a tombstone) so they sync.
    """

    __abstract__ = True
    # Human label of the entity, for messages ("account", "quote line").
    label: ClassVar[str] = ""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    field_versions: Mapped[dict[str, int]] = mapped_column(JSONText, default=dict)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(36))

    @classmethod
    def data_columns(cls) -> list[str]:
        """The fields a user edits (everything but the sync columns)."""
        return [c.key for c in cls.__table__.columns if c.key not in SYNC_COLUMNS]

    def values(self) -> dict[str, Any]:
        return {c.key: getattr(self, c.key) for c in self.__table__.columns}
