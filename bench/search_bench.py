"""Search keystroke latency and Accounts page show time over a 100k-account database.

``measure(data_dir)`` returns search_p50_ms / search_p95_ms (the service call the
page makes per keystroke, ``list_accounts``: the first screen of matches in order,
and their count when it is cheap), search_floor_p50_ms / search_floor_p95_ms (the
very SQL statements that call sent, replayed on a raw sqlite3 connection in the same
run) and accounts_page_show_ms (a new Accounts page until its first rows are on
screen). Without ``data_dir`` it
generates the 100k demo database in a temporary folder first (a few minutes).
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

# Queries a rep types, one keystroke at a time (every prefix is measured).
TYPED = [
    "中国移动",
    "zgyd",
    "huawei",
    "华为技术",
    "91440305",
    "138001",
    "contact4711",
    "zhang",
    "Golden Bridge",
    "深圳新锐",
]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _prefixes() -> list[str]:
    return [word[:n] for word in TYPED for n in range(1, len(word) + 1)]


def measure(data_dir: Path | None = None, accounts: int = 100_000) -> dict[str, float]:
    from sqlalchemy import event, select

    from desktop.domain.models import Account
    from desktop.domain.services.accounts import AccountQuery, list_accounts
    from desktop.store.migrate import open_database
    from desktop.store.search_index import register_functions

    temp: tempfile.TemporaryDirectory[str] | None = None
    if data_dir is None:
        from desktop.store.demo import generate

        temp = tempfile.TemporaryDirectory(prefix="fieldbook-bench-")
        data_dir = Path(temp.name)
        db = open_database(data_dir)
        with db.sessions() as session, session.begin():
            generate(session, accounts, seed=1)
        db.dispose()
    db = open_database(data_dir)
    try:
        # The SQL each keystroke sends, recorded to replay on raw sqlite3 (the floor).
        sent: list[tuple[str, Any]] = []

        def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
            sent.append((statement, params))

        with db.sessions() as session:
            if session.scalar(select(Account.id).limit(1)) is None:
                raise RuntimeError(f"{data_dir} holds no accounts")
            list_accounts(session, AccountQuery(text="中"))  # pypinyin, caches: not typing
            service: list[float] = []
            keystrokes: list[list[tuple[str, Any]]] = []
            for text in _prefixes() * 2:
                sent.clear()
                event.listen(db.engine, "before_cursor_execute", record)
                started = time.perf_counter()
                list_accounts(session, AccountQuery(text=text))
                service.append((time.perf_counter() - started) * 1000)
                event.remove(db.engine, "before_cursor_execute", record)
                keystrokes.append(list(sent))
        raw = sqlite3.connect(db.path)
        register_functions(raw)
        floor: list[float] = []
        for statements in keystrokes:
            started = time.perf_counter()
            for statement, params in statements:
                raw.execute(statement, params).fetchall()
            floor.append((time.perf_counter() - started) * 1000)
        raw.close()
        show_ms = _page_show_ms(db, data_dir)
    finally:
        db.dispose()
        if temp is not None:
            temp.cleanup()
    return {
        "search_p50_ms": round(statistics.median(service), 2),
        "search_p95_ms": round(_percentile(service, 0.95), 2),
        "search_floor_p50_ms": round(statistics.median(floor), 2),
        "search_floor_p95_ms": round(_percentile(floor, 0.95), 2),
        "accounts_page_show_ms": round(show_ms, 1),
    }


def _page_show_ms(db: Any, data_dir: Path) -> float:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.settings import Settings
    from desktop.ui.accounts.model import COLUMN_KEYS
    from desktop.ui.context import AppContext, AppEvents
    from desktop.ui.pages.accounts import AccountsPage
    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    tasks = TaskRunner(db, lambda: None)
    ctx = AppContext(
        data_dir=data_dir, db=db, settings=Settings(data_dir), tasks=tasks, events=AppEvents()
    )
    try:
        started = time.perf_counter()
        page = AccountsPage(ctx)
        page.resize(1280, 800)
        page.show()
        page.activate()
        name = COLUMN_KEYS.index("name")
        deadline = started + 30
        while time.perf_counter() < deadline:
            app.processEvents()
            model = page.model
            if model.rowCount() and model.data(model.index(0, name)):
                break
            time.sleep(0.001)
        elapsed = (time.perf_counter() - started) * 1000
        page.close()
        page.deleteLater()
        tasks.wait_idle()
        return elapsed
    finally:
        tasks.shutdown()
        app.processEvents()


if __name__ == "__main__":
    import sys

    print(measure(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
