"""Files as grids of cells: every workbook and text format people keep customer lists in.

Workbooks (.xlsx, .xlsm, .xls, .ods) are read by python-calamine: one well-kept Rust
reader for all four, which also tells which sheets are hidden or very hidden (those are
never data: Dynamics 365 keeps its metadata in a very hidden sheet) and reads 50,000
rows several times faster than openpyxl. Text files (.csv, .txt) are decoded by their
byte-order mark (UTF-8, UTF-16 as Excel's "Unicode text" writes it), else as UTF-8 if
they are valid UTF-8, else by charset-normalizer among the code pages our users' files
come in (GB18030/GBK, Big5, Windows-1252): detected, not tried in a fixed order, so
"Müller" is not read as Chinese.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes
from python_calamine import CalamineWorkbook, SheetVisibleEnum

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXTS = (".csv", ".txt", ".tsv")
VCARDS = (".vcf", ".vcard")
# Code pages a file without a BOM that is not UTF-8 is compared against.
CODE_PAGES = ["gb18030", "big5", "cp1252"]
DELIMITERS = (",", ";", "\t", "|")

Merge = tuple[tuple[int, int], tuple[int, int]]


class ImportFileError(Exception):
    """The file cannot be read as a table (wrong type, encoding, no header row)."""


@dataclass
class Grid:
    """One sheet's cells, top left at row 0 of the file (blank rows kept)."""

    name: str
    rows: list[list[Any]]
    merges: list[Merge] = field(default_factory=list)


@dataclass
class Source:
    """What was in the file, before any header is looked for."""

    format: str  # "xlsx", "xls", "ods", "csv"
    grids: list[Grid]
    hidden: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None


def read_source(path: Path) -> Source:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOKS:
        return _read_workbook(path)
    if suffix in TEXTS:
        text, encoding = decode(path.read_bytes(), path.name)
        return _csv(text, encoding, path.stem)
    raise ImportFileError(
        f"{path.name}: choose a workbook (.xlsx, .xls, .ods) or a text file (.csv, .txt)"
    )


def _read_workbook(path: Path) -> Source:
    grids: list[Grid] = []
    hidden: list[str] = []
    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            for meta in book.sheets_metadata:
                if meta.visible != SheetVisibleEnum.Visible:
                    hidden.append(meta.name)
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                rows: list[list[Any]] = [list(r) for r in sheet.to_python(skip_empty_area=False)]
                grids.append(Grid(meta.name, rows, list(sheet.merged_cell_ranges or [])))
    except Exception as exc:  # calamine raises its own errors, and OSError subclasses
        raise ImportFileError(f"{path.name}: not a workbook Fieldbook can read ({exc})") from exc
    if not grids:
        raise ImportFileError(f"{path.name}: every sheet is hidden; there is nothing to import")
    return Source(path.suffix.lower().lstrip(".").replace("xlsm", "xlsx"), grids, hidden)


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text of a file and the encoding it was in."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ImportFileError(f"{name}: the text is not valid {encoding}") from exc
    if _looks_utf16(raw):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text, encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=CODE_PAGES).best()
    if best is None:
        raise ImportFileError(
            f"{name}: the text is in no encoding Fieldbook knows "
            "(UTF-8, UTF-16, GBK/GB18030, Big5, Windows-1252); save it as CSV UTF-8"
        )
    return str(best), best.encoding


def _looks_utf16(raw: bytes) -> bool:
    """Without a BOM: every other byte zero in the ASCII parts (headers, digits)."""
    sample = raw[:2000]
    return len(sample) >= 4 and sample.count(0) >= len(sample) // 4


def _csv(text: str, encoding: str, name: str) -> Source:
    lines = text.splitlines()[:60]
    delimiter = pick_delimiter(lines)
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:  # NUL bytes: a binary file with a .csv name
        raise ImportFileError(f"{name}: not a text table ({exc})") from exc
    return Source("csv", [Grid(name, rows)], [], encoding, delimiter)


def pick_delimiter(lines: Sequence[str]) -> str:
    """The delimiter that splits the header row widest.

    Taken from the header row, where decimal commas ("1,5") do not occur: the header is
    the widest row of the first lines under each candidate, and the candidate whose
    header has the most columns (ties: the earliest in ``DELIMITERS``) wins. Quotes are
    honoured, so a comma inside "Berlin, Mitte" does not count.
    """
    best, best_width = ",", 0
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
        widths = [_text_cells(r) for r in rows]
        width = max(widths, default=0)
        if width > best_width:
            best, best_width = delimiter, width
    return best


def _text_cells(row: Sequence[str]) -> int:
    """Cells that read as header words: not blank, not a number."""
    count = 0
    for cell in row:
        text = cell.strip()
        if text and not text.replace(",", "").replace(".", "").replace("-", "").isdigit():
            count += 1
    return count
