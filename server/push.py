"""Apply a device's mutations: exactly once, in order, merged per field.

Every push runs in one transaction that first locks the counter row, so writes are
serialised and versions follow commit order. A permanent failure (forbidden, invalid)
is stored as ``rejected`` and the device moves past it, with nothing of it written.

The lock is held for the whole push, so the time spent per mutation under it bounds
the server's throughput. The batch therefore runs in one savepoint: the rows it
touches are loaded up front, scope is decided in Python (``scope.ScopeCache``) before
anything is written, and everything is flushed once at the end. A mutation the fast
path cannot decide up front (a refusal, an account team change, a restore) runs the
careful way, in its own savepoint with the database's answer; a database error in
the batch rolls the savepoint back and the whole batch runs the careful way.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.domain import codec, rules
from desktop.domain.models import (
    SYNC_COLUMNS,
    SYNCED,
    Account,
    AccountTeamMember,
    Attachment,
    Order,
    Quote,
    Synced,
)
from desktop.domain.models.types import json_text, utcnow
from desktop.domain.rules.fields import ID
from desktop.domain.uow import remote_apply
from desktop.sync.protocol import (
    FieldConflict,
    Mutation,
    MutationResult,
    PushRequest,
)
from server import rulebook, scope
from server.db import insert_models, insert_rows
from server.derivation import Derivation
from server.merge import merge_fields
from server.models import (
    AppliedMutation,
    ChangeLog,
    Conflict,
    Counter,
    Device,
)
from server.prepare import Prepared, prepare
from server.rejections import DeviceReused, NeedsCare, Rejected, refusal
from server.scope_events import ScopeEvents, scope_values
from server.write_checks import WriteChecks

# Entities whose writes change who sees other rows: always applied carefully.
CAREFUL_ENTITIES = frozenset({"account_team_member", "user", "team"})
# Columns that point at the row deciding a child's scope: loaded before the batch.
_PARENTS = {"account_id": Account, "quote_id": Quote, "order_id": Order}


@dataclass
class Outcome:
    results: list[MutationResult] = field(default_factory=list)
    # The results in wire form (what the endpoint sends, with the rows ``touched``).
    answers: list[dict[str, Any]] = field(default_factory=list)
    touched: set[tuple[str, str]] = field(default_factory=set)
    expected_mutation_id: int | None = None
    head: int = 0


@dataclass
class Versions:
    """The counter row, locked for this push: versions are handed out in Python and the
    last one written back once (one ``UPDATE … RETURNING`` takes the lock)."""

    start: int
    value: int


def lock_versions(session: Session) -> Versions:
    value = session.execute(
        update(Counter).where(Counter.id == 1).values(value=Counter.value).returning(Counter.value)
    ).scalar_one()
    return Versions(start=value, value=value)


def lock_counter(session: Session) -> Counter:
    """Take the counter row lock (first statement, so SQLite takes its write lock now)."""
    session.execute(update(Counter).where(Counter.id == 1).values(value=Counter.value))
    counter = session.scalar(
        select(Counter).where(Counter.id == 1).execution_options(populate_existing=True)
    )
    assert counter is not None
    return counter


def push(session: Session, viewer: scope.Viewer, device_id: str, request: PushRequest) -> Outcome:
    prepared = prepare(request)
    counter = lock_versions(session)
    device = session.get(Device, device_id)
    if device is None:
        device = Device(id=device_id, user_id=viewer.user_id, last_mutation_id=None)
        session.add(device)
    device.last_seen_at = utcnow()
    with remote_apply(session):
        try:
            with session.begin_nested():
                outcome = _push_batch(
                    session, viewer, device, counter, request, prepared, careful=False
                )
        except DBAPIError:
            # Some mutation breaks a constraint; find which, one savepoint at a time.
            counter.value = counter.start
            outcome = _push_batch(session, viewer, device, counter, request, prepared, careful=True)
    if counter.value != counter.start:
        session.execute(update(Counter).where(Counter.id == 1).values(value=counter.value))
    return outcome


def _push_batch(
    session: Session,
    viewer: scope.Viewer,
    device: Device,
    counter: Versions,
    request: PushRequest,
    prepared: Prepared,
    *,
    careful: bool,
) -> Outcome:
    outcome = Outcome()
    device_id = device.id
    writer = _Writer(session, viewer, device_id, counter, prepared, careful=careful)
    writer.prefetch(request.mutations)
    answered: list[tuple[MutationResult, dict[str, Any], str, str]] = []
    applied: list[dict[str, Any]] = []
    for m in request.mutations:
        last = device.last_mutation_id
        if last is not None and m.mutation_id <= last:
            stored = session.get(AppliedMutation, (device_id, m.mutation_id))
            if stored is not None and stored.digest != prepared.digests[m.mutation_id]:
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
            answered.append((result, result.model_dump(), m.entity, m.row_id))
            continue
        expected = m.mutation_id if last is None else last + 1
        if m.mutation_id != expected:
            outcome.expected_mutation_id = expected
            break
        result = writer.apply(m)
        wire = result.model_dump()
        applied.append(
            {
                "device_id": device_id,
                "mutation_id": m.mutation_id,
                "digest": prepared.digests[m.mutation_id],
                "entity": m.entity[:40],
                "row_id": m.row_id,
                "status": result.status,
                "result": json_text(wire),
                "at": writer.now.replace(tzinfo=None),
            }
        )
        device.last_mutation_id = m.mutation_id
        answered.append((result, wire, m.entity, m.row_id))
    writer.insert_new()
    session.flush()
    derived = writer.derive()
    # The change log and the applied mutations go out in one statement each.
    insert_rows(session, ChangeLog.__table__, writer.changes)
    insert_rows(session, AppliedMutation.__table__, applied)
    for result, wire, _, _ in answered:
        outcome.results.append(result)
        outcome.answers.append(wire)
    # The rows the answer carries: read after the commit, within the user's scope.
    outcome.touched = {(e, i) for _, _, e, i in answered} | derived
    outcome.head = counter.value
    return outcome


class _Writer(WriteChecks, Derivation, ScopeEvents):
    def __init__(
        self,
        session: Session,
        viewer: scope.Viewer,
        device_id: str,
        counter: Versions,
        prepared: Prepared,
        *,
        careful: bool,
    ) -> None:
        self.session = session
        self.prepared = prepared
        self.viewer = viewer
        self.device_id = device_id
        self.counter = counter
        self.careful = careful
        self.now = utcnow()
        # Change-log rows of this batch, inserted together at its end.
        self.changes: list[dict[str, Any]] = []
        # Rows of this push by (model, id); None: known not to exist.
        self.rows: dict[tuple[type[Synced], str], Synced | None] = {}
        self.scope = scope.ScopeCache(session, viewer, self._row)
        # Rows this batch creates, as they stand after its later mutations (fast path).
        self.new: list[Synced] = []
        self.actor = rulebook.actor(viewer)
        self.facts = rulebook.ServerFacts(self._row, self._find)
        # Quotes whose lines or header this batch changed: their figures are derived
        # again at its end.
        self.quotes: set[str] = set()

    def _row(self, model: type[Synced], row_id: str) -> Synced | None:
        key = (model, row_id)
        if key not in self.rows:
            self.rows[key] = self.session.get(model, row_id)
        return self.rows[key]

    def _find(self, model: type[Synced], field: str, value: str) -> list[Synced]:
        """The rows of ``model`` whose ``field`` is ``value`` as this batch leaves them:
        the stored ones (as this push changed them) and the ones it creates."""
        column = getattr(model, field)
        with self.session.no_autoflush:
            stored = list(self.session.scalars(select(model.id).where(column == value)))
        found = {row_id: self._row(model, row_id) for row_id in stored}
        for (kind, row_id), row in self.rows.items():
            if kind is model and row is not None and row_id not in found:
                found[row_id] = row
        return [r for r in found.values() if r is not None and getattr(r, field) == value]

    def _load(self, model: type[Synced], ids: Iterable[str]) -> None:
        wanted = sorted({i for i in ids if (model, i) not in self.rows})
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found = {
                r.id: r for r in self.session.scalars(select(model).where(model.id.in_(chunk)))
            }
            for row_id in chunk:
                self.rows[(model, row_id)] = found.get(row_id)

    def insert_new(self) -> None:
        """The rows the batch created, with the values its mutations left them, appended
        in bulk per run of one table (in order: a parent before its children). The
        ORM's flush of them was a third of a push of new rows, its executemany most of
        the rest."""
        runs: list[tuple[type[Synced], list[dict[str, Any]]]] = []
        for row in self.new:
            model = type(row)
            if not runs or runs[-1][0] is not model:
                runs.append((model, []))
            runs[-1][1].append(row.__dict__)
        for model, rows in runs:
            insert_models(self.session, cast(Table, model.__table__), rows)
        self.new.clear()

    def prefetch(self, mutations: list[Mutation]) -> None:
        """Load the rows the batch touches and those deciding their scope, a query per
        table instead of several per mutation."""
        targets: dict[type[Synced], set[str]] = defaultdict(set)
        for m in mutations:
            model = SYNCED.get(m.entity)
            if model is not None:
                targets[model].add(m.row_id)
        for model, ids in targets.items():
            self._load(model, ids)
        if self.viewer.is_admin:
            return
        parents: dict[type[Synced], set[str]] = defaultdict(set)
        for m in mutations:
            model = SYNCED.get(m.entity)
            row = self.rows.get((model, m.row_id)) if model is not None else None
            for column, parent in _PARENTS.items():
                for value in (m.fields.get(column), getattr(row, column, None)):
                    # Only what can be an id is looked up: a tampered value (a NUL
                    # byte, say) is refused by the rules later, never sent to the database.
                    if isinstance(value, str) and ID.match(value):
                        parents[parent].add(value)
        for parent in (Quote, Order):
            self._load(parent, parents[parent])
            for row_id in parents[parent]:
                account_id = getattr(self.rows[(parent, row_id)], "account_id", None)
                if account_id is not None:
                    parents[Account].add(account_id)
        accounts = parents[Account] | {m.row_id for m in mutations if m.entity == "account"}
        self._load(Account, accounts)
        self.scope.load_members(accounts)

    def apply(self, m: Mutation) -> MutationResult:
        if not self.careful:
            quotes = set(self.quotes)
            try:
                return self._apply(m)
            except Rejected as exc:
                self.quotes = quotes
                return exc.result(m.mutation_id)
            except rules.RuleViolation as exc:
                self.quotes = quotes
                return Rejected.rule(exc).result(m.mutation_id)
            except NeedsCare:
                self.quotes = quotes
        return self._apply_carefully(m)

    def _flush_new(self) -> None:
        self.session.add_all(self.new)
        self.new.clear()
        self.session.flush()

    def _apply_carefully(self, m: Mutation) -> MutationResult:
        # Earlier mutations' writes go out first: their errors are not this one's.
        self._flush_new()
        careful, self.careful = self.careful, True
        changes, version, quotes = len(self.changes), self.counter.value, set(self.quotes)
        try:
            with self.session.begin_nested():
                return self._apply(m)
        except Exception as exc:
            # Nothing of it was written: neither its change-log rows nor its versions.
            del self.changes[changes:]
            self.counter.value = version
            self.quotes = quotes
            return refusal(exc).result(m.mutation_id)
        finally:
            self.careful = careful
            # A rolled-back savepoint drops or expires what it wrote: look again.
            model = SYNCED.get(m.entity)
            if model is not None:
                self.rows.pop((model, m.row_id), None)
            self.scope.forget_members()

    # -- one mutation -------------------------------------------------------------
    def _apply(self, m: Mutation) -> MutationResult:
        model = SYNCED.get(m.entity)
        if model is None:
            raise Rejected(
                f"unknown entity {m.entity[:40]!r}", "unknown_entity", entity=m.entity[:40]
            )
        values = self.prepared.values[m.mutation_id]
        if isinstance(values, Rejected):
            raise values
        rules.check_role(m.entity, self.actor)
        if not self.careful and (m.entity in CAREFUL_ENTITIES or m.op == "restore"):
            raise NeedsCare
        row = self._row(model, m.row_id)
        if model is AccountTeamMember:
            self._check_account_team(m, row, values)
        if model is Attachment and "content_hash" in values:
            self._check_content(row, str(values["content_hash"]))
        if m.op == "insert" and row is None:
            return self._insert(m, model, values)
        if row is None:
            raise Rejected(
                f"{model.label} {m.row_id} does not exist on the server",
                "not_on_server",
                entity=model.__tablename__,
            )
        if m.op == "insert":
            # The same id created twice (a policy's key-derived id, a replayed device):
            # both sides set every field from nothing, so equal values merge and a
            # different value is a conflict (base -1: older than any server version).
            return self._update(m, row, values, {}, base_default=-1)
        if m.op == "update":
            return self._update(m, row, values, m.base_versions, base_default=m.base_row_version)
        if m.op == "delete":
            return self._delete(m, row)
        return self._restore(m, row, values)

    def _own_versions(self, versions: set[int]) -> set[int]:
        """Which of ``versions`` this device wrote (this batch's, or logged earlier)."""
        mine = {c["version"] for c in self.changes if c["device_id"] == self.device_id}
        own = versions & mine
        rest = sorted(versions - own)
        if rest:
            own.update(
                self.session.scalars(
                    select(ChangeLog.version).where(
                        ChangeLog.version.in_(rest), ChangeLog.device_id == self.device_id
                    )
                )
            )
        return own

    def _next_version(self, row: Synced, now: dt.datetime, *, derived: bool = False) -> int:
        """The row's next version and its change-log entry. A ``derived`` change is the
        server's own (a quote's figures from its lines): it is logged without a device,
        so every device pulls it, the pushing one too; an answer built from the stored
        results of a push sent again does not carry it."""
        self.counter.value += 1
        version = self.counter.value
        row.version = version
        row.updated_at = now
        row.updated_by = self.viewer.user_id
        self.changes.append(
            {
                "version": version,
                "entity": row.__tablename__,
                "row_id": row.id,
                "device_id": None if derived else self.device_id,
                "user_id": self.viewer.user_id,
                "at": now.replace(tzinfo=None),  # as the log stores it (naive UTC)
            }
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
            raise Rejected(
                f"{model.label}: missing {', '.join(missing)}", "required", field=missing[0]
            )
        self._check_owner_rules(model, None, values)
        after = rulebook.new_values(model, m.row_id, values)
        rules.check_change(model.__tablename__, None, after, self.actor, self.facts)
        self._note_quote(model, after)
        if not self.careful:
            self._predict_writable(model, {**values, "id": m.row_id}.get)
        now = utcnow()
        row = model(id=m.row_id, **values)
        row.created_at = now
        row.created_by = self.viewer.user_id
        row.field_versions = {}
        if self.careful:
            self.session.add(row)
        else:
            self.new.append(row)  # inserted with the batch's others (insert_new)
        self.rows[(model, row.id)] = row
        version = self._next_version(row, now)
        if self.careful:
            self.session.flush()
            if not self._writable(model, row.id):
                raise Rejected(
                    f"you may not create this {model.label}: it is outside your accounts",
                    "outside_scope",
                    entity=model.__tablename__,
                )
        return MutationResult(mutation_id=m.mutation_id, status="applied", version=version)

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
        derived = rulebook.DERIVED.get(model.__tablename__)
        if derived:
            values = {name: value for name, value in values.items() if name not in derived}
        self._check_before(row, values)
        self._check_owner_rules(model, row, values)
        if row.deleted_at is not None:
            return self._conflict_deleted(m, row, values)
        if isinstance(row, Quote) and "status" in values:
            # A status change is judged on the figures of the lines as merged so far.
            self._flush_new()
            self._derive_quote(row)
        versions = dict(row.field_versions or {})
        current = {name: getattr(row, name) for name in values}
        merge = merge_fields(current, versions, values, base_versions, base_default)
        if merge.conflicts:
            # A field this device itself set last (an earlier edit of the same offline
            # session) is no conflict: the device saw that value when it edited again.
            own = self._own_versions({versions.get(c.field, 0) for c in merge.conflicts})
            if own:
                others = {k: 0 if v in own else v for k, v in versions.items()}
                merge = merge_fields(current, others, values, base_versions, base_default)
        applied, conflicts = merge.applied, merge.conflicts
        version = None
        if applied:
            before = rulebook.values_of(row)
            after = {**before, **applied}
            rules.check_change(model.__tablename__, before, after, self.actor, self.facts)
            self._note_quote(model, before)
            self._note_quote(model, after)
            if not self.careful and not (isinstance(row, Account) and self._released(applied)):
                self._predict_writable(
                    model, lambda name: applied[name] if name in applied else getattr(row, name)
                )
            old_scope = scope_values(row)
            now = utcnow()
            for name, value in applied.items():
                setattr(row, name, value)
            version = self._next_version(row, now)
            row.field_versions = {**versions, **dict.fromkeys(applied, version)}
            if self.careful:
                self.session.flush()
                if not self._writable(model, row.id) and not (
                    isinstance(row, Account) and self._released(applied)
                ):
                    raise Rejected(
                        f"this change would move the {model.label} outside your accounts",
                        "moves_outside_scope",
                        entity=model.__tablename__,
                    )
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
        rules.check_delete(row.__tablename__, rulebook.values_of(row), self.actor, self.facts)
        self._note_quote(type(row), rulebook.values_of(row))
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
