"""The daily backup: one a day, private, consistent under WAL, the 7 newest kept,
pre-upgrade copies left alone; a full disk neither stops the work nor leaves a file."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desktop.commands import main
from desktop.store import backups
from desktop.store.backups import backup, backups_dir, daily_backup, list_backups
from desktop.store.failures import Kind, classify
from desktop.store.migrate import Database

NOW = dt.datetime(2026, 12, 4, 9, 30, tzinfo=dt.UTC)


def names_in(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [n for (n,) in connection.execute("SELECT value FROM local_meta ORDER BY key")]
    finally:
        connection.close()


def add_meta(db: Database, key: str, value: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO local_meta (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
        )


def test_a_command_takes_the_days_backup_once(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", "--data-dir", str(data_dir)]) == 0
    [first] = list_backups(backups_dir(data_dir))
    assert first.label == ""
    assert first.path.name.startswith("fieldbook-")
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert main(["info", "--data-dir", str(data_dir)]) == 0
    assert list_backups(backups_dir(data_dir)) == [first]


def test_the_copy_has_what_an_open_connection_committed_under_wal(db: Database) -> None:
    add_meta(db, "a", "甲")
    add_meta(db, "b", "乙")  # still in the -wal file: the engine holds its connections
    made = daily_backup(db.path, db.path.parent, now=NOW)
    assert made is not None
    assert names_in(made) == ["甲", "乙"]
    assert not list(backups_dir(db.path.parent).glob("*.partial"))


def test_a_backup_a_day_the_seven_newest_kept_and_upgrade_copies_left(db: Database) -> None:
    folder = backups_dir(db.path.parent)
    before_upgrade = backup(db.path, folder, label="before-0002", now=NOW - dt.timedelta(days=30))
    assert daily_backup(db.path, db.path.parent, now=NOW) is not None
    assert daily_backup(db.path, db.path.parent, now=NOW + dt.timedelta(hours=23)) is None
    for day in range(1, 10):
        assert daily_backup(db.path, db.path.parent, now=NOW + dt.timedelta(days=day)) is not None
    dailies = [b for b in list_backups(folder) if not b.label]
    assert len(dailies) == backups.DAILY_KEPT
    assert dailies[-1].taken == NOW + dt.timedelta(days=9)
    assert dailies[0].taken == NOW + dt.timedelta(days=3)
    assert before_upgrade.exists()


def test_a_full_disk_during_the_backup_leaves_nothing_and_keeps_the_old_ones(
    db: Database, monkeypatch: Any
) -> None:
    folder = backups_dir(db.path.parent)
    old = daily_backup(db.path, db.path.parent, now=NOW - dt.timedelta(days=2))
    assert old is not None
    connect = sqlite3.connect

    def tiny_disk(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = connect(target, *args, **kwargs)
        if str(target).endswith(".partial"):
            # The disk the backup goes to has room for two pages: SQLite's own
            # SQLITE_FULL comes out of the real backup call.
            connection.execute("PRAGMA max_page_count = 2")
        return connection

    monkeypatch.setattr(backups.sqlite3, "connect", tiny_disk)
    with pytest.raises(sqlite3.Error) as error:
        daily_backup(db.path, db.path.parent, now=NOW)
    assert classify(error.value).kind is Kind.DISK_FULL
    assert [b.path for b in list_backups(folder)] == [old]
    assert not list(folder.glob("*.partial"))


def test_a_command_goes_on_when_the_backup_fails(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    def no_room(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.commands.context.daily_backup", no_room)
    assert main(["info", "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert "account: 0" in captured.out
    assert captured.err == (
        "fieldbook: warning: today's backup was not made (the disk is full); "
        "your data is unchanged\n"
    )
