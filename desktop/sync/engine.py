"""One sync: push the outbox, then pull and apply the server's changes.

``sync_once`` is the single entry point for the command line and the GUI worker: it
reports progress through a callback, stops between requests when ``cancel()`` says so,
and returns a ``SyncReport``. Each push answer and each pulled page is applied in one
SQLite transaction together with its bookkeeping (outbox states, cursor), so a crash
at any moment leaves the device consistent and the next sync carries on.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from desktop.domain.models import SYNCED, OutboxEntry, SyncIssue
from desktop.domain.models.types import utcnow
from desktop.domain.services import health_cache
from desktop.domain.services.device import delete_meta, get_meta, set_meta
from desktop.store import bulk_load
from desktop.sync import stored
from desktop.sync.apply import (
    Key,
    apply_transaction,
    clear_for_resync,
    load_rows,
    raw_connection,
    reapply_pending,
    remove_rows,
    upsert_rows,
)
from desktop.sync.client import SyncClient, SyncError
from desktop.sync.protocol import (
    MAX_MUTATION_BYTES,
    MAX_PAGE,
    PUSH_BYTES,
    Mutation,
    MutationResult,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    Removal,
)

log = logging.getLogger(__name__)
CURSOR = "sync_cursor"
RESUME = "sync_resume"
LAST_SYNC = "sync_last_at"
SERVER_URL = "sync_server_url"
USERNAME = "sync_username"
# Set while a full download runs with indexes and search triggers stood down
# (desktop.store.bulk_load; built once when its last page is stored, even after a
# crash in between).
BULK = bulk_load.FLAG

CHANGES_PAGE = 1000
Progress = Callable[[str, int, int | None], None]
Cancel = Callable[[], bool]


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    # Rows from the server this device would not store (kept as issues).
    refused: int = 0
    pulled: int = 0
    removed: int = 0
    pages: int = 0
    must_resync: bool = False
    cancelled: bool = False
    issues: list[dict[str, Any]] = field(default_factory=list)
    # Entity names whose rows this sync wrote on the device (open lists refresh them).
    entities: set[str] = field(default_factory=set)

    def summary(self) -> str:
        text = (
            f"pushed {self.pushed} change(s) ({self.applied} applied, {self.conflicts} "
            f"conflict(s), {self.rejected} rejected); pulled {self.pulled} row(s), "
            f"removed {self.removed}"
        )
        if self.must_resync:
            text += "; downloaded everything again (the server asked for a full resync)"
        if self.cancelled:
            text += "; cancelled"
        return text


class Cancelled(Exception):
    pass


def _never() -> bool:
    return False


def _quiet(phase: str, done: int, total: int | None) -> None:
    return None


def sync_once(
    engine: Engine,
    client: SyncClient,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    batch_size: int = 200,
    page_size: int | None = None,
) -> SyncReport:
    """Push everything pending, then pull until the device is up to date.

    ``page_size``: rows per pulled page; by default 1,000 for changes and the most the
    server gives (5,000) for a full download, whose per-page costs add up."""
    report = SyncReport()
    progress = progress or _quiet
    cancel = cancel or _never
    try:
        push_outbox(engine, client, report, progress, cancel, batch_size)
        pull_changes(engine, client, report, progress, cancel, page_size)
    except Cancelled:
        report.cancelled = True
        return report
    except stored.BadBlock as exc:
        raise SyncError(
            f"the server sent data this Fieldbook cannot store ({exc})", code="bad_data"
        ) from exc
    with apply_transaction(engine) as session:
        set_meta(session, LAST_SYNC, utcnow().isoformat())
    return report


# -- push -----------------------------------------------------------------------------
def push_outbox(
    engine: Engine,
    client: SyncClient,
    report: SyncReport,
    progress: Progress,
    cancel: Cancel,
    batch_size: int,
) -> None:
    resend_from: int | None = None
    with apply_transaction(engine) as session:
        total = len(
            list(
                session.scalars(
                    select(OutboxEntry.mutation_id).where(OutboxEntry.state == "pending")
                )
            )
        )
    done = 0
    for _attempt in range(10_000):
        if cancel():
            raise Cancelled
        with apply_transaction(engine) as session:
            query = select(OutboxEntry).order_by(OutboxEntry.mutation_id).limit(batch_size)
            if resend_from is not None:
                query = query.where(OutboxEntry.mutation_id >= resend_from)
            else:
                query = query.where(OutboxEntry.state == "pending")
            entries = _within_size([_mutation(e) for e in session.scalars(query)])
        if not entries:
            return
        response = client.push(PushRequest(mutations=entries))
        answered = _apply_push(engine, response, report)
        done += answered
        progress("push", done, total)
        if response.expected_mutation_id is not None:
            if resend_from == response.expected_mutation_id and not answered:
                raise SyncError(
                    "the server expects change number "
                    f"{response.expected_mutation_id}, which this device no "
                    "longer has; ask the administrator to reset this device",
                    code="gap",
                )
            resend_from = response.expected_mutation_id
        elif not answered:
            return
        else:
            resend_from = None


def _size(fields: dict[str, Any] | None) -> int:
    return len(json.dumps(fields or {}, ensure_ascii=False).encode("utf-8"))


def _too_large(entry: OutboxEntry) -> bool:
    """An edit larger than any push may carry (only an older Fieldbook, before the rule
    book limited text, could save one)."""
    return _size(entry.fields) > MAX_MUTATION_BYTES


def _mutation(entry: OutboxEntry) -> Mutation:
    # An edit too large to send goes without its fields, so the server's count of this
    # device's changes has no gap; the device keeps it as a rejection (``_apply_push``).
    return Mutation(
        mutation_id=entry.mutation_id,
        entity=entry.entity,
        row_id=entry.row_id,
        op=entry.op,
        fields={} if _too_large(entry) else entry.fields or {},
        base_versions=entry.base_versions or {},
        base_row_version=entry.base_row_version or 0,
    )


def _within_size(mutations: list[Mutation]) -> list[Mutation]:
    """The first mutations whose fields together stay under ``PUSH_BYTES`` (at least one),
    so a push never comes near the server's request limit."""
    total = 0
    for count, mutation in enumerate(mutations):
        total += _size(mutation.fields)
        if total > PUSH_BYTES and count:
            return mutations[:count]
    return mutations


