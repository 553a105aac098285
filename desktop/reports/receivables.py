"""The receivables workbook (回款), ``fieldbook export receivables``: plan vs actual per
contract and order, ageing by account, overdue instalments, DSO by account and by rep;
and the meeting pack's 回款 sheet (plan vs actual per rep, ageing, the top overdue).

Every figure is ``desktop.domain.receivables``'s, read through the one ledger
(``services.receivables.ledger``). The rows are built by the functions below, so the
bench's floor (bare openpyxl) writes exactly the cells the export writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import receivables as calc
from desktop.domain.models import INSTALMENT_KINDS, User
from desktop.domain.services.receivables import Ledger, ledger
from desktop.reports.labels import Labels
from desktop.reports.xlsx import (
    DATE_FORMAT,
    INT_FORMAT,
    MONEY_FORMAT,
    SHANGHAI,
    Column,
    SheetWriter,
    clean_text,
    new_workbook,
    save_atomically,
)

TOP_OVERDUE = 20
ZERO = Decimal(0)
TENTH = Decimal("0.1")
BUCKET_WORDS = {
    "not_due": "Not yet due",
    "0_30": "0–30 days",
    "31_90": "31–90 days",
    "91_180": "91–180 days",
    "over_180": "Over 180 days",
}
Sheet = tuple[str, list[Column], list[list[Any]]]


@dataclass(frozen=True)
class ReceivablesResult:
    path: Path
    sheets: list[str]
    instalments: int
    overdue: int
    open: Decimal


def rep_names(session: Session) -> dict[str, str]:
    names = session.execute(select(User.id, User.display_name))
    return {str(row[0]): str(row[1]) for row in names}


def plan_vs_actual(book: Ledger, t: Labels, reps: dict[str, str]) -> Sheet:
    columns = [
        Column(t("Account")),
        Column(t("Rep")),
        Column(t("Contract or order")),
        Column(t("Contract or order no.")),
        Column(t("Instalments"), "int"),
        Column(t("Planned"), "money"),
        Column(t("Paid"), "money"),
        Column(t("Open"), "money"),
        Column(t("Overdue"), "money"),
        Column(t("Collected"), "percent"),
    ]
    # Per contract or order: its first line, then instalments, planned, paid, open, overdue.
    groups: dict[str, list[Any]] = {}
    for line in book.lines:
        plan, position = line.plan, line.position
        key = plan.order_id or plan.contract_id or ""
        group = groups.get(key)
        if group is None:
            group = groups[key] = [line, 0, ZERO, ZERO, ZERO, ZERO]
        group[1] += 1
        group[2] += plan.amount
        group[3] += position.paid
        group[4] += position.open
        if position.days_overdue:
            group[5] += position.open
    order_word, contract_word = t("sales_order"), t("contract")
    rows = []
    for line, count, planned, paid, open_amount, overdue in sorted(
        groups.values(), key=lambda g: (g[0].account_name, g[0].parent_number)
    ):
        rows.append(
            [
                line.account_name,
                reps.get(line.plan.owner_id or "", ""),
                order_word if line.plan.order_id else contract_word,
                line.parent_number,
                count,
                planned,
                paid,
                open_amount,
                overdue,
                (paid * 100 / planned).quantize(TENTH) if planned > 0 else None,
            ]
        )
    return t("Plan vs actual"), columns, rows


def ageing_by_account(book: Ledger, t: Labels, reps: dict[str, str]) -> Sheet:
    columns = [
        Column(t("Account")),
        Column(t("Rep")),
        *[Column(t(BUCKET_WORDS[b]), "money") for b in calc.BUCKETS],
        Column(t("Overdue"), "money"),
        Column(t("Open"), "money"),
    ]
    rows = []
    by_account = book.by_account
    for account_id in sorted(by_account, key=lambda a: (book.account_names.get(a, ""), a)):
        totals = by_account[account_id]
        if totals.open <= 0:
            continue
        rows.append(
            [
                book.account_names.get(account_id, ""),
                reps.get(book.account_owners.get(account_id) or "", ""),
                *[totals.ageing[b] for b in calc.BUCKETS],
                totals.overdue,
                totals.open,
            ]
        )
    return t("Ageing by account"), columns, rows


def overdue_columns(t: Labels) -> list[Column]:
    return [
        Column(t("Account")),
        Column(t("Rep")),
        Column(t("Contract or order")),
        Column(t("Instalment")),
        Column(t("Condition")),
        Column(t("Due"), "date"),
        Column(t("Planned"), "money"),
        Column(t("Paid"), "money"),
        Column(t("Open"), "money"),
        Column(t("Days overdue"), "int"),
        Column(t("Ageing")),
    ]


def overdue_rows(
    book: Ledger, t: Labels, reps: dict[str, str], limit: int | None = None
) -> list[list[Any]]:
    late = book.overdue()
    kinds = {kind: t(kind) for kind in INSTALMENT_KINDS}
    whole = t("Whole order")
    ages = {code: t(word) for code, word in BUCKET_WORDS.items()}
    return [
        [
            line.account_name,
            reps.get(line.plan.owner_id or "", ""),
            line.parent_number,
            whole if line.plan.derived else kinds.get(line.plan.kind, line.plan.kind),
            line.plan.condition,
            line.plan.due_on,
            line.plan.amount,
            line.position.paid,
            line.position.open,
            line.position.days_overdue,
            ages[line.position.bucket or "not_due"],
        ]
        for line in (late if limit is None else late[:limit])
    ]


def overdue_instalments(book: Ledger, t: Labels, reps: dict[str, str]) -> Sheet:
    return t("Overdue instalments"), overdue_columns(t), overdue_rows(book, t, reps)


def _dso_columns(t: Labels, first: list[Column]) -> list[Column]:
    return [
        *first,
        Column(t("Fallen due, open"), "money"),
        Column(t("Fell due in 90 days"), "money"),
        Column(t("DSO (days)"), "decimal"),
    ]


def dso_by_account(book: Ledger, t: Labels, reps: dict[str, str]) -> Sheet:
    columns = _dso_columns(t, [Column(t("Account")), Column(t("Rep"))])
    by_account = book.by_account
    rows = [
        [
            book.account_names.get(a, ""),
            reps.get(book.account_owners.get(a) or "", ""),
            totals.due_open,
            totals.billed,
            totals.dso,
        ]
        for a, totals in sorted(
            by_account.items(), key=lambda kv: (book.account_names.get(kv[0], ""), kv[0])
        )
        if totals.billed > 0 or totals.due_open > 0
    ]
    return t("DSO by account"), columns, rows


def dso_by_rep(book: Ledger, t: Labels, reps: dict[str, str]) -> Sheet:
    columns = _dso_columns(t, [Column(t("Rep")), Column(t("Accounts"), "int")])
    accounts: dict[str, set[str]] = {}
    for line in book.lines:
        accounts.setdefault(line.plan.owner_id or "", set()).add(line.plan.account_id)
    rows = [
        [
            reps.get(owner, "") or t("Unassigned"),
            len(accounts.get(owner, ())),
            totals.due_open,
            totals.billed,
            totals.dso,
        ]
        for owner, totals in sorted(book.by_owner.items(), key=lambda kv: reps.get(kv[0], ""))
    ]
    return t("DSO by rep"), columns, rows


def receivables_sheets(book: Ledger, t: Labels, reps: dict[str, str]) -> list[Sheet]:
    """The export's sheets, in order, with every cell they hold."""
    return [
        plan_vs_actual(book, t, reps),
        ageing_by_account(book, t, reps),
        overdue_instalments(book, t, reps),
        dso_by_account(book, t, reps),
        dso_by_rep(book, t, reps),
    ]


