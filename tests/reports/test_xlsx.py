"""Excel export of any list: typed cells, sheet furniture, and no formula injection."""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.reports import xlsx
from tests.reports.office import CSV_UTF8_AS_SHOWN, convert

COLUMNS = [
    xlsx.Column("客户名称"),
    xlsx.Column("Amount", "money"),
    xlsx.Column("Accepted", "datetime"),
    xlsx.Column("Issued", "date"),
    xlsx.Column("Attainment", "percent"),
    xlsx.Column("Visits", "int"),
]
# Text a user typed, which a careless export would hand to Excel as formulas.
HOSTILE = ["=1+1", "+86 Trading", "-2+3", "@Home", '=HYPERLINK("http://x","y")', "\t=1+2"]


def _rows() -> list[list[object]]:
    rows: list[list[object]] = [
        [
            "华为技术有限公司",
            Decimal("1234567.89"),
            dt.datetime(2026, 6, 30, 16, 30, tzinfo=dt.UTC),
            dt.date(2026, 3, 5),
            Decimal("40.5"),
            3,
        ],
    ]
    rows += [[text, Decimal("-0.01"), None, None, None, None] for text in HOSTILE]
    rows.append(["bell\x07inside", None, None, None, None, 0])
    return rows


def test_cells_keep_their_types_and_formats(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    assert xlsx.export_list(path, COLUMNS, _rows(), title="Accounts") == 8
    ws = load_workbook(path)["Accounts"]
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    assert ws[1][0].font.bold
    _name, amount, accepted, issued, pct, visits = ws[2]
    # Excel keeps numbers as doubles; the shortest text of that double is the exact amount.
    assert Decimal(repr(amount.value)) == Decimal("1234567.89")
    assert amount.number_format == "¥#,##0.00"
    # 16:30 UTC is 00:30 the next day in Shanghai: written as the local time.
    assert accepted.value == dt.datetime(2026, 7, 1, 0, 30)
    assert accepted.is_date
    assert (issued.value.date(), issued.number_format) == (dt.date(2026, 3, 5), "yyyy-mm-dd")
    assert (pct.value, pct.number_format) == (pytest.approx(0.405), "0.0%")
    assert visits.value == 3
    assert ws["A9"].value == "bellinside"  # a control character XML cannot hold is dropped
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F9"
    widths = [ws.column_dimensions[letter].width for letter in "AB"]
    assert widths[0] >= xlsx.display_width("华为技术有限公司")  # CJK counts double
    assert widths[1] >= len("¥1,234,567.89")


def test_user_text_is_never_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "hostile.xlsx"
    xlsx.export_list(path, COLUMNS, _rows())
    ws = load_workbook(path).active
    assert ws is not None
    for row, text in zip(ws.iter_rows(min_row=3, max_row=8), HOSTILE, strict=True):
        assert row[0].value == text
        assert row[0].data_type == "s"
        assert row[0].quotePrefix
    # And a real spreadsheet program shows the text, not a computed value.
    shown = convert(path, CSV_UTF8_AS_SHOWN, tmp_path)
    with shown.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][0] == "客户名称"
    assert lines[1][:5] == [
        "华为技术有限公司",
        "¥1,234,567.89",
        "2026-07-01 00:30",
        "2026-03-05",
        "40.5%",
    ]
    assert [line[0] for line in lines[2:8]] == HOSTILE
    assert lines[2][1] == "-¥0.01"


def test_floats_and_naive_times_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        xlsx.export_list(tmp_path / "f.xlsx", [xlsx.Column("x", "money")], [[0.1]])
    with pytest.raises(TypeError):
        xlsx.export_list(
            tmp_path / "n.xlsx", [xlsx.Column("x", "datetime")], [[dt.datetime(2026, 1, 1)]]
        )
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_large_list_streams_with_progress_and_cancel(tmp_path: Path) -> None:
    columns = [xlsx.Column("n", "int"), xlsx.Column("name"), xlsx.Column("amount", "money")]

    def rows(n: int) -> object:
        return ([i, f"客户{i}", Decimal(i) / 100] for i in range(n))

    seen: list[int] = []
    count = xlsx.export_list(
        tmp_path / "big.xlsx",
        columns,
        rows(5000),  # type: ignore[arg-type]
        progress=seen.append,
    )
    assert count == 5000
    assert seen == [1000, 2000, 3000, 4000, 5000, 5000]
    book = load_workbook(tmp_path / "big.xlsx", read_only=True)
    ws = book.active
    assert ws is not None
    last = next(iter(ws.iter_rows(min_row=5001, max_row=5001, values_only=True)))
    book.close()  # a read-only workbook keeps its file open until closed
    assert last[:2] == (4999, "客户4999")
    assert Decimal(repr(last[2])) == Decimal("49.99")

    before = set(os.listdir(tempfile.gettempdir()))
    with pytest.raises(xlsx.ExportCancelled):
        xlsx.export_list(
            tmp_path / "cancelled.xlsx",
            columns,
            rows(5000),  # type: ignore[arg-type]
            cancelled=lambda: True,
        )
    assert not (tmp_path / "cancelled.xlsx").exists()
    leftovers = {
        n for n in set(os.listdir(tempfile.gettempdir())) - before if n.startswith("openpyxl.")
    }
    assert not leftovers


def test_sheet_titles_are_made_legal() -> None:
    wb = xlsx.new_workbook()
    writer = xlsx.SheetWriter(wb, "Q3: targets/actual [draft] and a very long name", [])
    assert writer.sheet.title == "Q3_ targets_actual _draft_ and "
