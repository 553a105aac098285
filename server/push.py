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
import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from desktop.domain import codec, rules
from desktop.domain.models import (
    SYNC_COLUMNS,
    SYNCED,
    Account,
    AccountTeamMember,
    Attachment,
    Opportunity,
    Order,
    Quote,
    QuoteLine,
    Synced,
    User,
)
from desktop.domain.models.types import json_text, utcnow
from desktop.domain.rules.fields import check_id
from desktop.domain.uow import remote_apply
from desktop.sync.protocol import (
    FieldConflict,
    Mutation,
    MutationResult,
    PushRequest,
)
from server import rulebook, scope
from server.db import insert_models, insert_rows
from server.models import (
    AppliedMutation,
    BlobOwner,
    ChangeLog,
    Conflict,
    Counter,
    Device,
    ScopeEvent,
)


class DeviceReused(Exception):
    """A mutation id came back with other content: the device was restored or copied."""


log = logging.getLogger(__name__)


class Rejected(Exception):
    """A mutation that can never apply: ``code`` and ``params`` tell the device why
    (``reason`` is the English text older devices show)."""

    def __init__(self, reason: str, code: str = "refused", **params: Any) -> None:
        super().__init__(reason)
        self.code = code
        self.params = params

    @classmethod
    def rule(cls, violation: rules.RuleViolation) -> Rejected:
        return cls(
            rules.message(violation.code, violation.params), violation.code, **violation.params
        )

    def result(self, mutation_id: int) -> MutationResult:
        params = {
            k: v if isinstance(v, bool | int | str | None) else str(v)
            for k, v in self.params.items()
        }
        return MutationResult(
            mutation_id=mutation_id,
            status="rejected",
            reason=str(self),
            code=self.code,
            params=params,
        )


class _NeedsCare(Exception):
    """The fast path cannot decide this mutation before writing: run it carefully."""


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


