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
            results["account_open_ms"] = _median_ms(lambda: load_detail(session, head.ids[0]))
        raw.close()
    finally:
        db.dispose()
    return results


if __name__ == "__main__":
    import sys

    print(measure(Path(sys.argv[1])))
