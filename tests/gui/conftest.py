"""GUI test guards: fail a test that leaves background work, a QThread or a QTimer running."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from desktop.store.migrate import Database

if TYPE_CHECKING:
    from desktop.ui.context import AppContext


@pytest.fixture(autouse=True)
def _no_leaked_work(qapp: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that ends with background work unfinished or a timer running.

    The app's workers are the TaskRunner's thread pools (desktop/ui/tasks.py): every
    runner made during the test is tracked, and at the end none may hold a task that is
    queued, running, or whose result never reached its callback (a runner shut down
    with work in flight dropped those results; the test checked nothing of them). Any
    QThread still running and any QTimer still active (found through the garbage
    collector, so a timer parented to a plain QObject counts too) fail the test as well.
    """
    from PySide6.QtCore import QThread, QTimer
    from PySide6.QtWidgets import QApplication, QStatusBar
    from shiboken6 import isValid

    from desktop.ui.tasks import TaskRunner

    runners: list[TaskRunner] = []
    original_init = TaskRunner.__init__

    def tracked_init(self: TaskRunner, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        runners.append(self)

    monkeypatch.setattr(TaskRunner, "__init__", tracked_init)
    yield
    app = QApplication.instance()
    assert app is not None
    # Let deleteLater() and results already handed over run before looking.
    app.processEvents()
    unfinished = {f"runner {i}": r.pending for i, r in enumerate(runners) if r.pending}
    left_open = [r for r in runners if not r.closed]
    for runner in left_open:
        runner.shutdown()
    leaked_threads = [t for t in app.findChildren(QThread) if t.isRunning()]
    # A status bar's message timeout is Qt's own single-shot timer, not ours to stop.
    leaked_timers = [
        t
        for t in gc.get_objects()
        if isinstance(t, QTimer)
        and isValid(t)
        and t.isActive()
        and not isinstance(t.parent(), QStatusBar)
    ]
    for timer in leaked_timers:
        timer.stop()  # so the next test starts clean
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    app.processEvents()
    assert not unfinished, f"test ended with background tasks pending: {unfinished}"
    assert not left_open, f"test left {len(left_open)} TaskRunner(s) running (call shutdown())"
    assert not leaked_threads, f"test left QThreads running: {leaked_threads}"
    assert not leaked_timers, (
        "test left QTimers running: "
        f"{[(t.objectName(), type(t.parent()).__name__) for t in leaked_timers]}"
    )


@pytest.fixture
def demo_db(db: Database) -> Database:
    """The per-test database with 40 demo accounts in it (seed 7)."""
    from desktop.store.demo import generate

    with db.sessions() as session, session.begin():
        generate(session, 40, seed=7)
    return db


@pytest.fixture
def app_context(qapp: object, data_dir: Path, demo_db: Database) -> Iterator[AppContext]:
    """What the window gives each page, over the demo database, working as its manager."""
    from desktop.ui.accounts.sections import forget_sections
    from desktop.ui.context import build_context

    forget_sections()  # the sections chosen last belong to one run of the app
    ctx = build_context(demo_db, data_dir)
    yield ctx
    # Results of work the test left in flight reach their callbacks (an exception there
    # fails the test); a task that never ends fails it too (wait_idle raises).
    ctx.tasks.wait_idle()
    ctx.tasks.shutdown()


@pytest.fixture
def main_window(qtbot: Any, app_context: AppContext) -> Any:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    """Run the test with the zh_CN translations installed."""
    from desktop.ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)
