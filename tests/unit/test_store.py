"""The local database file: safe pragmas, private file, migrations, backups, refusals."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, text

from desktop.domain.models import Base
from desktop.store.engine import DB_FILENAME
from desktop.store.migrate import (
    Database,
    DatabaseCorruptError,
    DatabaseTooNewError,
    head_revision,
    open_database,
)
from tests import releases


def test_every_connection_has_safe_pragmas(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_database_file_is_private(db: Database) -> None:
    mode = stat.S_IMODE(db.path.stat().st_mode)
    assert mode == 0o600


def schema_diff(engine: Engine) -> list[Any]:
    """What Alembic finds between the database and the models (search tables aside:
    raw SQL makes them); also used by tests/unit/test_upgrades.py."""

    def include(obj: object, name: str | None, type_: str, *args: object) -> bool:
        return not (type_ == "table" and name is not None and name.startswith("search_"))

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include}
        )
        return list(compare_metadata(context, Base.metadata))


def test_upgrade_head_matches_the_models_exactly(db: Database) -> None:
    assert schema_diff(db.engine) == []


def test_reopening_keeps_rows_and_backs_up_only_when_migrating(data_dir: Path) -> None:
    first = open_database(data_dir)
    with first.engine.begin() as connection:
        connection.execute(text("INSERT INTO local_meta (key, value) VALUES ('k', 'v')"))
    first.dispose()
    again = open_database(data_dir)
    with again.engine.connect() as connection:
        assert connection.execute(text("SELECT value FROM local_meta")).scalar() == "v"
    again.dispose()
    # Already at head: nothing to migrate, so no backup copy was needed.
    assert not (data_dir / "backups").exists() or not list((data_dir / "backups").iterdir())


def test_an_existing_file_is_backed_up_before_it_is_migrated(data_dir: Path) -> None:
    # A database file from before Fieldbook's first revision (no alembic_version yet).
    path = data_dir / DB_FILENAME
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE scratch (note TEXT)")
    raw.execute("INSERT INTO scratch VALUES ('kept')")
    raw.commit()
    raw.close()
    db = open_database(data_dir)
    backups = list((data_dir / "backups").glob("fieldbook-*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT note FROM scratch").fetchone() == ("kept",)
    copy.close()
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
    db.dispose()


@pytest.mark.parametrize("version", releases.release_params())
def test_every_revision_after_a_release_keeps_every_row(version: str, data_dir: Path) -> None:
    """One revision at a time from what the release wrote (rows in every table, written
    by the release's own code: today's models could not write the old schema), every
    row and value is still there after each step."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from desktop.store.engine import make_engine
    from desktop.store.migrate import alembic_config

    path = releases.unpack(version, "device", data_dir / DB_FILENAME)
    released = releases.sqlite_revision(path)
    before = releases.sqlite_rows(path)
    # Every table the release had holds rows (tables added since are not in its file).
    assert [t for t in Base.metadata.tables if t in before and not before[t]] == []
    script = ScriptDirectory.from_config(alembic_config())
    steps = reversed(list(script.iterate_revisions("head", released)))
    later = [r.revision for r in steps if r.revision != released]
    assert later[-1:] == [head_revision()] or released == head_revision()
    engine = make_engine(path)
    try:
        for revision in later:
            with engine.begin() as connection:
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
            releases.assert_rows_kept(before, releases.sqlite_rows(path))
    finally:
        engine.dispose()
    assert releases.sqlite_revision(path) == head_revision()


def test_database_from_a_newer_fieldbook_is_refused_untouched(data_dir: Path) -> None:
    open_database(data_dir).dispose()
    path = data_dir / DB_FILENAME
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer Fieldbook"):
        open_database(data_dir)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_with_a_clear_message(data_dir: Path) -> None:
    path = data_dir / DB_FILENAME
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseCorruptError, match="not a database Fieldbook can read"):
        open_database(data_dir)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_the_app_knows_the_newest_revision() -> None:
    from alembic.script import ScriptDirectory

    from desktop.store.migrate import alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == head_revision()


def test_a_write_that_reads_first_waits_for_another_writer_instead_of_failing(
    db: Database,
) -> None:
    """The writer thread and the sync thread both write: a unit of work that reads, then
    writes, must not fail with "database is locked" because another writer committed
    between its read and its write. It holds the write lock from its first statement,
    so the other writer waits for it (busy_timeout) instead of slipping in between."""
    import threading

    from desktop.domain.models import Account
    from desktop.domain.services import records
    from desktop.domain.uow import unit_of_work

    with unit_of_work(db.sessions, None) as uow:
        first = records.create(uow, Account, {"name": "先读后写有限公司"})
    errors: list[BaseException] = []

    def other_writer() -> None:
        try:
            with unit_of_work(db.sessions, None) as uow:
                records.create(uow, Account, {"name": "同时写入有限公司"})
        except BaseException as exc:
            errors.append(exc)

    other = threading.Thread(target=other_writer)
    with unit_of_work(db.sessions, None) as uow:
        records.get(uow.session, Account, first)
        # After only a read, no other connection can start writing: the lock is held.
        probe = sqlite3.connect(db.path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                probe.execute("BEGIN IMMEDIATE")
        finally:
            probe.close()
        other.start()  # it waits for this unit of work, whenever it comes to write
        records.update(uow, Account, first, {"tier": "A"})
    other.join(30)
    assert not other.is_alive()
    assert errors == []
    with db.sessions() as session:
        assert records.count(session, Account) == 2
        assert records.get(session, Account, first)["tier"] == "A"
