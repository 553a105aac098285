"""GUI test guards: fail a test that leaves a QThread or a QTimer running."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_leaked_threads_or_timers(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QThread, QTimer
    from PySide6.QtWidgets import QApplication

    yield
    app = QApplication.instance()
    assert app is not None
    # Let deleteLater() and queued signals run before looking.
    app.processEvents()
    leaked_threads = [t for t in app.findChildren(QThread) if t.isRunning()]
    leaked_timers = [
        t for w in QApplication.topLevelWidgets() for t in w.findChildren(QTimer) if t.isActive()
    ]
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    app.processEvents()
    assert not leaked_threads, f"test left QThreads running: {leaked_threads}"
    assert not leaked_timers, f"test left QTimers running: {[t.objectName() for t in leaked_timers]}"
