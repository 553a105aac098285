"""Write any list to .xlsx: typed columns, streamed rows, a sheet ready for a meeting.

One call exports what a list shows: column headers and kinds plus a row iterator.
Sheets are written in openpyxl's write-only mode, so 100,000 rows stream through in
constant memory. Every sheet gets a frozen, bold header row, an auto-filter over the
data, column widths fitted to the first rows, ``¥#,##0.00`` on money, real dates.

Safety: user text that starts with ``= + - @`` (or a tab or carriage return, which
some programs strip before looking) is stored as a text cell with Excel's quote
prefix, so no spreadsheet program ever evaluates it as a formula, and editing the
cell keeps it text. Characters XML cannot hold are dropped.

Values: money and decimals must be ``Decimal`` or ``int`` (a float here would be a
number we computed inexactly, so it is refused); datetimes must be aware and are
written as the user's local wall-clock time.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONEY_FORMAT = "¥#,##0.00"
DECIMAL_FORMAT = "#,##0.##"
INT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
KINDS = ("text", "int", "decimal", "money", "percent", "date", "datetime")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
WIDTH_SAMPLE_ROWS = 500
PROGRESS_EVERY = 1000
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


class ExportCancelled(Exception):
    """The user cancelled; the partial file was removed."""


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"
    width: float | None = None  # None: fitted to the header and the first rows

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def display_width(text: str) -> int:
    """Width in Excel's character units: CJK and full-width characters count double."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def clean_text(value: object) -> str:
    text = value if isinstance(value, str) else str(value)
    return str(ILLEGAL_CHARACTERS_RE.sub("", text))


def _text_cell(value: object) -> str | tuple[str, str]:
    """Text as stored: characters XML cannot hold dropped; formula-like text marked."""
    text = value if isinstance(value, str) else str(value)
    if not text.isprintable():  # only then can it hold a character XML refuses
        text = clean_text(text)
    return ("!", text) if text.startswith(FORMULA_TRIGGERS) else text


def _exact(value: object, kind: str) -> Decimal | int:
    if type(value) is Decimal or type(value) is int:
        return value
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"a {kind} cell takes Decimal or int, not {type(value).__name__}")
    return value


