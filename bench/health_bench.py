"""Account health and timeline figures over the bench database.

``measure(data_dir, accounts)`` returns ``health_all_s``: the health score of every
account, computed in full as a worker would (``services.health.scores``: one grouped
query per kind of fact, then the pure score), best of three, beside
``health_floor_s``, the very SQL it sent replayed on a raw sqlite3 connection (what
reading the facts costs with no Python on top); ``health_one_ms``: one account's score
(the Health tab); ``timeline_2000_first_page_ms``: the first page of the Timeline tab
of an account with 2,000 items (visits added in a transaction that is rolled back, so
the shared bench database is left as it was), median of three; ``org_chart_200_ms``:
drawing the stakeholder chart of an account with 200 contacts (Qt offscreen).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

RUNS = 3


def _times(work: Any) -> list[float]:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return times


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    from sqlalchemy import event

    from desktop.domain.services import health, timeline
    from desktop.store.migrate import open_database

    db = open_database(data_dir)
    now = dt.datetime.now(dt.UTC)
    today = now.date()
    results: dict[str, float] = {}
    try:
        sent: list[tuple[str, Any]] = []

        def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
            sent.append((statement, params))

        with db.sessions() as session:
            event.listen(db.engine, "before_cursor_execute", record)
            scored = health.scores(session, now, today)
            event.remove(db.engine, "before_cursor_execute", record)
            results["health_accounts"] = float(len(scored))
            results["health_all_s"] = round(
                min(_times(lambda: health.scores(session, now, today))), 3
            )
            raw = sqlite3.connect(db.path)
            statements = [
                (s, p) for s, p in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))
            ]
            results["health_floor_s"] = round(
                min(_times(lambda: [raw.execute(s, p).fetchall() for s, p in statements])), 3
            )
            raw.close()
            some = next(iter(scored))
            results["health_one_ms"] = round(
                statistics.median(_times(lambda: health.account_health(session, some, now, today)))
                * 1000,
                1,
            )
            results["timeline_2000_first_page_ms"] = _timeline_of_2000(session, some, timeline)
        results["org_chart_200_ms"] = _org_chart_of_200()
    finally:
        db.dispose()
    return results


def _timeline_of_2000(session: Any, account_id: str, timeline: Any) -> float:
    from sqlalchemy import insert

    from desktop.domain.ids import new_id
    from desktop.domain.models import Visit

    now = dt.datetime.now(dt.UTC)
    common = {"version": 1, "field_versions": {}, "created_at": now, "updated_at": now}
    session.execute(
        insert(Visit),
        [
            {
                **common,
                "id": new_id(),
                "account_id": account_id,
                "status": "done",
                "planned_start": now - dt.timedelta(hours=3 * i),
                "report": f"拜访纪要 {i}",
            }
            for i in range(2000)
        ],
    )
    try:
        page = timeline.timeline(session, account_id)
        assert len(page.items) == timeline.PAGE
        return round(
            statistics.median(_times(lambda: timeline.timeline(session, account_id))) * 1000, 1
        )
    finally:
        session.rollback()


def _org_chart_of_200() -> float:
    """The chart's scene built for 200 contacts in a tree four levels deep."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from zoneinfo import ZoneInfo

    from PySide6.QtWidgets import QApplication

    from desktop.domain.services.stakeholders import Stakeholder
    from desktop.ui.accounts.org_chart import OrgChartScene

    app = QApplication.instance() or QApplication([])
    now = dt.datetime.now(dt.UTC)
    people = [
        Stakeholder(
            id=f"c{i}",
            name=f"联系人{i}",
            title="经理",
            reports_to_id=None if i == 0 else f"c{(i - 1) // 5}",
            roles=("influencer", "finance") if i % 7 == 0 else ("user",),
            attitude=("supportive", "neutral", "opposed", None)[i % 4],
            strength=1 + i % 5,
            last_met=now - dt.timedelta(days=i) if i % 3 else None,
        )
        for i in range(200)
    ]
    scene = OrgChartScene(ZoneInfo("Asia/Shanghai"))
    took = statistics.median(_times(lambda: scene.show_map(people, [])))
    scene.deleteLater()
    app.processEvents()
    return round(took * 1000, 1)
