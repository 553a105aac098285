"""``fieldbook visits ics``: the planned visits as an iCalendar file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.commands import CommandError, add_data_dir, data_dir_of
from desktop.commands.context import database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's sub-commands to the parser."""
    visits = sub.add_parser("visits", help="visits: calendar export")
    visit_sub = visits.add_subparsers(dest="visits_command", metavar="COMMAND", required=True)
    ics = visit_sub.add_parser(
        "ics", help="write planned visits as an iCalendar (.ics) file for Outlook and phones"
    )
    add_data_dir(ics)
    ics.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=_date,
        default=None,
        help="first day (YYYY-MM-DD, default today)",
    )
    ics.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        type=_date,
        default=None,
        help="last day, included (YYYY-MM-DD, default: no limit)",
    )
    ics.add_argument(
        "--owner",
        metavar="USERNAME",
        default=None,
        help="only this rep's visits (default: everyone's)",
    )
    ics.add_argument(
        "-o",
        "--output",
        metavar="FILE.ics",
        required=True,
        type=Path,
        help="where to write the calendar",
    )
    ics.set_defaults(handler=export_ics)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from exc


def _zone(args: argparse.Namespace) -> ZoneInfo:
    from desktop.settings import Settings

    try:
        return ZoneInfo(str(Settings(data_dir_of(args)).get("timezone")))
    except (KeyError, ValueError):
        return ZoneInfo("Asia/Shanghai")


def export_ics(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from desktop.domain.models import User
    from desktop.domain.services.visits import list_visits, local_day_bounds
    from desktop.reports.ics import calendar_text, from_visit_rows

    zone = _zone(args)
    start_day = args.start or dt.datetime.now(zone).date()
    if args.end is not None and args.end < start_day:
        raise CommandError("--to is before --from")
    start, _ = local_day_bounds(start_day, zone)
    end = local_day_bounds(args.end, zone)[1] if args.end is not None else None
    with database(args) as db, db.sessions() as session:
        owner_id = None
        if args.owner is not None:
            owner_id = session.scalar(select(User.id).where(User.username == args.owner))
            if owner_id is None:
                raise CommandError(f"no user named {args.owner}")
        rows = list_visits(session, start=start, end=end, owner_id=owner_id, statuses=["planned"])
    text = calendar_text(from_visit_rows(rows), zone)
    output: Path = args.output
    try:
        output.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise CommandError(f"cannot write {output}: {exc.strerror or exc}") from exc
    print(f"wrote {len(rows)} planned visits to {output}")
    return 0
