"""Any exception that escapes a command, as one line on stderr and an exit status.

The traceback goes to the log file (``desktop.logfile``), never to the terminal. The
command line speaks plain English, as every ``CommandError`` does; the window words
the same failures itself with ``tr()`` (``desktop.ui.failure``).

Exit statuses (after BSD's sysexits, so a script can tell them apart): 1 a problem the
user can fix (bad input, a database from a newer Fieldbook), 65 a damaged database,
70 an unexpected failure, 74 a full disk, 77 no permission, 130 interrupted.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

from desktop.store.engine import DB_FILENAME
from desktop.store.failures import Failure, Kind, access_target, classify, restore_source

log = logging.getLogger("fieldbook.cli")

EXIT_USAGE = 1
EXIT_DAMAGED = 65
EXIT_UNEXPECTED = 70
EXIT_DISK_FULL = 74
EXIT_NO_ACCESS = 77
EXIT_INTERRUPTED = 130

_STATUS = {
    Kind.DISK_FULL: EXIT_DISK_FULL,
    Kind.DAMAGED: EXIT_DAMAGED,
    Kind.TOO_NEW: EXIT_USAGE,
    Kind.NO_ACCESS: EXIT_NO_ACCESS,
    Kind.UNEXPECTED: EXIT_UNEXPECTED,
}


def say(line: str) -> None:
    print(f"fieldbook: {line}", file=sys.stderr)


def _when(taken_utc: dt.datetime) -> str:
    return taken_utc.astimezone().strftime("%Y-%m-%d %H:%M")


def damaged_line(data_dir: Path) -> str:
    path = data_dir / DB_FILENAME
    newest = restore_source(data_dir)
    if newest is None:
        return (
            f"the database file {path} is damaged and there is no backup to go back to; "
            "it was left as it is (move it away to start with an empty database, then sync)"
        )
    return (
        f"the database file {path} is damaged; it was left as it is. The newest backup is "
        f"{newest.path} (from {_when(newest.taken)}); to use it, quit Fieldbook, move the "
        f"damaged file away and copy the backup to {path}"
    )


def failure_line(failure: Failure, data_dir: Path | None, log_path: Path | None) -> str:
    where = data_dir if data_dir is not None else Path.cwd()
    if failure.kind is Kind.DISK_FULL:
        return f"the disk is full (data folder {where}); nothing was changed: free some space"
    if failure.kind is Kind.DAMAGED:
        return damaged_line(where)
    if failure.kind is Kind.TOO_NEW:
        return str(failure.error)
    if failure.kind is Kind.NO_ACCESS:
        target = access_target(failure, where)
        return (
            f"permission denied for {target}: Fieldbook may not read or write it "
            "(check its owner and permissions, or use --data-dir)"
        )
    name = type(failure.error).__name__
    details = f"the details are in {log_path}" if log_path else "nothing was logged"
    return f"unexpected error ({name}); {details}"


def report(exc: Exception, data_dir: Path | None, log_path: Path | None) -> int:
    """Log ``exc`` with its traceback, print its one line, return the exit status."""
    failure = classify(exc)
    if logging.getLogger().handlers:
        # Only into a file we opened: with no handler, logging would print the
        # traceback on stderr itself.
        log.error("command failed (%s)", failure.kind, exc_info=exc)
    say(failure_line(failure, data_dir, log_path))
    return _STATUS[failure.kind]
