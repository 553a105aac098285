"""The win/loss workbook: closed opportunities by competitor, by lost reason, by rep and
by product category (``fieldbook export win-loss``); the meeting pack writes the same
sheets (``write_sheets``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy.orm import Session

from desktop.domain.services.winloss import WinLoss, report
from desktop.reports.labels import Labels
from desktop.reports.xlsx import Column, SheetWriter, new_workbook, save_atomically


def write_win_loss(result: WinLoss, path: Path, *, language: str = "en") -> list[str]:
    """Write the four sheets; returns their titles."""
    wb = new_workbook()
    titles = write_sheets(wb, result, Labels(language))
    save_atomically(wb, path)
    return titles


def write_sheets(wb: Workbook, result: WinLoss, t: Labels, prefix: str = "") -> list[str]:
    """The win/loss sheets into ``wb`` (titles after ``prefix``); returns their titles."""
    competitor = SheetWriter(
        wb,
        prefix + t("By competitor"),
        [
            Column(t("Competitor")),
            Column(t("Deals"), "int"),
            Column(t("Won"), "int"),
            Column(t("Lost"), "int"),
            Column(t("Lost to them"), "int"),
            Column(t("Amount lost to them"), "money"),
            Column(t("Win rate"), "percent"),
        ],
    )
    competitor.write(
        [c.name, c.deals, c.won, c.lost, c.lost_to_them, c.lost_to_them_amount, c.win_rate]
        for c in result.by_competitor
    )
    reason = SheetWriter(
        wb,
        prefix + t("By lost reason"),
        [Column(t("Lost reason")), Column(t("Deals"), "int"), Column(t("Amount"), "money")],
    )
    reason.write([r.name or t("(no reason)"), r.lost, r.lost_amount] for r in result.by_reason)
    rep = SheetWriter(
        wb,
        prefix + t("By rep"),
        [
            Column(t("Rep")),
            Column(t("Won"), "int"),
            Column(t("Won amount"), "money"),
            Column(t("Lost"), "int"),
            Column(t("Lost amount"), "money"),
            Column(t("Win rate"), "percent"),
        ],
    )
    rows = [[r.name, r.won, r.won_amount, r.lost, r.lost_amount, r.win_rate] for r in result.by_rep]
    total = result.totals
    rows.append(
        [t("Total"), total.won, total.won_amount, total.lost, total.lost_amount, total.win_rate]
    )
    rep.write(rows)
    category = SheetWriter(
        wb,
        prefix + t("By product category"),
        [
            Column(t("Product category")),
            Column(t("Won"), "int"),
            Column(t("Won amount"), "money"),
            Column(t("Lost"), "int"),
            Column(t("Lost amount"), "money"),
            Column(t("Win rate"), "percent"),
        ],
    )
    category.write(
        [c.name or t("(no quote)"), c.won, c.won_amount, c.lost, c.lost_amount, c.win_rate]
        for c in result.by_category
    )
    return [competitor.sheet.title, reason.sheet.title, rep.sheet.title, category.sheet.title]


def export_win_loss(
    session: Session,
    path: Path,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    language: str = "en",
) -> WinLoss:
    result = report(session, start, end)
    write_win_loss(result, path, language=language)
    return result
