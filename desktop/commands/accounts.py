"""``fieldbook search QUERY``: find accounts from a script or a terminal."""

from __future__ import annotations

import argparse

from desktop.commands import CommandError, add_data_dir
from desktop.commands.context import database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = sub.add_parser(
        "search",
        help="find accounts by name, short name, credit code, pinyin, or a contact's name, "
        "phone or e-mail",
    )
    add_data_dir(search)
    search.add_argument("query", metavar="QUERY", help='what to look for, e.g. "zgyd" or 138')
    search.add_argument(
        "--limit", type=int, default=50, metavar="N", help="print at most N accounts (default 50)"
    )
    search.set_defaults(handler=search_accounts)


def search_accounts(args: argparse.Namespace) -> int:
    """One account per line, tab-separated: id, name, city, tier, owner."""
    from desktop.domain.services.search import search

    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    if not args.query.strip():
        raise CommandError("QUERY is empty")
    with database(args) as db, db.sessions() as session:
        hits = search(session, args.query, limit=args.limit)
    for hit in hits:
        print("\t".join((hit.id, hit.name, hit.city or "-", hit.tier, hit.owner or "-")))
    return 0 if hits else 1
