"""The longest stall of the GUI thread while an export or a sync runs on a worker.

A 10 ms heartbeat QTimer on the main thread records the largest gap between two of its
ticks (1) while the Reports page exports every account, exactly as a user starts it,
and (2) while a device pulls a 5,000-account scope from a real server over loopback
through the app's task runner. The floor is the same heartbeat with nothing else
running. Run in its own process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _stall_during_export(data_dir: Path) -> dict[str, float]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.store.migrate import open_database
    from desktop.ui.context import build_context
    from desktop.ui.pages.reports import ReportsPage

    app = QApplication([])
    db = open_database(data_dir)
    ctx = build_context(db, data_dir)
    tasks = ctx.tasks
    page = ReportsPage(ctx)
    page.show()
    app.processEvents()
    # As the app does once its window is up (desktop.app.open_data).
    from desktop.app import settle_interpreter

    settle_interpreter()

    gaps: list[float] = []
    last = [time.perf_counter()]

    when: list[float] = []

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        when.append(now)
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
    when.clear()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        job = page.exports.export_accounts(Path(tmp) / "accounts.xlsx")
        while tasks.busy:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        assert not job.cancelled
    export_gaps, export_when = list(gaps), list(when)
    gaps.clear()
    sync_stall, sync_s = _stall_during_sync(tasks, app, gaps)
    heartbeat.stop()
    tasks.shutdown()
    db.dispose()
    gaps[:] = export_gaps
    when[:] = export_when
    worst = gaps.index(max(gaps))
    return {
        "gui_max_stall_sync_ms": round(sync_stall * 1000, 1),
        "gui_sync_s": round(sync_s, 2),
        "gui_max_stall_ms": round(max(gaps) * 1000, 1),
        # When in the export the longest stall ended (0 = start, 1 = end): where to look.
        "gui_max_stall_at": round((when[worst] - started) / elapsed, 2),
        "gui_stall_floor_ms": round(floor * 1000, 1),
        "gui_export_s": round(elapsed, 2),
    }


def _stall_during_sync(tasks: Any, app: Any, gaps: list[float]) -> tuple[float, float]:
    """Pull 5,000 demo accounts from a loopback server on the task runner's pool."""
    from argon2 import PasswordHasher

    from bench.sync_bench import _add_user, _device, _load_demo, _Served
    from desktop.store.demo import generate
    from desktop.store.migrate import open_database
    from desktop.sync.engine import sync_once
    from server import auth
    from server.db import DB_FILENAME, default_url

    auth.use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = open_database(root / "source")
        with source.sessions() as session, session.begin():
            generate(session, 5000, seed=2)
        source.dispose()
        (root / "server").mkdir()
        _load_demo(root / "source" / "fieldbook.sqlite3", root / "server" / DB_FILENAME)
        _add_user(default_url(root / "server"), "bench-admin", "admin")
        served = _Served(default_url(root / "server"), root / "server")
        try:
            device, client = _device(root / "device", served.base, "bench-admin")
            settle = time.perf_counter() + 0.1  # a few beats, so the first gap is fresh
            while time.perf_counter() < settle:
                app.processEvents()
                time.sleep(0.001)
            gaps.clear()
            started = time.perf_counter()
            tasks.run(lambda job: sync_once(device.engine, client, progress=None))
            while tasks.busy:
                app.processEvents()
                time.sleep(0.001)
            elapsed = time.perf_counter() - started
            client.http.close()
            device.dispose()
        finally:
            served.stop()
    return max(gaps), elapsed


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
