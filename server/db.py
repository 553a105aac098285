"""The server database: SQLite under the data folder by default, PostgreSQL by URL.

Migrations run in-process through Alembic's API (``server/migrations``); the schema is
the synced tables of ``desktop.domain.models`` plus the server's own (``server.models``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, MetaData, Table, create_engine, event, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop.domain.models import SYNCED, Base
from desktop.domain.models.types import stored_form
from server.models import Counter, ServerBase

MIGRATIONS = Path(__file__).with_name("migrations")
DB_FILENAME = "server.sqlite3"
# Tables of the device schema the server never holds (outbox, local state).
DEVICE_ONLY = frozenset(t for t in Base.metadata.tables if t not in SYNCED)
# Set while this thread (or task) runs transactions that will write. On SQLite they
# then take the write lock when they begin (BEGIN IMMEDIATE, waiting out the busy
# timeout): a deferred transaction that reads and then writes fails at once with
# "database is locked" (SQLITE_BUSY_SNAPSHOT in WAL mode, no busy wait) when another
# connection committed in between. Read-only transactions (pull, health) stay deferred
# so they never wait for writers. PostgreSQL is unaffected.
_WRITING: ContextVar[bool] = ContextVar("fieldbook_server_writing", default=False)


@contextmanager
def writing() -> Iterator[None]:
    """Mark the transactions begun inside as writing: ``with writing(), s.begin(): ...``."""
    token = _WRITING.set(True)
    try:
        yield
    finally:
        _WRITING.reset(token)


@dataclass
class ServerDatabase:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / DB_FILENAME}"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            Path(path).touch(mode=0o600, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if _WRITING.get() else "BEGIN")

        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def target_metadata() -> list[MetaData]:
    return [Base.metadata, ServerBase.metadata]


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


class DatabaseTooNewError(RuntimeError):
    """The database was migrated by a newer fieldbook-server; it is left untouched."""


def migrate(engine: Engine) -> None:
    with writing(), engine.begin() as connection:
        config = alembic_config()
        current = MigrationContext.configure(connection).get_current_revision()
        if current is not None:
            try:
                ScriptDirectory.from_config(config).get_revision(current)
            except CommandError as exc:
                raise DatabaseTooNewError(
                    f"the database is at schema {current}, written by a newer "
                    f"fieldbook-server (this one knows up to {head_revision()}); install "
                    "that version or newer. Nothing was changed."
                ) from exc
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with writing(), engine.begin() as connection:
        if connection.execute(select(Counter.id).where(Counter.id == 1)).first() is None:
            connection.execute(insert(Counter).values(id=1, value=0, horizon=0))


def open_server_database(url: str, *, run_migrations: bool = True) -> ServerDatabase:
    engine = make_engine(url)
    try:
        if run_migrations:
            migrate(engine)
    except Exception:
        engine.dispose()
        raise
    return ServerDatabase(
        url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False)
    )


def insert_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Append many rows of a server table at once, in the session's transaction.

    ``rows`` hold database values (naive UTC times, JSON already as text). PostgreSQL
    takes them through COPY, SQLite through one executemany: SQLAlchemy's executemany
    with psycopg sends a statement a row, and its parameter processing cost as much as
    the rest of a push's bookkeeping. A broken constraint raises SQLAlchemy's
    ``IntegrityError``, as a statement through the session would.
    """
    if not rows:
        return
    names = list(rows[0])
    connection = session.connection()
    raw: Any = connection.connection.driver_connection
    quoted = ", ".join(f'"{n}"' for n in names)
    try:
        if connection.dialect.name == "postgresql":
            statement = f'COPY "{table.name}" ({quoted}) FROM STDIN'
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row([row[n] for n in names])
            return
        marks = ", ".join("?" * len(names))
        statement = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
        values = [[_sqlite_value(row[n]) for n in names] for row in rows]
        raw.executemany(statement, values)
    except connection.dialect.loaded_dbapi.IntegrityError as exc:
        raise IntegrityError(statement, None, exc) from exc


def insert_models(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """``insert_rows`` for rows in the values the ORM holds (aware times, Decimals,
    dicts): each column's default where a row has no value, then its type's
    conversion to the stored value."""
    columns = stored_form(table, session.get_bind().dialect)
    keys = [column.key for column in columns]
    stored = zip(*(column.values(rows) for column in columns), strict=True)
    insert_rows(session, table, [dict(zip(keys, values, strict=True)) for values in stored])


def _sqlite_value(value: Any) -> Any:
    """As SQLAlchemy's SQLite types store it (times: text with microseconds)."""
    if isinstance(value, dt.datetime):
        return value.isoformat(" ", "microseconds")
    return value
