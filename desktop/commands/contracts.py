"""``fieldbook contracts list [--renewing-within DAYS]``."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.commands import CommandError, add_data_dir
from desktop.commands.context import database
from desktop.domain.services import contracts
from desktop.domain.services.targets import SHANGHAI


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = sub.add_parser("contracts", help="contracts (合同): list, renewals due")
    contract_sub = command.add_subparsers(
        dest="contracts_command", metavar="COMMAND", required=True
    )
    listing = contract_sub.add_parser(
        "list", help="number, account, status, end date, days left, value; renewals marked"
    )
    add_data_dir(listing)
    listing.add_argument(
        "--renewing-within",
        type=int,
        metavar="DAYS",
        default=None,
        help="only active contracts that end within DAYS days",
    )
    listing.set_defaults(handler=list_contracts)


def list_contracts(args: argparse.Namespace) -> int:
    if args.renewing_within is not None and args.renewing_within < 0:
        raise CommandError("--renewing-within: a number of days, 0 or more")
    today = dt.datetime.now(SHANGHAI).date()
    with database(args) as db, db.sessions() as session:
        rows = contracts.list_contracts(session, today, renewing_within=args.renewing_within)
    for row in rows:
        end = row.end_on.isoformat() if row.end_on else "-"
        left = "" if row.days_left is None else str(row.days_left)
        mark = "\trenewal due" if row.renewal_due else ""
        print(
            f"{row.number}\t{row.account_name}\t{row.title}\t{row.status}\t{end}\t{left}\t"
            f"{row.value:.2f}{mark}"
        )
    return 0
