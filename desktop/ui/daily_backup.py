"""The day's backup of the database when the window opens, on a worker thread.

A failure is logged and told once (a box); work goes on. A database the copy finds
damaged gets the damaged-database box, which quits: it is never copied over a backup.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.store.backups import daily_backup
from desktop.store.failures import Kind, classify
from desktop.ui.context import AppContext
from desktop.ui.failure import FAILURE_DIALOG, open_box, show_damaged
from desktop.ui.tasks import Job

log = logging.getLogger(__name__)
START_DELAY_MS = 3000
TIMER_NAME = "daily-backup"


def start_daily_backup(ctx: AppContext, window: QWidget) -> None:
    """A few seconds after the window's first work is done (its first page has its
    data): started at once, the copy (6-7 s at 100k accounts, a 1 GB file) made that
    first page 0.7-0.8 s later on a busy 2-core machine (bench/backup_bench)."""
    db_path = ctx.db.path

    def work(job: Job) -> Path | BaseException | None:
        # The outcome, not a raise: the failure is this module's to tell, not the
        # task runner's failure box.
        try:
            return daily_backup(db_path, ctx.data_dir)
        except Exception as exc:
            log.warning("daily backup failed", exc_info=exc)
            return exc

    def done(outcome: Path | BaseException | None) -> None:
        if isinstance(outcome, Path):
            log.info("daily backup %s", outcome.name)
        elif isinstance(outcome, BaseException):
            tell(window, ctx.data_dir, outcome)

    def run() -> None:
        if ctx.tasks.closed:  # the app is closing: the next start takes the backup
            return
        # Not counted as busy: the backup is upkeep nobody waits for.
        ctx.tasks.run(work, done, key="daily-backup", keeps_busy=False)

    def start() -> None:
        ctx.tasks.idle.disconnect(start)
        # A child of the window: a window closed before then cancels it.
        timer = QTimer(window, objectName=TIMER_NAME, singleShot=True, interval=START_DELAY_MS)
        timer.timeout.connect(run)
        timer.timeout.connect(timer.deleteLater)
        timer.start()

    ctx.tasks.idle.connect(start)
    if not ctx.tasks.busy:
        start()


def tell(window: QWidget, data_dir: Path, error: BaseException) -> None:
    kind = classify(error).kind
    if kind is Kind.DAMAGED:
        show_damaged(window, data_dir, on_closed=QApplication.quit)
        return
    reason = {
        Kind.DISK_FULL: QCoreApplication.translate("DailyBackup", "the disk is full"),
        Kind.NO_ACCESS: QCoreApplication.translate("DailyBackup", "permission denied"),
    }.get(kind, QCoreApplication.translate("DailyBackup", "see the log"))
    text = QCoreApplication.translate(
        "DailyBackup",
        "Today's backup of your data could not be made (%1); your work is not affected, "
        "and Fieldbook tries again at the next start.",
    ).replace("%1", reason)
    open_box(window, FAILURE_DIALOG, text, type(error).__name__)
