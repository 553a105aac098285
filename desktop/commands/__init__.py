"""The command line: ``fieldbook [--data-dir DIR] [COMMAND ...]``.

With no command the GUI starts. Each feature module registers its sub-commands in
``COMMAND_MODULES``; a command is a function ``(args) -> int`` that prints results on
stdout and raises ``CommandError`` (one clear line on stderr, exit 1) on bad input;
anything else that escapes becomes one line too, in ``run`` (desktop.commands.failure).
Qt is imported only by the GUI and by commands that render with it (PDF).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack, suppress
from pathlib import Path

from desktop import __version__
from desktop.logfile import logging_to

# Each module has register(subparsers: argparse._SubParsersAction) -> None.
COMMAND_MODULES = (
    "desktop.commands.data",
    "desktop.commands.accounts",
    "desktop.commands.visits",
    "desktop.commands.quotes",
    "desktop.commands.reports",
    "desktop.commands.imports",
    "desktop.commands.contracts",
    "desktop.commands.sync",
)


class CommandError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


Handler = Callable[[argparse.Namespace], int]


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep everything (database, backups, logs, settings) under DIR",
    )


def _top_level_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldbook",
        add_help=add_help,
        description="Fieldbook: client profiles, visits, quotes and targets, offline.",
    )
    parser.add_argument("--version", action="version", version=f"fieldbook {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="keep everything (database, backups, logs, settings) under DIR",
    )
    parser.add_argument(
        "--lang", metavar="LANG", default=None, help="GUI language for this run: en or zh_CN"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="on first start (no accounts yet), fill the database with demo data",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_level_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def data_dir_of(args: argparse.Namespace) -> Path:
    from desktop.paths import resolve_data_dir

    return resolve_data_dir(getattr(args, "data_dir", None))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Starting the window should not pay for importing every command's module.
    gui_args, rest = _top_level_parser(add_help=False).parse_known_args(argv)
    if not rest and "-h" not in argv and "--help" not in argv:
        return run(_gui, gui_args)
    parser = build_parser()
    args = parser.parse_args(argv)  # a usage error exits 2 with argparse's own line
    handler: Handler | None = getattr(args, "handler", None)
    return run(handler or _gui, args)


def _gui(args: argparse.Namespace) -> int:
    from desktop.app import run_gui

    return run_gui(args)


def run(handler: Handler, args: argparse.Namespace) -> int:
    """The one place where any failure of a command becomes one clear line on stderr
    (desktop.commands.failure) and its traceback goes to the log; SystemExit passes."""
    # desktop.commands.failure is imported only when something failed: it brings in
    # SQLAlchemy, which the window loads after its first paint (desktop.app).
    from desktop.domain.errors import DomainError

    data_dir: Path | None = None
    log_path: Path | None = None
    with ExitStack() as stack:
        try:
            data_dir = data_dir_of(args)
            with suppress(OSError):  # no log file: the failure, if any, is still told
                log_path = stack.enter_context(logging_to(data_dir))
            return handler(args)
        except (CommandError, DomainError) as exc:  # a DomainError's text is for users
            print(f"fieldbook: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
        except Exception as exc:
            from desktop.commands import failure

            try:
                return failure.report(exc, data_dir, log_path)
            except Exception:  # e.g. the backups folder unreadable while naming one
                failure.say(f"unexpected error ({type(exc).__name__})")
                return failure.EXIT_UNEXPECTED
