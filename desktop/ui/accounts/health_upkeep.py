"""The health cache's full pass (desktop.domain.services.health_cache), on workers.

Each unit of work scores the accounts it touched before it commits, and a sync the
accounts it pulled; what they cannot see is a new day (the score counts days), a
changed weight or cadence, or accounts that arrived in a first download. So a check
runs when the app starts, after every write or sync that changed a policy or
accounts, and every hour: when the cache is stale, a full pass scores every account,
one batch per write on the writer thread (the user's saves wait at most one batch),
and then says ``account_health`` changed, so open lists show the new scores. After an
order or an account's status changed, the ABC classes are ranked again the same way.

``start_health_upkeep`` is called by the app (desktop/app.py); tests build windows
without it, so no timer outlives a test, and drive ``HealthUpkeep`` themselves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from sqlalchemy.orm import Session

from desktop.domain.models.types import utcnow
from desktop.domain.services import health_cache
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext

log = logging.getLogger(__name__)
HOUR_MS = 60 * 60 * 1000
START_DELAY_MS = 2000
TIMER_NAME = "health-upkeep-start"
CACHE = "account_health"  # the entity name a finished pass announces
# What a health score shows: its inputs and the cache itself.
HEALTH = frozenset(health_cache.INPUTS | {CACHE})
# Changes after which the cache may be stale as a whole (not only the touched rows).
_CHECK_AFTER = frozenset({"policy", "account", "sales_order"})


class HealthUpkeep(QObject):
    finished = Signal(int)  # accounts a full pass scored (0: the cache was current)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self._again = False
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setObjectName("health-upkeep")
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(self.check)
        # The first check waits a little after the first page has its data.
        self.delay = QTimer(self, singleShot=True, interval=START_DELAY_MS)
        self.delay.setObjectName(TIMER_NAME)
        self.delay.timeout.connect(lambda: self.start(hourly=True))
        ctx.tasks.changed.connect(self._on_changed)

    def start(self, *, hourly: bool = False) -> None:
        if hourly:
            self.timer.start()
        self.check()

    @property
    def closed(self) -> bool:
        return self._closed

    def stop(self) -> None:
        self._closed = True
        self.timer.stop()
        self.delay.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:  # the window closes: no timer outlives it
            self.stop()
        return False

    def _on_changed(self, entities: set[str]) -> None:
        if entities & _CHECK_AFTER and CACHE not in entities:
            self.check()

    def check(self) -> None:
        """Score every account on a worker if the cache is stale."""
        if self._closed or self.ctx.tasks.closed:
            return
        if self.running:
            self._again = True
            return
        self.running = True

        def state(session: Session) -> tuple[bool, bool]:
            return health_cache.stale(session, utcnow()), health_cache.ranking_due(session)

        def go(found: tuple[bool, bool]) -> None:
            stale, rank_due = found
            if stale:
                self._batch("", 0)
            elif rank_due:
                self.ctx.tasks.write(
                    lambda uow: health_cache.rank_abc(uow.session),
                    lambda _: self._done(0, changed=True),
                    self._failed,
                )
            else:
                self._done(0)

        self.ctx.tasks.read(state, go, self._failed)

    def _batch(self, after: str, scored: int) -> None:
        if self._closed or self.ctx.tasks.closed:
            self.running = False
            return

        def work(uow: UnitOfWork) -> tuple[str | None, int]:
            return health_cache.refresh_batch(uow.session, after, utcnow())

        def done(result: tuple[str | None, int]) -> None:
            next_after, total = result[0], scored + result[1]
            if next_after is None:
                self._done(total)
            else:
                self._batch(next_after, total)

        self.ctx.tasks.write(work, done, self._failed)

    def _done(self, scored: int, *, changed: bool = False) -> None:
        self.running = False
        if scored or changed:
            self.ctx.tasks.changed.emit({CACHE})
        self.finished.emit(scored)
        if self._again:
            self._again = False
            self.check()

    def _failed(self, error: BaseException) -> None:
        # The cache stays as it was (the list shows the last scores); the next check
        # tries again.
        log.warning("health cache pass failed: %s", error)
        self.running = False
        self._again = False


def start_health_upkeep(ctx: AppContext, window: QObject) -> HealthUpkeep:
    """At start (desktop/app.py): a few seconds after the first page has its data (a
    full pass at once would slow it), then hourly; stops when the window closes."""
    upkeep = HealthUpkeep(ctx, window)
    window.installEventFilter(upkeep)

    def start() -> None:
        ctx.tasks.idle.disconnect(start)
        if not upkeep.closed:
            upkeep.delay.start()

    ctx.tasks.idle.connect(start)
    if not ctx.tasks.busy:
        start()
    return upkeep
