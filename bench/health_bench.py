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

The health cache (``services.health_cache``, what the Accounts list sorts by):
``health_cache_full_s``, a full pass as the app's worker runs it (a batch of accounts
per write transaction), beside ``health_cache_full_floor_s``, every statement it sent
replayed on a raw sqlite3 connection (rolled back); ``health_incremental_ms``, what a
unit of work adds before its commit to score the account of one new visit again,
beside ``health_incremental_floor_ms`` (its statements replayed raw), median of three;
``health_incremental_order_ms`` the same for a new order, which also ranks every
account's ABC class again (``health_incremental_order_floor_ms``);
``sort_health_ms``, the first screen of the Accounts list sorted by health, and
``abc_rank_ms``, every account's ABC class ranked again (on a worker, after an order
or an account's status changed; beside ``abc_rank_floor_ms``, its SQL replayed raw);
``at_risk_ms``, the list filtered to the accounts at risk, ``sort_abc_ms`` sorted by
ABC class, each beside its floor
(``*_floor_ms``, its SQL replayed raw), median of three.
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
        results.update(_cache(db, some))
        results["org_chart_200_ms"] = _org_chart_of_200()
    finally:
        db.dispose()
    return results


class _Recorder:
    """The statements an engine sends while recording (with their parameters)."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.sent: list[tuple[str, Any, bool]] = []

    def _record(
        self, conn: Any, cursor: Any, statement: str, params: Any, ctx: Any, many: bool
    ) -> None:
        self.sent.append((statement, params, many))

    def __enter__(self) -> _Recorder:
        from sqlalchemy import event

        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_: object) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._record)

    def replay(self, raw: sqlite3.Connection) -> None:
        """Every statement again, reads fetched, in a transaction rolled back."""
        raw.execute("BEGIN")
        try:
            for statement, params, many in self.sent:
                head = statement.lstrip().upper()
                if head.startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
                    continue
                if many:
                    raw.executemany(statement, params)
                else:
                    raw.execute(statement, params).fetchall()
        finally:
            raw.execute("ROLLBACK")


def _cache(db: Any, account_id: str) -> dict[str, float]:
    from decimal import Decimal

    from desktop.domain.models import Order, Visit
    from desktop.domain.models.types import utcnow
    from desktop.domain.services import health_cache
    from desktop.domain.services.accounts import AccountQuery, list_accounts
    from desktop.domain.uow import UnitOfWork, unit_of_work

    results: dict[str, float] = {}
    now = utcnow()

    def full_pass() -> None:
        after: str | None = ""
        while after is not None:
            with unit_of_work(db.sessions, None) as uow:
                after, _ = health_cache.refresh_batch(uow.session, after, now)

    with _Recorder(db.engine) as full:
        started = time.perf_counter()
        full_pass()
        results["health_cache_full_s"] = round(time.perf_counter() - started, 3)
    raw = sqlite3.connect(db.path, isolation_level=None)
    try:
        results["health_cache_full_floor_s"] = round(min(_times(lambda: full.replay(raw))), 3)
        # One new visit, one new order: what the unit of work adds before its commit.
        when = now - dt.timedelta(days=1)
        for name, row in (
            (
                "health_incremental",
                lambda: Visit(account_id=account_id, status="done", planned_start=when),
            ),
            (
                "health_incremental_order",
                lambda: Order(
                    number="SO-BENCH",
                    account_id=account_id,
                    order_date=when.date(),
                    amount=Decimal("500000"),
                ),
            ),
        ):
            times, incremental = [], None
            for _ in range(RUNS):
                with db.sessions() as session:
                    uow = UnitOfWork(session, None)
                    uow.add(row())
                    session.flush()
                    with _Recorder(db.engine) as recorder:
                        started = time.perf_counter()
                        health_cache.keep_up(uow)
                        times.append(time.perf_counter() - started)
                    incremental = recorder
                    session.rollback()
            assert incremental is not None
            results[f"{name}_ms"] = round(statistics.median(times) * 1000, 1)
            results[f"{name}_floor_ms"] = round(
                statistics.median(_times(lambda r=incremental: r.replay(raw))) * 1000, 1
            )
        # Ranking every account's ABC class again (a worker, after an order).
        with db.sessions() as session:
            with _Recorder(db.engine) as ranking:
                started = time.perf_counter()
                health_cache.rank_abc(session)
                took = time.perf_counter() - started
            session.rollback()
        results["abc_rank_ms"] = round(took * 1000, 1)
        results["abc_rank_floor_ms"] = round(min(_times(lambda: ranking.replay(raw))) * 1000, 1)
        with db.sessions() as session:
            for name, query in (
                ("sort_health", AccountQuery(sort="health")),
                ("at_risk", AccountQuery(at_risk=True)),
                ("sort_abc", AccountQuery(sort="abc")),
            ):
                with _Recorder(db.engine) as listing:
                    list_accounts(session, query)
                results[f"{name}_ms"] = round(
                    statistics.median(_times(lambda q=query: list_accounts(session, q))) * 1000, 1
                )
                results[f"{name}_floor_ms"] = round(
                    statistics.median(_times(lambda r=listing: r.replay(raw))) * 1000, 1
                )
    finally:
        raw.close()
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
