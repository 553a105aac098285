"""Composition root: settings -> database -> services -> window, in a fixed order.

1. exception hook (crash reports without customer data), 2. data folder and logging,
3. database backup + migration (before any window: a refusal is shown plainly),
4. QApplication and translations, 5. the main window, then the event loop.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.logfile import log_file, setup_logging
from desktop.paths import resolve_data_dir
from desktop.settings import Settings

if TYPE_CHECKING:
    from desktop.store.migrate import Database
    from desktop.ui.main_window import MainWindow

# SQLAlchemy, the models and the database open after the window's first paint, so a
# user sees Fieldbook at once: see run_gui and open_data.

log = logging.getLogger("fieldbook")
DEMO_ACCOUNTS = 300
# `make bench` starts the app with this set: it reports the first paint (and with
# "pages", the memory after visiting every page) on stdout, then quits.
BENCH_ENV = "FIELDBOOK_BENCH_PROBE"
GUI_SWITCH_INTERVAL_S = 0.001  # see settle_interpreter
EXIT_DAMAGED = 65  # as the command line's (desktop.commands.failure)


def write_crash_report(
    data_dir: Path, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path:
    """The traceback and versions; no database content, no settings, no tokens."""
    folder = data_dir / "crash-reports"
    folder.mkdir(exist_ok=True, mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}.txt"
    frames = "".join(traceback.format_tb(tb))
    path.write_text(
        f"Fieldbook {__version__} on Python {platform.python_version()} "
        f"({platform.system()} {platform.release()})\n"
        f"{exc_type.__name__}\n{frames}",
        encoding="utf-8",
    )
    path.chmod(0o600)
    return path


def install_exception_hook(data_dir: Path) -> None:
    """An exception nothing caught (in a slot, an event handler): logged with its stack,
    a crash report written, one sentence shown; the app keeps running."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
        try:
            report: Path | None = write_crash_report(data_dir, exc_type, exc, tb)
        except OSError:  # a full disk: the log has what the report would
            report = None
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            print(
                f"fieldbook: unexpected error ({exc_type.__name__}); "
                f"the details are in {log_file(data_dir)}",
                file=sys.stderr,
            )
            return
        from desktop.ui.failure import show_crash

        show_crash(exc, data_dir, report)

    sys.excepthook = hook


def fill_demo_if_empty(db: Database) -> None:
    from sqlalchemy import func, select

    from desktop.domain.models import Account
    from desktop.store.demo import generate

    with db.sessions() as session:
        if session.scalar(select(func.count()).select_from(Account)):
            return
    with db.sessions() as session, session.begin():
        generate(session, DEMO_ACCOUNTS)


