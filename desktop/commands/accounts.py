"""``fieldbook search QUERY``: find accounts from a script or a terminal;
``fieldbook account review-pack NAME_OR_CREDIT_CODE -o FILE.pdf|.xlsx``: one account's
review pack."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.commands import CommandError, add_data_dir, data_dir_of
from desktop.commands.context import database
from desktop.commands.failure import say


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
    register_account(sub)


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


def register_account(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    account = sub.add_parser("account", help="one account: its review pack")
    account_sub = account.add_subparsers(dest="account_command", metavar="COMMAND", required=True)
    pack = account_sub.add_parser(
        "review-pack",
        help="an account's review pack: revenue trend, target vs actual, stakeholders and "
        "gaps, health reasons, opportunities, receivables, complaints, next actions, visits",
    )
    add_data_dir(pack)
    pack.add_argument(
        "account", metavar="NAME_OR_CREDIT_CODE", help="credit code, name, short name or a search"
    )
    pack.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help="FILE.pdf or FILE.xlsx"
    )
    pack.add_argument(
        "--lang",
        dest="pack_lang",
        choices=("zh_CN", "en"),
        default="zh_CN",
        help="language of the pack (default zh_CN)",
    )
    pack.add_argument("--year", type=int, metavar="YYYY", help="default: this year")
    pack.set_defaults(handler=review_pack)


EXIT_AMBIGUOUS = 2
CANDIDATES = 20  # listed when a name is ambiguous


def review_pack(args: argparse.Namespace) -> int:
    from desktop.domain.services.accounts import find_account
    from desktop.domain.services.coverage import DEFAULT_ZONE
    from desktop.settings import Settings

    output: Path = args.output
    if output.suffix.lower() not in (".pdf", ".xlsx"):
        raise CommandError(f"{output}: the output file must end in .pdf or .xlsx")
    if not output.parent.exists():
        raise CommandError(f"{output.parent}: no such folder")
    try:
        zone = ZoneInfo(str(Settings(data_dir_of(args)).get("timezone")))
    except (KeyError, ValueError):
        zone = DEFAULT_ZONE
    now = dt.datetime.now(dt.UTC)
    year = args.year or now.astimezone(zone).year
    if not 2000 <= year <= 2199:
        raise CommandError(f"--year {year}: a year from 2000 to 2199")
    with database(args) as db, db.sessions() as session:
        found = find_account(session, args.account, limit=CANDIDATES + 1)
        if not found:
            raise CommandError(f"no account matches {args.account!r}")
        if len(found) > 1:
            many = f"more than {CANDIDATES}" if len(found) > CANDIDATES else str(len(found))
            say(
                f"{args.account!r} matches {many} accounts; "
                "give the credit code or the full name of one:"
            )
            for choice in found[:CANDIDATES]:
                print(f"  {choice.name}\t{choice.detail}", file=sys.stderr)
            return EXIT_AMBIGUOUS
        from desktop.ui.review_pack_file import write_review_pack

        pack = write_review_pack(
            session, found[0].id, output, language=args.pack_lang, year=year, now=now, zone=zone
        )
    print(
        f"wrote {output}: {pack.header.name}, {year}; health {pack.health.score}/100, "
        f"{len(pack.stakeholders.gaps)} coverage gaps, {len(pack.opportunities)} open "
        f"opportunities, {len(pack.complaints)} open complaints"
    )
    return 0
