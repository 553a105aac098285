"""Finding the data in a file: the sheet, the header row, the rows, and what is not data.

- Sheet: hidden sheets never (files.py leaves them out); among the visible ones, the
  one whose header row names the most known columns (the user's ``sheet`` decides).
- Header row: the first 30 rows are scored by how many cells are known headers, then
  by how many are words; the best wins, so title blocks, "导出人/导出时间" lines and a
  template's instructions above the header are passed over. A header merged down over
  two rows takes the sub-headers below it.
- Rows after the data that are not data (report footers, "合计"/"总计" totals,
  copyright and confidentiality lines, notes) are skipped, each with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.imports.fields import FIELDS, header_key
from desktop.imports.files import Grid, ImportFileError, Source, read_source
from desktop.imports.programs import PROGRAMS
from desktop.imports.values import blank, clean_text

HEADER_SCAN = 30

_FOOTERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(合计|总计|小计|总额|共计|grandtotal|subtotal|total)\b"), "a total row"),
    (re.compile(r"copyright|©|版权所有|allrightsreserved"), "a copyright line"),
    (re.compile(r"confidential|donotdistribute|机密|保密|内部资料"), "a confidentiality line"),
    (
        re.compile(r"^(generatedby|导出人|导出时间|制表人|制表日期|打印时间|报表生成)"),
        "who made the report and when",
    ),
    (re.compile(r"^(注|备注|说明|note|notes)[:：]"), "a note below the data"),
)


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str
    text: str


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (line in the file, values)
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    header_line: int = 1
    skipped: list[Skipped] = field(default_factory=list)
    format: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    sheet_reason: str = ""


def known_headers(kind: str) -> frozenset[str]:
    keys: set[str] = set()
    for f in FIELDS[kind]:
        keys |= f.keys() | f.fallback_keys()
    for program in PROGRAMS:
        if program.kind == kind:
            keys |= set(program.columns)
    return frozenset(keys)


def read_table(path: Path, kind: str = "accounts", sheet: str | None = None) -> Table:
    """The data of ``path`` for an import of ``kind``: the best sheet (or ``sheet``)."""
    return table_of(read_source(path), kind, sheet, Path(path).name)


def table_of(source: Source, kind: str, sheet: str | None = None, name: str = "") -> Table:
    known = known_headers(kind)
    names = [g.name for g in source.grids]
    if sheet is not None and source.format != "csv":
        if sheet in source.hidden:
            raise ImportFileError(f"{name}: sheet {sheet!r} is hidden; hidden sheets are not data")
        if sheet not in names:
            raise ImportFileError(f"{name} has no sheet {sheet!r} (it has {', '.join(names)})")
        grid = source.grids[names.index(sheet)]
        at, hits = _header_row(grid.rows, known)
        reason = "the sheet you chose"
    else:
        scored = [(_header_row(g.rows, known), g) for g in source.grids]
        (at, hits), grid = max(scored, key=lambda s: s[0][1])  # first of the best
        reason = f"its header names {hits} known columns" if len(names) > 1 else ""
    if at is None:
        raise ImportFileError(
            f"{name}: no header row in the first {HEADER_SCAN} rows of {grid.name!r}: "
            "the data needs a row of column names"
        )
    table = _table(grid, at)
    table.sheets = names if source.format != "csv" else []
    table.hidden = source.hidden
    table.format, table.encoding, table.delimiter = (
        source.format,
        source.encoding,
        source.delimiter,
    )
    table.sheet_reason = reason
    return table


def _header_row(rows: Sequence[Sequence[Any]], known: frozenset[str]) -> tuple[int | None, int]:
    """(index of the header row, how many known headers it has)."""
    best: tuple[int, int] | None = None
    at: int | None = None
    for index, row in enumerate(rows[:HEADER_SCAN]):
        words = {
            clean_text(v) for v in row if isinstance(v, str) and clean_text(v) and not _numeric(v)
        }
        if len(words) < 2:
            continue
        hits = sum(1 for w in words if header_key(w) in known)
        score = (hits, len(words))
        if best is None or score > best:
            best, at = score, index
    return at, best[0] if best else 0


def _numeric(text: str) -> bool:
    stripped = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(".", "")
    return stripped.lstrip("+-").isdigit()


def _fill_merges(grid: Grid) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Merged cells take the value of their top-left cell; returns cell -> its range."""
    spans: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    rows = grid.rows
    for (r0, c0), (r1, c1) in grid.merges:
        value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else None
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                spans[(r, c)] = (r0, c0, r1, c1)
                if r < len(rows) and c < len(rows[r]):
                    rows[r][c] = value
    return spans


