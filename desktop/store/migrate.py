"""Open the local database: back it up, refuse a newer schema, migrate in-process.

A frozen app has no ``alembic`` executable, so migrations run here, through Alembic's
API, on the same connection the app will use.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.store.backups import BackupRefusedError, backup, backups_dir
from desktop.store.engine import DB_FILENAME, make_engine, make_session_factory
from desktop.store.migrations import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a migration is due: it costs ~100 ms of start-up.

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseTooNewError(RuntimeError):
    """The file was written by a newer Fieldbook; we leave it untouched."""


class DatabaseCorruptError(RuntimeError):
    """The file is not a Fieldbook database SQLite can read."""


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision this app knows (checked against Alembic by a test)."""
    return HEAD


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if exists is None:
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database under ``data_dir`` at the current schema."""
    path = data_dir / DB_FILENAME
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_readable(path)
    engine = make_engine(path)
    try:
        current = current_revision(engine)
        head = head_revision()
        if current is not None and current != head:
            from alembic.script import ScriptDirectory

            script = ScriptDirectory.from_config(alembic_config())
            try:
                script.get_revision(current)
            except Exception as exc:
                raise DatabaseTooNewError(
                    f"{path} was written by a newer Fieldbook (schema {current}); "
                    f"this version knows up to {head}. Install the newer version; the file "
                    "was not changed."
                ) from exc
        if migrate and current != head:
            if existed:
                try:
                    backup(path, backups_dir(data_dir), label=f"before-{head}")
                except BackupRefusedError as exc:
                    raise DatabaseCorruptError(
                        f"{path} is damaged ({exc}); it was not migrated"
                    ) from exc
            from alembic import command

            with engine.begin() as connection:
                if current is not None:
                    _restore_bulk_indexes(connection)
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except Exception:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, sessions=make_session_factory(engine))


def _restore_bulk_indexes(connection: Connection) -> None:
    """A first download cut short left the tables' indexes dropped
    (desktop.store.bulk_load): the migration gets the schema it was written for."""
    from desktop.store import bulk_load

    with Session(bind=connection) as session:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        bulk_load.restore(session, raw)
        session.flush()


def _check_readable(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(
            f"{path} is not a database Fieldbook can read ({exc}). It was left as it is; "
            "restore a copy from the backups folder or move it away."
        ) from exc
