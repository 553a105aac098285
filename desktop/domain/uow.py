"""The unit of work: every local write, its field history and its outbox entries commit
together or not at all.

Services write only through a ``UnitOfWork``. A flush listener refuses any change to a
synced row that did not go through one, so no write path can bypass the outbox. The
sync engine applies server changes with ``remote_apply(session)``, which is the only
other way in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain import codec, rules
from desktop.domain.models import (
    SYNC_COLUMNS,
    SYNCED,
    ChangeRecord,
    OutboxEntry,
    Synced,
    User,
)
from desktop.domain.models.types import utcnow

T = TypeVar("T", bound=Synced)

_TRACKED = "fieldbook_uow_rows"
# Derived figures kept beside the rows (the health cache): each hook in a session's
# info under this key is called with the unit of work after its rules pass, in its
# transaction, so the figures commit with their inputs. The store's session factory
# sets them (desktop.store.engine); a session without them keeps none.
DERIVED = "fieldbook_derived"
_REMOTE = "fieldbook_remote_apply"
# Set while this thread runs a transaction that will write: the store then takes the
# write lock when the transaction begins (SQLite BEGIN IMMEDIATE), so a transaction
# that reads first cannot fail with "database is locked" when it comes to write while
# the sync thread or the writer thread has committed in between.
_WRITING: ContextVar[bool] = ContextVar("fieldbook_writing", default=False)


def writing() -> bool:
    """Whether the current thread is inside a writing transaction."""
    return _WRITING.get()


class OutboxBypassError(RuntimeError):
    """A synced row was changed outside a unit of work: the edit would never sync."""


class UnitOfWork:
    """Collects one user action's changes; commit writes rows, history and outbox."""

    def __init__(
        self,
        session: Session,
        actor_id: str | None,
        *,
        now: Callable[[], dt.datetime] = utcnow,
        reason: str | None = None,
    ) -> None:
        self.session = session
        self.actor_id = actor_id
        self.now = now()
        self.reason = reason
        # Keyed by (table, id). Rows are held strongly: the session's identity map holds
        # persistent rows weakly, and a reloaded copy must still count as tracked.
        self._inserted: dict[tuple[str, str], OutboxEntry] = {}
        self._rows: list[Synced] = []
        # Each changed row as it was before this unit of work (None: created by it), for
        # the rule book's check before the commit.
        self._before: dict[tuple[str, str], tuple[Synced, dict[str, Any] | None]] = {}
        # The models declare no relationships, so the ORM may insert a child before its
        # parent within one flush; SQLite checks foreign keys at commit instead.
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
        # Entity names this unit of work changed, so open lists know what to refresh.
        self.touched: set[str] = set()
        session.info.setdefault(_TRACKED, set())

    def _track(self, row: Synced, *, new: bool = False) -> None:
        key = _key(row)
        if key not in self._before:
            self._before[key] = (row, None if new else _snapshot(row))
        self._rows.append(row)
        self.session.info[_TRACKED].add(_key(row))
        self.touched.add(row.__tablename__)

    def _outbox(
        self, row: Synced, op: str, fields: dict[str, Any], base: dict[str, int]
    ) -> OutboxEntry:
        entry = OutboxEntry(
            entity=row.__tablename__,
            row_id=row.id,
            op=op,
            fields=fields,
            base_versions=base,
            base_row_version=row.version or 0,
            created_at=self.now,
            state="pending",
            attempts=0,
        )
        self.session.add(entry)
        return entry

    def add(self, row: T) -> T:
        """A new row: every data field goes to the server as one insert."""
        for column in row.__table__.columns:
            # Resolve Python-side defaults now, so the outbox carries real values.
            if getattr(row, column.key) is None and column.default is not None:
                default = column.default
                if getattr(default, "is_scalar", False):
                    setattr(row, column.key, default.arg)
                elif getattr(default, "is_callable", False):
                    setattr(row, column.key, default.arg(None))
        for name in row.data_columns():
            setattr(row, name, codec.normalize(type(row), name, getattr(row, name)))
        row.version = 0
        row.field_versions = {}
        row.created_at = row.updated_at = self.now
        row.created_by = row.updated_by = self.actor_id
        self._track(row, new=True)
        self.session.add(row)
        self._inserted[_key(row)] = self._outbox(row, "insert", codec.encode_row(row), {})
        return row

    def update(
        self,
        row: Synced,
        changes: Mapping[str, Any],
        *,
        history: bool = True,
        reason: str | None = None,
    ) -> list[str]:
        """Set fields; only real changes are recorded (with ``reason``, else the unit of
        work's). Returns the changed field names."""
        changed: dict[str, tuple[Any, Any]] = {}
        for name, value in changes.items():
            if name in SYNC_COLUMNS or name not in row.__table__.columns:
                raise KeyError(f"{row.__tablename__} has no editable field {name!r}")
            value = codec.normalize(type(row), name, value)
            old = getattr(row, name)
            if old != value:
                changed[name] = (old, value)
        if not changed:
            return []
        self._track(row)
        for name, (_, value) in changed.items():
            setattr(row, name, value)
        row.updated_at = self.now
        row.updated_by = self.actor_id
        wire = {name: codec.encode(value) for name, (_, value) in changed.items()}
        pending_insert = self._inserted.get(_key(row))
        if pending_insert is not None:
            pending_insert.fields = {**pending_insert.fields, **wire}
        else:
            versions = row.field_versions or {}
            base = {name: int(versions.get(name, row.version or 0)) for name in changed}
            self._outbox(row, "update", wire, base)
        if history and not isinstance(row, ChangeRecord) and pending_insert is None:
            for name, (old, value) in changed.items():
                self.record_change(row, name, old, value, reason)
        return list(changed)

    def delete(self, row: Synced) -> None:
        """Soft delete: a tombstone that syncs; ``restore`` brings it back."""
        if row.deleted_at is not None:
            return
        self._track(row)
        row.deleted_at = self.now
        row.updated_at = self.now
        row.updated_by = self.actor_id
        self._outbox(row, "delete", {}, {})
        self.record_change(row, "deleted", None, "deleted")

    def restore(self, row: Synced) -> None:
        if row.deleted_at is None:
            return
        self._track(row)
        row.deleted_at = None
        row.updated_at = self.now
        row.updated_by = self.actor_id
        # A restore re-sends the fields as the user sees them, so a row that was
        # edited elsewhere while deleted comes back whole.
        self._outbox(row, "restore", codec.encode_row(row), {})
        self.record_change(row, "deleted", "deleted", None)

    def changes(self) -> list[tuple[Synced, dict[str, Any] | None]]:
        """Each row this unit of work changed, with its values before (None: new)."""
        return list(self._before.values())

    def check_rules(self) -> None:
        """Run the rule book over every row this unit of work changed (before commit):
        each changed value's field rules, then the row's state and permission rules."""
        if not self._before:
            return
        actor = self._actor()
        facts = SessionFacts(self.session)
        for row, before in self._before.values():
            entity = row.__tablename__
            after = {name: getattr(row, name) for name in row.data_columns()}
            if before is not None and row.deleted_at is not None:
                if before.get("deleted_at") is None:
                    rules.check_delete(entity, before, actor, facts)
                continue
            changed = {
                name: value
                for name, value in after.items()
                if before is None or before.get(name) != value
            }
            rules.check_values(type(row), changed)
            after["id"] = row.id
            if before is not None:
                before = {k: v for k, v in before.items() if k != "deleted_at"}
            rules.check_change(entity, before, after, actor, facts)

    def _actor(self) -> rules.Actor:
        user = self.session.get(User, self.actor_id) if self.actor_id else None
        return rules.Actor(self.actor_id, user.role if user is not None else None)

    def record_change(
        self, row: Synced, field: str, old: Any, new: Any, reason: str | None = None
    ) -> None:
        """A line of ``row``'s history (written for every field an update changes; also a
        fact of a step that is no field of the row, such as who a request goes to)."""
        account_id = row.id if row.__tablename__ == "account" else getattr(row, "account_id", None)
        record = ChangeRecord(
            entity=row.__tablename__,
            row_id=row.id,
            account_id=account_id,
            field=field,
            old_value=_history_text(old),
            new_value=_history_text(new),
            changed_at=self.now,
            changed_by=self.actor_id,
            reason=reason or self.reason,
        )
        self.add(record)