class SheetWriter:
    """Streams rows of typed values into one write-only worksheet."""

    def __init__(
        self, workbook: Workbook, title: str, columns: Sequence[Column], *, tz: ZoneInfo = SHANGHAI
    ) -> None:
        self.workbook = workbook
        self.sheet = workbook.create_sheet(title=_sheet_title(title))
        self.columns = list(columns)
        self.tz = tz
        self.rows_written = 0
        # One styled cell per column, refilled for every row: openpyxl writes a row
        # out before the next one is built, so the same cell object can be reused.
        self._cells: list[WriteOnlyCell | None] = [self._template(c) for c in self.columns]
        self._quoted: list[WriteOnlyCell] = [_quoted(self.sheet) for _ in self.columns]
        self._converters = [self._converter(c.kind) for c in self.columns]

    def _template(self, column: Column) -> WriteOnlyCell | None:
        fmt = {
            "money": MONEY_FORMAT,
            "decimal": DECIMAL_FORMAT,
            "int": INT_FORMAT,
            "percent": PERCENT_FORMAT,
            "date": DATE_FORMAT,
            "datetime": DATETIME_FORMAT,
        }.get(column.kind)
        if fmt is None:
            return None
        cell = WriteOnlyCell(self.sheet)
        cell.number_format = fmt
        return cell

    def _convert(self, values: Sequence[Any]) -> list[Any]:
        converters = self._converters
        if len(values) < len(converters):
            values = [*values, *([None] * (len(converters) - len(values)))]
        return [
            None if value is None or value == "" else convert(value)
            for convert, value in zip(converters, values, strict=False)
        ]

    def _converter(self, kind: str) -> Callable[[Any], Any]:
        """One column's conversion, chosen once (a 100k-row sheet runs it a million times)."""
        if kind == "text":
            return _text_cell
        if kind in ("money", "decimal", "int"):
            return lambda value: _exact(value, kind)
        if kind == "percent":
            # Percent values arrive as "40.0" (meaning 40.0 %); Excel wants 0.4.
            return lambda value: _exact(value, kind) / Decimal(100)
        if kind == "datetime":
            tz = self.tz

            def moment(value: Any) -> dt.datetime:
                if not isinstance(value, dt.datetime) or value.tzinfo is None:
                    raise TypeError("datetime cells take aware datetimes")
                return value.astimezone(tz).replace(tzinfo=None)

            return moment

        def day(value: Any) -> dt.date:
            if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
                raise TypeError("date cells take dates")
            return value

        return day

    def _cells_of(self, converted: list[Any]) -> list[Any]:
        row: list[Any] = []
        for template, quoted, value in zip(self._cells, self._quoted, converted, strict=True):
            if value is None:
                row.append(None)
            elif isinstance(value, tuple):
                cell = quoted
                cell.value = value[1]
                cell.data_type = "s"  # text, even when it starts with "="
                row.append(cell)
            elif template is not None:
                template.value = value
                row.append(template)
            else:
                row.append(value)
        return row

    def _fit_widths(self, sample: list[list[Any]]) -> None:
        for index, column in enumerate(self.columns):
            width = column.width
            if width is None:
                longest = display_width(column.header) + 2  # room for the filter button
                for row in sample:
                    longest = max(longest, _shown_width(row[index], column.kind))
                width = min(max(longest + 2, 8), 60)
            self.sheet.column_dimensions[get_column_letter(index + 1)].width = width

    def write(
        self,
        rows: Iterable[Sequence[Any]],
        *,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Header, then every row; returns the number of data rows written."""
        stream: Iterator[Sequence[Any]] = iter(rows)
        sample = [self._convert(r) for r in islice(stream, WIDTH_SAMPLE_ROWS)]
        self._fit_widths(sample)
        self.sheet.freeze_panes = "A2"
        # Printed (or turned into PDF) the table fits the page width, header on every page.
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        self.sheet.page_setup.fitToWidth = 1
        self.sheet.page_setup.fitToHeight = 0
        self.sheet.print_title_rows = "1:1"
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(self.sheet, value=clean_text(column.header))
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center")
            cell.data_type = "s"
            header.append(cell)
        self.sheet.append(header)
        append = self.sheet.append
        count = 0
        for converted in _chain(sample, (self._convert(r) for r in stream)):
            append(self._cells_of(converted))
            count += 1
            if count % PROGRESS_EVERY == 0:
                if cancelled is not None and cancelled():
                    self.discard()
                    raise ExportCancelled
                if progress is not None:
                    progress(count)
        if progress is not None:
            progress(count)
        last = get_column_letter(max(len(self.columns), 1))
        self.sheet.auto_filter.ref = f"A1:{last}{count + 1}"
        self.rows_written = count
        return count

    def discard(self) -> None:
        """Drop the rows streamed so far (openpyxl keeps them in a temporary file)."""
        rows = getattr(self.sheet, "_rows", None)
        if rows is not None:
            rows.close()
            self.sheet._rows = None
        writer = getattr(self.sheet, "_writer", None)
        if writer is not None:
            writer.close()
            writer.cleanup()
            self.sheet._writer = None


def _quoted(sheet: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    cell.quotePrefix = True
    return cell


def _chain(first: list[list[Any]], rest: Iterator[list[Any]]) -> Iterator[list[Any]]:
    yield from first
    yield from rest


def _shown_width(value: Any, kind: str) -> int:
    if value is None:
        return 0
    if isinstance(value, tuple):
        value = value[1]
    if kind == "money":
        return len(f"¥{value:,.2f}")
    if kind == "percent":
        return 7
    if kind == "date":
        return 10
    if kind == "datetime":
        return 16
    if isinstance(value, Decimal | int):
        return len(f"{value:,}")
    return max((display_width(part) for part in str(value).splitlines()), default=0)


def _sheet_title(title: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'")
    return cleaned[:31] or "Sheet"


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def save_atomically(workbook: Workbook, path: Path) -> None:
    """Write next to the target, then rename: a failed save never leaves half a file."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        workbook.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def export_list(
    path: Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    title: str = "Sheet1",
    tz: ZoneInfo = SHANGHAI,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Export one list to ``path`` (.xlsx); returns the number of rows written.

    On cancel, raises ExportCancelled and leaves no file behind.
    """
    workbook = new_workbook()
    count = SheetWriter(workbook, title, columns, tz=tz).write(
        rows, progress=progress, cancelled=cancelled
    )
    save_atomically(workbook, Path(path))
    return count
