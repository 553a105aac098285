"""The weekly report (周报) as documents: HTML (the screen's preview and, through
desktop/ui/pdf.py, the PDF) and an Excel workbook. Qt-free.

Words come from ``labels`` (English defaults below) and ``names`` (visit types and
outcomes by their codes) so the window can pass translated ones. Everything the rep typed is escaped in HTML and goes through the xlsx writer's
text cells, so a summary that starts with "=" stays text in Excel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from desktop.domain.services.followups import TaskRow
from desktop.domain.services.visits import DEFAULT_ZONE, VisitRow
from desktop.domain.services.weekly import WeeklyView
from desktop.reports.xlsx import Column, SheetWriter, new_workbook, save_atomically

LABELS: dict[str, str] = {
    "title": "Weekly report",
    "rep": "Rep",
    "week": "Week",
    "status": "Status",
    "submitted": "Submitted",
    "summary": "Summary",
    "plan": "Next week's plan",
    "comment": "Manager's comment",
    "figures": "The week in figures",
    "done": "Visits done",
    "planned": "Visits still planned",
    "cancelled": "Visits cancelled",
    "completed": "Follow-ups completed",
    "open": "Follow-ups open",
    "overdue": "Follow-ups overdue",
    "quotes": "Quotes issued",
    "orders": "Orders won",
    "reports": "Call reports",
    "follow_ups": "Follow-ups",
    "next_week": "Visits planned next week",
    "none": "None",
    "item": "Item",
    "value": "Value",
    "day": "Day",
    "time": "Time",
    "account": "Account",
    "type": "Type",
    "purpose": "Purpose",
    "outcome": "Outcome",
    "notes": "Notes",
    "due": "Due",
    "number": "Number",
    "amount": "Amount",
    "visits": "Visits",
    "draft": "Draft",
    "submitted_status": "Submitted",
    "commented": "Commented",
    "planned_status": "Planned",
    "done_status": "Done",
    "cancelled_status": "Cancelled",
    "open_status": "Open",
    "overdue_status": "Overdue",
    "completed_status": "Completed",
}


def week_text(view: WeeklyView) -> str:
    monday = view.facts.week_start
    return f"{monday.isoformat()} – {(monday + dt.timedelta(days=6)).isoformat()}"


def _status_word(text: Mapping[str, str], status: str) -> str:
    key = "submitted_status" if status == "submitted" else status
    return text.get(key, status)


def _visit_status(text: Mapping[str, str], status: str) -> str:
    return text.get(f"{status}_status", status)


def _figures(view: WeeklyView) -> list[tuple[str, str]]:
    facts = view.facts
    return [
        ("done", str(len(facts.done))),
        ("planned", str(len(facts.planned))),
        ("cancelled", str(len(facts.cancelled))),
        ("completed", str(len(facts.completed))),
        ("open", str(len(facts.open_followups))),
        ("overdue", str(len(facts.overdue))),
        ("quotes", f"{len(facts.quotes)} · ¥{facts.quoted_total:,.2f}"),
        ("orders", f"{len(facts.orders)} · ¥{facts.won_total:,.2f}"),
    ]


def _follow_up_rows(view: WeeklyView) -> list[tuple[TaskRow, str]]:
    overdue = {t.id for t in view.facts.overdue}
    rows = [(t, "completed") for t in view.facts.completed]
    rows += [(t, "overdue" if t.id in overdue else "open") for t in view.facts.open_followups]
    return rows


# -- HTML -----------------------------------------------------------------------------


def _paragraphs(value: str, none: str) -> str:
    if not value.strip():
        return f"<p class='none'>{escape(none)}</p>"
    return "<p>" + escape(value).replace("\n", "<br/>") + "</p>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], none: str) -> str:
    if not rows:
        return f"<p class='none'>{escape(none)}</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        "<table class='grid' cellspacing='0' cellpadding='3' width='100%'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _visit_cells(row: VisitRow, zone: ZoneInfo) -> list[str]:
    local = row.start.astimezone(zone)
    return [f"{local:%Y-%m-%d}", f"{local:%H:%M}", row.account_name]


def render_html(
    view: WeeklyView,
    labels: Mapping[str, str] | None = None,
    zone: ZoneInfo = DEFAULT_ZONE,
    names: Mapping[str, str] | None = None,
) -> str:
    """The report as HTML in Qt's rich-text subset (tables; no CSS layout)."""
    text = {**LABELS, **(labels or {})}
    types = dict(names or {})
    none = text["none"]
    facts = view.facts
    report = view.report

    def e(value: object) -> str:
        return escape(str(value))

    head_rows = [
        (text["rep"], view.owner_name),
        (text["week"], week_text(view)),
        (text["status"], _status_word(text, view.status)),
    ]
    if report is not None and report.submitted_at is not None:
        head_rows.append(
            (text["submitted"], f"{report.submitted_at.astimezone(zone):%Y-%m-%d %H:%M}")
        )
    head = "".join(f"<tr><td class='key'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in head_rows)
    figures = "".join(
        f"<tr><td class='key'>{e(text[k])}</td><td>{e(v)}</td></tr>" for k, v in _figures(view)
    )
    calls = [
        [
            *_visit_cells(v, zone),
            types.get(v.visit_type, v.visit_type),
            types.get(outcome, outcome),
            notes,
        ]
        for v, (_, outcome, notes) in zip(facts.done, facts.reports, strict=True)
    ]
    still = [
        [*_visit_cells(v, zone), v.purpose, _visit_status(text, v.status)]
        for v in [*facts.planned, *facts.cancelled]
    ]
    follow_ups = [
        [t.title, t.account_name, t.due_date.isoformat() if t.due_date else "", text[f"{s}_status"]]
        for t, s in _follow_up_rows(view)
    ]
    money = [
        [text["quotes"], number, account, f"¥{total:,.2f}"]
        for number, account, total in facts.quotes
    ] + [
        [text["orders"], number, account, f"¥{total:,.2f}"]
        for number, account, total in facts.orders
    ]
    upcoming = [[*_visit_cells(v, zone), v.purpose] for v in facts.next_week]
    comment = (
        f"<h2>{e(text['comment'])}</h2>{_paragraphs(report.manager_comment, none)}"
        if report is not None and report.manager_comment
        else ""
    )
    visit_head = [text["day"], text["time"], text["account"]]
    return f"""<html><head><meta charset="utf-8"><style>
body {{ font-size: 10pt; }}
h1 {{ font-size: 16pt; margin-bottom: 2px; }}
h2 {{ font-size: 11pt; margin-top: 10px; margin-bottom: 2px; color: #2f6fb3; }}
td.key {{ color: #555; padding-right: 12px; }}
table.grid th {{ background: #dde6f0; text-align: left; }}
table.grid td {{ border-bottom: 1px solid #ddd; }}
p.none {{ color: #777; }}
</style></head><body>
<h1>{e(text["title"])} · {e(view.owner_name)}</h1>
<table>{head}</table>
<h2>{e(text["summary"])}</h2>{_paragraphs(report.summary if report else "", none)}
<h2>{e(text["plan"])}</h2>{_paragraphs(report.next_week_plan if report else "", none)}
{comment}
<h2>{e(text["figures"])}</h2><table>{figures}</table>
<h2>{e(text["reports"])}</h2>
{_table([*visit_head, text["type"], text["outcome"], text["notes"]], calls, none)}
<h2>{e(text["planned"])} / {e(text["cancelled"])}</h2>
{_table([*visit_head, text["purpose"], text["status"]], still, none)}
<h2>{e(text["follow_ups"])}</h2>
{_table([text["item"], text["account"], text["due"], text["status"]], follow_ups, none)}
<h2>{e(text["quotes"])} / {e(text["orders"])}</h2>
{_table([text["item"], text["number"], text["account"], text["amount"]], money, none)}
<h2>{e(text["next_week"])}</h2>
{_table([*visit_head, text["purpose"]], upcoming, none)}
</body></html>"""


# -- Excel ----------------------------------------------------------------------------


def write_xlsx(
    view: WeeklyView,
    path: Path,
    labels: Mapping[str, str] | None = None,
    zone: ZoneInfo = DEFAULT_ZONE,
    names: Mapping[str, str] | None = None,
) -> Path:
    """One workbook: the report (summary, plan, comment, figures) and a sheet each for
    visits, follow-ups, quotes and orders, and next week's visits."""
    text = {**LABELS, **(labels or {})}
    types = dict(names or {})
    facts = view.facts
    report = view.report
    workbook = new_workbook()

    def sheet(title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> None:
        SheetWriter(workbook, title, columns, tz=zone).write(rows)

    first: list[tuple[str, str]] = [
        (text["rep"], view.owner_name),
        (text["week"], week_text(view)),
        (text["status"], _status_word(text, view.status)),
    ]
    if report is not None and report.submitted_at is not None:
        first.append((text["submitted"], f"{report.submitted_at.astimezone(zone):%Y-%m-%d %H:%M}"))
    first += [
        (text["summary"], report.summary if report else ""),
        (text["plan"], report.next_week_plan if report else ""),
        (text["comment"], report.manager_comment if report else ""),
    ]
    first += [(text[k], v) for k, v in _figures(view)]
    sheet(text["title"], [Column(text["item"]), Column(text["value"], width=80)], first)

    def local_day(row: VisitRow) -> dt.date:
        return row.start.astimezone(zone).date()

    outcomes = {
        v.id: (types.get(outcome, outcome), notes)
        for v, (_, outcome, notes) in zip(facts.done, facts.reports, strict=True)
    }
    sheet(
        text["visits"],
        [
            Column(text["day"], "date"),
            Column(text["time"]),
            Column(text["account"]),
            Column(text["type"]),
            Column(text["purpose"]),
            Column(text["status"]),
            Column(text["outcome"]),
            Column(text["notes"]),
        ],
        [
            [
                local_day(v),
                f"{v.start.astimezone(zone):%H:%M}",
                v.account_name,
                types.get(v.visit_type, v.visit_type),
                v.purpose,
                _visit_status(text, v.status),
                *outcomes.get(v.id, ("", "")),
            ]
            for v in sorted([*facts.done, *facts.planned, *facts.cancelled], key=lambda r: r.start)
        ],
    )
    sheet(
        text["follow_ups"],
        [
            Column(text["item"]),
            Column(text["account"]),
            Column(text["due"], "date"),
            Column(text["status"]),
        ],
        [
            [t.title, t.account_name, t.due_date, text[f"{s}_status"]]
            for t, s in _follow_up_rows(view)
        ],
    )
    money_columns = [
        Column(text["item"]),
        Column(text["number"]),
        Column(text["account"]),
        Column(text["amount"], "money"),
    ]
    money_rows: list[list[Any]] = [
        [text["quotes"], number, account, total] for number, account, total in facts.quotes
    ]
    money_rows += [
        [text["orders"], number, account, total] for number, account, total in facts.orders
    ]
    sheet(f"{text['quotes']} · {text['orders']}", money_columns, money_rows)
    sheet(
        text["next_week"],
        [
            Column(text["day"], "date"),
            Column(text["time"]),
            Column(text["account"]),
            Column(text["purpose"]),
        ],
        [
            [local_day(v), f"{v.start.astimezone(zone):%H:%M}", v.account_name, v.purpose]
            for v in facts.next_week
        ],
    )
    save_atomically(workbook, Path(path))
    return Path(path)
