"""The account review pack as HTML for desktop/ui/pdf.py (Qt's rich-text subset:
tables, ``thead`` repeated on every page, no CSS grid). Charts arrive as PNG bytes,
drawn by the caller (desktop/ui/review_pack_file.py), and are embedded as data URLs;
the stakeholder chart is a tree of table rows with the coverage gaps as dashed boxes."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from desktop.domain.services.plans import SWOT as SWOT_PARTS
from desktop.reports.review_pack import ReviewPack, Words

CHART_WIDTH = 520  # screen pixels (96 dpi) of the printed chart: the text width
LATE = "#b3261e"
BREAK = " style='page-break-before: always'"


def e(value: object) -> str:
    return escape(str(value))


def _table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    none: str,
    widths: Sequence[int] = (),
) -> str:
    """A full-width table whose header row repeats on each page; ``rows`` are already
    escaped HTML cells; "None" when there are no rows; ``widths`` in % per column."""
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    if not body:
        return f"<p class='none'>{e(none)}</p>"
    sizes = [f" width='{n}%'" for n in widths] + [""] * len(headers)
    head = "".join(f"<th{size}>{e(h)}</th>" for h, size in zip(headers, sizes, strict=False))
    return (
        "<table class='grid' width='100%' cellspacing='0' cellpadding='2'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _late(text: str, late: bool) -> str:
    return f"<span style='color:{LATE}'>{text}</span>" if late else text


def _chart(charts: Mapping[str, bytes], name: str) -> str:
    png = charts.get(name)
    if not png:
        return ""
    data = base64.b64encode(png).decode("ascii")
    return f"<p><img src='data:image/png;base64,{data}' width='{CHART_WIDTH}'/></p>"


def _header(pack: ReviewPack, w: Words) -> str:
    h = pack.header
    share = f"{w('Cumulative share')} {h.abc_share}%"
    abc = f"{h.abc}（{share}）" if w.language == "zh_CN" else f"{h.abc} ({share})"
    score = pack.health.score
    pairs = [
        (w("Short name"), e(h.short_name)),
        (w("Credit code"), e(h.credit_code)),
        (w("Tier"), e(h.tier)),
        (w("Status"), e(w.account_status(h.status))),
        (w("Owner"), e(h.owner) or e(w("In the public pool"))),
        (w("Industry"), e(h.industry)),
        (w("City"), e(h.city)),
        (w("ABC class {year}").format(year=pack.year), e(abc)),
        (w("Potential"), e(w.money(h.potential))),
        (w("Revenue {year}").replace("{year}", str(pack.year)), e(w.money(h.revenue))),
        (w("Share of wallet"), e(w.percent(h.wallet))),
        (w("Health"), f"<b>{score}</b> / 100 · {e(w.verdict(score))}"),
    ]
    cells = [f"<td class='key'>{e(k)}</td><td>{v}</td>" for k, v in pairs]
    rows = "".join(
        "<tr>" + cells[i] + (cells[i + 1] if i + 1 < len(cells) else "") + "</tr>"
        for i in range(0, len(cells), 2)
    )
    return f"<table class='head' width='100%' cellpadding='2'>{rows}</table>"


def _revenue(pack: ReviewPack, w: Words, charts: Mapping[str, bytes]) -> str:
    rows = []
    before = None
    for year in pack.years:
        total = pack.revenue_of(year)
        change = f"{(total - before) * 100 / before:+.1f}%" if before else ""
        rows.append([e(year), e(w.money(total)), e(change)])
        before = total
    table = _table([w("Year"), w("Revenue"), w("Year over year")], rows, w("None"))
    if not any(pack.revenue.values()):
        return table
    return _chart(charts, "revenue") + table


def _target(pack: ReviewPack, w: Words, charts: Mapping[str, bytes]) -> str:
    t = pack.target
    if not t.target and not t.actual:
        return f"<p class='none'>{e(w('No per-account target or revenue this year'))}</p>"
    summary = (
        f"<p>{e(w('Target'))} <b>{e(w.money(t.target))}</b> · {e(w('Actual'))} "
        f"<b>{e(w.money(t.actual))}</b> · {e(w('Attainment'))} "
        f"<b>{e(w.percent(t.attainment_pct / 100 if t.attainment_pct is not None else None))}"
        "</b></p>"
    )
    return summary + _chart(charts, "target")


def _plan(pack: ReviewPack, w: Words) -> str:
    plan = pack.plan
    if plan.plan_id is None:
        return f"<p class='none'>{e(w('No plan written for this year'))}</p>"
    objectives = _table(
        [w("Objective"), w("Target value"), w("Due"), w("Status"), w("Open actions")],
        (
            [
                e(o.title),
                e(w.money(o.target_value) if o.is_money else f"{o.target_value or ''} {o.unit}"),
                e(w.date(o.due_date, pack.zone)),
                e(w.objective_status(o.status)),
                e("; ".join(a.title for a in o.actions if a.status == "open")),
            ]
            for o in plan.objectives
        ),
        w("None"),
        (30, 17, 15, 12, 26),
    )
    swot = "".join(
        f"<tr><td class='key' width='18%'>{e(w.swot(part))}</td>"
        f"<td>{e(plan.swot.get(part, ''))}</td></tr>"
        for part in SWOT_PARTS
        if plan.swot.get(part)
    )
    whitespace = _table(
        [w("Category"), w("This year"), w("Last year"), w("Competitors"), w("Status")],
        (
            [
                e(c.category or w("(no product lines)")),
                e(w.money(c.this_year)),
                e(w.money(c.last_year)),
                e("、".join(c.competitors) if w.language == "zh_CN" else ", ".join(c.competitors)),
                e(w.category_state(c.state)),
            ]
            for c in plan.figures.categories
        ),
        w("None"),
    )
    team = ", ".join(f"{m.name} ({w.team_role(m.role)})" for m in plan.team)
    return (
        objectives
        + (f"<table class='grid' width='100%' cellpadding='2'>{swot}</table>" if swot else "")
        + f"<h3>{e(w('Whitespace'))}</h3>{whitespace}"
        + (f"<p>{e(w('Account team'))}: {e(team)}</p>" if team else "")
    )


def _stakeholders(pack: ReviewPack, w: Words) -> str:
    chart = pack.stakeholders
    rows = []
    for depth, person in pack.tree:
        indent = "&nbsp;" * 4 * depth + ("└ " if depth else "")
        stars = "★" * (person.strength or 0) + "☆" * (5 - (person.strength or 0))
        rows.append(
            [
                f"{indent}<b>{e(person.name)}</b>",
                e(person.title),
                e(w.roles(person.roles)),
                e(w.attitude(person.attitude)),
                stars if person.strength else "",
                e(w.date(person.last_met, pack.zone)),
            ]
        )
    headers = [
        w("Contact"),
        w("Job title"),
        w("Buying roles"),
        w("Attitude"),
        w("Strength"),
        w("Last met"),
    ]
    tree = _table(headers, rows, w("No contacts yet"))
    rule = chart.rule
    wanted = w.roles(tuple(rule.get("roles", ()))) or w("None")
    rule_line = (
        w("Coverage rule for tier {tier}: {roles}, met within {days} days")
        .replace("{tier}", chart.tier)
        .replace("{roles}", wanted)
        .replace("{days}", str(rule.get("days", "")))
    )
    if chart.gaps:
        boxes = "".join(
            "<td class='gap'>&nbsp;" + e(w.gap(g.role, g.days, g.state)) + "&nbsp;</td>"
            for g in chart.gaps
        )
        gaps = f"<table cellspacing='6' cellpadding='6'><tr>{boxes}</tr></table>"
    else:
        gaps = f"<p>{e(w('No coverage gaps'))}</p>"
    return f"{tree}<p class='note'>{e(rule_line)}</p>{gaps}"


def _health(pack: ReviewPack, w: Words) -> str:
    h = pack.health
    rows = [
        [_late(e(w.reason(r).split(":", 1)[0]), r.points < 0), e(w.reason(r).split(": ", 1)[1])]
        for r in h.reasons
    ]
    head = (
        f"<p><b>{h.score} / 100</b> · {e(w.verdict(h.score))} · "
        f"{e(w('Starts at {base}').replace('{base}', str(h.base)))}</p>"
    )
    none = w("No reasons: the score is its base")
    return head + _table([w("Points"), w("Reason")], rows, none, widths=(10, 90))


def _opportunities(pack: ReviewPack, w: Words) -> str:
    rows = [
        [
            e(c.name),
            e(w(c.stage)),
            e(w.money(c.amount)),
            e(f"{c.probability}%"),
            e(w.date(c.close_date, pack.zone)),
            e(c.next_step),
        ]
        for c in pack.opportunities
    ]
    headers = [
        w("Opportunity"),
        w("Stage"),
        w("Amount"),
        w("Probability"),
        w("Close date"),
        w("Next step"),
    ]
    return _table(headers, rows, w("None"))


def _receivables(pack: ReviewPack, w: Words) -> str:
    r = pack.receivables
    summary = (
        f"<p>{e(w('Outstanding'))} <b>{e(w.money(r.outstanding))}</b> · "
        + _late(f"{e(w('Overdue'))} <b>{e(w.money(r.overdue))}</b>", r.overdue > 0)
        + "</p>"
    )
    rows = [
        [
            e(x.number),
            e(w.instalment(x.kind)),
            e(w.money(x.amount)),
            e(w.money(x.paid)),
            e(w.money(x.outstanding)),
            e(w.date(x.due, pack.zone)),
            _late(e(x.days_overdue), True) if x.days_overdue else "",
        ]
        for x in r.rows
    ]
    headers = [
        w("Order or contract"),
        w("Instalment"),
        w("Amount"),
        w("Paid"),
        w("Outstanding"),
        w("Payment due"),
        w("Days overdue"),
    ]
    return summary + _table(headers, rows, w("Nothing outstanding"))


def _complaints(pack: ReviewPack, w: Words) -> str:
    summary = (
        w("{open} open, {late} past SLA")
        .replace("{open}", str(len(pack.complaints)))
        .replace("{late}", str(pack.past_sla))
    )
    rows = [
        [
            e(c.title),
            e(w(c.category)),
            e(w(c.severity)),
            e(w(c.status)),
            e(w.date(c.opened_at, pack.zone)),
            e(w.date(c.sla_due_at, pack.zone)),
            _late(e(w.sla(c.sla_state)), c.sla_state == "breached"),
        ]
        for c in pack.complaints
    ]
    headers = [
        w("Title"),
        w("Category"),
        w("Severity"),
        w("Status"),
        w("Opened"),
        w("SLA due"),
        w("SLA"),
    ]
    return f"<p>{e(summary)}</p>" + _table(headers, rows, w("None"))


def _actions(pack: ReviewPack, w: Words) -> str:
    rows = [
        [
            _late(e(w.date(t.due_date, pack.zone)), t.is_overdue(pack.printed_on)),
            e(t.title),
            e(t.owner_name),
        ]
        for t in pack.actions
    ]
    return _table([w("Due"), w("Action"), w("Owner")], rows, w("None"))


def _visits(pack: ReviewPack, w: Words) -> str:
    rows = [
        [
            e(w.date(v.checked_in_at or v.start, pack.zone)),
            e(w.visit_type(v.visit_type)),
            e(v.purpose),
            e(v.owner_name),
        ]
        for v in pack.visits
    ]
    return _table([w("Date"), w("Type"), w("Purpose"), w("Rep")], rows, w("None"))


def render_html(pack: ReviewPack, language: str, charts: Mapping[str, bytes]) -> str:
    """The whole pack; ``charts``: "revenue" and "target" as PNG (either may be missing)."""
    w = Words(language)
    sections = [
        (w("Revenue trend"), _revenue(pack, w, charts)),
        (w("Target vs actual {year}").replace("{year}", str(pack.year)), _target(pack, w, charts)),
        (w("Account plan {year}").replace("{year}", str(pack.year)), _plan(pack, w)),
        (w("Stakeholder chart"), _stakeholders(pack, w)),
        (w("Health"), _health(pack, w)),
        (w("Open opportunities"), _opportunities(pack, w)),
        (w("Receivables"), _receivables(pack, w)),
        (w("Open complaints"), _complaints(pack, w)),
        (w("Next actions"), _actions(pack, w)),
        (w("Recent visits"), _visits(pack, w)),
    ]
    # The figures fill the first page; the plan, the people and the open work follow.
    body = "".join(
        f"<h2{BREAK if index == 2 else ''}>{e(title)}</h2>{content}"
        for index, (title, content) in enumerate(sections)
    )
    subtitle = (
        f"{w('Account review pack')} · {pack.year} · {w('Printed')} {pack.printed_on.isoformat()}"
    )
    return f"""<html><head><meta charset="utf-8"><style>
body {{ font-size: 9pt; }}
h1 {{ font-size: 16pt; margin-bottom: 0px; }}
h2 {{ font-size: 11pt; margin-top: 8px; margin-bottom: 3px; color: #2f6fb3; }}
h3 {{ font-size: 9pt; margin-top: 4px; margin-bottom: 2px; }}
td.key {{ color: #555; }}
table.grid {{ border-collapse: collapse; border: 1px solid #ccc; }}
table.grid th {{ background-color: #dde6f0; text-align: left; }}
table.grid td {{ border-top: 1px solid #ddd; }}
td.gap {{ border: 1px dashed {LATE}; color: {LATE}; }}
p.none {{ color: #777; }}
p.note {{ color: #555; }}
</style></head><body>
<h1>{e(pack.header.name)}</h1>
<p>{e(subtitle)}</p>
{_header(pack, w)}
{body}
</body></html>"""
