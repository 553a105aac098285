"""This device's own state: its id, the user it works for, counters (local_meta)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.ids import new_id
from desktop.domain.models import SYNCED, LocalMeta, OutboxEntry, User

DEVICE_ID = "device_id"
USER_ID = "user_id"


def get_meta(session: Session, key: str) -> str | None:
    row = session.get(LocalMeta, key)
    return row.value if row is not None else None


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(LocalMeta, key)
    if row is None:
        session.add(LocalMeta(key=key, value=value))
    else:
        row.value = value


def delete_meta(session: Session, key: str) -> None:
    row = session.get(LocalMeta, key)
    if row is not None:
        session.delete(row)


def device_id(session: Session) -> str:
    """The id this device signs its mutations with; created once, replaced only when a
    sign-in finds it is another user's device on the server (``desktop.sync.signin``)."""
    value = get_meta(session, DEVICE_ID)
    if value is None:
        value = new_id()
        set_meta(session, DEVICE_ID, value)
    return value


def current_user_id(session: Session) -> str | None:
    return get_meta(session, USER_ID)


def current_user(session: Session) -> tuple[str, str, str] | None:
    """The user this device works for: (id, display name, role); None before sign-in."""
    user_id = current_user_id(session)
    user = session.get(User, user_id) if user_id else None
    if user is None:
        return None
    return user.id, user.display_name, user.role


def next_counter(session: Session, name: str) -> int:
    """A per-device counter (quote numbers...); call inside the write transaction."""
    key = f"counter:{name}"
    value = int(get_meta(session, key) or 0) + 1
    set_meta(session, key, str(value))
    return value


def pending_outbox(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")
        )
        or 0
    )


def row_counts(session: Session) -> dict[str, int]:
    """Live (not deleted) rows per synced entity."""
    counts: dict[str, int] = {}
    for name, model in SYNCED.items():
        counts[name] = int(
            session.scalar(
                select(func.count()).select_from(model).where(model.deleted_at.is_(None))
            )
            or 0
        )
    return counts
