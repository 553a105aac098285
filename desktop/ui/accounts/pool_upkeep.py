"""Public-pool upkeep (公海): accounts idle past the pool policy go back to the pool
when the app starts and then once a day, whichever page is open.

``MainWindow.attach`` calls ``start_pool_upkeep``; the Accounts page shows what the
last run did (a notice, and the owner's warning banner). The daily timer runs only
when the app set ``ctx.daily_pool_upkeep``: tests build windows and pages without
it, so no timer outlives a test. A page built without a window starts the run itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from desktop.domain.services import pool
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext

RETURN_BATCH = 200  # accounts sent back per write, so the user's saves are not kept waiting
DAY_MS = 24 * 60 * 60 * 1000
REASON = "no visit or follow-up within the pool policy"


class PoolUpkeep(QObject):
    finished = Signal(int)  # how many accounts the run sent back
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.started = False
        self.running = False
        self.last_returned: int | None = None  # None: no run finished yet
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setObjectName("pool-upkeep")
        self.timer.setInterval(DAY_MS)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        """Run now (once per context); with the app's flag, again every day."""
        if self.started or self._closed:
            return
        self.started = True
        if self.ctx.daily_pool_upkeep:
            self.timer.start()
        self.run()

    def stop(self) -> None:
        self._closed = True
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:  # the window closes: no timer outlives it
            self.stop()
        return False

    def run(self) -> None:
        if self.running or self._closed or self.ctx.user_id is None:
            return
        self.running = True
        self._batch(0)

    def _batch(self, returned_so_far: int) -> None:
        user_id = self.ctx.user_id
        # A rep's own accounts; on a manager's device, the team's.
        owners = None if self.ctx.is_manager or user_id is None else [user_id]

        def work(uow: UnitOfWork) -> list[str]:
            return pool.return_neglected(uow, owner_ids=owners, limit=RETURN_BATCH)

        def done(returned: list[str]) -> None:
            total = returned_so_far + len(returned)
            if len(returned) == RETURN_BATCH and not self._closed:
                self._batch(total)
                return
            self.running = False
            self.last_returned = total
            self.finished.emit(total)

        def failed(error: BaseException) -> None:
            self.running = False
            self.failed.emit(str(error))

        self.ctx.tasks.write(work, done, failed, reason=REASON)


def pool_upkeep_for(ctx: AppContext, parent: QObject | None = None) -> PoolUpkeep:
    """The context's pool upkeep, made on first use."""
    if ctx.pool_upkeep is None:
        ctx.pool_upkeep = PoolUpkeep(ctx, parent)
    return ctx.pool_upkeep


def start_pool_upkeep(ctx: AppContext, window: QObject) -> PoolUpkeep:
    """At start (``MainWindow.attach``): run now, daily after, stop when the window closes."""
    upkeep = pool_upkeep_for(ctx, window)
    window.installEventFilter(upkeep)
    upkeep.start()
    return upkeep
