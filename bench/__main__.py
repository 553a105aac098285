"""One harness for every figure: ``make bench`` (BENCH_ACCOUNTS, default 100000).

Writes bench/results.json and prints a table. Every figure stands beside a floor
measured in the same run on the same machine. Nothing here asserts: the numbers are
reported when an issue is resolved, and compared with the goals in the issues.

Feature areas add their figures through a module bench/<area>_bench.py with a
function ``measure(data_dir: Path, accounts: int) -> dict[str, float]``.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
AREAS = (
    "search_bench",
    "account_bench",
    "export_bench",
    "import_bench",
    "sync_bench",
    "gui_bench",
    "backup_bench",
    "health_bench",
    "pipeline_bench",
    "review_bench",
    "deals_bench",
    "receivables_bench",
)

GOALS = {
    "startup_first_paint_s": "<= 3x startup_floor_s",
    "startup_ready_s": "(first page with its data; no goal set)",
    "rss_mb_after_pages": "<= 300",
    "search_p95_ms": "<= 30",
    "accounts_page_show_ms": "<= 200",
    "account_open_ms": "<= 50",
    "export_100k_s": "<= 1.2x export_floor_s",
    "export_100k_peak_mb": "<= 300",
    "sync_initial_rows_per_s": ">= 20000",
    "sync_roundtrip_p95_ms": "<= 300",
    "server_mutations_per_s": ">= 2000",
    "gui_max_stall_ms": "<= 100",
    "demo_data_s": "< 60",
    "backup_daily_s": "(on a worker, once a day; no goal set)",
    "import_50k_s": "<= 3x import_floor_s and < 60",
    "health_all_s": "<= 30 at 100k accounts, on a worker",
    "health_one_ms": "<= 50 (one account again after an edit)",
    "health_cache_full_s": "<= 30 at 100k accounts, on a worker",
    "health_incremental_ms": "<= 50 (in the unit of work of one edit)",
    "sort_health_ms": "<= 300",
    "abc_rank_ms": "(on a worker, after an order or a status changed; no goal set)",
    "org_chart_200_ms": "<= 200",
    "pipeline_board_open_ms": "<= 200 (5,000 open opportunities; the bench has more)",
    "review_pack_collect_ms": "(one account's pack read; beside review_pack_floor_ms; no goal set)",
    "review_pack_pdf_ms": "(collect, charts and layout of one account's PDF; no goal set)",
    "renewals_team_ms": "(a manager's renewals and reviews; beside renewals_team_floor_ms)",
    "winloss_year_ms": "(the year's win/loss for everyone; beside winloss_year_floor_ms)",
    "receivables_export_s": "<= 1.2x receivables_floor_s",
}

FLOOR_WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("first_paint", flush=True)
            QTimer.singleShot(0, app.quit)
            app.removeEventFilter(self)
        return False
probe = Probe()
app.installEventFilter(probe)
window = QMainWindow()
window.setCentralWidget(QLabel("floor"))
window.resize(1280, 800)
window.show()
app.exec()
"""


def env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def dataset(accounts: int) -> tuple[Path, float | None]:
    """The generated database (reused across runs); seconds to generate, if we did."""
    folder = ROOT / "data" / f"accounts-{accounts}"
    marker = folder / ".complete"
    fresh = marker.exists() and marker.read_text() == _schema_fingerprint()
    if fresh and (folder / "fieldbook.sqlite3").exists():
        return folder, None
    if folder.exists():
        for child in folder.iterdir():
            if child.is_file():
                child.unlink()
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "demo-data",
            "--data-dir",
            str(folder),
            "--accounts",
            str(accounts),
            "--seed",
            "1",
        ],
        check=True,
    )
    elapsed = time.perf_counter() - started
    marker.write_text(_schema_fingerprint())
    return folder, elapsed


def _schema_fingerprint() -> str:
    """Changes whenever the schema does (pre-release the one revision is regenerated in
    place), so a dataset from an older schema is made again instead of measured."""
    import hashlib

    store = ROOT.parent / "desktop" / "store"
    files = sorted((store / "migrations" / "versions").glob("*.py"))
    files += [store / "migrations" / "extra_sql.py", store / "search_index.py"]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.read_bytes())
    return digest.hexdigest()


def timed_until(args: list[str], marker: str, extra_env: dict[str, str]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**env(), **extra_env}
    )
    assert proc.stdout is not None
    elapsed = float("nan")
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith(marker) and elapsed != elapsed:
            elapsed = time.perf_counter() - started
    proc.wait(timeout=300)
    if proc.returncode != 0:
        assert proc.stderr is not None
        raise RuntimeError(f"{args[:3]} failed: {proc.stderr.read()[-2000:]}")
    return elapsed, lines


def startup(data_dir: Path) -> dict[str, float]:
    app = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir)]
    floor = [sys.executable, "-c", FLOOR_WINDOW]
    runs, ready, floors = [], [], []
    for _ in range(3):
        floors.append(timed_until(floor, "first_paint", {})[0])
        painted, lines = timed_until(app, "first_paint", {"FIELDBOOK_BENCH_PROBE": "paint"})
        runs.append(painted)
        ready.append(timed_until(app, "ready", {"FIELDBOOK_BENCH_PROBE": "paint"})[0])
    _, lines = timed_until(app, "first_paint", {"FIELDBOOK_BENCH_PROBE": "pages"})
    rss = [int(line.split()[1]) for line in lines if line.startswith("rss_kb")]
    return {
        "startup_first_paint_s": round(min(runs), 3),
        "startup_floor_s": round(min(floors), 3),
        "startup_ready_s": round(min(ready), 3),
        "rss_mb_after_pages": round(rss[0] / 1024, 1) if rss else float("nan"),
    }


def main() -> int:
    accounts = int(os.environ.get("BENCH_ACCOUNTS", "100000"))
    data_dir, generated = dataset(accounts)
    results: dict[str, float] = {}
    if generated is not None:
        results["demo_data_s"] = round(generated, 1)
    results.update(startup(data_dir))
    for name in AREAS:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError:
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        try:
            results.update(module.measure(data_dir, accounts))
        except Exception as exc:  # one failing area must not hide the others' figures
            print(f"bench: {name} failed: {exc!r}", file=sys.stderr)
    report = {
        "accounts": accounts,
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "results": results,
        "goals": {k: v for k, v in GOALS.items() if k in results},
    }
    (ROOT / "results.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    width = max(len(k) for k in results)
    print(f"Fieldbook bench, {accounts} accounts, {report['machine']}")
    for key, value in results.items():
        print(f"  {key:<{width}}  {value:>12}   {GOALS.get(key, '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
