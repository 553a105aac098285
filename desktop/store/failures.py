"""What went wrong, in the terms a user can act on: full disk, damaged file, no access.

The command line and the window both ask ``classify`` about any exception that escaped
a command or a task, and word the answer themselves (plain English on the command
line, ``tr()`` in the window). SQLAlchemy wraps the driver's errors and our own code
re-raises with ``from``, so the whole chain is searched, not only the outer exception.
Nothing here shows the exception's text: SQLAlchemy's carries the SQL and its
parameters, that is customer data.
"""

from __future__ import annotations

import errno
import sqlite3
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.store.backups import BackupFile, BackupRefusedError, backups_dir, newest_backup


class Kind(StrEnum):
    DISK_FULL = "disk_full"
    DAMAGED = "damaged"
    TOO_NEW = "too_new"
    NO_ACCESS = "no_access"
    UNEXPECTED = "unexpected"


@dataclass(frozen=True)
class Failure:
    kind: Kind
    error: BaseException  # the exception in the chain that told us (the outer one if none)


_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)  # sqlalchemy.exc.DBAPIError
        pending += [orig if isinstance(orig, BaseException) else None]
        pending += [current.__cause__, current.__context__]


def _sqlite_kind(exc: sqlite3.Error) -> Kind | None:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return Kind.DISK_FULL
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or "file is not a database" in text
    ):
        return Kind.DAMAGED
    if (
        name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"))
        or "readonly database" in text
        or "unable to open database file" in text
    ):
        return Kind.NO_ACCESS
    return None


def _kind_of(exc: BaseException) -> Kind | None:
    # Imported here: migrate brings in SQLAlchemy, and the command line words a
    # failure with this module before anything else was loaded.
    from desktop.store.migrate import DatabaseCorruptError, DatabaseTooNewError

    if isinstance(exc, DatabaseTooNewError):
        return Kind.TOO_NEW
    if isinstance(exc, DatabaseCorruptError | BackupRefusedError):
        return Kind.DAMAGED
    if isinstance(exc, sqlite3.Error):
        return _sqlite_kind(exc)
    # ssl.SSLError is an OSError whose errno is OpenSSL's code (1 is also EPERM), and
    # network errors are the sync's to explain: only the file system's errors count.
    if isinstance(exc, OSError) and not isinstance(exc, ssl.SSLError | ConnectionError):
        if exc.errno in _DISK_FULL_ERRNOS:
            return Kind.DISK_FULL
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            return Kind.NO_ACCESS
    return None


def classify(exc: BaseException) -> Failure:
    for link in _chain(exc):
        kind = _kind_of(link)
        if kind is not None:
            return Failure(kind, link)
    return Failure(Kind.UNEXPECTED, exc)


def access_target(failure: Failure, fallback: Path) -> Path:
    """The file or folder that could not be read or written, as far as we know."""
    filename = getattr(failure.error, "filename", None)
    return Path(filename) if isinstance(filename, str) and filename else fallback


def restore_source(data_dir: Path) -> BackupFile | None:
    """The backup a user should go back to after a damaged file: the newest one."""
    return newest_backup(backups_dir(data_dir))
