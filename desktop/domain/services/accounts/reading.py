"""One account as its page shows it: the record with its owner's and parent's names,
its history (every field change on it and its children), the recently deleted, and
the users an owner picker offers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError
from desktop.domain.models import Account, ChangeRecord, User
from desktop.domain.services.records import Record, to_record


def load(session: Session, account_id: str, *, include_deleted: bool = False) -> Account:
    row = session.get(Account, account_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"account {account_id} not found")
    return row


def get_account(session: Session, account_id: str) -> Record:
    row = load(session, account_id, include_deleted=True)
    record = to_record(row)
    record["owner_name"] = _user_name(session, row.owner_id)
    record["parent_name"] = (
        session.scalar(select(Account.name).where(Account.id == row.parent_id))
        if row.parent_id
        else None
    )
    return record


def _user_name(session: Session, user_id: str | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(User.display_name).where(User.id == user_id))


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: dt.datetime
    changed_by: str | None  # display name
    entity: str
    row_id: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str | None


def history(session: Session, account_id: str, *, limit: int = 500) -> list[HistoryEntry]:
    """Every field change on the account and its children, newest first."""
    rows = session.execute(
        select(ChangeRecord, User.display_name)
        .outerjoin(User, User.id == ChangeRecord.changed_by)
        .where(ChangeRecord.account_id == account_id, ChangeRecord.deleted_at.is_(None))
        .order_by(ChangeRecord.changed_at.desc(), ChangeRecord.id.desc())
        .limit(limit)
    )
    return [
        HistoryEntry(
            r.changed_at, name, r.entity, r.row_id, r.field, r.old_value, r.new_value, r.reason
        )
        for r, name in rows
    ]


def recently_deleted(session: Session, *, limit: int = 200) -> list[Record]:
    rows = session.scalars(
        select(Account)
        .where(Account.deleted_at.is_not(None))
        .order_by(Account.deleted_at.desc())
        .limit(limit)
    )
    return [to_record(r) for r in rows]


def users(session: Session, *, roles: Sequence[str] = ("rep", "manager")) -> list[tuple[str, str]]:
    """(id, display name) of active users, for owner pickers."""
    return [
        (i, n)
        for i, n in session.execute(
            select(User.id, User.display_name)
            .where(User.deleted_at.is_(None), User.active, User.role.in_(roles))
            .order_by(User.display_name)
        )
    ]
