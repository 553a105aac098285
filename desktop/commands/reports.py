"""``fieldbook export ...`` and ``fieldbook import ...``: workbooks in and out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands import CommandError, add_data_dir
from desktop.commands.context import database

IMPORT_KINDS = ("accounts", "contacts", "products", "targets")


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

    targets = kinds.add_parser("targets", help="the targets grid, ready to edit and import")
    add_data_dir(targets)
    targets.add_argument("--year", type=int, metavar="YYYY")
    _language_and_output(targets)
    targets.set_defaults(handler=export_targets)

    imp = sub.add_parser("import", help="read accounts, contacts, products or targets")
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("file", type=Path, help=".xlsx or .csv (UTF-8 or GBK)")
    add_data_dir(imp)
    imp.add_argument("--sheet", help="sheet name (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    imp.set_defaults(handler=run_import)


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


def run_import(args: argparse.Namespace) -> int:
    from desktop.domain.services.device import current_user_id
    from desktop.reports import importer

    if not args.file.exists():
        raise CommandError(f"{args.file}: no such file")
    with database(args) as db:
        try:
            table = importer.read_table(args.file, sheet=args.sheet)
        except importer.ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        with db.sessions() as session:
            actor = current_user_id(session)
            mapping = importer.guess_mapping(args.kind, table.headers)
            preview = importer.preview(session, args.kind, table, mapping, actor_id=actor)
        _print_preview(args.kind, preview)
        if not preview.ok:
            problem = (
                f"the file lacks columns for {', '.join(preview.unmapped_required)}"
                if preview.unmapped_required
                else f"fix the {len(preview.errors)} rows with errors and try again"
            )
            print(f"fieldbook: nothing imported: {problem}", file=sys.stderr)
            return 1
        if args.dry_run:
            print("dry run: nothing written")
            return 0
        try:
            result = importer.commit(db.sessions, preview, actor_id=actor, source=args.file.name)
        except importer.ImportRefusedError as exc:
            raise CommandError(str(exc)) from exc
        print(
            f"imported: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged"
        )
    return 0


def _print_preview(kind: str, preview: object) -> None:
    from desktop.reports.importer import Preview

    assert isinstance(preview, Preview)
    if preview.unmapped_required:
        print(f"missing columns: {', '.join(preview.unmapped_required)}")
        return
    c = preview.counts
    print(
        f"{kind}: {c['create']} to create, {c['update']} to update, "
        f"{c['unchanged']} unchanged, {c['skip']} skipped, {c['error']} errors"
    )
    for row in preview.rows:
        if row.action in ("error", "skip"):
            print(f"  row {row.line}: {row.action}: {row.reason}")
