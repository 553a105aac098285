"""The customer analysis workbook (``fieldbook export analysis --year 2026``): every
account's revenue this year and the year before, year over year, ABC class and its
cumulative share, potential and share of wallet, last order and visit, dormant or not
(sheet "Customer analysis", with a chart of the top accounts); the ABC classes'
counts and revenue (sheet "ABC", with a pie chart); the dormant accounts (sheet
"Dormant"). In English or Chinese; numbers typed, money as ¥."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.chart import BarChart, PieChart, Reference
from sqlalchemy.orm import Session

from desktop.domain.services.analysis import AccountYear, analyse
from desktop.reports.labels import Labels
from desktop.reports.xlsx import Column, SheetWriter, new_workbook, save_atomically

TOP = 15  # accounts in the revenue chart


@dataclass(frozen=True)
class AnalysisResult:
    sheets: list[str]
    accounts: int
    classes: dict[str, int]
    dormant: int


def build_analysis(
    session: Session, path: Path, year: int, *, language: str = "en", today: dt.date
) -> AnalysisResult:
    t = Labels(language)
    rows = analyse(session, year, today)
    wb = new_workbook()
    main = SheetWriter(
        wb,
        t("Customer analysis"),
        [
            Column(t("Account"), width=32),
            Column(t("Revenue {year}").replace("{year}", str(year)), "money"),
            Column(t("Revenue {year}").replace("{year}", str(year - 1)), "money"),
            Column(t("Year over year"), "percent"),
            Column(t("Class")),
            Column(t("Cumulative share"), "percent"),
            Column(t("Tier")),
            Column(t("Owner")),
            Column(t("Potential"), "money"),
            Column(t("Share of wallet"), "percent"),
            Column(t("Last order"), "date"),
            Column(t("Last visit"), "date"),
            Column(t("Dormant")),
        ],
    )
    main.write(
        [
            r.name,
            r.revenue,
            r.previous,
            _pct(r.growth),
            r.abc,
            r.cumulative_pct,
            r.tier,
            r.owner,
            r.potential,
            _pct(r.wallet),
            r.last_order,
            r.last_visit,
            t("Yes") if r.dormant else "",
        ]
        for r in rows
    )
    _bar(main, t("Top accounts by revenue"), min(TOP, len(rows)))

    classes = _classes(rows)
    total = sum((revenue for _, revenue in classes.values()), Decimal(0))
    abc = SheetWriter(
        wb,
        t("ABC"),
        [
            Column(t("Class")),
            Column(t("Accounts"), "int"),
            Column(t("Revenue"), "money"),
            Column(t("Share of revenue"), "percent"),
        ],
    )
    abc.write(
        [klass, count, revenue, _pct(revenue / total) if total else None]
        for klass, (count, revenue) in classes.items()
    )
    _pie(abc, t("Revenue by ABC class"), len(classes))

    dormant = [r for r in rows if r.dormant]
    sleepers = SheetWriter(
        wb,
        t("Dormant"),
        [
            Column(t("Account"), width=32),
            Column(t("Tier")),
            Column(t("Owner")),
            Column(t("Last order"), "date"),
            Column(t("Last visit"), "date"),
            Column(t("Revenue {year}").replace("{year}", str(year - 1)), "money"),
        ],
    )
    sleepers.write(
        [r.name, r.tier, r.owner, r.last_order, r.last_visit, r.previous] for r in dormant
    )
    save_atomically(wb, path)
    return AnalysisResult(
        [t("Customer analysis"), t("ABC"), t("Dormant")],
        len(rows),
        {klass: count for klass, (count, _) in classes.items()},
        len(dormant),
    )


def _pct(fraction: Decimal | None) -> Decimal | None:
    """The sheet's percent cells take percents (40 for 40 %)."""
    return None if fraction is None else fraction * 100


def _classes(rows: list[AccountYear]) -> dict[str, tuple[int, Decimal]]:
    result: dict[str, tuple[int, Decimal]] = {}
    for klass in "ABC":
        members = [r for r in rows if r.abc == klass]
        result[klass] = (len(members), sum((r.revenue for r in members), Decimal(0)))
    return result


def _bar(writer: SheetWriter, title: str, rows: int) -> None:
    """Revenue (column B) of the first ``rows`` accounts, named in column A."""
    if rows <= 0:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.height, chart.width = 9, 16
    sheet = writer.sheet
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=rows + 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows + 1))
    chart.y_axis.number_format = '"¥"#,##0'
    sheet.add_chart(chart, "O2")


def _pie(writer: SheetWriter, title: str, rows: int) -> None:
    chart = PieChart()
    chart.title = title
    sheet = writer.sheet
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=rows + 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows + 1))
    sheet.add_chart(chart, "F2")
