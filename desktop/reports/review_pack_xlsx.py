"""The account review pack as a workbook: one sheet per section, typed cells, native
charts (revenue by month for three years, target against actual by month)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from desktop.domain.services.plans import SWOT
from desktop.domain.services.targets import attainment
from desktop.reports.review_pack import ReviewPack, Words
from desktop.reports.xlsx import Column, SheetWriter, new_workbook, save_atomically


def _pct(fraction: Decimal | None) -> Decimal | None:
    """The sheet's percent cells take percents (40 for 40 %)."""
    return None if fraction is None else fraction * 100


def _columns_chart(writer: SheetWriter, title: str, series: int, rows: int, anchor: str) -> None:
    """Columns B.. (``series`` of them) over the ``rows`` categories of column A."""
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.height, chart.width = 8, 18
    sheet = writer.sheet
    data = Reference(sheet, min_col=2, max_col=1 + series, min_row=1, max_row=rows + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows + 1))
    chart.y_axis.number_format = '"¥"#,##0'
    sheet.add_chart(chart, anchor)


def write_xlsx(pack: ReviewPack, path: Path, language: str) -> list[str]:
    """Write the workbook atomically; returns its sheet names."""
    w = Words(language)
    wb = new_workbook()
    h = pack.header
    zone = pack.zone
    summary = SheetWriter(wb, w("Summary"), [Column(w("Measure"), width=28), Column(w("Value"))])
    summary.write(
        [
            [w("Account"), h.name],
            [w("Short name"), h.short_name],
            [w("Credit code"), h.credit_code],
            [w("Tier"), h.tier],
            [w("Status"), w.account_status(h.status)],
            [w("Owner"), h.owner],
            [w("Industry"), h.industry],
            [w("City"), h.city],
            [w("ABC class {year}").format(year=pack.year), h.abc],
            [w("Potential"), w.money(h.potential)],
            [w("Revenue {year}").replace("{year}", str(pack.year)), w.money(h.revenue)],
            [w("Share of wallet"), w.percent(h.wallet)],
            [w("Health"), f"{pack.health.score} / 100 · {w.verdict(pack.health.score)}"],
            [w("Printed"), pack.printed_on.isoformat()],
        ]
    )

    revenue = SheetWriter(
        wb,
        w("Revenue trend"),
        [Column(w("Month")), *(Column(str(y), "money") for y in pack.years)],
    )
    revenue.write([f"{m:02d}", *(pack.revenue[(y, m)] for y in pack.years)] for m in range(1, 13))
    _columns_chart(revenue, w("Revenue by month"), len(pack.years), 12, "F2")

    t = pack.target
    target = SheetWriter(
        wb,
        w("Target vs actual"),
        [
            Column(w("Month")),
            Column(w("Target"), "money"),
            Column(w("Actual"), "money"),
            Column(w("Attainment"), "percent"),
        ],
    )
    target.write(
        [
            *(
                [key, goal, actual, attainment(actual, goal)]
                for key, (goal, actual) in t.by_month.items()
            ),
            [w("Total"), t.target, t.actual, t.attainment_pct],
        ]
    )
    _columns_chart(
        target, w("Target vs actual {year}").replace("{year}", str(pack.year)), 2, 12, "F2"
    )
    _plan_sheets(wb, pack, w)

    names = {p.id: p.name for p in pack.stakeholders.people}
    people = SheetWriter(
        wb,
        w("Stakeholder chart"),
        [
            Column(w("Contact"), width=24),
            Column(w("Job title")),
            Column(w("Reports to")),
            Column(w("Buying roles")),
            Column(w("Attitude")),
            Column(w("Strength"), "int"),
            Column(w("Last met"), "date"),
        ],
    )
    people.write(
        [
            "    " * depth + p.name,
            p.title,
            names.get(p.reports_to_id or "", ""),
            w.roles(p.roles),
            w.attitude(p.attitude),
            p.strength,
            p.last_met.astimezone(zone).date() if p.last_met else None,
        ]
        for depth, p in pack.tree
    )
    gaps = SheetWriter(wb, w("Coverage gaps"), [Column(w("Coverage gap"), width=50)])
    gaps.write([w.gap(g.role, g.days, g.state)] for g in pack.stakeholders.gaps)

    health = SheetWriter(
        wb, w("Health"), [Column(w("Points"), "int"), Column(w("Reason"), width=60)]
    )
    health.write(
        [
            [pack.health.base, w("Starts at {base}").replace("{base}", str(pack.health.base))],
            *([r.points, w.reason(r).split(": ", 1)[1]] for r in pack.health.reasons),
            [pack.health.score, f"{w('Health')} · {w.verdict(pack.health.score)}"],
        ]
    )

    deals = SheetWriter(
        wb,
        w("Open opportunities"),
        [
            Column(w("Opportunity"), width=30),
            Column(w("Stage")),
            Column(w("Amount"), "money"),
            Column(w("Probability"), "percent"),
            Column(w("Close date"), "date"),
            Column(w("Next step"), width=30),
        ],
    )
    deals.write(
        [c.name, w(c.stage), c.amount, c.probability, c.close_date, c.next_step]
        for c in pack.opportunities
    )

    owed = SheetWriter(
        wb,
        w("Receivables"),
        [
            Column(w("Order or contract")),
            Column(w("Instalment")),
            Column(w("Amount"), "money"),
            Column(w("Paid"), "money"),
            Column(w("Outstanding"), "money"),
            Column(w("Payment due"), "date"),
            Column(w("Days overdue"), "int"),
        ],
    )
    owed.write(
        [
            x.number,
            w.instalment(x.kind),
            x.amount,
            x.paid,
            x.outstanding,
            x.due,
            x.days_overdue or None,
        ]
        for x in pack.receivables.rows
    )

    issues = SheetWriter(
        wb,
        w("Open complaints"),
        [
            Column(w("Title"), width=30),
            Column(w("Category")),
            Column(w("Severity")),
            Column(w("Status")),
            Column(w("Opened"), "datetime"),
            Column(w("SLA due"), "datetime"),
            Column(w("SLA")),
        ],
    )
    issues.write(
        [
            c.title,
            w(c.category),
            w(c.severity),
            w(c.status),
            c.opened_at,
            c.sla_due_at,
            w.sla(c.sla_state),
        ]
        for c in pack.complaints
    )

    actions = SheetWriter(
        wb,
        w("Next actions"),
        [Column(w("Due"), "date"), Column(w("Action"), width=40), Column(w("Owner"))],
    )
    actions.write([a.due_date, a.title, a.owner_name] for a in pack.actions)

    seen = SheetWriter(
        wb,
        w("Recent visits"),
        [
            Column(w("Date"), "date"),
            Column(w("Type")),
            Column(w("Purpose"), width=40),
            Column(w("Rep")),
        ],
    )
    seen.write(
        [
            (v.checked_in_at or v.start).astimezone(zone).date(),
            w.visit_type(v.visit_type),
            v.purpose,
            v.owner_name,
        ]
        for v in pack.visits
    )
    save_atomically(wb, path)
    return [ws.title for ws in wb.worksheets]