def _apply_push(engine: Engine, response: PushResponse, report: SyncReport) -> int:
    """Store the server's answers, conflicts and rejections in one transaction."""
    answered = 0
    with apply_transaction(engine) as session:
        # Rows an answer does not carry do not exist or are out of the user's scope.
        refused = list(response.refused)
        carried = upsert_rows(session, response.tables, refused)
        record_refused(session, refused, report)
        gone: list[Key] = []
        # One query for the whole answer (a get per entry also flushed the previous one).
        ids = [result.mutation_id for result in response.results]
        entries: dict[int, OutboxEntry] = {}
        for start in range(0, len(ids), 500):
            query = select(OutboxEntry).where(OutboxEntry.mutation_id.in_(ids[start : start + 500]))
            entries.update((e.mutation_id, e) for e in session.scalars(query))
        for result in response.results:
            entry = entries.get(result.mutation_id)
            if entry is None:
                continue
            answered += 1
            if _too_large(entry):
                result = MutationResult(
                    mutation_id=entry.mutation_id,
                    status="rejected",
                    reason="the change is larger than the server accepts",
                    code="too_large",
                    params={"max": MAX_MUTATION_BYTES},
                )
            first_answer = entry.state == "pending"
            entry.state = result.status
            entry.attempts = (entry.attempts or 0) + 1
            entry.result = result.model_dump()
            key = (entry.entity, entry.row_id)
            if key not in carried and (result.status != "applied" or entry.op != "delete"):
                gone.append(key)
            if not first_answer:
                continue
            report.pushed += 1
            if result.status == "applied":
                report.applied += 1
            elif result.status == "conflict":
                report.conflicts += 1
                for conflict in result.conflicts:
                    issue = SyncIssue(
                        kind="conflict",
                        mutation_id=entry.mutation_id,
                        entity=entry.entity,
                        row_id=entry.row_id,
                        field=conflict.field,
                        mine=conflict.mine,
                        theirs=conflict.theirs,
                        reason=result.reason,
                        server_changed_by=result.server_changed_by,
                        server_changed_at=_server_time(result.server_changed_at),
                        state="open",
                    )
                    session.add(issue)
                    report.issues.append(
                        {
                            "kind": "conflict",
                            "entity": entry.entity,
                            "row_id": entry.row_id,
                            "field": conflict.field,
                            "mine": conflict.mine,
                            "theirs": conflict.theirs,
                            "reason": result.reason,
                        }
                    )
            else:
                report.rejected += 1
                session.add(
                    SyncIssue(
                        kind="rejected",
                        mutation_id=entry.mutation_id,
                        entity=entry.entity,
                        row_id=entry.row_id,
                        field=_issue_field(result.params),
                        mine=entry.fields,
                        theirs=None,
                        reason=result.reason,
                        code=result.code[:40],
                        params=result.params or None,
                        state="open",
                    )
                )
                report.issues.append(
                    {
                        "kind": "rejected",
                        "entity": entry.entity,
                        "row_id": entry.row_id,
                        "reason": result.reason,
                        "code": result.code,
                        "params": result.params,
                    }
                )
        session.flush()
        # Rows the server does not have or that this user may no longer see.
        touched = carried | remove_rows(session, [Removal(entity=e, id=i) for e, i in gone])
        reapply_pending(session, touched)
    report.entities.update(entity for entity, _ in touched)
    return answered


def _server_time(text: str | None) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return value if value is None or value.tzinfo is not None else None


