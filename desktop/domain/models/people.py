"""Users and teams."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced

ROLES = ("rep", "manager", "admin")


class Team(Synced):
    __tablename__ = "team"
    label = "team"

    name: Mapped[str] = mapped_column(String(120))
    manager_id: Mapped[str | None] = mapped_column(String(36))


class User(Synced):
    __tablename__ = "user"
    label = "user"

    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16), default="rep")
    team_id: Mapped[str | None] = mapped_column(ForeignKey("team.id"))
    rep_code: Mapped[str | None] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
