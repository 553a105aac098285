"""Sync for the window: sign-in, the timer, retries with back-off, and the state the
status bar shows. The sync job itself is ``desktop.sync.run.sync_all`` (the same for
``fieldbook sync``); its words are in ``desktop.ui.sync.status``.

One ``SyncController`` per window (``controller_for(ctx)``). Network and keyring work
runs through ``ctx.tasks.run`` (never on the GUI thread); results come back here and
are published as ``ctx.events.sync_state`` (the status bar) and ``status_changed``
(the Sync page). The token lives in the OS keyring and in this object's memory, never
in the database, the settings file or the log.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence

from desktop.domain.services.attachments import store_root
from desktop.store.engine import wipe_files
from desktop.sync import credentials
from desktop.sync.client import SyncClient, SyncError, check_server_url, make_http
from desktop.sync.protocol import LoginResponse
from desktop.sync.run import (
    Counts,
    StoredSignIn,
    SyncFailed,
    SyncRun,
    read_counts,
    server_protocol,
    sign_out,
    stored_sign_in,
    sync_all,
)
from desktop.sync.signin import OtherUsersChanges, computer_name, sign_in
from desktop.ui.context import AppContext
from desktop.ui.sync.status import (
    SyncProgress,
    SyncStatus,
    describe,
    local_time,
    status_detail,
    status_text,
    url_problem,
)
from desktop.ui.tasks import Job

log = logging.getLogger(__name__)

RETRY_FIRST_S = 5.0
RETRY_MAX_S = 300.0
MANUAL = 0  # sync_interval_s: only when the user asks
PROGRESS_EVERY_S = 0.1  # at most ten progress updates a second reach the window


@dataclass(frozen=True)
class SignedIn:
    answer: LoginResponse
    server_url: str
    username: str
    remembered: bool


class SyncController(QObject):
    status_changed = Signal()
    # A SyncProgress while syncing (throttled), None when the sync ends.
    progress_changed = Signal(object)
    # The server revoked this device and asked for a wipe; the local data is gone.
    wiped = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync-controller")
        self.ctx = ctx
        self.status = SyncStatus()
        self.retry_first_s = RETRY_FIRST_S
        self.retry_max_s = RETRY_MAX_S
        self._token: str | None = None
        self._failures = 0
        self._job: Job | None = None
        self._closed = False
        self._started = False
        self.timer = QTimer(self)
        self.timer.setObjectName("sync-timer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.sync_action = QAction(self.tr("Sync now"), self)
        self.sync_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        self.sync_action.triggered.connect(self.sync_now)
        ctx.tasks.changed.connect(self._on_local_change)

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        """Read who is signed in and fetch the token from the keyring (on a worker)."""
        if self._started:
            return
        self._started = True
        engine = self.ctx.db.engine
        self.ctx.tasks.run(lambda job: stored_sign_in(engine), self._on_loaded, self._on_load_error)

    def _on_loaded(self, loaded: StoredSignIn) -> None:
        if self._closed:
            return
        server, username, token = loaded.server_url, loaded.username, loaded.token
        usable, counts = loaded.keyring_ok, loaded.counts
        self._token = token
        signed_in = token is not None
        error = ""
        if server and username and not signed_in:
            error = self.tr("Sign in to sync with %1.").replace("%1", server)
        self._set(
            signed_in=signed_in,
            server_url=server,
            username=username,
            display_name=self.ctx.user_name if signed_in else "",
            remembered=signed_in and usable,
            keyring_ok=usable,
            pending=counts.pending,
            issues=counts.issues,
            last_sync=counts.last_sync,
            error=error,
        )
        self._publish_user()
        if signed_in and self.interval_s != MANUAL:
            self._schedule(1.0)

    def _on_load_error(self, exc: BaseException) -> None:
        log.warning("sync state not loaded: %s", type(exc).__name__)

    def stop(self) -> None:
        """The window closes: no more timers or new jobs."""
        self._closed = True
        self.timer.stop()
        if self._job is not None:
            self._job.cancel()

    @property
    def interval_s(self) -> float:
        """Seconds between background syncs; MANUAL (0): only when the user asks."""
        value = int(self.ctx.settings.get("sync_interval_s"))
        return float(MANUAL if value <= 0 else value)

    def _schedule(self, seconds: float) -> None:
        if self._closed or not self.status.signed_in:
            return
        self.timer.start(max(0, int(seconds * 1000)))

    def _schedule_next(self, *, from_now: bool = False) -> None:
        """The next background sync, one interval after the last successful one (or
        after now: a failure or a stop must not start the next at once); none when manual."""
        interval = self.interval_s
        if interval == MANUAL:
            self.timer.stop()
            return
        last = None if from_now else self.status.last_sync
        waited = (dt.datetime.now(dt.UTC) - last).total_seconds() if last else 0.0
        self._schedule(max(0.0, interval - max(0.0, waited)))

    def apply_interval(self) -> None:
        """The interval setting changed: the running timer follows it at once."""
        if self._closed or not self.status.signed_in or self.status.syncing:
            return  # a sync that is running schedules the next one when it ends
        if self.status.retry_in_s is not None and self.interval_s != MANUAL:
            return  # trying again after a failure: the back-off decides
        self._schedule_next()

    def _set(self, **changes: Any) -> None:
        self.status = replace(self.status, **changes)
        self.ctx.events.sync_state.emit(self.status_text(), self.status_detail())
        self.status_changed.emit()

    # -- the status bar -------------------------------------------------------------------
    def status_text(self) -> str:
        return status_text(self.status, self.ctx.zone)

    def status_detail(self) -> str:
        return status_detail(self.status)

    def local_time(self, when: dt.datetime) -> str:
        return local_time(when, self.ctx.zone)

    def _publish_user(self) -> None:
        s = self.status
        if s.signed_in:
            name = s.display_name or s.username
            self.ctx.signed_in_as = f"{name} ({s.server_url})"
        else:
            self.ctx.signed_in_as = ""
        self.ctx.events.user_changed.emit()

    # -- sign in / out --------------------------------------------------------------------
    def url_problem(self, url: str) -> str | None:
        """A translated reason the address is refused (https, or http to this computer)."""
        return url_problem(url, bool(self.ctx.settings.get("allow_plain_http")))

    def sign_in(
        self,
        server_url: str,
        username: str,
        password: str,
        on_done: Any = None,
        on_error: Any = None,
    ) -> None:
        """Sign in on a worker; ``on_done()`` or ``on_error(message)`` on the GUI thread."""
        server = server_url.strip().rstrip("/")
        problem = self.url_problem(server)
        if problem is not None:
            if on_error is not None:
                on_error(problem)
            return
        server = check_server_url(server)
        db = self.ctx.db

        def work(job: Job) -> SignedIn:
            try:
                with make_http(server) as http:
                    answer = sign_in(
                        db.engine,
                        SyncClient(http),
                        server,
                        username,
                        password,
                        computer_name(),
                    )
            except SyncError as exc:
                raise SyncFailed(exc) from exc
            remembered = credentials.save_token(server, username, answer.token)
            return SignedIn(answer, server, username, remembered)

        def done(result: SignedIn) -> None:
            if self._closed:
                return
            answer = result.answer
            self._token = answer.token
            self._failures = 0
            self.ctx.user_id = answer.user_id
            self.ctx.user_name = answer.display_name
            self.ctx.user_role = answer.role
            self._set(
                signed_in=True,
                server_url=result.server_url,
                username=result.username,
                display_name=answer.display_name,
                remembered=result.remembered,
                keyring_ok=result.remembered,
                error="",
                online=True,
                retry_in_s=None,
            )
            self._publish_user()
            log.info("signed in (user id %s)", answer.user_id)
            if on_done is not None:
                on_done()
            self.sync_now()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OtherUsersChanges):
                message = self.tr(
                    "This computer holds %1 unsent change(s) of another user. Sign in as "
                    "that user and sync them first."
                ).replace("%1", str(exc.pending))
            elif isinstance(exc, SyncFailed):
                message, _retry = describe(exc)
            else:
                message = self.tr("Sign-in failed: %1").replace("%1", type(exc).__name__)
            if on_error is not None:
                on_error(message)

        self.ctx.tasks.run(work, done, failed, key="sync-sign-in")

    def sign_out(self, on_done: Any = None) -> None:
        """Tell the server (if it answers) and forget the token here and in the keyring."""
        server, username, token = self.status.server_url, self.status.username, self._token
        self._token = None
        self.timer.stop()
        if self._job is not None:
            self._job.cancel()

        def work(job: Job) -> None:
            sign_out(server, username, token)  # offline: the token is forgotten all the same

        def done(_: None) -> None:
            if on_done is not None:
                on_done()

        self._set(signed_in=False, remembered=False, error="", online=None, retry_in_s=None)
        self._publish_user()
        self.ctx.tasks.run(work, done, lambda exc: done(None))

    # -- syncing --------------------------------------------------------------------------
    @Slot()
    def sync_now(self) -> None:
        """Sync on a worker now (the button, F5, the timer); one sync at a time."""
        if self._closed:
            return
        if not self.status.signed_in or self._token is None:
            self._set(error=self.tr("Sign in to sync.") if not self.status.signed_in else "")
            return
        if self.status.syncing:
            return
        self.timer.stop()
        server, token, engine = self.status.server_url, self._token, self.ctx.db.engine
        files = store_root(self.ctx.data_dir)

        last_progress = [0.0]

        def work(job: Job) -> SyncRun:
            def progress(phase: str, done: int, total: int | None) -> None:
                # Throttled here: a pull knows no total, so Job.progress would pass
                # every page on as if it were the last.
                now = time.monotonic()
                final = total is not None and done >= total
                if not final and now - last_progress[0] < PROGRESS_EVERY_S:
                    return
                last_progress[0] = now
                job.progress(done, total or 0, phase)

            def cancelled() -> bool:
                return job.cancelled

            try:
                with make_http(server) as http:
                    run = sync_all(engine, SyncClient(http, token), files, progress, cancelled)
            except SyncError as exc:
                protocol = server_protocol(server) if exc.code == "upgrade_required" else None
                raise SyncFailed(exc, protocol) from exc
            for problem in run.received.problems:
                log.info("attachment not downloaded: %s", problem)
            return run

        self._set(syncing=True, cancelled=False)
        self.progress_changed.emit(SyncProgress("push", 0, 0))
        self._job = self.ctx.tasks.run(
            work, self._on_synced, self._on_sync_failed, self._on_progress, key="sync"
        )

    def _on_progress(self, done: int, total: int, phase: str) -> None:
        if not self._closed and self.status.syncing:
            self.progress_changed.emit(SyncProgress(phase, done, total))

    @Slot()
    def cancel(self) -> None:
        """Stop the running sync after the page in flight (what is stored stays)."""
        if self._job is not None:
            self._job.cancel()

    def _on_synced(self, outcome: SyncRun) -> None:
        self._job = None
        self.progress_changed.emit(None)
        if self._closed:
            return
        self._failures = 0
        report = outcome.report
        self._set(
            syncing=False,
            online=True,
            error="; ".join(outcome.sent.problems),  # files that could not be uploaded
            retry_in_s=None,
            cancelled=report.cancelled,
            pending=outcome.counts.pending,
            issues=outcome.counts.issues,
            last_sync=outcome.counts.last_sync,
        )
        log.info(
            "synced: pushed %d, pulled %d, removed %d",
            report.pushed,
            report.pulled,
            report.removed,
        )
        if report.entities:
            self.ctx.tasks.changed.emit(set(report.entities))
        self._schedule_next(from_now=report.cancelled)

    def _on_sync_failed(self, exc: BaseException) -> None:
        self._job = None
        self.progress_changed.emit(None)
        if self._closed:
            return
        error = exc.error if isinstance(exc, SyncFailed) else None
        if error is not None and error.wipe:
            self._wipe()
            return
        message, retry = describe(exc)
        log.warning("sync failed: %s", error.code if error is not None else type(exc).__name__)
        if error is not None and error.auth:
            self.sign_out()
            self._set(error=message, syncing=False)
            return
        online = error is None or not error.retryable or error.code not in ("network", "timeout")
        if retry and self.interval_s != MANUAL:
            self._failures += 1
            delay = min(self.retry_first_s * 2 ** (self._failures - 1), self.retry_max_s)
            self._set(syncing=False, online=online, error=message, retry_in_s=delay)
            self._schedule(delay)
        else:
            self._set(syncing=False, online=online, error=message, retry_in_s=None)
            self._schedule_next(from_now=True)
        self.refresh_counts()

    @Slot(object)
    def _on_local_change(self, entities: set[str]) -> None:
        if not self._closed and self._started:
            self.refresh_counts()

    def refresh_counts(self) -> None:
        def done(counts: Counts) -> None:
            if not self._closed:
                self._set(pending=counts.pending, issues=counts.issues, last_sync=counts.last_sync)

        self.ctx.tasks.read(read_counts, done, key="sync-counts")

    # -- lost laptop ----------------------------------------------------------------------
    def _wipe(self) -> None:
        """Revoked with a wipe: forget the token, close the database, delete data and backups."""
        self.stop()
        server, username = self.status.server_url, self.status.username
        self._token = None
        if server and username:
            credentials.forget_token(server, username)
        self.ctx.tasks.shutdown()
        self.ctx.db.dispose()
        try:
            removed = wipe_files(self.ctx.data_dir)
            log.warning("device revoked with wipe: %d file(s) deleted", len(removed))
            message = self.tr(
                "An administrator revoked this device and asked to erase its data. "
                "Fieldbook has signed out and deleted the local database and its backups."
            )
        except OSError as exc:
            log.error("wipe incomplete: %s", type(exc).__name__)
            message = self.tr(
                "An administrator revoked this device and asked to erase its data, but "
                "some files could not be deleted: %1"
            ).replace("%1", str(exc))
        self.status = SyncStatus()
        self.ctx.signed_in_as = ""
        self.wiped.emit(message)


def controller_for(ctx: AppContext, parent: QObject | None = None) -> SyncController:
    """The context's sync controller, made on first use."""
    if ctx.sync is None:
        ctx.sync = SyncController(ctx, parent)
    return ctx.sync
