"""The server's SQLite transactions: writers take the write lock when they begin.

A deferred transaction that reads and then writes fails at once with "database is
locked" when another connection committed in between (WAL's snapshot rule; the busy
timeout does not help). Seen as a flaky "the server is busy" at sign-in under load.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import select, update

from desktop.domain.models.types import utcnow
from server.db import default_url, open_server_database, writing
from server.models import Counter, LoginFailure


def test_a_write_transaction_that_reads_first_survives_a_commit_in_between(tmp_path: Path):
    database = open_server_database(default_url(tmp_path))
    read_done, other_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def reads_then_writes() -> None:
        try:
            with database.sessions() as s, writing(), s.begin():
                value = s.scalar(select(Counter.value).where(Counter.id == 1))
                read_done.set()
                # Give the other writer its chance to commit in between (it cannot:
                # this transaction holds the write lock from its start).
                other_done.wait(0.5)
                s.execute(update(Counter).where(Counter.id == 1).values(value=(value or 0) + 1))
        except BaseException as exc:
            errors.append(exc)
            read_done.set()

    def writes_in_between() -> None:
        try:
            read_done.wait()
            with database.sessions() as s, writing(), s.begin():
                s.add(LoginFailure(key="user:alice", window_start=utcnow(), failures=1))
        except BaseException as exc:
            errors.append(exc)
        finally:
            other_done.set()

    threads = [
        threading.Thread(target=reads_then_writes),
        threading.Thread(target=writes_in_between),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with database.sessions() as s:
        assert s.scalar(select(Counter.value).where(Counter.id == 1)) == 1
        assert s.get(LoginFailure, "user:alice") is not None
    database.dispose()


def test_a_read_does_not_wait_for_a_writer(tmp_path: Path):
    database = open_server_database(default_url(tmp_path))
    seen: list[int | None] = []

    def read() -> None:
        # A pull or a health check (not writing) reads the last committed state at once.
        with database.sessions() as reader, reader.begin():
            seen.append(reader.scalar(select(Counter.value).where(Counter.id == 1)))

    with database.sessions() as writer, writing(), writer.begin():
        writer.execute(update(Counter).where(Counter.id == 1).values(value=5))
        thread = threading.Thread(target=read)
        thread.start()
        thread.join()
    assert seen == [0]
    database.dispose()
