"""A server database written by every released version upgrades to head, on SQLite and
on PostgreSQL, through the server's own migrate path: every row and value is kept, the
schema is the models', and the release's admin laptop (upgraded too) syncs with it:
its waiting edit goes up and a new laptop downloads what it holds.

PostgreSQL has no released file, so the release's rows are copied in: a fresh database
is upgraded to the release's revision, the SQLite fixture's tables are read and inserted
with Core, then the server opens it as usual.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Engine,
    Integer,
    MetaData,
    Numeric,
    create_engine,
    select,
    text,
)

from desktop.domain.models import Account, OutboxEntry
from desktop.store.engine import DB_FILENAME
from server.db import DB_FILENAME as SERVER_FILENAME
from server.db import (
    DatabaseTooNewError,
    alembic_config,
    current_revision,
    default_url,
    head_revision,
    open_server_database,
)
from tests import releases
from tests.server.test_schema import assert_schema_matches_models
from tests.sync.harness import Device, Server, live_rows


@pytest.mark.parametrize("version", releases.release_params())
def test_a_released_sqlite_server_upgrades_with_every_row_and_still_syncs(
    version: str, tmp_path: Path
) -> None:
    path = releases.unpack(version, "server", tmp_path / "server" / SERVER_FILENAME)
    before = releases.sqlite_rows(path)
    server = Server(tmp_path / "server")
    try:
        assert current_revision(server.db.engine) == head_revision()
        assert_schema_matches_models(server.db.engine)
        releases.assert_rows_kept(before, releases.sqlite_rows(path))
        _assert_upgraded_device_syncs(version, server, tmp_path)
    finally:
        server.close()


@pytest.mark.postgres
@pytest.mark.parametrize("version", releases.release_params())
def test_a_released_server_upgrades_on_postgres_with_every_row_and_still_syncs(
    version: str, tmp_path: Path, pg_url: str
) -> None:
    fixture = releases.unpack(version, "server", tmp_path / "release" / SERVER_FILENAME)
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, releases.sqlite_revision(fixture))
        before = _copy_rows(releases.sqlite_rows(fixture), engine)
    finally:
        engine.dispose()
    server = Server(tmp_path / "server", url=pg_url)
    try:
        assert current_revision(server.db.engine) == head_revision()
        assert_schema_matches_models(server.db.engine)
        releases.assert_rows_kept(before, _postgres_rows(server.db.engine, before))
        _assert_upgraded_device_syncs(version, server, tmp_path)
    finally:
        server.close()


@pytest.mark.parametrize("version", releases.release_params())
def test_the_released_server_revisions_still_build_what_the_release_built(
    version: str, tmp_path: Path
) -> None:
    """A released revision is frozen: on an empty file today it writes the very schema
    it wrote in the release."""
    released = releases.unpack(version, "server", tmp_path / "released.sqlite3")
    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, releases.sqlite_revision(released))
    finally:
        engine.dispose()
    assert releases.schema_of(tmp_path / "fresh.sqlite3") == releases.schema_of(released)


def _assert_upgraded_device_syncs(version: str, server: Server, tmp_path: Path) -> None:
    facts = releases.manifest(version)
    root = tmp_path / "release-laptop"
    releases.unpack(version, "device", root / DB_FILENAME)
    # Signs in again (tokens live in the keyring, not the file) and syncs once.
    laptop = Device(server, root, facts["device_user"])
    fresh = Device(server, tmp_path / "new-laptop", facts["device_user"])
    try:
        with laptop.db.sessions() as session:
            waited = session.get(OutboxEntry, facts["pending_mutation_id"])
            assert waited is not None
            assert waited.state == "applied"
            assert session.scalar(select(OutboxEntry).where(OutboxEntry.state == "pending")) is None
        # The edit that waited in the release's outbox reached the server...
        mine = live_rows(laptop.db, Account)
        assert fresh.sync().rejected == 0
        theirs = live_rows(fresh.db, Account)
        account = facts["pending_account"]
        assert theirs[account]["short_name"] == facts["pending_field"]["short_name"]
        # ...and both laptops hold the same accounts, value for value.
        assert mine == theirs
        assert len(mine) > 10
    finally:
        laptop.close()
        fresh.close()


def _postgres_value(value: Any, type_: Any) -> Any:
    """A value as SQLite stores it, as PostgreSQL's column takes (and returns) it."""
    if value is None:
        return None
    if isinstance(type_, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(type_, Date):
        return dt.date.fromisoformat(value)
    if isinstance(type_, Boolean):
        return bool(value)
    if isinstance(type_, JSON):
        return json.loads(value)
    if isinstance(type_, Numeric) and not isinstance(type_, Integer):
        return Decimal(str(value))
    return value


def _copy_rows(rows: releases.Rows, engine: Engine) -> releases.Rows:
    """Insert the release's rows into a PostgreSQL database at the release's revision;
    returns them as PostgreSQL holds them."""
    metadata = MetaData()
    metadata.reflect(engine)
    converted: releases.Rows = {}
    with engine.begin() as connection:
        # The rows are consistent as a whole, not in any insertion order (team and user
        # refer to each other): foreign keys are checked by the comparison after.
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        for name, table_rows in rows.items():
            table = metadata.tables[name]
            converted[name] = {
                key: {c: _postgres_value(v, table.c[c].type) for c, v in row.items()}
                for key, row in table_rows.items()
            }
            if converted[name]:
                connection.execute(table.insert(), list(converted[name].values()))
            for column in table.primary_key.columns:
                sequence = connection.scalar(
                    text("SELECT pg_get_serial_sequence(:t, :c)"),
                    {"t": f'"{name}"', "c": column.name},
                )
                if sequence is not None and table_rows:
                    connection.execute(
                        text(f'SELECT setval(:s, (SELECT max("{column.name}") FROM "{name}"))'),
                        {"s": sequence},
                    )
    return converted


def _postgres_rows(engine: Engine, like: releases.Rows) -> releases.Rows:
    """The rows of the tables in ``like``, keyed by the same primary keys."""
    metadata = MetaData()
    metadata.reflect(engine)
    rows: releases.Rows = {}
    with engine.connect() as connection:
        for name in like:
            table = metadata.tables[name]
            key = [c.name for c in table.primary_key.columns]
            rows[name] = {
                tuple(r[k] for k in key): dict(r)
                for r in connection.execute(select(table)).mappings()
            }
    return rows


@pytest.mark.parametrize("version", releases.release_params())
def test_a_database_from_a_newer_server_is_refused_untouched(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from server.__main__ import main

    path = releases.unpack(version, "server", tmp_path / SERVER_FILENAME)
    open_server_database(default_url(tmp_path)).dispose()  # upgraded by this server
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer fieldbook-server"):
        open_server_database(default_url(tmp_path))
    assert main(["migrate", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "9999_from_the_future" in err
    assert "Nothing was changed" in err
    assert path.read_bytes() == before
