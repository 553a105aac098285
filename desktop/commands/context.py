"""Open the database for a command, and take the day's backup if it is due."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.commands import data_dir_of
from desktop.commands.failure import say
from desktop.store.backups import daily_backup
from desktop.store.failures import Kind, classify
from desktop.store.migrate import Database, open_database

log = logging.getLogger("fieldbook.cli")


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Database]:
    """A newer, damaged or unreadable file raises; ``desktop.commands.run`` words it."""
    data_dir = data_dir_of(args)
    db = open_database(data_dir)
    try:
        take_daily_backup(db)
        yield db
    finally:
        db.dispose()


def take_daily_backup(db: Database) -> None:
    """A damaged database stops the command (it is never copied over a good backup);
    any other failure (a full disk) is told in one line and the command goes on."""
    try:
        made = daily_backup(db.path, db.path.parent)
    except Exception as exc:
        failure = classify(exc)
        if failure.kind is Kind.DAMAGED:
            raise
        log.warning("daily backup failed (%s)", failure.kind, exc_info=exc)
        reason = {
            Kind.DISK_FULL: "the disk is full",
            Kind.NO_ACCESS: "permission denied",
        }.get(failure.kind, "an unexpected error, see the log")
        say(f"warning: today's backup was not made ({reason}); your data is unchanged")
        return
    if made is not None:
        log.info("daily backup %s", made.name)
