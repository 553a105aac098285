"""The command line as an admin or a script uses it: output on stdout, one clear line
on stderr and a non-zero exit for every bad input."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands import main
from desktop.store.migrate import head_revision


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_demo_data_then_info_prints_the_counts(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--data-dir", str(data_dir), "--accounts", "25", "--seed", "4"]) == 0
    assert "25 accounts" in capsys.readouterr().out
    assert main(["info", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "account: 25\n" in out
    assert f"schema: {head_revision()}" in out
    assert "pending outbox entries: 0" in out
    contacts = int(out.split("contact: ")[1].split("\n")[0])
    visits = int(out.split("visit: ")[1].split("\n")[0])
    assert 50 <= contacts <= 100  # about 3 per account
    assert 75 <= visits <= 175  # about 5 per account


def test_demo_data_is_reproducible(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = []
    for folder in ("one", "two"):
        main(["demo-data", "--data-dir", str(tmp_path / folder), "--accounts", "10", "--seed", "9"])
        connection = sqlite3.connect(tmp_path / folder / "fieldbook.sqlite3")
        names.append(connection.execute("SELECT name, tier FROM account ORDER BY name").fetchall())
        connection.close()
    assert names[0] == names[1]


def test_demo_data_refuses_a_folder_that_has_accounts(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["demo-data", "--data-dir", str(data_dir), "--accounts", "3"])
    assert main(["demo-data", "--data-dir", str(data_dir), "--accounts", "3"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "already holds 3 accounts" in err


@pytest.mark.parametrize("count", ["0", "100001"])
def test_demo_data_refuses_a_wrong_count(
    data_dir: Path, count: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--data-dir", str(data_dir), "--accounts", count]) == 1
    assert capsys.readouterr().err == "fieldbook: --accounts must be between 1 and 100000\n"


def test_data_dir_keeps_everything_under_it(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "fb"
    result = run("info", "--data-dir", str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "fieldbook.sqlite3").exists()
    assert oct(target.stat().st_mode & 0o777) == "0o700"


def test_version_and_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo-data", "info"):
        assert command in result.stdout
