"""The account review pack over the bench database.

``measure(data_dir, accounts)`` returns, for the account with the most orders,
``review_pack_collect_ms``: reading every section (``reports.review_pack.collect``,
which ranks all accounts for the ABC class), beside ``review_pack_floor_ms``, the very
SQL it sent replayed on a raw sqlite3 connection; ``review_pack_pdf_ms`` and
``review_pack_xlsx_ms``: the whole file written (collect, charts, layout), as the CLI
and the window's worker do. Medians of three.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

RUNS = 3
ZONE = ZoneInfo("Asia/Shanghai")


def _median_ms(work: Any) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sqlalchemy import event, func, select

    from desktop.domain.models import Order
    from desktop.reports.review_pack import collect
    from desktop.store.migrate import open_database
    from desktop.ui.pdf import ensure_gui_app
    from desktop.ui.review_pack_file import write_review_pack

    ensure_gui_app()
    db = open_database(data_dir)
    now = dt.datetime.now(dt.UTC)
    year = now.astimezone(ZONE).year
    results: dict[str, float] = {}
    try:
        with db.sessions() as session, tempfile.TemporaryDirectory() as out:
            account = session.scalar(
                select(Order.account_id)
                .group_by(Order.account_id)
                .order_by(func.count().desc())
                .limit(1)
            )
            assert account is not None, "the bench database has no orders"
            sent: list[tuple[str, Any]] = []

            def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
                sent.append((statement, params))

            event.listen(db.engine, "before_cursor_execute", record)
            collect(session, account, year, now=now, zone=ZONE)
            event.remove(db.engine, "before_cursor_execute", record)
            results["review_pack_collect_ms"] = _median_ms(
                lambda: collect(session, account, year, now=now, zone=ZONE)
            )
            raw = sqlite3.connect(db.path)
            selects = [(s, p) for s, p in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))]
            results["review_pack_floor_ms"] = _median_ms(
                lambda: [raw.execute(s, p).fetchall() for s, p in selects]
            )
            raw.close()
            for suffix in ("pdf", "xlsx"):
                path = Path(out) / f"pack.{suffix}"
                results[f"review_pack_{suffix}_ms"] = _median_ms(
                    lambda path=path: write_review_pack(
                        session, account, path, language="zh_CN", year=year, now=now, zone=ZONE
                    )
                )
    finally:
        db.dispose()
    return results