def export_receivables(
    session: Session,
    path: Path,
    as_of: dt.date,
    *,
    language: str = "en",
    owner_ids: Collection[str] | None = None,
    tz: ZoneInfo = SHANGHAI,
) -> ReceivablesResult:
    t = Labels(language)
    book = ledger(session, as_of, owner_ids=owner_ids)
    reps = rep_names(session)
    wb = new_workbook()
    titles = []
    for title, columns, rows in receivables_sheets(book, t, reps):
        writer = SheetWriter(wb, title, columns, tz=tz)
        writer.write(rows)
        titles.append(writer.sheet.title)
    save_atomically(wb, Path(path))
    total = calc.total(book.positions)
    return ReceivablesResult(Path(path), titles, len(book.lines), len(book.overdue()), total.open)


def meeting_pack_sheet(
    wb: Workbook,
    session: Session,
    t: Labels,
    reps: dict[str, str],
    as_of: dt.date,
    tz: ZoneInfo = SHANGHAI,
) -> SheetWriter:
    """The meeting pack's 回款 sheet for its reps (``reps``: id -> name): plan vs actual
    and ageing per rep, a total line, then the top overdue instalments."""
    book = ledger(session, as_of, owner_ids=list(reps))
    columns = [
        Column(t("Rep")),
        Column(t("Planned"), "money"),
        Column(t("Paid"), "money"),
        Column(t("Open"), "money"),
        *[Column(t(BUCKET_WORDS[b]), "money") for b in calc.BUCKETS],
        Column(t("DSO (days)"), "decimal"),
    ]

    def line(name: str, totals: calc.Totals) -> list[Any]:
        return [
            name,
            totals.planned,
            totals.paid,
            totals.open,
            *[totals.ageing[b] for b in calc.BUCKETS],
            totals.dso,
        ]

    by_owner = book.by_owner
    table = [
        line(reps.get(o, ""), by_owner[o]) for o in sorted(by_owner, key=lambda o: reps.get(o, ""))
    ]
    table.append(line(t("Total"), calc.total(book.positions)))
    writer = SheetWriter(wb, t("Collections"), columns, tz=tz)
    writer.write(table)
    # Beneath the table, its own block: the top overdue instalments.
    sheet = writer.sheet
    sheet.append([])
    title = WriteOnlyCell(sheet, value=t("Top overdue instalments"))
    title.font = Font(bold=True)
    sheet.append([title])
    block = overdue_columns(t)
    header = []
    for column in block:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    formats = {"money": MONEY_FORMAT, "date": DATE_FORMAT, "int": INT_FORMAT}
    for row in overdue_rows(book, t, reps, TOP_OVERDUE):
        cells: list[Any] = []
        for column, value in zip(block, row, strict=True):
            fmt = formats.get(column.kind)
            if fmt is None:
                cells.append(clean_text(value) if isinstance(value, str) else value)
                continue
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = fmt
            cells.append(cell)
        sheet.append(cells)
    return writer
