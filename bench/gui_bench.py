"""The longest stall of the GUI thread while a 100k-row export runs on a worker.

A 10 ms heartbeat QTimer on the main thread records the largest gap between two of its
ticks while the Reports page exports every account, exactly as a user starts it. The
floor is the same heartbeat with nothing else running. Run in its own process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _stall_during_export(data_dir: Path) -> dict[str, float]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import load_user
    from desktop.settings import Settings
    from desktop.store.migrate import open_database
    from desktop.ui.context import AppContext, AppEvents
    from desktop.ui.pages.reports import ReportsPage
    from desktop.ui.tasks import TaskRunner

    app = QApplication([])
    db = open_database(data_dir)
    user_id, name, role = load_user(db)
    tasks = TaskRunner(db, lambda: user_id)
    ctx = AppContext(
        data_dir=data_dir,
        db=db,
        settings=Settings(data_dir),
        tasks=tasks,
        events=AppEvents(),
        user_id=user_id,
        user_name=name,
        user_role=role,
    )
    page = ReportsPage(ctx)
    page.show()

    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)

    def run_for(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    last[0] = time.perf_counter()
    heartbeat.start()
    run_for(1.0)
    floor = max(gaps)
    gaps.clear()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        job = page.exports.export_accounts(Path(tmp) / "accounts.xlsx")
        while tasks.busy:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        assert not job.cancelled
    heartbeat.stop()
    tasks.shutdown()
    db.dispose()
    return {
        "gui_max_stall_ms": round(max(gaps) * 1000, 1),
        "gui_stall_floor_ms": round(floor * 1000, 1),
        "gui_export_s": round(elapsed, 2),
    }


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.gui_bench", str(data_dir)],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    figures: dict[str, float] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key.startswith("gui_"):
            figures[key] = float(value)
    return figures


if __name__ == "__main__":
    for key, value in _stall_during_export(Path(sys.argv[1])).items():
        print(key, value)
