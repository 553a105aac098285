"""Apply a device's mutations: exactly once, in order, merged per field.

Every push runs in one transaction that first locks the counter row, so writes are
serialised and versions follow commit order. Each mutation runs in a savepoint: a
permanent failure (forbidden, invalid) rolls back only that mutation, is stored as
``rejected`` and the device moves past it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.domain import codec
from desktop.domain.models import SYNC_COLUMNS, SYNCED, Account, Synced, User
from desktop.domain.models.types import utcnow
from desktop.domain.uow import remote_apply
from desktop.sync.protocol import (
    FieldConflict,
    Mutation,
    MutationResult,
    PushRequest,
    ServerRow,
)
from server import scope
from server.models import AppliedMutation, ChangeLog, Conflict, Counter, Device, ScopeEvent
from server.rows import server_row


class DeviceReused(Exception):
    """A mutation id came back with other content: the device was restored or copied."""


class Rejected(Exception):
    pass


@dataclass
class Outcome:
    results: list[MutationResult] = field(default_factory=list)
    expected_mutation_id: int | None = None
    head: int = 0


def digest(m: Mutation) -> str:
    body = json.dumps(
        [m.entity, m.row_id, m.op, m.fields, m.base_versions, m.base_row_version],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def lock_counter(session: Session) -> Counter:
    """Take the counter row lock (first statement, so SQLite takes its write lock now)."""
    session.execute(update(Counter).where(Counter.id == 1).values(value=Counter.value))
    counter = session.scalar(
        select(Counter).where(Counter.id == 1).execution_options(populate_existing=True)
    )
    assert counter is not None
    return counter


def push(session: Session, viewer: scope.Viewer, device_id: str, request: PushRequest) -> Outcome:
    outcome = Outcome()
    counter = lock_counter(session)
    device = session.get(Device, device_id)
    if device is None:
        device = Device(id=device_id, user_id=viewer.user_id, last_mutation_id=None)
        session.add(device)
    device.last_seen_at = utcnow()
    writer = _Writer(session, viewer, device_id, counter)
    with remote_apply(session):
        for m in request.mutations:
            last = device.last_mutation_id
            if last is not None and m.mutation_id <= last:
                stored = session.get(AppliedMutation, (device_id, m.mutation_id))
                if stored is not None and stored.digest != digest(m):
                    raise DeviceReused(
                        f"mutation {m.mutation_id} was already received with other content: "
                        "this device's data was restored from a backup or copied from another "
                        "device; sign in again to register it as a new device"
                    )
                result = (
                    MutationResult.model_validate(stored.result)
                    if stored
                    else MutationResult(
                        mutation_id=m.mutation_id, status="applied", reason="already applied"
                    )
                )
                result.row = writer.visible_row(m.entity, m.row_id)
                outcome.results.append(result)
                continue
            expected = m.mutation_id if last is None else last + 1
            if m.mutation_id != expected:
                outcome.expected_mutation_id = expected
                break
            result = writer.apply(m)
            stored_result = result.model_dump(exclude={"row"})
            session.add(
                AppliedMutation(
                    device_id=device_id,
                    mutation_id=m.mutation_id,
                    digest=digest(m),
                    entity=m.entity[:40],
                    row_id=m.row_id,
                    status=result.status,
                    result=stored_result,
                )
            )
            device.last_mutation_id = m.mutation_id
            result.row = writer.visible_row(m.entity, m.row_id)
            outcome.results.append(result)
        session.flush()
    outcome.head = counter.value
    return outcome


class _Writer:
    def __init__(
        self, session: Session, viewer: scope.Viewer, device_id: str, counter: Counter
    ) -> None:
        self.session = session
        self.viewer = viewer
        self.device_id = device_id
        self.counter = counter

    def visible_row(self, entity: str, row_id: str) -> ServerRow | None:
        model = SYNCED.get(entity)
        if model is None:
            return None
        row = self.session.get(model, row_id)
        if row is None or not scope.can_see(self.session, model, row_id, self.viewer):
            return None
        return ServerRow.model_validate(server_row(row))

    def apply(self, m: Mutation) -> MutationResult:
        try:
            with self.session.begin_nested():
                return self._apply(m)
        except Rejected as exc:
            return MutationResult(mutation_id=m.mutation_id, status="rejected", reason=str(exc))
        except IntegrityError as exc:
            return MutationResult(
                mutation_id=m.mutation_id, status="rejected", reason=_integrity_reason(exc)
            )

    # -- one mutation -------------------------------------------------------------
    def _apply(self, m: Mutation) -> MutationResult:
        model = SYNCED.get(m.entity)
        if model is None:
            raise Rejected(f"unknown entity {m.entity!r}")
        values = self._decode(model, m.fields)
        self._check_role(model)
        row = self.session.get(model, m.row_id)
        if m.op == "insert" and row is None:
            return self._insert(m, model, values)
        if row is None:
            raise Rejected(f"{model.label} {m.row_id} does not exist on the server")
        if m.op == "insert":
            # The same id created twice (a deterministic id, or a replayed device):
            # merge as an edit made on top of nothing.
            return self._update(m, row, values, {}, base_default=0)
        if m.op == "update":
            return self._update(m, row, values, m.base_versions, base_default=m.base_row_version)
        if m.op == "delete":
            return self._delete(m, row)
        return self._restore(m, row, values)

    def _decode(self, model: type[Synced], fields: dict[str, Any]) -> dict[str, Any]:
        columns = set(model.data_columns())
        values: dict[str, Any] = {}
        for name, wire in fields.items():
            if name not in columns or name in SYNC_COLUMNS:
                raise Rejected(f"{model.label} has no field {name!r}")
            try:
                values[name] = codec.normalize(model, name, codec.decode(model, name, wire))
            except (ValueError, TypeError, ArithmeticError) as exc:
                raise Rejected(f"invalid value for {name}: {exc}") from exc
        return values

    def _check_role(self, model: type[Synced]) -> None:
        name = model.__tablename__
        if self.viewer.is_admin:
            return
        if name in scope.ADMIN_ONLY:
            raise Rejected(f"only an administrator may change {model.label}s")
        if name in scope.CATALOG and self.viewer.role != "manager":
            raise Rejected(f"only a manager may change the {model.label} catalog")

    def _writable(self, model: type[Synced], row_id: str) -> bool:
        return scope.can_see(self.session, model, row_id, self.viewer, write=True)

    def _next_version(self, row: Synced, now: dt.datetime) -> int:
        self.counter.value += 1
        version = self.counter.value
        row.version = version
        row.updated_at = now
        row.updated_by = self.viewer.user_id
        self.session.add(
            ChangeLog(
                version=version,
                entity=row.__tablename__,
                row_id=row.id,
                device_id=self.device_id,
                user_id=self.viewer.user_id,
                at=now,
            )
        )
        return version

    def _insert(self, m: Mutation, model: type[Synced], values: dict[str, Any]) -> MutationResult:
        missing: list[str] = []
        for column in model.__table__.columns:
            if column.key in SYNC_COLUMNS or column.key in values:
                continue
            if column.default is not None or column.nullable:
                continue
            missing.append(column.key)
        if missing:
            raise Rejected(f"{model.label}: missing {', '.join(missing)}")
        self._check_owner_rules(model, None, values)
        now = utcnow()
        row = model(id=m.row_id, **values)
        row.created_at = now
        row.created_by = self.viewer.user_id
        row.field_versions = {}
        self.session.add(row)
        version = self._next_version(row, now)
        self.session.flush()
        if not self._writable(model, row.id):
            raise Rejected(f"you may not create this {model.label}: it is outside your accounts")
        return MutationResult(mutation_id=m.mutation_id, status="applied", version=version)

    def _check_owner_rules(
        self, model: type[Synced], row: Synced | None, values: dict[str, Any]
    ) -> None:
        """Account ownership: reps claim from the pool or release to it; managers hand over."""
        if model is not Account or "owner_id" not in values or self.viewer.is_admin:
            return
        new_owner = values["owner_id"]
        account = row if isinstance(row, Account) else None
        old_owner = account.owner_id if account is not None else None
        if account is not None and new_owner == old_owner:
            return
        me = self.viewer.user_id
        if self.viewer.role == "rep":
            if account is None and new_owner in (me, None):
                return
            claim = account is not None and old_owner is None and new_owner == me
            if claim and account is not None and account.deleted_at is None:
                return
            if account is not None and old_owner == me and new_owner is None:
                return
            if account is not None and old_owner is not None and old_owner != me:
                raise Rejected(f"account {account.name!r} already belongs to another rep")
            raise Rejected("only a manager can hand an account over to someone else")
        team = scope.team_user_ids(self.session, self.viewer)
        if new_owner is not None and new_owner not in team:
            raise Rejected("a manager can hand accounts only to users of their team")

    def _claimable(self, row: Synced, values: dict[str, Any]) -> bool:
        return (
            isinstance(row, Account)
            and row.owner_id is None
            and self.viewer.role != "admin"
            and values.get("owner_id")
            in (
                {self.viewer.user_id}
                | (
                    scope.team_user_ids(self.session, self.viewer)
                    if self.viewer.role == "manager"
                    else set()
                )
            )
        )

    def _check_before(self, row: Synced, values: dict[str, Any]) -> None:
        model = type(row)
        if self._writable(model, row.id) or self._claimable(row, values):
            return
        claiming = values.get("owner_id") == self.viewer.user_id
        if (
            isinstance(row, Account)
            and row.owner_id is not None
            and (claiming or scope.can_see(self.session, model, row.id, self.viewer))
        ):
            raise Rejected(f"account {row.name!r} already belongs to another rep")
        if isinstance(row, Account) and row.owner_id is None:
            raise Rejected(f"account {row.name!r} is in the public pool: claim it first")
        raise Rejected(f"you may not change this {model.label}: it is outside your accounts")

    def _update(
        self,
        m: Mutation,
        row: Synced,
        values: dict[str, Any],
        base_versions: dict[str, int],
        *,
        base_default: int,
    ) -> MutationResult:
        model = type(row)
        self._check_before(row, values)
        self._check_owner_rules(model, row, values)
        if row.deleted_at is not None:
            return self._conflict_deleted(m, row, values)
        versions = dict(row.field_versions or {})
        applied: dict[str, Any] = {}
        conflicts: list[FieldConflict] = []
        for name, value in values.items():
            current = getattr(row, name)
            if codec.encode(current) == codec.encode(value):
                continue
            base = base_versions.get(name, base_default)
            if int(versions.get(name, 0)) > base:
                conflicts.append(
                    FieldConflict(
                        field=name, mine=codec.encode(value), theirs=codec.encode(current)
                    )
                )
                continue
            applied[name] = value
        version = None
        if applied:
            old_scope = _scope_values(row)
            now = utcnow()
            for name, value in applied.items():
                setattr(row, name, value)
            version = self._next_version(row, now)
            row.field_versions = {**versions, **dict.fromkeys(applied, version)}
            self.session.flush()
            if not self._writable(model, row.id) and not self._released(row, applied):
                raise Rejected(f"this change would move the {model.label} outside your accounts")
            self._scope_events(row, old_scope, version)
        if conflicts:
            self._store_conflicts(m, row, conflicts, "changed on the server since you edited it")
            return MutationResult(
                mutation_id=m.mutation_id,
                status="conflict",
                version=version,
                conflicts=conflicts,
                reason="changed on the server since you edited it",
                server_changed_by=row.updated_by,
                server_changed_at=codec.encode(row.updated_at),
            )
        return MutationResult(mutation_id=m.mutation_id, status="applied", version=version)

    def _released(self, row: Synced, applied: dict[str, Any]) -> bool:
        return isinstance(row, Account) and "owner_id" in applied and row.owner_id is None

    def _conflict_deleted(self, m: Mutation, row: Synced, values: dict[str, Any]) -> MutationResult:
        conflicts = [
            FieldConflict(
                field=name, mine=codec.encode(value), theirs=codec.encode(getattr(row, name))
            )
            for name, value in values.items()
        ]
        reason = "deleted on the server; your edit is kept and can be restored"
        self._store_conflicts(m, row, conflicts or [FieldConflict(field="deleted_at")], reason)
        return MutationResult(
            mutation_id=m.mutation_id,
            status="conflict",
            conflicts=conflicts,
            reason=reason,
            server_changed_by=row.updated_by,
            server_changed_at=codec.encode(row.updated_at),
        )

    def _store_conflicts(
        self, m: Mutation, row: Synced, conflicts: list[FieldConflict], reason: str
    ) -> None:
        for c in conflicts:
            self.session.add(
                Conflict(
                    device_id=self.device_id,
                    mutation_id=m.mutation_id,
                    user_id=self.viewer.user_id,
                    entity=row.__tablename__,
                    row_id=row.id,
                    field=c.field,
                    mine=c.mine,
                    theirs=c.theirs,
                    reason=reason,
                )
            )

    def _delete(self, m: Mutation, row: Synced) -> MutationResult:
        self._check_before(row, {})
        if row.deleted_at is not None:
            return MutationResult(
                mutation_id=m.mutation_id, status="applied", reason="already deleted"
            )
        now = utcnow()
        row.deleted_at = now
        version = self._next_version(row, now)
        row.field_versions = {**(row.field_versions or {}), "deleted_at": version}
        self._membership_event(row, version)
        return MutationResult(mutation_id=m.mutation_id, status="applied", version=version)

    def _restore(self, m: Mutation, row: Synced, values: dict[str, Any]) -> MutationResult:
        self._check_before(row, values)
        if row.deleted_at is None:
            return self._update(m, row, values, {}, base_default=m.base_row_version)
        now = utcnow()
        row.deleted_at = None
        version = self._next_version(row, now)
        row.field_versions = {**(row.field_versions or {}), "deleted_at": version}
        result = self._update(m, row, values, {}, base_default=m.base_row_version)
        self._membership_event(row, version)
        result.version = row.version
        return result

    # -- scope changes --------------------------------------------------------------
    def _event(self, entity: str, row_id: str, version: int) -> None:
        self.session.add(ScopeEvent(version=version, entity=entity, row_id=row_id))

    def _membership_event(self, row: Synced, version: int) -> None:
        # A team member deleted or restored changes who sees the account.
        if row.__tablename__ == "account_team_member":
            self._event("account", str(row.account_id), version)  # type: ignore[attr-defined]

    def _scope_events(self, row: Synced, old: dict[str, Any], version: int) -> None:
        name = row.__tablename__
        new = _scope_values(row)
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


def _scope_values(row: Synced) -> dict[str, Any]:
    if isinstance(row, User):
        return {"team_id": row.team_id, "role": row.role}
    return {c: getattr(row, c) for c in scope.SCOPE_COLUMNS.get(row.__tablename__, ())}


def _integrity_reason(exc: IntegrityError) -> str:
    text = str(exc.orig).lower()
    if "unique" in text or "duplicate" in text:
        return "another row already has this value (it must be unique)"
    if "foreign key" in text:
        return "it refers to a row that does not exist on the server"
    if "not null" in text or "null value" in text:
        return "a required field is empty"
    return "the server refused the row as inconsistent"
