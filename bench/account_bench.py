"""Accounts list figures over the 100k-account database: sorting and opening an account.

``measure(data_dir, accounts)`` returns, per sort key the header offers beyond the
name (``sort_<key>_ms``: the first screen of the list sorted by that column, the
service call the page makes, median of three) beside ``sort_<key>_floor_ms`` (the very
SQL it sent, replayed on a raw sqlite3 connection), the rows of one screen with their
last and next visit (``account_rows_200_ms``), and the account detail load
(``account_open_ms``: what the page reads when an account is opened).
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path
from typing import Any

SORTS = ("city", "owner", "completeness", "last_visit", "next_visit")
RUNS = 3


def _median_ms(work: Any) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    from sqlalchemy import event

    from desktop.domain.services.accounts import AccountQuery, account_rows, list_accounts
    from desktop.store.migrate import open_database
    from desktop.store.search_index import register_functions
    from desktop.ui.accounts.detail import load_detail

    db = open_database(data_dir)
    results: dict[str, float] = {}
    try:
        sent: list[tuple[str, Any]] = []

        def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
            sent.append((statement, params))

        raw = sqlite3.connect(db.path)
        register_functions(raw)
        with db.sessions() as session:
            head = list_accounts(session, AccountQuery())
            for key in SORTS:
                query = AccountQuery(sort=key)
                sent.clear()
                event.listen(db.engine, "before_cursor_execute", record)
                list_accounts(session, query)
                event.remove(db.engine, "before_cursor_execute", record)
                statements = list(sent)
                results[f"sort_{key}_ms"] = _median_ms(lambda q=query: list_accounts(session, q))
                results[f"sort_{key}_floor_ms"] = _median_ms(
                    lambda s=statements: [raw.execute(st, p).fetchall() for st, p in s]
                )
            results["account_rows_200_ms"] = _median_ms(lambda: account_rows(session, head.ids))
            results["account_open_ms"] = _open_busy_account(session, head.ids[0], load_detail)
        raw.close()
    finally:
        db.dispose()
    return results


def _open_busy_account(session: Any, account_id: str, load_detail: Any) -> float:
    """Opening an account with 50 visits and 10 quotes (the issue's case): the detail
    and its Visits and Quotes tabs. The extra rows are added in the session's
    transaction and rolled back, so the shared bench database is left as it was."""
    import datetime as dt
    from decimal import Decimal

    from sqlalchemy import insert

    from desktop.domain.ids import new_id
    from desktop.domain.models import Quote, Visit
    from desktop.domain.services.quotes import QuoteFilter, list_quotes
    from desktop.domain.services.visits import account_visits

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
                "planned_start": now - dt.timedelta(days=7 * i),
                "report": f"拜访纪要 {i}",
            }
            for i in range(50)
        ],
    )
    session.execute(
        insert(Quote),
        [
            {
                **common,
                "id": new_id(),
                "account_id": account_id,
                "number": f"Q-BENCH-{i:04d}",
                "status": "sent",
                "total": Decimal("12345.67"),
            }
            for i in range(10)
        ],
    )

    def open_account() -> None:
        load_detail(session, account_id)
        account_visits(session, account_id)
        list_quotes(session, QuoteFilter(account_id=account_id))

    try:
        return _median_ms(open_account)
    finally:
        session.rollback()


if __name__ == "__main__":
    import sys

    print(measure(Path(sys.argv[1])))
