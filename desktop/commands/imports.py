"""``fieldbook import KIND FILE``: accounts, contacts (also a phone's .vcf), products, targets.

The dry run and the real run print the same report first: what was read (sheet,
encoding, delimiter, header row, the program that wrote the file), the mapping of every
column, the words read through the tier/status table, the unknown owners once each,
then the rows that are skipped or wrong. Nothing is written unless every row is right,
and a run that would import nothing is refused (exit status 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands import CommandError, add_data_dir
from desktop.commands.context import database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.imports.plan import Options, Preview
    from desktop.imports.table import Table

IMPORT_KINDS = ("accounts", "contacts", "products", "targets", "opportunities")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import",
        help="read accounts, contacts, products, targets or opportunities (all or nothing)",
        description="Import a workbook (.xlsx .xlsm .xls .ods), a text file (.csv .txt in "
        "UTF-8, UTF-16, GBK or Windows-1252) or, for contacts, a phone's vCards (.vcf).",
        epilog=_words_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("file", type=Path)
    add_data_dir(imp)
    imp.add_argument("--sheet", help="sheet name (default: the one whose header fits best)")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"HEADER=FIELD"',
        help="read the column HEADER as FIELD (repeatable)",
    )
    imp.add_argument(
        "--ignore", action="append", default=[], metavar="HEADER", help="leave a column out"
    )
    imp.add_argument("--owner", metavar="me|USER", help="every imported account gets this owner")
    imp.add_argument(
        "--map-owner",
        action="append",
        default=[],
        metavar='"NAME=USER"',
        help="an owner named NAME in the file is the user USER (repeatable)",
    )
    imp.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    imp.set_defaults(handler=run_import)


def _words_help() -> str:
    """The fields and the tier/status word tables, so the user can see how words are read."""
    from desktop.imports.fields import FIELDS
    from desktop.imports.values import STAGE_WORDS, STATUS_WORDS, TIER_WORDS

    lines = ["fields (for --map):"]
    for kind, fields in FIELDS.items():
        lines.append(f"  {kind}: {', '.join(f.name for f in fields)}")
    for title, table in (
        ("tier words (besides A, A类, A级, A类客户, Tier A ...)", TIER_WORDS),
        ("status words (besides the values and their Chinese labels)", STATUS_WORDS),
        ("opportunity stage words (besides the stages themselves)", STAGE_WORDS),
    ):
        by_value: dict[str, list[str]] = {}
        for word, value in table.items():
            by_value.setdefault(value, []).append(word)
        lines.append(f"{title}:")
        lines += [f"  {value}: {', '.join(words)}" for value, words in by_value.items()]
    return "\n".join(lines)


def run_import(args: argparse.Namespace) -> int:
    from desktop.domain.errors import DomainError
    from desktop.domain.services.device import current_user_id
    from desktop.domain.uow import unit_of_work
    from desktop.imports import ImportFileError, read_table
    from desktop.imports.apply import ImportRefusedError, apply, refusal
    from desktop.imports.mapping import MappingError, guess, parse_pairs
    from desktop.imports.plan import preview

    if not args.file.exists():
        raise CommandError(f"{args.file}: no such file")
    with database(args) as db:
        try:
            table = read_table(args.file, args.kind, sheet=args.sheet)
            mapping = guess(
                args.kind, table.headers, assign=parse_pairs(args.map), ignore=args.ignore
            )
        except (ImportFileError, MappingError) as exc:
            raise CommandError(str(exc)) from exc
        with db.sessions() as session:
            actor = current_user_id(session)
            options = _options(args, session, actor, table)
        source = args.file.name
        # One transaction: the preview the user reads is the one that is applied. The
        # rule book checks every row again before the commit (a DomainError then).
        try:
            with unit_of_work(db.sessions, actor, reason=f"imported from {source}") as uow:
                checked = preview(
                    uow.session, args.kind, table, mapping, actor_id=actor, options=options
                )
                print_report(source, args.kind, table, checked)
                problem = refusal(checked)
                if problem is not None:
                    print(f"fieldbook: nothing imported: {problem}", file=sys.stderr)
                    return 1
                if args.dry_run:
                    print("dry run: nothing written")
                    return 0
                result = apply(uow, checked, source=source, recheck=False)
        except ImportRefusedError as exc:
            raise CommandError(str(exc)) from exc
        except DomainError as exc:
            raise CommandError(f"nothing imported: {exc}") from exc
        print(
            f"imported: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged, {result.skipped} skipped"
        )
    return 0


def _options(
    args: argparse.Namespace, session: Session, actor: str | None, table: Table
) -> Options:
    """``--owner`` and ``--map-owner`` as user ids."""
    from desktop.imports.lookups import resolve_user
    from desktop.imports.mapping import MappingError, parse_pairs
    from desktop.imports.plan import Options
    from desktop.imports.values import fold

    options = Options(unmatched_skip=table.format == "vcard")
    try:
        if args.owner:
            if args.kind != "accounts":
                raise CommandError("--owner applies to accounts")
            me = args.owner.casefold() == "me"
            if me and actor is None:
                raise CommandError("--owner me: this device has no signed-in user")
            options.owner = actor if me else resolve_user(session, args.owner)
        for name, user in parse_pairs(args.map_owner).items():
            options.owners[fold(name)] = resolve_user(session, user)
    except (ValueError, MappingError) as exc:
        raise CommandError(f"owner: {exc}") from exc
    return options


def describe_source(name: str, table: Table) -> list[str]:
    if table.format == "vcard":
        return [f"read {name}: {len(table.rows)} vCards ({table.encoding})"]
    if table.format == "csv":
        delimiter = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "bar"}.get(
            table.delimiter or ",", repr(table.delimiter)
        )
        lines = [f"read {name}: text in {table.encoding}, {delimiter}-separated"]
    else:
        why = f" ({table.sheet_reason})" if table.sheet_reason else ""
        lines = [f"read {name}: sheet {table.sheet!r}{why}"]
        if table.hidden:
            lines.append(f"  hidden sheets are not data: {', '.join(table.hidden)}")
    lines.append(f"  header: row {table.header_line}; {len(table.rows)} data rows")
    return lines


def print_report(name: str, kind: str, table: Table, checked: Preview) -> None:
    from desktop.imports.fields import fields_of

    for line in describe_source(name, table):
        print(line)
    mapping = checked.mapping
    if mapping.program:
        print(f"recognised: {mapping.program}")
    labels = {f.name: f.label for f in fields_of(kind)}
    width = max((len(c.header) for c in mapping.columns), default=0)
    print("columns:")
    for c in mapping.columns:
        if not c.header:
            continue
        if c.field is not None:
            target = labels[c.field] + (f" ({c.note})" if c.note else "")
        else:
            target = f"ignored ({c.note})" if c.note else "ignored"
        print(f"  {c.header:<{width}}  -> {target}")
    for text in mapping.ambiguous:
        print(f'ambiguous: {text}; say which with --map "HEADER=FIELD"')
    for (label, word, result), count in sorted(checked.words.items()):
        print(f"read as {label}: {word!r} -> {result} ({count} rows)")
    if checked.unmapped_required:
        print(f"missing columns: {', '.join(checked.unmapped_required)}")
    row_word = "card" if table.format == "vcard" else "row"
    c = checked.counts
    print(
        f"{kind}: {c['create']} to create, {c['update']} to update, "
        f"{c['unchanged']} unchanged, {c['skip']} skipped, {c['error']} errors"
    )
    owner_only = 0
    for row in checked.rows:
        if row.action not in ("error", "skip"):
            continue
        if checked.unknown_owners and _owner_only(row.reason):
            owner_only += 1
            continue
        print(f"  {row_word} {row.line}: {row.action}: {row.reason}")
    if checked.unknown_owners:
        if owner_only:
            print(f"  {owner_only} more rows have an owner who is not a user (below)")
        print(
            'owners who are not users (map them with --map-owner "NAME=USER" '
            "or take every account with --owner me):"
        )
        for owner, count in sorted(checked.unknown_owners.items(), key=lambda i: -i[1]):
            print(f"  {owner!r}: {count} rows")
    if checked.unmatched_accounts and table.format == "vcard":
        print("organisations that are no account (those cards are skipped):")
        for org, count in sorted(checked.unmatched_accounts.items(), key=lambda i: -i[1]):
            print(f"  {org!r}: {count} cards")


def _owner_only(reason: str) -> bool:
    return all(part.startswith(("Owner: no user", "Rep: no user")) for part in reason.split("; "))
