"""The local SQLite database: one file, created 0600, with safe pragmas on every connection."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.services import health_cache
from desktop.domain.uow import DERIVED, writing

DB_FILENAME = "fieldbook.sqlite3"


def create_db_file(path: Path) -> None:
    """Create the database file readable by its user only, before SQLite opens it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
    else:
        os.chmod(path, 0o600)


def _set_pragmas(dbapi_connection: sqlite3.Connection, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the writer. synchronous=FULL: NORMAL may lose the
    # last commits on power loss, and a rep's call report is not to be lost.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
    # The search index triggers call these (pinyin, 查重 keys) on every write.
    from desktop.store.search_index import register_functions

    register_functions(dbapi_connection)


def make_engine(path: Path) -> Engine:
    create_db_file(path)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _set_pragmas)

    # Our own BEGIN, so SQLite takes the write lock when a transaction writes, and
    # pysqlite's implicit transaction handling does not get in the way.
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing() else "BEGIN")

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose units of work keep the derived figures (the health cache) up."""
    return sessionmaker(engine, expire_on_commit=False, info={DERIVED: [health_cache.keep_up]})


def wipe_files(data_dir: Path) -> list[Path]:
    """Delete the database (and its WAL files) and the backups; the paths removed."""
    removed: list[Path] = []
    for name in (DB_FILENAME, DB_FILENAME + "-wal", DB_FILENAME + "-shm", DB_FILENAME + "-journal"):
        path = data_dir / name
        if path.exists():
            path.unlink()
            removed.append(path)
    backups = data_dir / "backups"
    if backups.is_dir():
        for path in sorted(backups.rglob("*"), reverse=True):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
            removed.append(path)
        backups.rmdir()
    return removed