def _table(grid: Grid, header_at: int) -> Table:
    spans = _fill_merges(grid) if grid.merges else {}
    rows = grid.rows
    headers = [clean_text(str(v)) if not blank(v) else "" for v in rows[header_at]]
    first_data = header_at + 1
    # A header merged down over two rows: the row below holds sub-headers.
    two_rows = any(
        span[0] == header_at and span[2] > header_at and (r, c) == (header_at, span[1])
        for (r, c), span in spans.items()
    )
    if two_rows and first_data < len(rows):
        below = rows[first_data]
        for c in range(max(len(headers), len(below))):
            sub = below[c] if c < len(below) else None
            lower_is_merge_of_top = spans.get((first_data, c), (None,))[0] == header_at
            if not blank(sub) and not lower_is_merge_of_top:
                while len(headers) <= c:
                    headers.append("")
                headers[c] = clean_text(str(sub))
        first_data += 1
    while headers and not headers[-1]:
        headers.pop()
    body = rows[first_data:]
    end, skipped = _footer(body, first_data, len([h for h in headers if h]))
    left_out = {s.line for s in skipped}
    data = [
        (line + 1, row)
        for line, row in enumerate(body[:end], start=first_data)
        if line + 1 not in left_out and not all(blank(v) for v in row)
    ]
    return Table(headers, data, grid.name, header_line=header_at + 1, skipped=skipped)


def _marker(row: Sequence[Any]) -> str | None:
    cells = [clean_text(str(v)) for v in row if not blank(v)]
    if not cells:
        return None
    first = "".join(unicodedata.normalize("NFKC", cells[0]).casefold().split())
    for pattern, reason in _FOOTERS:
        if pattern.search(first):
            return reason
    return None


def _footer(body: list[list[Any]], offset: int, width: int) -> tuple[int, list[Skipped]]:
    """Where the data ends in ``body``, and the rows that are skipped: the footer below
    the data, and total or note rows between data rows (a 小计 per group).

    The footer starts at the first row that reads as one (a total, copyright, ...) and
    below which only such rows or short ones follow. The block of short rows right above
    it belongs to it when a blank row separates that block from the data: Salesforce
    writes the report's name and the organisation there.
    """
    markers = [_marker(row) for row in body]
    if not any(markers):
        return len(body), []
    # tail[i]: every row from i on is blank, a marker or short, so could be footer.
    tail = [True] * (len(body) + 1)
    for i in range(len(body) - 1, -1, -1):
        row = body[i]
        footerish = markers[i] is not None or _short(row, width) or all(blank(v) for v in row)
        tail[i] = tail[i + 1] and footerish
    start = next((i for i, m in enumerate(markers) if m is not None and tail[i]), len(body))
    block = start
    while 0 < block < len(body) and _short(body[block - 1], width):
        block -= 1
    if 0 < block < start and all(blank(v) for v in body[block - 1]):
        start = block
    skipped = []
    for index, row in enumerate(body):
        if index < start and markers[index] is None:
            continue
        if all(blank(v) for v in row):
            continue
        reason = markers[index] or "below the data, part of the report's footer"
        text = " | ".join(clean_text(str(v)) for v in row if not blank(v))
        skipped.append(Skipped(offset + index + 1, reason, text[:120]))
    return start, skipped


def _short(row: Sequence[Any], width: int) -> bool:
    filled = sum(1 for v in row if not blank(v))
    return 0 < filled <= max(1, width // 3)
