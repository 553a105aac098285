"""One small API for background work (after Anki's taskman).

- ``write``: local writes, one at a time, on a single writer thread, each inside a
  UnitOfWork (rows + history + outbox in one transaction). Afterwards ``changed`` is
  emitted with the entity names the write touched, so open lists refresh.
- ``read``: queries on a small pool; with a ``key``, only the newest request's result
  is delivered (the latest keystroke wins).
- ``run``: anything long (export, sync, import) with throttled progress and a cancel
  flag; starting a task with the same key cancels the old one.

Callbacks always run on the GUI thread; widgets are never touched from a worker.
Exceptions in a worker are logged with their stack and handed to ``on_error`` (or
``failed``). A failure that is no page's business (a full disk, a damaged database, a
bug: ``desktop.ui.failure``) goes to ``problem`` instead, for the window's failure box,
and ``on_error`` gets a ``TaskFailed`` whose text is that box's sentence, so the page
can show it beside the form it keeps.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from sqlalchemy.orm import Session

from desktop.domain.uow import UnitOfWork, unit_of_work
from desktop.store.migrate import Database
from desktop.ui.failure import is_system_failure, sentence

log = logging.getLogger(__name__)
T = TypeVar("T")

PROGRESS_INTERVAL_S = 0.05


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class TaskFailed(Exception):
    """Handed to ``on_error`` for a system failure; ``str()`` is one clear sentence."""

    def __init__(self, message: str, cause: BaseException) -> None:
        super().__init__(message)
        self.cause = cause


class Job:
    """Handed to ``run`` tasks: report progress, check for cancellation."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._cancel = threading.Event()
        self._emit = emit
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Throttled: at most one signal every 50 ms, plus the final one."""
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._emit(done, total, text)


class TaskRunner(QObject):
    changed = Signal(object)  # set[str]: entity names a write touched
    failed = Signal(str)  # a message for the status bar, when no on_error was given
    problem = Signal(object)  # BaseException: a system failure, for the failure box
    idle = Signal()  # the last counted task's callback has run (busy became false)
    _deliver = Signal(object)  # a zero-argument callable to run on the GUI thread

    def __init__(
        self, db: Database, actor: Callable[[], str | None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._actor = actor
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fb-write")
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="fb-read")
        self._long = ThreadPoolExecutor(max_workers=2, thread_name_prefix="fb-job")
        self._generation: dict[str, int] = {}
        self._jobs: dict[str, Job] = {}
        self._undelivered = 0
        self._closed = False
        self._deliver.connect(self._on_deliver)

    @Slot(object)
    def _on_deliver(self, callback: Callable[[], None]) -> None:
        if not self._closed:
            callback()

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        still_wanted: Callable[[], bool] = lambda: True,
        keeps_busy: bool = True,
    ) -> Future[T]:
        counted = 1 if keeps_busy else 0

        def body() -> T:
            try:
                result = work()
            except BaseException as exc:  # reported, never lost in the thread
                error = exc
                if not isinstance(exc, Cancelled):
                    log.exception("background task failed")

                def fail() -> None:
                    try:
                        if not still_wanted():
                            return
                        if not isinstance(error, Cancelled) and is_system_failure(error):
                            self.problem.emit(error)
                            if on_error is not None:
                                text = sentence(error, self.db.path.parent)
                                on_error(TaskFailed(text, error))
                        elif on_error is not None:
                            on_error(error)
                        elif not isinstance(error, Cancelled):
                            self.failed.emit(str(error) or type(error).__name__)
                    finally:
                        self._handed_over(counted)

                self._deliver.emit(fail)
                raise

            def done() -> None:
                try:
                    if on_done is not None and still_wanted():
                        on_done(result)
                finally:
                    self._handed_over(counted)

            self._deliver.emit(done)
            return result

        # Counted on the GUI thread until the result has been handed over there, so
        # `busy` stays true while a finished task's callback is still queued.
        self._undelivered += counted
        return pool.submit(body)

    def _handed_over(self, counted: int) -> None:
        self._undelivered -= counted
        if counted and self._undelivered == 0:
            self.idle.emit()

    def read(
        self,
        fn: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        key: str | None = None,
    ) -> Future[T]:
        still_wanted = self._newest(key)

        def work() -> T:
            if not still_wanted():
                raise Cancelled
            with self.db.sessions() as session:
                return fn(session)

        return self._submit(self._readers, work, on_done, on_error, still_wanted)

    def write(
        self,
        fn: Callable[[UnitOfWork], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        reason: str | None = None,
    ) -> Future[T]:
        def work() -> T:
            with unit_of_work(self.db.sessions, self._actor(), reason=reason) as uow:
                result = fn(uow)
                touched = set(uow.touched)
            if touched:
                self._deliver.emit(lambda: self.changed.emit(touched))
            return result

        return self._submit(self._writer, work, on_done, on_error)

    def run(
        self,
        fn: Callable[[Job], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        key: str | None = None,
        keeps_busy: bool = True,
    ) -> Job:
        """``keeps_busy=False``: upkeep the user did not ask for (the day's backup);
        ``busy`` and ``wait_idle`` do not wait for it."""

        def emit(done: int, total: int, text: str) -> None:
            if on_progress is not None:
                self._deliver.emit(lambda: on_progress(done, total, text))

        job = Job(emit)
        if key is not None:
            old = self._jobs.get(key)
            if old is not None:
                old.cancel()
            self._jobs[key] = job
        self._submit(self._long, lambda: fn(job), on_done, on_error, keeps_busy=keeps_busy)
        return job

    def _newest(self, key: str | None) -> Callable[[], bool]:
        if key is None:
            return lambda: True
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        return lambda: self._generation.get(key) == generation

    @property
    def closed(self) -> bool:
        """``shutdown`` has run: nothing more is started or delivered."""
        return self._closed

    @property
    def busy(self) -> bool:
        """Work is queued, running, or its result not yet handed to its callback."""
        return self._undelivered > 0

    @property
    def pending(self) -> int:
        """Tasks queued, running, or whose callback has not run; after ``shutdown``,
        the tasks whose results were dropped."""
        return self._undelivered

    def wait_idle(self, timeout: float = 10.0) -> None:
        """On the GUI thread: process events until every task's callback has run.

        Raises ``TimeoutError`` when work is still pending after ``timeout`` seconds:
        a caller that goes on as if it were done would read a half-finished state."""
        deadline = time.monotonic() + timeout
        while self._undelivered > 0:
            if self._closed:
                raise RuntimeError("wait_idle on a task runner that was shut down")
            if time.monotonic() >= deadline:
                raise TimeoutError(
                    f"{self._undelivered} background task(s) still pending after {timeout:g} s"
                )
            QCoreApplication.processEvents()
            time.sleep(0.002)

    def shutdown(self) -> None:
        self._closed = True
        for job in self._jobs.values():
            job.cancel()
        for pool in (self._readers, self._long, self._writer):
            pool.shutdown(wait=True, cancel_futures=False)