def _plan_sheets(wb: Workbook, pack: ReviewPack, w: Words) -> None:
    """The year's account plan: its objectives, its SWOT and the account team, and the
    whitespace by product category."""
    plan = pack.plan
    objectives = SheetWriter(
        wb,
        w("Account plan"),
        [
            Column(w("Objective"), width=36),
            Column(w("Target value"), "decimal"),
            Column(w("Unit")),
            Column(w("Due"), "date"),
            Column(w("Status")),
            Column(w("Open actions"), width=40),
        ],
    )
    objectives.write(
        [
            o.title,
            o.target_value,
            "¥" if o.is_money else o.unit,
            o.due_date,
            w.objective_status(o.status),
            "; ".join(a.title for a in o.actions if a.status == "open"),
        ]
        for o in plan.objectives
    )
    swot = SheetWriter(wb, "SWOT", [Column(w("Part"), width=20), Column(w("Text"), width=80)])
    rows = [[w.swot(part), plan.swot[part]] for part in SWOT if plan.swot.get(part)]
    rows += [[w("Account team"), f"{m.name} ({w.team_role(m.role)})"] for m in plan.team]
    swot.write(rows)
    space = SheetWriter(
        wb,
        w("Whitespace"),
        [
            Column(w("Category"), width=20),
            Column(w("This year"), "money"),
            Column(w("Last year"), "money"),
            Column(w("Competitors"), width=30),
            Column(w("Status"), width=30),
        ],
    )
    space.write(
        [
            c.category or w("(no product lines)"),
            c.this_year,
            c.last_year,
            ", ".join(c.competitors),
            w.category_state(c.state),
        ]
        for c in plan.figures.categories
    )
