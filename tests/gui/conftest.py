"""GUI test guards: fail a test that leaves a QThread or a QTimer running."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from desktop.store.migrate import Database

if TYPE_CHECKING:
    from desktop.ui.context import AppContext


@pytest.fixture(autouse=True)
def _no_leaked_threads_or_timers(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QThread, QTimer
    from PySide6.QtWidgets import QApplication, QStatusBar

    yield
    app = QApplication.instance()
    assert app is not None
    # Let deleteLater() and queued signals run before looking.
    app.processEvents()
    leaked_threads = [t for t in app.findChildren(QThread) if t.isRunning()]
    # A status bar's message timeout is Qt's own single-shot timer, not ours to stop.
    leaked_timers = [
        t
        for w in QApplication.topLevelWidgets()
        for t in w.findChildren(QTimer)
        if t.isActive() and not isinstance(t.parent(), QStatusBar)
    ]
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    app.processEvents()
    assert not leaked_threads, f"test left QThreads running: {leaked_threads}"
    assert not leaked_timers, (
        f"test left QTimers running: {[t.objectName() for t in leaked_timers]}"
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
    from desktop.ui.context import build_context

    ctx = build_context(demo_db, data_dir)
    yield ctx
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
