"""The local database file: safe pragmas, private file, migrations, backups, refusals."""

from __future__ import annotations

import datetime as dt
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


def test_every_revision_upgrades_a_database_with_rows_in_every_table(data_dir: Path) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    from desktop.domain.models import (
        Account,
        AccountTeamMember,
        Attachment,
        Delivery,
        Order,
        OutboxEntry,
        SyncIssue,
        User,
        WeeklyReport,
    )
    from desktop.domain.services import records
    from desktop.domain.uow import unit_of_work
    from desktop.store.demo import generate
    from desktop.store.engine import make_engine, make_session_factory
    from desktop.store.migrate import alembic_config

    engine = make_engine(data_dir / DB_FILENAME)
    script = ScriptDirectory.from_config(alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]

    def upgrade(to: str) -> None:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, to)

    upgrade(revisions[0])
    sessions = make_session_factory(engine)
    with sessions() as session, session.begin():
        generate(session, 12, seed=3)
    with unit_of_work(sessions, None) as uow:
        account = records.create(uow, Account, {"name": "迁移测试有限公司"})
    with unit_of_work(sessions, None) as uow:
        records.update(uow, Account, account, {"tier": "A"})
    with sessions() as session:
        user = session.query(User).first()
        order = session.query(Order).first()
        assert user is not None
        assert order is not None
        user_id, order_id = user.id, order.id
    with unit_of_work(sessions, None) as uow:
        records.create(uow, AccountTeamMember, {"account_id": account, "user_id": user_id})
        records.create(uow, Delivery, {"order_id": order_id, "delivered_on": dt.date(2026, 5, 4)})
        records.create(uow, WeeklyReport, {"owner_id": user_id, "week_start": dt.date(2026, 5, 4)})
        records.create(
            uow,
            Attachment,
            {
                "parent_entity": "account",
                "parent_id": account,
                "account_id": account,
                "filename": "营业执照.pdf",
                "content_hash": "ab" * 32,
                "size": 10,
            },
        )
    with sessions() as session, session.begin():
        session.add(
            SyncIssue(
                kind="conflict",
                mutation_id=1,
                entity="account",
                row_id=account,
                field="tier",
                mine="A",
                theirs="B",
            )
        )
    assert [t for t in Base.metadata.tables if t not in _counts(engine)] == []
    before = _counts(engine)
    for revision in revisions[1:]:
        upgrade(revision)
        assert _counts(engine) == before
    with sessions() as session:
        assert session.query(OutboxEntry).count() == before["outbox"]
    engine.dispose()


def _counts(engine: object) -> dict[str, int]:
    from desktop.domain.models import Base

    result = {}
    with engine.connect() as connection:  # type: ignore[attr-defined]
        for table in Base.metadata.sorted_tables:
            n = connection.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar()
            if n:
                result[table.name] = n
    return result


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
