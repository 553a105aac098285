"""Start the frozen Fieldbook offscreen on a demo data folder and wait for its window.

Usage: python build_specs/smoke_test.py dist/fieldbook/fieldbook
Fails on a crash, a time-out or anything unexpected on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

# What Qt's offscreen platform says on every start; anything else on stderr fails.
EXPECTED_STDERR = ("This plugin does not support propagateSizeHints()",)


def run(binary: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(binary), *args], capture_output=True, text=True, env=env, timeout=180, check=False
    )


def main() -> int:
    binary = Path(sys.argv[1]).resolve()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        demo = run(binary, "demo-data", "--data-dir", str(data), "--accounts", "200", env=env)
        if demo.returncode != 0:
            print(f"demo-data failed ({demo.returncode}):\n{demo.stderr}")
            return 1
        gui = run(
            binary,
            "--data-dir",
            str(data),
            "--lang",
            "zh_CN",
            env={**env, "FIELDBOOK_BENCH_PROBE": "pages"},
        )
        unexpected = [
            line
            for line in gui.stderr.splitlines()
            if line.strip() and not line.startswith(EXPECTED_STDERR)
        ]
        if gui.returncode != 0 or "first_paint" not in gui.stdout or unexpected:
            print(f"the frozen app failed (exit {gui.returncode})")
            print("stdout:", gui.stdout)
            print("stderr:", "\n".join(unexpected))
            return 1
        rss = [line for line in gui.stdout.splitlines() if line.startswith("rss_kb")]
        print(f"smoke test passed: window painted, every page shown; {rss[0] if rss else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
