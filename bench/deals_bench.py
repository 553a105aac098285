"""Renewals, contract review and win/loss over the bench database.

``measure(data_dir, accounts)`` returns ``renewals_team_ms``: what a manager's Today and
task list read for contracts (the team's renewals due and the contracts waiting for
review), ``winloss_year_ms``: the Reports page's win/loss of the year for everyone,
each beside its floor (``*_floor_ms``: the very SQL it sent replayed on a raw sqlite3
connection, what reading costs with no Python on top). Medians of three.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

RUNS = 3


def _median_ms(work: Any) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    from sqlalchemy import event

    from desktop.domain.services import contract_review, contracts, winloss
    from desktop.domain.services import team as teams
    from desktop.domain.services.device import USER_ID, get_meta
    from desktop.store.migrate import open_database

    db = open_database(data_dir)
    today = dt.date.today()
    results: dict[str, float] = {}
    try:
        with db.sessions() as session:
            manager = get_meta(session, USER_ID)
            team = teams.team_of(session, manager)
            owners = [o for o in (manager, *(team.ids if team is not None else [])) if o]

            def renewals() -> Any:
                return (
                    contracts.renewals_due(session, today, owners),
                    contract_review.inbox(session, manager),
                )

            def year() -> Any:
                return winloss.report(session, dt.date(today.year, 1, 1), today)

            raw = sqlite3.connect(db.path)
            for name, work in (("renewals_team", renewals), ("winloss_year", year)):
                sent: list[tuple[str, Any]] = []

                def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
                    sent.append((statement, params))  # noqa: B023 (used at once)

                event.listen(db.engine, "before_cursor_execute", record)
                found = work()
                event.remove(db.engine, "before_cursor_execute", record)
                if name == "renewals_team":
                    results["renewals_due_team"] = float(len(found[0]))
                else:
                    results["winloss_year_deals"] = float(found.totals.deals)
                results[f"{name}_ms"] = _median_ms(work)
                selects = [
                    (s, p) for s, p in sent if s.lstrip().upper().startswith(("SELECT", "WITH"))
                ]
                results[f"{name}_floor_ms"] = _median_ms(
                    lambda selects=selects: [raw.execute(s, p).fetchall() for s, p in selects]
                )
            raw.close()
    finally:
        db.dispose()
    return results
