"""The receivables workbook (``fieldbook export receivables``) for the bench dataset,
beside bare openpyxl writing the same cells.

``measure(data_dir, accounts)`` returns:

- ``receivables_export_s``: the export as the app runs it (the ledger read from SQLite,
  the figures of ``desktop.domain.receivables``, five sheets through ``SheetWriter``:
  typed cells, formula guard, fitted widths, filters; saved), in a fresh process;
- ``receivables_floor_s``: bare openpyxl write-only writing the same cells (the same
  values, money/date/percent formats) from rows already in memory, in a fresh process,
  in the same run; it neither reads the database nor computes, so the ratio charges
  the export with both;
- ``receivables_query_s``: reading the ledger and building the rows alone;
- ``receivables_rows``: the data rows of the five sheets; ``receivables_peak_mb``.

Each figure is the best of ``RUNS`` runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = int(__import__("os").environ.get("BENCH_RUNS", "3"))
AS_OF = "2026-12-04"

EXPORT = """
import datetime as dt, json, resource, sys, time
from pathlib import Path
from desktop.store.migrate import open_database
from desktop.reports.receivables import export_receivables
db = open_database(Path(sys.argv[1]))
started = time.perf_counter()
with db.sessions() as session:
    result = export_receivables(
        session, Path(sys.argv[2]), dt.date.fromisoformat(sys.argv[3]), language="zh_CN"
    )
elapsed = time.perf_counter() - started
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_kb": peak_kb}))
"""

FLOOR = """
import datetime as dt, json, sys, time
from decimal import Decimal
from pathlib import Path
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from desktop.store.migrate import open_database
from desktop.domain.services.receivables import ledger
from desktop.reports.labels import Labels
from desktop.reports.receivables import receivables_sheets, rep_names
db = open_database(Path(sys.argv[1]))
started = time.perf_counter()
with db.sessions() as session:
    book = ledger(session, dt.date.fromisoformat(sys.argv[3]))
    sheets = receivables_sheets(book, Labels("zh_CN"), rep_names(session))
query_s = time.perf_counter() - started
FORMATS = {"money": "¥#,##0.00", "date": "yyyy-mm-dd", "percent": "0.0%", "int": "#,##0",
           "decimal": "#,##0.##"}
for _title, columns, rows in sheets:  # what the export hands openpyxl
    for row in rows:
        for i, column in enumerate(columns):
            if column.kind == "percent" and row[i] is not None:
                row[i] = row[i] / Decimal(100)
started = time.perf_counter()
wb = Workbook(write_only=True)
count = 0
for title, columns, rows in sheets:
    ws = wb.create_sheet(title)
    ws.append([c.header for c in columns])
    kinds = [FORMATS.get(c.kind) for c in columns]
    for row in rows:
        cells = []
        for fmt, value in zip(kinds, row):
            if fmt is None or value is None:
                cells.append(value)
            else:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = fmt
                cells.append(cell)
        ws.append(cells)
        count += 1
wb.save(sys.argv[2])
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "query_s": query_s, "rows": count}))
"""


def _run(script: str, data_dir: Path, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_dir), str(out), AS_OF],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(data_dir: Path, accounts: int = 100_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="fieldbook-receivables-") as temp:
        out = Path(temp)
        exports, floors = [], []
        for run in range(RUNS):
            floors.append(_run(FLOOR, data_dir, out / f"floor-{run}.xlsx"))
            exports.append(_run(EXPORT, data_dir, out / f"export-{run}.xlsx"))
    best = min(r["seconds"] for r in exports)
    floor = min(floors, key=lambda r: r["seconds"])
    return {
        "receivables_export_s": round(best, 2),
        "receivables_floor_s": round(floor["seconds"], 2),
        "receivables_query_s": round(min(r["query_s"] for r in floors), 2),
        "receivables_rows": floor["rows"],
        "receivables_peak_mb": round(max(r["peak_kb"] for r in exports) / 1024, 1),
    }


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(json.dumps(measure(folder), indent=2))
