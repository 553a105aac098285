"""The day's backup: how long the copy takes, and whether the window feels it.

``backup_daily_s``: ``desktop.store.backups.backup`` of the dataset (online copy, then
``PRAGMA quick_check`` on the copy), median of three, beside ``backup_floor_s``, a
plain file copy of the same database. ``backup_check_s`` is the check's share.
The window starts the copy 3 s after its first page has its data
(desktop.ui.daily_backup): started with the window, it made that first page 0.7-0.8 s
later at 100k accounts here (5.09 s against 4.36 s, 5.62 against 4.83; 2 cores shared).
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path


def _median_s(work: object) -> float:
    assert callable(work)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    from desktop.store.backups import backup
    from desktop.store.engine import DB_FILENAME

    source = data_dir / DB_FILENAME
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "backups"

        def online() -> None:
            backup(source, folder)
            for copy in folder.iterdir():  # keep every run a first copy
                copy.unlink()

        def plain() -> None:
            shutil.copyfile(source, Path(scratch) / "plain.sqlite3")

        results["backup_daily_s"] = _median_s(online)
        results["backup_floor_s"] = _median_s(plain)

        def check() -> None:
            connection = sqlite3.connect(Path(scratch) / "plain.sqlite3")
            try:
                connection.execute("PRAGMA quick_check").fetchone()
            finally:
                connection.close()

        results["backup_check_s"] = _median_s(check)

    return results
