"""``fieldbook quote list`` and ``fieldbook quote pdf NUMBER -o FILE.pdf``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.commands import CommandError, add_data_dir, data_dir_of
from desktop.commands.context import database
from desktop.domain.errors import NotFoundError
from desktop.domain.models import QUOTE_STATUSES
from desktop.domain.services import quotes


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's sub-commands to the parser."""
    quote = sub.add_parser("quote", help="quotes: list, print to PDF")
    quote_sub = quote.add_subparsers(dest="quote_command", metavar="COMMAND", required=True)

    listing = quote_sub.add_parser(
        "list", help="latest revision of every quote: number, revision, account, status, total"
    )
    add_data_dir(listing)
    listing.add_argument(
        "--status", choices=QUOTE_STATUSES, default=None, help="only quotes with this status"
    )
    listing.add_argument("--all-revisions", action="store_true", help="earlier revisions too")
    listing.set_defaults(handler=list_quotes)

    pdf = quote_sub.add_parser("pdf", help="print a quote to an A4 PDF")
    add_data_dir(pdf)
    pdf.add_argument("number", metavar="NUMBER", help="quote number, e.g. Q-2026-ZW-0042")
    pdf.add_argument("--revision", metavar="REV", default=None, help="default: the latest")
    pdf.add_argument(
        "-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="where to write"
    )
    pdf.add_argument(
        "--lang",
        dest="pdf_lang",
        choices=("zh_CN", "en"),
        default="zh_CN",
        help="language of the printed labels (default zh_CN)",
    )
    pdf.set_defaults(handler=quote_pdf)


def list_quotes(args: argparse.Namespace) -> int:
    today = dt.datetime.now(quotes.SHANGHAI).date()
    with database(args) as db, db.sessions() as session:
        where = quotes.QuoteFilter(latest_only=not args.all_revisions)
        for row in quotes.list_quotes(session, where, today=today):
            # A sent quote past its date shows as expired even before the app sweeps it.
            if args.status and row["shown_status"] != args.status:
                continue
            print(
                f"{row['number']}\t{row['revision']}\t{row['account_name']}\t"
                f"{row['shown_status']}\t{row['total']:.2f}"
            )
    return 0


def quote_pdf(args: argparse.Namespace) -> int:
    from desktop.domain.services import seller
    from desktop.reports.quote_document import Company, build, to_html
    from desktop.settings import Settings

    settings = Settings(data_dir_of(args))
    with database(args) as db, db.sessions() as session:
        try:
            quote_id = quotes.find_by_number(session, args.number, args.revision)
        except NotFoundError as exc:
            raise CommandError(str(exc)) from exc
        view = quotes.get_quote(session, quote_id)
        details = seller.load(session)
    document = build(view, Company.of(details, settings), args.pdf_lang)
    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise CommandError(f"{output} does not end in .pdf")
    from desktop.ui.pdf import render_pdf

    render_pdf(
        to_html(document),
        output,
        f"{document.title} {document.number}",
        watermark=document.watermark,
    )
    print(f"wrote {output}")
    return 0
