"""The 100k-account Excel export: time and peak memory beside bare openpyxl.

``measure(data_dir, accounts)`` returns:

- ``export_100k_s``: ``fieldbook export accounts`` as the app runs it (stream the rows
  from SQLite, convert, guard against formula injection, fit widths, write-only
  openpyxl, save), in a fresh process;
- ``export_100k_peak_mb``: that process's peak RSS (its own, not the harness's);
- ``export_floor_s``: bare openpyxl write-only writing the same cells (same values,
  the same number formats on money and time cells) from rows already in memory, in a
  fresh process, in the same run. The floor does not read the database, so the ratio
  charges our export with its query too;
- ``export_query_s``: reading those rows alone, to show where the time goes.

Each figure is the best of ``RUNS`` runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = 3  # best of three each: one run of either swings by a fifth on this shared machine

EXPORT = """
import json, resource, sys, time
from pathlib import Path
from desktop.store.migrate import open_database
from desktop.reports.exports import export_accounts
db = open_database(Path(sys.argv[1]))
started = time.perf_counter()
with db.sessions() as session:
    count = export_accounts(session, Path(sys.argv[2]), language="zh_CN")
elapsed = time.perf_counter() - started
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "rows": count, "peak_kb": peak_kb}))
"""

FLOOR = """
import json, resource, sys, time
from pathlib import Path
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from desktop.store.migrate import open_database
from desktop.reports.exports import account_rows
from desktop.reports.labels import Labels
db = open_database(Path(sys.argv[1]))
started = time.perf_counter()
with db.sessions() as session:
    rows = list(account_rows(session, Labels("zh_CN")))
query_s = time.perf_counter() - started
for row in rows:  # what the export hands openpyxl: local wall-clock time, no zone
    row[13] = row[13].replace(tzinfo=None)
headers = ["名称", "简称", "统一社会信用代码", "行业", "省份", "城市", "地址", "电话", "客户级别",
           "状态", "负责人", "潜力", "标签", "更新时间"]
started = time.perf_counter()
wb = Workbook(write_only=True)
ws = wb.create_sheet("客户")
ws.append(headers)
for row in rows:
    cells = list(row)
    if cells[11] is not None:
        money = WriteOnlyCell(ws, value=cells[11])
        money.number_format = "¥#,##0.00"
        cells[11] = money
    when = WriteOnlyCell(ws, value=cells[13])
    when.number_format = "yyyy-mm-dd hh:mm"
    cells[13] = when
    ws.append(cells)
wb.save(sys.argv[2])
elapsed = time.perf_counter() - started
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "query_s": query_s, "rows": len(rows), "peak_kb": peak_kb}))
"""


def _run(script: str, data_dir: Path, out: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(data_dir), str(out)],
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
    with tempfile.TemporaryDirectory(prefix="fieldbook-export-") as temp:
        out = Path(temp)
        exports, floors = [], []
        for run in range(RUNS):
            floors.append(_run(FLOOR, data_dir, out / f"floor-{run}.xlsx"))
            exports.append(_run(EXPORT, data_dir, out / f"export-{run}.xlsx"))
    best = min(exports, key=lambda r: r["seconds"])
    floor = min(floors, key=lambda r: r["seconds"])
    return {
        "export_100k_s": round(best["seconds"], 2),
        "export_100k_peak_mb": round(max(r["peak_kb"] for r in exports) / 1024, 1),
        "export_floor_s": round(floor["seconds"], 2),
        "export_query_s": round(min(r["query_s"] for r in floors), 2),
        "export_rows": best["rows"],
    }


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print(json.dumps(measure(folder), indent=2))
