"""``fieldbook export ...``: workbooks out (``fieldbook import`` is in commands/imports.py)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.commands import CommandError, add_data_dir
from desktop.commands.context import database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="write workbooks: the meeting pack, lists")
    kinds = export.add_subparsers(dest="export_kind", metavar="WHAT", required=True)

    pack = kinds.add_parser("meeting-pack", help="the managers' multi-sheet workbook")
    add_data_dir(pack)
    pack.add_argument("--period", required=True, metavar="P", help="2026, 2026-Q3 or 2026-07")
    pack.add_argument("--team", metavar="T", help="team name or id (default: everyone)")
    _language_and_output(pack)
    pack.set_defaults(handler=export_meeting_pack)

    accounts = kinds.add_parser("accounts", help="all visible accounts with their main fields")
    add_data_dir(accounts)
    _language_and_output(accounts)
    accounts.set_defaults(handler=export_accounts)

    deals = kinds.add_parser("opportunities", help="every visible opportunity, ready to import")
    add_data_dir(deals)
    _language_and_output(deals)
    deals.set_defaults(handler=export_opportunities)

    winloss = kinds.add_parser(
        "win-loss", help="closed opportunities by competitor, lost reason and rep"
    )
    add_data_dir(winloss)
    winloss.add_argument("--from", dest="start", metavar="DATE", help="closed on or after")
    winloss.add_argument("--to", dest="end", metavar="DATE", help="closed on or before")
    _language_and_output(winloss)
    winloss.set_defaults(handler=export_win_loss)

    pay = kinds.add_parser(
        "commission", help="per rep, the orders paid in a month, the rate and the commission"
    )
    add_data_dir(pay)
    pay.add_argument("--month", required=True, metavar="YYYY-MM", help="e.g. 2026-11")
    _language_and_output(pay)
    pay.set_defaults(handler=export_commission)

    due = kinds.add_parser(
        "receivables",
        help="回款: plan vs actual, ageing by account, overdue instalments, DSO by account and rep",
    )
    add_data_dir(due)
    due.add_argument("--as-of", dest="as_of", metavar="DATE", help="the day (default: today)")
    _language_and_output(due)
    due.set_defaults(handler=export_receivables)

    targets = kinds.add_parser("targets", help="the targets grid, ready to edit and import")
    add_data_dir(targets)
    targets.add_argument("--year", type=int, metavar="YYYY")
    _language_and_output(targets)
    targets.set_defaults(handler=export_targets)

    analysis = kinds.add_parser(
        "analysis", help="revenue by account year over year, ABC classes, share of wallet, dormant"
    )
    add_data_dir(analysis)
    analysis.add_argument("--year", type=int, required=True, metavar="YYYY")
    _language_and_output(analysis)
    analysis.set_defaults(handler=export_analysis)


def _language_and_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    parser.add_argument(
        "--language",
        choices=("en", "zh_CN"),
        default=None,
        help="headers in English or Simplified Chinese (default: settings)",
    )


def _language(args: argparse.Namespace) -> str:
    from desktop.commands import data_dir_of
    from desktop.reports.labels import resolve_language
    from desktop.settings import Settings

    explicit = args.language or getattr(args, "lang", None)
    if explicit:
        return resolve_language(explicit)
    return resolve_language(str(Settings(data_dir_of(args)).get("language")))


def _output(args: argparse.Namespace) -> Path:
    path: Path = args.output
    if path.suffix.lower() != ".xlsx":
        raise CommandError(f"{path}: the output file must end in .xlsx")
    if not path.parent.exists():
        raise CommandError(f"{path.parent}: no such folder")
    return path


def export_meeting_pack(args: argparse.Namespace) -> int:
    from desktop.domain.errors import ValidationError
    from desktop.domain.services.targets import parse_period
    from desktop.reports.meeting_pack import build_meeting_pack, find_team

    path = _output(args)
    try:
        period = parse_period(args.period).key
    except ValidationError as exc:
        raise CommandError(str(exc.errors["period"])) from exc
    language = _language(args)
    with database(args) as db, db.sessions() as session:
        team_id = None
        if args.team:
            team = find_team(session, args.team)
            if team is None:
                raise CommandError(f"no team called {args.team!r}")
            team_id = team["id"]
        result = build_meeting_pack(session, path, period, team_id=team_id, language=language)
    print(
        f"wrote {path}: {len(result.sheets)} sheets ({', '.join(result.sheets)}); "
        f"{result.reps} reps, {result.quotes} quotes, {result.complaints} complaints"
    )
    return 0


def export_accounts(args: argparse.Namespace) -> int:
    from desktop.reports.exports import export_accounts as write

    path = _output(args)
    language = _language(args)
    with database(args) as db, db.sessions() as session:
        count = write(session, path, language=language)
    print(f"wrote {count} accounts to {path}")
    return 0


def export_targets(args: argparse.Namespace) -> int:
    from desktop.reports.exports import export_targets as write

    path = _output(args)
    language = _language(args)
    with database(args) as db, db.sessions() as session:
        count = write(session, path, year=args.year, language=language)
    print(f"wrote {count} targets to {path}")
    return 0


def export_opportunities(args: argparse.Namespace) -> int:
    from desktop.reports.opportunities import export_opportunities as write

    path = _output(args)
    language = _language(args)
    with database(args) as db, db.sessions() as session:
        count = write(session, path, language=language)
    print(f"wrote {count} opportunities to {path}")
    return 0


def _day(text: str | None, what: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{what} {text!r} is not a date (2026-11-30)") from None


def export_win_loss(args: argparse.Namespace) -> int:
    from desktop.reports.win_loss import export_win_loss as write

    path = _output(args)
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    language = _language(args)
    with database(args) as db, db.sessions() as session:
        result = write(session, path, start=start, end=end, language=language)
    total = result.totals
    print(
        f"wrote {path}: {total.deals} closed opportunities ({total.won} won, {total.lost} lost), "
        f"{len(result.by_competitor)} competitors, {len(result.by_reason)} lost reasons, "
        f"{len(result.by_rep)} reps"
    )
    return 0


def export_commission(args: argparse.Namespace) -> int:
    from desktop.domain.errors import ValidationError
    from desktop.reports.commission import export_commission as write

    path = _output(args)
    language = _language(args)
    with database(args) as db, db.sessions() as session:
        try:
            reps = write(session, path, args.month, language=language)
        except ValidationError as exc:
            raise CommandError("; ".join(str(e) for e in exc.errors.values())) from exc
    orders = sum(len(r.orders) for r in reps)
    total = sum((r.commission for r in reps), start=0)
    print(
        f"wrote {path}: {len(reps)} reps, {orders} orders paid in {args.month}, commission {total}"
    )
    return 0


def export_analysis(args: argparse.Namespace) -> int:
    from desktop.reports.analysis import build_analysis

    path = _output(args)
    if not 2000 <= args.year <= 2199:
        raise CommandError(f"--year {args.year}: a year from 2000 to 2199")
    language = _language(args)
    today = dt.datetime.now(dt.UTC).date()
    with database(args) as db, db.sessions() as session:
        result = build_analysis(session, path, args.year, language=language, today=today)
    classes = ", ".join(f"{k} {v}" for k, v in result.classes.items())
    print(
        f"wrote {path}: {len(result.sheets)} sheets ({', '.join(result.sheets)}); "
        f"{result.accounts} accounts ({classes}), {result.dormant} dormant"
    )
    return 0


def export_receivables(args: argparse.Namespace) -> int:
    from desktop.domain.services.targets import SHANGHAI
    from desktop.reports.receivables import export_receivables as write

    path = _output(args)
    as_of = _day(args.as_of, "--as-of") or dt.datetime.now(SHANGHAI).date()
    language = _language(args)
    with database(args) as db, db.sessions() as session:
        result = write(session, path, as_of, language=language)
    print(
        f"wrote {path} as of {as_of}: {len(result.sheets)} sheets ({', '.join(result.sheets)}); "
        f"{result.instalments} instalments, {result.overdue} overdue, open {result.open}"
    )
    return 0
