"""TaskRunner.wait_idle is a wait a test can trust: it fails when the work is not done."""

from __future__ import annotations

import threading

import pytest

from desktop.store.migrate import Database


def test_wait_idle_fails_when_work_is_still_running(qapp: object, db: Database) -> None:
    from desktop.ui.tasks import Job, TaskRunner

    tasks = TaskRunner(db, lambda: None)
    release = threading.Event()
    delivered: list[str] = []

    def slow(job: Job) -> str:
        release.wait(10)
        return "done"

    tasks.run(slow, delivered.append)
    try:
        with pytest.raises(TimeoutError, match="1 background task"):
            tasks.wait_idle(timeout=0.05)
        assert delivered == []
    finally:
        release.set()
        tasks.wait_idle()
        tasks.shutdown()
    assert delivered == ["done"]
