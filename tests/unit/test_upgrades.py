"""A device database written by every released version opens in this version: the app's
own open path backs it up, migrates it to head, keeps every row and value, and the
schema it ends with is the models'. (Syncing an upgraded device with an upgraded server:
tests/server/test_upgrades.py.)

The fixtures are built from the release's code by tools/build_release_db.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain.models import Account, OutboxEntry, Visit
from desktop.domain.services.search import search
from desktop.store.engine import DB_FILENAME
from desktop.store.migrate import (
    DatabaseTooNewError,
    current_revision,
    head_revision,
    open_database,
)
from tests import releases
from tests.unit.test_store import schema_diff


@pytest.mark.parametrize("version", releases.release_params())
def test_a_released_device_database_opens_with_every_row_kept(version: str, data_dir: Path) -> None:
    path = releases.unpack(version, "device", data_dir / DB_FILENAME)
    released = releases.sqlite_revision(path)
    before = releases.sqlite_rows(path)

    db = open_database(data_dir)
    try:
        assert current_revision(db.engine) == head_revision()
        assert schema_diff(db.engine) == []
        # Before changing the file, the open path copied it aside as it was.
        backups = sorted((data_dir / "backups").glob("fieldbook-*.sqlite3"))
        if released == head_revision():
            assert backups == []  # nothing to migrate: no copy either
        else:
            assert len(backups) == 1
            assert releases.sqlite_revision(backups[0]) == released
            assert releases.sqlite_rows(backups[0]) == before
        releases.assert_rows_kept(before, releases.sqlite_rows(path))
        # What the user notices: the search finds the release's accounts, and the edit
        # that was waiting to be sent still waits.
        facts = releases.manifest(version)
        with db.sessions() as session:
            names = {hit.name for hit in search(session, "升级测试")}
            pending = session.get(OutboxEntry, facts["pending_mutation_id"])
            account = session.get(Account, facts["pending_account"])
            assert session.scalar(select(Account.id).limit(1)) is not None
        assert "升级测试有限公司" in names
        assert pending is not None
        assert pending.state == "pending"
        assert account is not None
        assert account.short_name == facts["pending_field"]["short_name"]
    finally:
        db.dispose()


@pytest.mark.parametrize("version", releases.release_params())
def test_released_visits_count_as_recorded_in_time(version: str, data_dir: Path) -> None:
    """0003 adds visit.recorded_after_at: the release's visits were recorded in time."""
    releases.unpack(version, "device", data_dir / DB_FILENAME)
    db = open_database(data_dir)
    try:
        with db.sessions() as session:
            stamps = list(session.scalars(select(Visit.recorded_after_at)))
        assert stamps
        assert set(stamps) == {None}
    finally:
        db.dispose()


@pytest.mark.parametrize("version", releases.release_params())
def test_an_upgraded_database_stamped_by_a_newer_app_is_refused_untouched(
    version: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Going back to an older Fieldbook after an upgrade must not damage the file."""
    from desktop.commands import main

    path = releases.unpack(version, "device", data_dir / DB_FILENAME)
    open_database(data_dir).dispose()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    backups = sorted((data_dir / "backups").glob("*"))
    with pytest.raises(DatabaseTooNewError, match="newer Fieldbook") as refused:
        open_database(data_dir)
    assert "9999_from_the_future" in str(refused.value)
    assert "was not changed" in str(refused.value)
    assert main(["info", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "newer Fieldbook" in err
    assert path.read_bytes() == before
    assert sorted((data_dir / "backups").glob("*")) == backups  # no copy made either


@pytest.mark.parametrize("version", releases.release_params())
def test_the_released_revisions_still_build_what_the_release_built(
    version: str, tmp_path: Path
) -> None:
    """A released revision is frozen: run on an empty file today, it must write the very
    schema it wrote in the release (also through what it imports, such as extra_sql)."""
    from alembic import command

    from desktop.store.engine import make_engine
    from desktop.store.migrate import alembic_config

    released = releases.unpack(version, "device", tmp_path / "released.sqlite3")
    engine = make_engine(tmp_path / "fresh.sqlite3")
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, releases.sqlite_revision(released))
    engine.dispose()
    assert releases.schema_of(tmp_path / "fresh.sqlite3") == releases.schema_of(released)