def _key(row: Synced) -> tuple[str, str]:
    return (row.__tablename__, row.id)


def _snapshot(row: Synced) -> dict[str, Any]:
    values = {name: getattr(row, name) for name in row.data_columns()}
    values["deleted_at"] = row.deleted_at
    values["id"] = row.id
    return values


class SessionFacts:
    """The rule book's look-ups (``rules.Facts``) answered from a session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, entity: str, row_id: str) -> Synced | None:
        model = SYNCED.get(entity)
        row = self.session.get(model, row_id) if model is not None else None
        return row if row is not None and row.deleted_at is None else None

    def value(self, entity: str, row_id: str, field: str) -> Any:
        return getattr(self._row(entity, row_id), field, None)

    def exists(self, entity: str, row_id: str) -> bool:
        return self._row(entity, row_id) is not None

    def rows_where(self, entity: str, field: str, value: str) -> list[dict[str, Any]]:
        model = SYNCED[entity]
        query = select(model).where(getattr(model, field) == value, model.deleted_at.is_(None))
        return [_snapshot(row) for row in self.session.scalars(query)]


def _history_text(value: Any) -> str | None:
    if value is None:
        return None
    encoded = codec.encode(value)
    return encoded if isinstance(encoded, str) else str(encoded)


@contextmanager
def unit_of_work(
    factory: sessionmaker[Session] | Callable[[], Session],
    actor_id: str | None,
    *,
    reason: str | None = None,
    now: Callable[[], dt.datetime] = utcnow,
) -> Iterator[UnitOfWork]:
    """Open a session, yield a unit of work, commit on success, roll back on error."""
    session = factory()
    token = _WRITING.set(True)
    try:
        with session.begin():
            uow = UnitOfWork(session, actor_id, reason=reason, now=now)
            yield uow
            uow.check_rules()
            for keep_up in session.info.get(DERIVED, ()):
                keep_up(uow)
    finally:
        _WRITING.reset(token)
        session.close()


@contextmanager
def remote_apply(session: Session) -> Iterator[Session]:
    """Let the sync engine write server changes, which must not enter the outbox."""
    session.info[_REMOTE] = True
    token = _WRITING.set(True)
    try:
        yield session
    finally:
        _WRITING.reset(token)
        session.info[_REMOTE] = False


@event.listens_for(Session, "before_flush")
def _refuse_bypass(session: Session, flush_context: object, instances: object) -> None:
    if session.info.get(_REMOTE):
        return
    tracked: set[tuple[str, str]] = session.info.get(_TRACKED, set())
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise OutboxBypassError(
                f"{obj.__tablename__} rows are never deleted for real; use UnitOfWork.delete"
            )
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Synced) and _key(obj) not in tracked:
            raise OutboxBypassError(
                f"{obj.__tablename__} {obj.id} changed outside a UnitOfWork: it would never sync"
            )


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_tracked(session: Session) -> None:
    session.info.pop(_TRACKED, None)
