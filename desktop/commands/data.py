"""``fieldbook demo-data`` and ``fieldbook info``."""

from __future__ import annotations

import argparse
import sys
import time

from sqlalchemy import func, select

from desktop.commands import CommandError, add_data_dir
from desktop.commands.context import database
from desktop.domain.models import Account
from desktop.domain.services.device import pending_outbox, row_counts
from desktop.store.migrate import current_revision


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = sub.add_parser("demo-data", help="fill the database with a realistic demo dataset")
    add_data_dir(demo)
    demo.add_argument(
        "--accounts",
        type=int,
        default=300,
        metavar="N",
        help="number of accounts (1 to 100000; default 300)",
    )
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.set_defaults(handler=demo_data)

    info = sub.add_parser("info", help="schema version, row counts, pending changes")
    add_data_dir(info)
    info.set_defaults(handler=show_info)


def demo_data(args: argparse.Namespace) -> int:
    from desktop.store.demo import generate

    if not 1 <= args.accounts <= 100_000:
        raise CommandError("--accounts must be between 1 and 100000")
    with database(args) as db:
        with db.sessions() as session:
            existing = session.scalar(select(func.count()).select_from(Account)) or 0
        if existing:
            raise CommandError(
                f"{db.path} already holds {existing} accounts; demo data goes into an empty "
                "data folder (use another --data-dir)"
            )
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\r{done}/{total} accounts", end="", file=sys.stderr, flush=True)

        with db.sessions() as session, session.begin():
            summary = generate(session, args.accounts, seed=args.seed, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        elapsed = time.perf_counter() - started
        total = sum(summary.counts.values())
        print(f"wrote {total} rows ({args.accounts} accounts) in {elapsed:.1f} s to {db.path}")
    return 0


def show_info(args: argparse.Namespace) -> int:
    with database(args) as db:
        print(f"database: {db.path}")
        print(f"schema: {current_revision(db.engine)}")
        with db.sessions() as session:
            for name, n in row_counts(session).items():
                print(f"{name}: {n}")
            print(f"pending outbox entries: {pending_outbox(session)}")
    return 0
