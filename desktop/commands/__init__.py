"""The command line: ``fieldbook [--data-dir DIR] [COMMAND ...]``.

With no command the GUI starts. Each feature module registers its sub-commands in
``COMMAND_MODULES``; a command is a function ``(args) -> int`` that prints results on
stdout and raises ``CommandError`` (one clear line on stderr, exit 1) on bad input.
Qt is imported only by the GUI and by commands that render with it (PDF).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop import __version__

# Each module has register(subparsers: argparse._SubParsersAction) -> None.
COMMAND_MODULES = (
    "desktop.commands.data",
    "desktop.commands.accounts",
    "desktop.commands.visits",
    "desktop.commands.quotes",
    "desktop.commands.reports",
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
        from desktop.app import run_gui

        return run_gui(gui_args)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from desktop.app import run_gui

        return run_gui(args)
    try:
        return handler(args)
    except CommandError as exc:
        print(f"fieldbook: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("fieldbook: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the one place where any failure becomes one clear line
        from desktop.store.migrate import DatabaseCorruptError, DatabaseTooNewError

        if isinstance(exc, DatabaseTooNewError | DatabaseCorruptError | OSError):
            print(f"fieldbook: {exc}", file=sys.stderr)
            return 1
        raise