def _bench_probe(app: Any, window: MainWindow, mode: str) -> None:
    """For `make bench`: print "first_paint" at the window's first paint, "ready" once
    the database is attached and the first page has its data, and with mode "pages" the
    memory after showing every page; then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                print("first_paint", flush=True)
                poll.start(2)
            return False

    def when_ready() -> None:
        if not window.attached or window.ctx.tasks.busy:
            return
        poll.stop()
        QApplication.processEvents()
        print("ready", flush=True)
        if mode == "pages":
            for row in range(window.nav.count()):
                window.nav.setCurrentRow(row)
                for _ in range(20):
                    QApplication.processEvents()
                # A first start after an upgrade also scores every account's health
                # (a full pass on the worker, seconds at 100k): wait for it too.
                window.ctx.tasks.wait_idle(timeout=300)
            QApplication.processEvents()
            print("rss_kb", _rss_kb(), flush=True)
        QApplication.quit()

    poll = QTimer(window)
    poll.timeout.connect(when_ready)
    probe = FirstPaint(window)
    app.installEventFilter(probe)


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def run_gui(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    install_exception_hook(data_dir)
    setup_logging(data_dir)
    settings = Settings(data_dir)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Fieldbook")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Fieldbook")
    from PySide6.QtGui import QIcon

    from desktop.paths import resource_path

    icon = QIcon()
    for size in (32, 64, 256):
        icon.addFile(str(resource_path("icons", f"fieldbook-{size}.png")))
    app.setWindowIcon(icon)

    from desktop.ui.i18n import install_translators, resolve_language

    language = resolve_language(args.lang or str(settings.get("language")))
    translators = install_translators(
        app, language, pseudo=bool(settings.get("pseudo_translation"))
    )

    from desktop.ui.main_window import MainWindow

    window = MainWindow(data_dir=data_dir)
    if os.environ.get(BENCH_ENV):
        _bench_probe(app, window, os.environ[BENCH_ENV])
    window.show()
    app.processEvents()  # the first paint, before anything heavy is imported
    state: dict[str, Any] = {}
    QTimer.singleShot(0, lambda: open_data(app, window, args, data_dir, settings, state))
    log.info("started, data folder %s", data_dir)
    try:
        status = app.exec()
        return int(state.get("exit", status))
    finally:
        if "tasks" in state:
            state["tasks"].shutdown()
        if "db" in state:
            state["db"].dispose()
        del translators


def open_data(
    app: Any,
    window: MainWindow,
    args: argparse.Namespace,
    data_dir: Path,
    settings: Settings,
    state: dict[str, Any],
) -> None:
    """Open (and if needed back up and migrate) the database, then attach the window.

    Runs once, right after the first paint. A database Fieldbook must not touch (newer,
    unreadable) is explained in a dialog, and the app closes with status 1.
    """
    from PySide6.QtWidgets import QMessageBox

    from desktop.store.failures import Kind, classify
    from desktop.store.migrate import open_database
    from desktop.ui.failure import sentence, show_damaged

    try:
        db = open_database(data_dir)
    except Exception as exc:
        log.error("database not opened", exc_info=exc)
        if classify(exc).kind is Kind.DAMAGED:
            # Not opened, not migrated, not backed up: the dialog names the backup.
            state["exit"] = EXIT_DAMAGED
            show_damaged(window, data_dir, on_closed=app.quit)
            return
        QMessageBox.critical(window, "Fieldbook", sentence(exc, data_dir))
        state["exit"] = 1
        app.quit()
        return
    state["db"] = db
    if getattr(args, "demo", False):
        fill_demo_if_empty(db)
    from desktop.ui.context import build_context

    ctx = build_context(db, data_dir, settings)
    state["tasks"] = ctx.tasks
    # Reminders (a banner 15 minutes before a visit, overdue follow-ups at start) run
    # in the real app; tests build pages without them so no timer outlives a test.
    ctx.reminders = True
    ctx.daily_pool_upkeep = True  # the daily public-pool return (tests run it once)
    if settings.load_error:
        log.warning("settings: %s", settings.load_error)
    window.attach(ctx)
    from desktop.ui.daily_backup import start_daily_backup

    start_daily_backup(ctx, window)
    from desktop.ui.accounts.health_upkeep import start_health_upkeep

    start_health_upkeep(ctx, window)  # the health cache: scored in full when stale
    settle_interpreter()


def settle_interpreter() -> None:
    """Keep the window responsive while workers run Python code (exports, sync).

    The switch interval: a worker thread busy in Python keeps the GIL until another
    thread has waited this long for it and asked. At CPython's default of 5 ms the
    GUI thread waited up to 130 ms at a time for its turn while openpyxl wrote rows
    on a worker (a plain thread writing rows shows the same, without Qt); at 1 ms the
    longest wait was 15 ms, and the export took no longer.

    The collector: a full collection walks every object; with Qt, SQLAlchemy and the
    models loaded it took ~90 ms, long enough to stall the window while an export or a
    sync allocated on a worker. Everything alive at start-up is moved out of its sight
    (frozen objects live as long as the app anyway), and the young generations are
    collected less often.
    """
    import gc

    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