def digest(m: Mutation) -> str:
    body = json.dumps(
        [m.entity, m.row_id, m.op, m.fields, m.base_versions, m.base_row_version],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


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


@dataclass(frozen=True)
class _Prepared:
    """What a mutation says on its own, worked out before the counter lock is taken
    (other pushes wait for it): its digest, and its fields decoded (or why not)."""

    digests: dict[int, str]
    values: dict[int, dict[str, Any] | Rejected]


def _prepare(request: PushRequest) -> _Prepared:
    digests: dict[int, str] = {}
    values: dict[int, dict[str, Any] | Rejected] = {}
    for m in request.mutations:
        digests[m.mutation_id] = digest(m)
        model = SYNCED.get(m.entity)
        if model is not None:
            try:
                check_id("id", m.row_id)
                values[m.mutation_id] = _decode(model, m.fields)
            except rules.RuleViolation as exc:
                values[m.mutation_id] = Rejected.rule(exc)
            except Rejected as exc:
                values[m.mutation_id] = exc
    return _Prepared(digests, values)


def _decode(model: type[Synced], fields: dict[str, Any]) -> dict[str, Any]:
    """The mutation's fields as Python values, each checked by the rule book's field
    rules (pure work, done before the counter lock)."""
    columns = set(model.data_columns())
    values: dict[str, Any] = {}
    for name, wire in fields.items():
        if name not in columns or name in SYNC_COLUMNS:
            raise Rejected(
                f"{model.label} has no field {name[:60]!r}",
                "unknown_field",
                entity=model.__tablename__,
                field=name[:60],
            )
        try:
            values[name] = codec.normalize(model, name, codec.decode(model, name, wire))
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise Rejected(f"invalid value for {name}: {exc}", "bad_value", field=name) from exc
    rules.check_values(model, values)
    return values


def push(session: Session, viewer: scope.Viewer, device_id: str, request: PushRequest) -> Outcome:
    prepared = _prepare(request)
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
    prepared: _Prepared,
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


class _Writer:
    def __init__(
        self,
        session: Session,
        viewer: scope.Viewer,
        device_id: str,
        counter: Versions,
        prepared: _Prepared,
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
        self.facts = rulebook.ServerFacts(viewer, self._row, self.scope.owners)
        # Quotes whose lines or header this batch changed: their figures are derived
        # again at its end.
        self.quotes: set[str] = set()

    def _row(self, model: type[Synced], row_id: str) -> Synced | None:
        key = (model, row_id)
        if key not in self.rows:
            self.rows[key] = self.session.get(model, row_id)
        return self.rows[key]

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
                    if isinstance(value, str):
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
            except _NeedsCare:
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
            return _refusal(exc).result(m.mutation_id)
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
            raise _NeedsCare
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

    def _check_account_team(self, m: Mutation, row: Synced | None, values: dict[str, Any]) -> None:
        """Who may change an account team, decided on the rows before the write.

        A membership grants access to its account, so the scope check made after the
        write would let a row authorize itself. Only the account's owner, a manager of
        the owner's team (any manager for a pool account) or an admin adds, edits,
        restores or removes members, for the account the row is in now and the one it
        would be in after the write; a rep may always leave a team themselves.
        """
        if self.viewer.is_admin:
            return
        old_account = getattr(row, "account_id", None)
        if m.op == "delete" and getattr(row, "user_id", None) == self.viewer.user_id:
            return
        accounts = {values.get("account_id", old_account), old_account} - {None}
        for account_id in accounts:
            if not self._runs_team(str(account_id)):
                raise Rejected(
                    "only the account's owner or their manager may change its account team",
                    "account_team",
                )

    def _check_content(self, row: Synced | None, content_hash: str) -> None:
        """Proof of possession: an attachment may point at content the server holds from
        someone else only if this user uploaded it too (server/blobs.py), else knowing a
        file's hash would open it. Content nobody has uploaded yet is accepted: the
        first to upload it owns it, and downloads check who set a row's content."""
        if getattr(row, "content_hash", None) == content_hash:
            return
        uploaders = set(
            self.session.scalars(
                select(BlobOwner.user_id).where(BlobOwner.content_hash == content_hash)
            )
        )
        if uploaders and self.viewer.user_id not in uploaders:
            raise Rejected(
                "upload the file first: the server holds this content from someone else "
                "and you have not uploaded it",
                "upload_first",
            )

    def _runs_team(self, account_id: str) -> bool:
        account = self._row(Account, account_id)
        if not isinstance(account, Account) or account.deleted_at is not None:
            return False
        if account.owner_id is None:
            return self.viewer.role == "manager"
        if account.owner_id == self.viewer.user_id:
            return True
        return self.viewer.role == "manager" and account.owner_id in self.scope.owners()

    def _writable(self, model: type[Synced], row_id: str) -> bool:
        """After a flush: the database's answer (careful path only)."""
        return scope.can_see(self.session, model, row_id, self.viewer, write=True)

    def _predict_writable(self, model: type[Synced], value: scope.Values) -> None:
        """Before writing (fast path): go on only when Python says yes for sure."""
        if not self.scope.visible(model, value, write=True):
            raise _NeedsCare

    def _next_version(self, row: Synced, now: dt.datetime) -> int:
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
                "device_id": self.device_id,
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
                raise Rejected(
                    f"account {account.name!r} already belongs to another rep",
                    "owned_by_other",
                    name=account.name,
                )
            raise Rejected(
                "only a manager can hand an account over to someone else", "handover_by_manager"
            )
        if new_owner is not None and new_owner not in self.scope.owners():
            raise Rejected(
                "a manager can hand accounts only to users of their team", "handover_in_team"
            )

    def _claimable(self, row: Synced, values: dict[str, Any]) -> bool:
        return (
            isinstance(row, Account)
            and row.owner_id is None
            and self.viewer.role != "admin"
            and values.get("owner_id")
            in (
                {self.viewer.user_id}
                | (self.scope.owners() if self.viewer.role == "manager" else set())
            )
        )

    def _check_before(self, row: Synced, values: dict[str, Any]) -> None:
        model = type(row)
        if not self.careful:
            if self.scope.visible(model, partial(getattr, row), write=True):
                return
            if self._claimable(row, values):
                return
            raise _NeedsCare
        if self._writable(model, row.id) or self._claimable(row, values):
            return
        claiming = values.get("owner_id") == self.viewer.user_id
        if (
            isinstance(row, Account)
            and row.owner_id is not None
            and (claiming or scope.can_see(self.session, model, row.id, self.viewer))
        ):
            raise Rejected(
                f"account {row.name!r} already belongs to another rep",
                "owned_by_other",
                name=row.name,
            )
        if isinstance(row, Account) and row.owner_id is None:
            raise Rejected(
                f"account {row.name!r} is in the public pool: claim it first",
                "in_pool",
                name=row.name,
            )
        raise Rejected(
            f"you may not change this {model.label}: it is outside your accounts",
            "outside_scope",
            entity=model.__tablename__,
        )

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
            before = rulebook.values_of(row)
            after = {**before, **applied}
            rules.check_change(model.__tablename__, before, after, self.actor, self.facts)
            self._note_quote(model, before)
            self._note_quote(model, after)
            if not self.careful and not (isinstance(row, Account) and self._released(applied)):
                self._predict_writable(
                    model, lambda name: applied[name] if name in applied else getattr(row, name)
                )
            old_scope = _scope_values(row)
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

    @staticmethod
    def _released(applied: dict[str, Any]) -> bool:
        """An account given back to the pool (the rep may no longer write it)."""
        return "owner_id" in applied and applied["owner_id"] is None

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
        rules.check_delete(row.__tablename__, rulebook.values_of(row), self.actor)
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

    # -- derived figures ------------------------------------------------------------
    def _note_quote(self, model: type[Synced], values: dict[str, Any]) -> None:
        if model is Quote:
            self.quotes.add(str(values["id"]))
        elif model is QuoteLine and values.get("quote_id"):
            self.quotes.add(str(values["quote_id"]))

    def _derive_quote(self, quote: Quote) -> bool:
        """Store the quote's figures as its lines give them, and an accepted quote's
        total as its opportunity's amount; True if anything changed."""
        changes = rulebook.stale_figures(self.session, quote)
        if changes:
            self._write_derived(quote, changes)
        opportunity = (
            self._stored(Opportunity, quote.opportunity_id) if quote.opportunity_id else None
        )
        amount = (
            rulebook.won_amount(quote, opportunity) if isinstance(opportunity, Opportunity) else {}
        )
        if amount and opportunity is not None:
            self._write_derived(opportunity, amount)
        return bool(changes or amount)

    def _stored(self, model: type[Synced], row_id: str) -> Synced | None:
        """The row as the session holds it: one the batch appended in bulk
        (``insert_new``) is read back with the defaults the insert gave it."""
        row = self._row(model, row_id)
        if row is not None and row not in self.session:
            row = self.rows[(model, row_id)] = self.session.get(model, row_id)
        return row

    def _write_derived(self, row: Synced, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            setattr(row, name, value)
        version = self._next_version(row, utcnow())
        row.field_versions = {**(row.field_versions or {}), **dict.fromkeys(changes, version)}

    def derive(self) -> set[tuple[str, str]]:
        """After the batch: derive again every quote it touched. Returns the rows whose
        derived fields changed (the answer carries them back)."""
        touched: set[tuple[str, str]] = set()
        for quote_id in sorted(self.quotes):
            quote = self._stored(Quote, quote_id)
            if isinstance(quote, Quote) and self._derive_quote(quote):
                touched.add(("quote", quote_id))
                if quote.opportunity_id:
                    touched.add(("opportunity", quote.opportunity_id))
        if touched:
            self.session.flush()
        self.quotes.clear()
        return touched

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


def _refusal(exc: Exception) -> Rejected:
    """Why a mutation run in its own savepoint failed, as a rejection: the device moves
    past it, and no input can make the push a 5xx."""
    if isinstance(exc, Rejected):
        return exc
    if isinstance(exc, rules.RuleViolation):
        return Rejected.rule(exc)
    if isinstance(exc, IntegrityError):
        text = str(exc.orig).lower()
        if "unique" in text or "duplicate" in text:
            return Rejected("another row already has this value (it must be unique)", "unique")
        if "foreign key" in text:
            return Rejected(
                "it refers to a row that does not exist on the server", "missing_reference"
            )
        if "not null" in text or "null value" in text:
            return Rejected("a required field is empty", "required")
    log.exception("a mutation could not be stored")
    return Rejected("the server refused the row as inconsistent", "inconsistent")