# -- pull -----------------------------------------------------------------------------
def pull_changes(
    engine: Engine,
    client: SyncClient,
    report: SyncReport,
    progress: Progress,
    cancel: Cancel,
    page_size: int | None,
) -> None:
    with apply_transaction(engine) as session:
        cursor = int(get_meta(session, CURSOR) or 0)
        resume = get_meta(session, RESUME)
        bulk = get_meta(session, BULK) is not None or (cursor == 0 and resume is None)
    resynced = False
    # The next page is asked for as soon as a page arrives, so the server builds it
    # (and the network carries it) while this device stores the one in hand.
    fetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fb-pull")

    def ask(cursor: int, resume: str | None) -> Future[PullResponse]:
        limit = page_size or (MAX_PAGE if bulk else CHANGES_PAGE)
        return fetcher.submit(client.pull, PullRequest(cursor=cursor, resume=resume, limit=limit))

    try:
        coming = ask(cursor, resume)
        while True:
            if cancel():
                raise Cancelled
            page = coming.result()
            if page.must_resync:
                if resynced:
                    raise SyncError(
                        "the server keeps asking for a full resync; try again later",
                        code="resync_loop",
                        retryable=True,
                    )
                resynced = report.must_resync = True
                with apply_transaction(engine) as session:
                    bulk_load.begin(session, raw_connection(session))
                    start_over(session)
                cursor, resume, bulk = 0, None, True
                coming = ask(cursor, resume)
                continue
            if page.more and not page.resume:
                raise SyncError(
                    "the server's answer is incomplete (no continuation)",
                    code="bad_response",
                    retryable=True,
                )
            if page.more:
                coming = ask(cursor, page.resume)
            _store_page(engine, page, cursor, bulk, report)
            progress("pull", report.pulled, None)
            if not page.more:
                return
            resume = page.resume
    finally:
        fetcher.shutdown(wait=False, cancel_futures=True)


def start_over(session: Session) -> None:
    """Forget the server's rows and the pull's place (not the outbox): the next pull
    downloads everything (a resync, or a sign-in as another user or device)."""
    clear_for_resync(session)
    set_meta(session, CURSOR, "0")
    delete_meta(session, RESUME)
    reapply_pending(session)


def _store_page(
    engine: Engine, page: PullResponse, cursor: int, bulk: bool, report: SyncReport
) -> None:
    """One page, its new cursor or continuation, and the pending edits on top: one
    transaction. ``bulk``: a full download (rows go in as they are, the search index
    is built at its end)."""
    with apply_transaction(engine, durable=not bulk or not page.more) as session:
        if bulk:
            bulk_load.begin(session, raw_connection(session))
        touched = remove_rows(session, page.removes)
        refused = list(page.refused)
        touched |= (load_rows if bulk else upsert_rows)(session, page.tables, refused)
        record_refused(session, refused, report)
        if page.more:
            set_meta(session, RESUME, page.resume or "")
        else:
            set_meta(session, CURSOR, str(page.cursor if page.cursor is not None else cursor))
            delete_meta(session, RESUME)
        reapply_pending(session, touched)
        if bulk and not page.more:
            bulk_load.finish(session, raw_connection(session))
            health_cache.mark_stale(session)
        elif not bulk:
            # The accounts these rows count for, scored again; a full download's are
            # all new, and the app's full pass scores them (the cache is stale).
            health_cache.refresh_rows(session, touched, utcnow())
    if bulk and page.more and bulk_load.past_contacts([b.entity for b in page.tables]):
        with apply_transaction(engine) as session:
            files = bulk_load.prepare_search(session, raw_connection(session))
        if files is not None:
            bulk_load.start_preparing(*files)
    report.entities.update(block.entity for block in page.tables if block.entity in SYNCED)
    report.entities.update(entity for entity, _ in touched)
    report.pulled += sum(len(block.rows) for block in page.tables)
    report.removed += len(page.removes)
    report.pages += 1


def sync_state(engine: Engine) -> dict[str, Any]:
    with apply_transaction(engine) as session:
        return {
            "cursor": int(get_meta(session, CURSOR) or 0),
            "resume": json.loads(json.dumps(get_meta(session, RESUME))),
            "last_sync": get_meta(session, LAST_SYNC),
        }


def record_refused(
    session: Session, refused: list[stored.Refused], report: SyncReport | None = None
) -> None:
    """Rows of the server's this device would not store: each kept as an issue the user
    sees (and the administrator can act on), while the rest of the sync goes on."""
    for row in refused:
        log.warning("refused a row from the server: %s %s: %s", row.entity, row.row_id, row.reason)
        session.add(
            SyncIssue(
                kind="refused",
                mutation_id=0,
                entity=row.entity[:40],
                row_id=row.row_id[:36],
                field=None,
                reason=row.reason[:2000],
                code="bad_data",
                state="open",
            )
        )
        if report is not None:
            report.refused += 1
            report.issues.append(
                {
                    "kind": "refused",
                    "entity": row.entity,
                    "row_id": row.row_id,
                    "reason": row.reason,
                }
            )


def _issue_field(params: dict[str, Any]) -> str | None:
    """The field a rejection names, if it names one the device has."""
    field = params.get("field")
    return field[:60] if isinstance(field, str) and field else None
