"""The managers' meeting pack: one workbook for a period, a team or everyone.

Sheets: summary; target vs actual by month (chart); targets by rep x month with
attainment coloured (red under 80 %, amber to 100 %, green from 100 %) and a chart;
pipeline by stage (chart); visit coverage by tier (chart); the quotes issued in the
period; complaints open or opened in the period; complaints by category and age
(stacked chart); contracts renewing next quarter and the period's win/loss
(``meeting_pack_deals``). Headers and values in English or Simplified Chinese.

The figures come from ``desktop.domain.services.dashboard``, so the workbook says what
the dashboard says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, Quote, Team
from desktop.domain.models.types import utcnow
from desktop.domain.services import complaints, dashboard
from desktop.domain.services.complaints import AGE_BUCKETS
from desktop.domain.services.targets import attainment
from desktop.reports import meeting_pack_deals
from desktop.reports.labels import Labels
from desktop.reports.receivables import meeting_pack_sheet as receivables_sheet
from desktop.reports.xlsx import SHANGHAI, Column, SheetWriter, new_workbook, save_atomically

RED = PatternFill("solid", fgColor="F8CBAD")
AMBER = PatternFill("solid", fgColor="FFE699")
GREEN = PatternFill("solid", fgColor="C6E0B4")


@dataclass(frozen=True)
class MeetingPackResult:
    path: Path
    sheets: list[str]
    reps: int
    quotes: int
    complaints: int


def find_team(session: Session, text: str) -> dict[str, str] | None:
    """A team by id or by name (exact, then case-insensitive)."""
    teams = session.execute(select(Team.id, Team.name).where(Team.deleted_at.is_(None))).all()
    for tid, name in teams:
        if text in (tid, name):
            return {"id": tid, "name": name}
    for tid, name in teams:
        if name.casefold() == text.strip().casefold():
            return {"id": tid, "name": name}
    return None


def build_meeting_pack(
    session: Session,
    path: Path,
    period: str,
    *,
    team_id: str | None = None,
    language: str = "en",
    now: dt.datetime | None = None,
    tz: ZoneInfo = SHANGHAI,
    progress: Callable[[int, int], None] | None = None,
) -> MeetingPackResult:
    t = Labels(language)
    now = now or utcnow()
    board = dashboard.build(session, dashboard.Filters(period, team_id=team_id), now=now, tz=tz)
    team_name = t("All teams")
    if team_id is not None:
        team = session.get(Team, team_id)
        team_name = team.name if team is not None else team_id
    names = {o["id"]: o["name"] for o in board.owners}
    steps = 9
    step = 0

    def advance() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, steps)

    wb = new_workbook()
    sheets: list[SheetWriter] = []

    # 1. Summary
    summary = SheetWriter(
        wb,
        t("Summary"),
        [
            Column(t("Measure"), width=24),
            Column(t("Notes"), width=20),
            Column(t("Amount"), "money"),
            Column(t("Percent"), "percent"),
            Column(t("Count"), "int"),
        ],
        tz=tz,
    )
    q = board.quotes
    target, actual, forecast = (board.totals[k] for k in ("target", "actual", "forecast"))
    weighted = sum((a.pipeline_weighted for a in board.scoreboard), Decimal(0))
    summary.write(
        [
            [t("Period"), board.period.key, None, None, None],
            [t("Team"), team_name, None, None, None],
            [t("Generated"), now.astimezone(tz).strftime("%Y-%m-%d %H:%M"), None, None, None],
            [t("Target"), None, target, None, len(board.owners)],
            [t("Actual"), None, actual, attainment(actual, target), None],
            [t("Gap"), None, target - actual, None, None],
            [t("Weighted pipeline"), None, weighted, None, None],
            [t("Forecast"), None, forecast, attainment(forecast, target), None],
            [t("Quotes issued"), None, q.issued_amount, None, q.issued],
            [t("Quotes accepted"), None, q.accepted_amount, q.conversion_pct, q.accepted],
            [t("Open complaints"), None, None, None, board.complaints_open],
            [t("SLA breached"), None, None, None, board.complaints_breached],
        ]
    )
    sheets.append(summary)
    advance()

    # 2. Target vs actual by month
    by_month = SheetWriter(
        wb,
        t("By month"),
        [
            Column(t("Month"), width=12),
            Column(t("Target"), "money"),
            Column(t("Actual"), "money"),
            Column(t("Attainment"), "percent"),
        ],
        tz=tz,
    )
    n = by_month.write([[f.month, f.target, f.actual, f.attainment_pct] for f in board.by_month])
    _bar_chart(by_month, t("Target") + " / " + t("Actual"), data_cols=(2, 3), rows=n, anchor="F2")
    _attainment_colours(by_month, [4], n)
    sheets.append(by_month)
    advance()

    # 3. Targets by rep x month
    columns = [Column(t("Rep"), width=14)]
    for key in board.period.month_keys:
        columns += [
            Column(f"{key} {t('Target')}", "money"),
            Column(f"{key} {t('Actual')}", "money"),
            Column(f"{key} {t('Attainment')}", "percent"),
        ]
    columns += [
        Column(t("Target"), "money"),
        Column(t("Actual"), "money"),
        Column(t("Attainment"), "percent"),
        Column(t("Weighted pipeline"), "money"),
        Column(t("Forecast"), "money"),
        Column(t("Forecast attainment"), "percent"),
    ]
    reps = SheetWriter(wb, t("Targets"), columns, tz=tz)

    def rep_rows() -> Iterator[list[Any]]:
        for line in board.scoreboard:
            row: list[Any] = [line.owner_name]
            for key in board.period.month_keys:
                mt, ma = line.by_month[key]
                row += [mt, ma, attainment(ma, mt)]
            row += [
                line.target,
                line.actual,
                line.attainment_pct,
                line.pipeline_weighted,
                line.forecast,
                line.forecast_pct,
            ]
            yield row
        total: list[Any] = [t("Team total")]
        for f in board.by_month:
            total += [f.target, f.actual, f.attainment_pct]
        total += [
            target,
            actual,
            attainment(actual, target),
            weighted,
            forecast,
            attainment(forecast, target),
        ]
        yield total

    n = reps.write(rep_rows())
    months = len(board.period.month_keys)
    pct_cols = [2 + 3 * i + 2 for i in range(months)] + [2 + 3 * months + 2, 2 + 3 * months + 5]
    _attainment_colours(reps, pct_cols, n)
    total_target_col = 2 + 3 * months
    _bar_chart(
        reps,
        t("Target") + " / " + t("Actual"),
        data_cols=(total_target_col, total_target_col + 1),
        rows=max(n - 1, 0),
        anchor=f"{get_column_letter(len(columns) + 2)}2",
    )
    sheets.append(reps)
    advance()

    # 4. Pipeline by stage
    pipe = SheetWriter(
        wb,
        t("Pipeline"),
        [
            Column(t("Stage"), width=14),
            Column(t("Opportunities"), "int"),
            Column(t("Amount"), "money"),
            Column(t("Weighted"), "money"),
        ],
        tz=tz,
    )
    n = pipe.write([[t(f.stage), f.count, f.amount, f.weighted] for f in board.pipeline])
    _bar_chart(pipe, t("Pipeline"), data_cols=(3, 4), rows=n, anchor="F2")
    sheets.append(pipe)
    advance()

    # 5. Visit coverage by tier
    visits = SheetWriter(
        wb,
        t("Visits"),
        [
            Column(t("Tier"), width=10),
            Column(t("Cadence (days)"), "int"),
            Column(t("Accounts to visit"), "int"),
            Column(t("Not overdue"), "int"),
            Column(t("Coverage"), "percent"),
        ],
        tz=tz,
    )
    n = visits.write(
        [[c.tier, c.cadence_days, c.accounts, c.covered, c.coverage_pct] for c in board.coverage]
    )
    _bar_chart(visits, t("Coverage"), data_cols=(5,), rows=n, anchor="G2", y_title="%")
    sheets.append(visits)
    advance()

    # 6. Quotes issued in the period
    quotes = SheetWriter(
        wb,
        t("Quotes"),
        [
            Column(t("Number")),
            Column(t("Revision"), width=8),
            Column(t("Account")),
            Column(t("Owner")),
            Column(t("Status")),
            Column(t("Issued"), "date"),
            Column(t("Valid until"), "date"),
            Column(t("Total"), "money"),
            Column(t("Accepted"), "datetime"),
        ],
        tz=tz,
    )
    owner_ids = list(names)
    quote_rows = session.execute(
        select(
            Quote.number,
            Quote.revision,
            Account.name,
            Quote.owner_id,
            Quote.status,
            Quote.issued_on,
            Quote.valid_until,
            Quote.total,
            Quote.accepted_at,
        )
        .join(Account, Account.id == Quote.account_id)
        .where(
            Quote.deleted_at.is_(None),
            Quote.is_latest.is_(True),
            Quote.issued_on >= board.period.start,
            Quote.issued_on < board.period.end,
            Quote.owner_id.in_(owner_ids),
        )
        .order_by(Quote.issued_on, Quote.number)
    )
    quote_count = quotes.write(
        [num, rev, acc, names.get(owner or "", ""), t(status), issued, valid, total, accepted]
        for num, rev, acc, owner, status, issued, valid, total, accepted in quote_rows
    )
    sheets.append(quotes)
    advance()

    # 7. Complaints open now or opened in the period
    start, end = board.period.utc_bounds(tz)
    views = [
        v
        for v in complaints.complaint_views(session, owner_ids=owner_ids, now=now)
        if v.status not in complaints.CLOSED or start <= v.opened_at < end
    ]
    comp = SheetWriter(
        wb,
        t("Complaints"),
        [
            Column(t("Account")),
            Column(t("Title")),
            Column(t("Owner")),
            Column(t("Category")),
            Column(t("Severity")),
            Column(t("Status")),
            Column(t("Opened"), "datetime"),
            Column(t("SLA due"), "datetime"),
            Column(t("Age (days)"), "int"),
            Column(t("SLA")),
        ],
        tz=tz,
    )
    complaint_count = comp.write(
        [
            v.account_name,
            v.title,
            names.get(v.owner_id or "", ""),
            t(v.category),
            t(v.severity),
            t(v.status),
            v.opened_at,
            v.sla_due_at,
            v.age_days,
            t(v.sla_state),
        ]
        for v in views
    )
    sheets.append(comp)
    advance()

    # 8. Open complaints by category and age
    buckets = [label for label, _ in AGE_BUCKETS]
    aging = SheetWriter(
        wb,
        t("Complaints by age"),
        [Column(t("Category"), width=12), *[Column(t(b), "int") for b in buckets]],
        tz=tz,
    )
    n = aging.write(
        [[t(cat), *[counts[b] for b in buckets]] for cat, counts in board.complaints.items()]
    )
    _bar_chart(
        aging,
        t("Open complaints"),
        data_cols=tuple(range(2, 2 + len(buckets))),
        rows=n,
        anchor=f"{get_column_letter(len(buckets) + 3)}2",
        stacked=True,
    )
    sheets.append(aging)
    advance()

    sheets.append(receivables_sheet(wb, session, t, names, now.astimezone(tz).date(), tz))
    advance()
    titles = [s.sheet.title for s in sheets]
    ids = list(names)
    titles.append(meeting_pack_deals.write_renewals(wb, session, ids, t, now=now, tz=tz))
    titles.append(meeting_pack_deals.write_win_loss(wb, session, board.period, ids, t, tz=tz))
    save_atomically(wb, Path(path))
    return MeetingPackResult(Path(path), titles, len(board.owners), quote_count, complaint_count)


def _bar_chart(
    writer: SheetWriter,
    title: str,
    *,
    data_cols: tuple[int, ...],
    rows: int,
    anchor: str,
    y_title: str | None = None,
    stacked: bool = False,
) -> None:
    """A native Excel column chart over the sheet's table (categories in column A)."""
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.height, chart.width = 8, 16
    if y_title:
        chart.y_axis.title = y_title
    if stacked:
        chart.grouping = "stacked"
        chart.overlap = 100
    sheet = writer.sheet
    last_row = max(rows, 1) + 1
    for col in data_cols:
        data = Reference(sheet, min_col=col, max_col=col, min_row=1, max_row=last_row)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, max_col=1, min_row=2, max_row=last_row))
    sheet.add_chart(chart, anchor)


def _attainment_colours(writer: SheetWriter, cols: list[int], rows: int) -> None:
    """Red under 80 %, amber under 100 %, green from 100 % (values are fractions)."""
    if rows <= 0:
        return
    formatting = writer.sheet.conditional_formatting
    for col in cols:
        letter = get_column_letter(col)
        first = f"{letter}2"
        area = f"{first}:{letter}{rows + 1}"
        # Blank means "no target": left uncoloured rather than read as 0 %.
        for test, fill in (
            (f"{first}<0.8", RED),
            (f"AND({first}>=0.8,{first}<1)", AMBER),
            (f"{first}>=1", GREEN),
        ):
            formatting.add(area, FormulaRule(formula=[f"AND(ISNUMBER({first}),{test})"], fill=fill))
