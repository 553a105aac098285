"""Open the database for a command, with the error messages a user can act on."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.commands import CommandError, data_dir_of
from desktop.store.migrate import Database, DatabaseCorruptError, DatabaseTooNewError, open_database


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Database]:
    try:
        db = open_database(data_dir_of(args))
    except (DatabaseTooNewError, DatabaseCorruptError) as exc:
        raise CommandError(str(exc)) from exc
    try:
        yield db
    finally:
        db.dispose()
