"""The Pipeline board with at least 5,000 open opportunities: how long until it shows them.

On a copy of the bench database topped up to 5,000 open opportunities (the generated
ones are kept, 64,000 at 100k accounts; the shared database is not touched),
``pipeline_board_open_ms`` is the time from building the page to every column showing
its cards (the soonest ``BOARD_CARDS`` of each stage) and its totals, and the page
painted, as a user opens it (the load runs on the task runner's worker), median of
three fresh pages, seeing every owner as a manager does.
``pipeline_board_floor_ms`` is the board's queries (each stage's cards, the column
totals) replayed on a raw sqlite3 connection. Run in its own process (a QApplication).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

OPEN = 5000
RUNS = 3


def _top_up(data_dir: Path) -> None:
    """Add open opportunities until there are ``OPEN`` (spread over the accounts)."""
    import datetime as dt
    from decimal import Decimal

    from sqlalchemy import func, insert, select

    from desktop.domain.ids import new_id
    from desktop.domain.models import Account, Opportunity
    from desktop.domain.services.opportunities import OPEN_STAGES
    from desktop.store.migrate import open_database

    db = open_database(data_dir)
    try:
        with db.sessions() as session, session.begin():
            have = session.scalar(
                select(func.count())
                .select_from(Opportunity)
                .where(Opportunity.deleted_at.is_(None), Opportunity.stage.in_(OPEN_STAGES))
            )
            accounts = session.execute(select(Account.id, Account.owner_id)).all()
            now = dt.datetime.now(dt.UTC)
            rows: list[dict[str, Any]] = []
            for n in range(OPEN - int(have or 0)):
                account_id, owner_id = accounts[n % len(accounts)]
                stage = OPEN_STAGES[n % len(OPEN_STAGES)]
                rows.append(
                    {
                        "id": new_id(),
                        "version": 1,
                        "field_versions": {},
                        "created_at": now,
                        "updated_at": now,
                        "account_id": account_id,
                        "owner_id": owner_id,
                        "name": f"扩容项目 {n}",
                        "stage": stage,
                        "amount": Decimal((n % 90 + 10) * 10000),
                        "probability": (10, 25, 50, 75)[n % 4],
                        "close_date": dt.date.today() + dt.timedelta(days=n % 120),
                    }
                )
            if rows:
                session.execute(insert(Opportunity), rows)
    finally:
        db.dispose()


def _open_board(data_dir: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from desktop.domain.services.opportunities import OPEN_STAGES
    from desktop.store.migrate import open_database
    from desktop.ui.context import build_context
    from desktop.ui.pages.pipeline import BOARD_CARDS, PipelinePage

    app = QApplication([])
    db = open_database(data_dir)
    ctx = build_context(db, data_dir)
    sent: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "FROM opportunity" in statement:
            sent.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", record)
    times: list[float] = []
    shown = 0
    for _ in range(RUNS):
        sent.clear()  # the floor replays the last page's statements
        started = time.perf_counter()
        page = PipelinePage(ctx)
        page.resize(1366, 768)
        page.show()
        page.scope.setCurrentIndex(page.scope.findData("all"))
        page.activate()
        columns = [page.board.columns[stage] for stage in OPEN_STAGES]
        while not page.pipeline.cards:
            app.processEvents()
            time.sleep(0.0005)
        want = sum(min(page.pipeline.totals[s].count, BOARD_CARDS) for s in OPEN_STAGES)
        while sum(len(c.model.cards) for c in columns) < want:
            app.processEvents()
            time.sleep(0.0005)
        page.repaint()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
        shown = sum(len(c.model.cards) for c in columns)
        open_count = sum(page.pipeline.totals[s].count for s in OPEN_STAGES)
        page.close()
        page.deleteLater()
        app.processEvents()
    event.remove(db.engine, "before_cursor_execute", record)
    ctx.tasks.wait_idle()
    ctx.tasks.shutdown()
    db.dispose()
    raw = sqlite3.connect(data_dir / "fieldbook.sqlite3")
    floors = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for query in sent:
            raw.execute(*query).fetchall()
        floors.append((time.perf_counter() - started) * 1000)
    raw.close()
    return {
        "pipeline_board_open_ms": round(statistics.median(times), 1),
        "pipeline_board_floor_ms": round(statistics.median(floors), 1),
        "pipeline_board_open_cards": float(shown),
        "pipeline_board_open_opportunities": float(open_count),
    }


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        copy.mkdir(mode=0o700)
        shutil.copy2(data_dir / "fieldbook.sqlite3", copy / "fieldbook.sqlite3")
        _top_up(copy)
        result = subprocess.run(
            [sys.executable, "-m", "bench.pipeline_bench", str(copy)],
            capture_output=True,
            text=True,
            check=True,
            timeout=900,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    figures: dict[str, float] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key.startswith("pipeline_"):
            figures[key] = float(value)
    return figures


if __name__ == "__main__":
    for key, value in _open_board(Path(sys.argv[1])).items():
        print(key, value)
