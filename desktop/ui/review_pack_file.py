"""Write an account's review pack (desktop/reports/review_pack.py) to a file: .pdf
(charts drawn with QPainter into images, laid out by desktop/ui/pdf.py with the
bundled CJK font) or .xlsx (native charts). ``prepare`` touches no GUI object, so the
window runs it on a worker (reading, charts, the whole workbook) and only lays out a
PDF on its own thread (``print_pdf``); the command line does both in its offscreen
QGuiApplication (``write_review_pack``)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desktop.reports.review_pack import ReviewPack, Words, collect
from desktop.reports.review_pack_html import render_html
from desktop.reports.review_pack_xlsx import write_xlsx
from desktop.ui.charts import bar_chart_png
from desktop.ui.pdf import ensure_gui_app, register_bundled_font, render_pdf

SUFFIXES = (".pdf", ".xlsx")


def charts(pack: ReviewPack, language: str) -> dict[str, bytes]:
    """The revenue trend (a bar per year in each month) and the year's target against
    the money won, month by month, as PNG."""
    w = Words(language)
    family = register_bundled_font()
    months = [f"{m}月" if language == "zh_CN" else calendar.month_abbr[m] for m in range(1, 13)]
    revenue = bar_chart_png(
        w("Revenue by month"),
        months,
        [(str(y), [pack.revenue[(y, m)] for m in range(1, 13)]) for y in pack.years],
        family=family,
    )
    by_month = list(pack.target.by_month.values())
    target = bar_chart_png(
        w("Target vs actual {year}").replace("{year}", str(pack.year)),
        months,
        [(w("Target"), [t for t, _ in by_month]), (w("Actual"), [a for _, a in by_month])],
        family=family,
    )
    return {"revenue": revenue, "target": target}


@dataclass(frozen=True)
class PackFile:
    """A collected pack: written already (.xlsx), or its HTML ready to print (.pdf)."""

    pack: ReviewPack
    path: Path
    html: str = ""  # for a PDF: what ``print_pdf`` lays out
    title: str = ""


def prepare(
    session: Session,
    account_id: str,
    path: Path,
    *,
    language: str,
    year: int,
    now: dt.datetime,
    zone: ZoneInfo,
) -> PackFile:
    """Collect the pack, draw its charts and write a workbook (safe on a worker); a
    PDF is laid out by ``print_pdf`` on the GUI thread (QTextDocument is a GUI object)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"{path.name}: a review pack is a .pdf or an .xlsx file")
    pack = collect(session, account_id, year, now=now, zone=zone)
    if suffix == ".xlsx":
        write_xlsx(pack, path, language)
        return PackFile(pack, path)
    title = f"{pack.header.name} · {Words(language)('Account review pack')} {year}"
    return PackFile(pack, path, render_html(pack, language, charts(pack, language)), title)


def print_pdf(prepared: PackFile) -> Path:
    """Lay out and write a prepared PDF (nothing to do for a workbook)."""
    if prepared.html:
        ensure_gui_app()
        render_pdf(prepared.html, prepared.path, prepared.title)
    return prepared.path


def write_review_pack(
    session: Session,
    account_id: str,
    path: Path,
    *,
    language: str,
    year: int,
    now: dt.datetime,
    zone: ZoneInfo,
) -> ReviewPack:
    """Collect the pack and write it as ``path``'s suffix says (.pdf or .xlsx), all on
    this thread (the command line, tests)."""
    if path.suffix.lower() == ".pdf":
        ensure_gui_app()  # fonts for the charts, a document to lay out
    prepared = prepare(session, account_id, path, language=language, year=year, now=now, zone=zone)
    print_pdf(prepared)
    return prepared.pack
