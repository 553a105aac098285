"""Copies of the device database in ``<data>/backups``: daily, and before a migration.

Both are made with SQLite's online backup (consistent while the app writes, in WAL
mode too) into a ``.partial`` file that is checked (``PRAGMA quick_check``) before it
takes its name, so a damaged database never becomes a backup and a failed copy (full
disk) never replaces a good one. Names sort by time:
``fieldbook-YYYYMMDD-HHMMSS.sqlite3`` for the daily copies (the 7 newest are kept),
``fieldbook-YYYYMMDD-HHMMSS-<label>.sqlite3`` for the copies taken before an upgrade
(kept by their own rule: the 10 newest).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

BACKUPS_DIR = "backups"
DAILY_KEPT = 7
LABELLED_KEPT = 10
DAILY_EVERY = dt.timedelta(days=1)
_NAME = re.compile(r"^fieldbook-(\d{8}-\d{6})(?:-(.+))?\.sqlite3$")


class BackupRefusedError(RuntimeError):
    """The database failed its check: it was not copied over any backup."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime  # UTC, from the name
    label: str  # "" for a daily copy


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_DIR


def list_backups(folder: Path) -> list[BackupFile]:
    """Every finished backup in ``folder``, oldest first."""
    found = []
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    for name in names:
        match = _NAME.match(name)
        if match is None:
            continue
        taken = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
        found.append(BackupFile(folder / name, taken, match.group(2) or ""))
    return sorted(found, key=lambda b: (b.taken, b.path.name))


def newest_backup(folder: Path) -> BackupFile | None:
    backups = list_backups(folder)
    return backups[-1] if backups else None


def daily_backup_due(folder: Path, now: dt.datetime | None = None) -> bool:
    """No backup of any kind in the last day (a pre-upgrade copy counts: it is as fresh)."""
    newest = newest_backup(folder)
    now = now or dt.datetime.now(dt.UTC)
    return newest is None or now - newest.taken >= DAILY_EVERY or newest.taken > now


def backup(db_path: Path, folder: Path, label: str = "", now: dt.datetime | None = None) -> Path:
    """Copy the database to ``folder``; check the copy; prune older ones of its kind.

    Raises ``BackupRefusedError`` when the copy fails its check (the database is
    damaged), and sqlite3/OS errors (full disk) with no file left behind.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S")
    target = folder / f"fieldbook-{stamp}{('-' + label) if label else ''}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
                # The copy, not the source: it is what a restore would use, and checking
                # it does not hold a read transaction on the live database.
                verdict = dest.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dest.close()
        finally:
            source.close()
        if verdict != "ok":
            raise BackupRefusedError(f"{db_path} failed its check ({verdict}); not backed up")
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _prune(folder, daily=not label)
    return target


def _prune(folder: Path, *, daily: bool) -> None:
    kept = DAILY_KEPT if daily else LABELLED_KEPT
    same_kind = [b for b in list_backups(folder) if (b.label == "") == daily]
    for old in same_kind[:-kept]:
        old.path.unlink(missing_ok=True)


def daily_backup(db_path: Path, data_dir: Path, now: dt.datetime | None = None) -> Path | None:
    """Take the day's backup if none was taken in the last day; the new file or None."""
    folder = backups_dir(data_dir)
    if not db_path.exists() or not daily_backup_due(folder, now):
        return None
    return backup(db_path, folder, now=now)
