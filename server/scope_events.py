"""Scope events: a write that changes who sees a row (an account's owner, a team
membership, a user's team or role) is logged so the next pulls add or remove the
rows for the users concerned.

A mixin of the push's writer (``server.push._Writer``), whose state it reads.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.models import SYNCED, Account, Synced, User
from server import scope
from server.models import Device, ScopeEvent


class ScopeEvents:
    session: Session

    def _event(self, entity: str, row_id: str, version: int) -> None:
        self.session.add(ScopeEvent(version=version, entity=entity, row_id=row_id))

    def _membership_event(self, row: Synced, version: int) -> None:
        # A team member deleted or restored changes who sees the account.
        if row.__tablename__ == "account_team_member":
            self._event("account", str(row.account_id), version)  # type: ignore[attr-defined]

    def _scope_events(self, row: Synced, old: dict[str, Any], version: int) -> None:
        name = row.__tablename__
        new = scope_values(row)
        if old == new:
            return
        if name == "account_team_member":
            for account_id in {old.get("account_id"), new.get("account_id")} - {None}:
                self._event("account", str(account_id), version)
            return
        self._event(name, row.id, version)
        if isinstance(row, User):
            self._user_moved(row, version)

    def _user_moved(self, user: User, version: int) -> None:
        """A user changed team or role: managers gain or lose that user's accounts."""
        for account_id in self.session.scalars(
            select(Account.id).where(Account.owner_id == user.id)
        ):
            self._event("account", account_id, version)
        for model_name in ("sales_target", "weekly_report"):
            model = SYNCED[model_name]
            owner = model.__table__.columns["owner_id"]
            for row_id in self.session.scalars(select(model.id).where(owner == user.id)):
                self._event(model_name, row_id, version)
        self.session.execute(update(Device).where(Device.user_id == user.id).values(resync=True))


def scope_values(row: Synced) -> dict[str, Any]:
    if isinstance(row, User):
        return {"team_id": row.team_id, "role": row.role}
    return {c: getattr(row, c) for c in scope.SCOPE_COLUMNS.get(row.__tablename__, ())}
