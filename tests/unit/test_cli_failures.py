"""Whatever goes wrong, a command ends in one clear line on stderr and a non-zero exit;
the traceback is in the log. A full disk changes nothing; a damaged file is never
touched, and the newest backup is named."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.commands import main
from desktop.commands.failure import (
    EXIT_DAMAGED,
    EXIT_DISK_FULL,
    EXIT_INTERRUPTED,
    EXIT_UNEXPECTED,
    failure_line,
)
from desktop.logfile import log_file
from desktop.store.backups import backup, backups_dir, list_backups
from desktop.store.engine import DB_FILENAME
from desktop.store.failures import Kind, classify


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(data_dir: Path, accounts: int = 12) -> Path:
    assert main(["demo-data", "--data-dir", str(data_dir), "--accounts", str(accounts)]) == 0
    return data_dir / DB_FILENAME


def accounts_in(path: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT id, name FROM account ORDER BY id").fetchall()
    finally:
        connection.close()


def test_a_file_with_a_junk_header_is_named_damaged_with_the_newest_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fill(data_dir)
    [daily] = list_backups(backups_dir(data_dir))  # taken when demo-data opened it
    capsys.readouterr()
    with path.open("r+b") as raw:
        raw.write(b"\x5a" * 100)  # SQLite's header: no longer a database
    before = digest(path)

    result = run("info", "--data-dir", str(data_dir))

    assert result.returncode == EXIT_DAMAGED
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert f"the database file {path} is damaged" in result.stderr
    assert f"The newest backup is {daily.path}" in result.stderr
    assert f"copy the backup to {path}" in result.stderr
    assert digest(path) == before  # never written, never migrated
    assert list_backups(backups_dir(data_dir)) == [daily]
    assert not path.with_name(DB_FILENAME + "-wal").exists()


def test_a_damaged_file_is_never_backed_up_over_a_good_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fill(data_dir, accounts=60)
    folder = backups_dir(data_dir)
    for old in list_backups(folder):
        old.path.unlink()
    two_days_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    good = backup(path, folder, now=two_days_ago)  # so today's backup is due
    good_digest = digest(good)
    size = path.stat().st_size
    with path.open("r+b") as raw:
        raw.seek(size // 3)  # the header stays; the tables' pages in the middle do not
        raw.write(bytes(range(256)) * (size // 3 // 256))
    before = digest(path)

    result = run("info", "--data-dir", str(data_dir))

    assert result.returncode == EXIT_DAMAGED, result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert f"{path} is damaged" in result.stderr
    assert f"The newest backup is {good}" in result.stderr
    assert digest(path) == before
    [only] = list_backups(folder)
    assert only.path == good
    assert digest(good) == good_digest
    assert not list(folder.glob("*.partial"))
    assert "Traceback" in log_file(data_dir).read_text(encoding="utf-8")


def test_a_full_disk_says_so_and_the_database_keeps_every_earlier_row(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    path = fill(data_dir)
    earlier = accounts_in(path)
    rows = "\n".join(f"满盘客户{i},B,{'备注' * 400}" for i in range(300))
    (tmp_path / "many.csv").write_text(f"name,tier,notes\n{rows}\n", encoding="utf-8")
    capsys.readouterr()

    # The disk fills up: SQLite may not grow the file by a single page, and answers
    # with its own SQLITE_FULL ("database or disk is full") on the real write path.
    from desktop.store import engine

    pragmas = engine._set_pragmas

    def full_disk(connection: sqlite3.Connection, record: Any) -> None:
        pragmas(connection, record)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(engine, "_set_pragmas", full_disk)
    status = main(["import", "accounts", str(tmp_path / "many.csv"), "--data-dir", str(data_dir)])

    err = capsys.readouterr().err
    assert status == EXIT_DISK_FULL
    assert err.count("\n") == 1
    assert err.startswith("fieldbook: the disk is full")
    assert "nothing was changed" in err
    assert "Traceback" not in err
    monkeypatch.undo()
    assert accounts_in(path) == earlier
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    log = log_file(data_dir).read_text(encoding="utf-8")
    assert "database or disk is full" in log
    assert "Traceback" in log


def test_an_unexpected_error_is_one_line_and_the_traceback_is_logged(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    fill(data_dir)
    capsys.readouterr()

    def broken(session: object) -> dict[str, int]:
        raise RuntimeError("招商银行 13800138000")

    monkeypatch.setattr("desktop.commands.data.row_counts", broken)
    status = main(["info", "--data-dir", str(data_dir)])

    err = capsys.readouterr().err
    assert status == EXIT_UNEXPECTED
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "招商银行" not in err  # an exception's text may be customer data
    assert f"unexpected error (RuntimeError); the details are in {log_file(data_dir)}" in err
    log = log_file(data_dir).read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "in broken" in log


def test_ctrl_c_ends_quietly_with_130(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    fill(data_dir)
    capsys.readouterr()

    def interrupted(session: object) -> dict[str, int]:
        raise KeyboardInterrupt

    monkeypatch.setattr("desktop.commands.data.row_counts", interrupted)
    assert main(["info", "--data-dir", str(data_dir)]) == EXIT_INTERRUPTED
    assert capsys.readouterr().err == ""


def test_usage_errors_still_exit_through_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["info", "--no-such-option"])
    assert exit_.value.code == 2


def test_permission_denied_names_the_file() -> None:
    error = PermissionError(errno.EACCES, "Permission denied", "/srv/fb/fieldbook.sqlite3")
    failure = classify(error)
    assert failure.kind is Kind.NO_ACCESS
    line = failure_line(failure, Path("/srv/fb"), None)
    assert line.startswith("permission denied for /srv/fb/fieldbook.sqlite3")


def test_sqlalchemy_wrapping_is_seen_through() -> None:
    from sqlalchemy.exc import OperationalError

    wrapped = OperationalError(
        "INSERT ...", {}, sqlite3.OperationalError("database or disk is full")
    )
    assert classify(wrapped).kind is Kind.DISK_FULL
    outer = ValueError("while reading")
    outer.__cause__ = sqlite3.DatabaseError("database disk image is malformed")
    assert classify(outer).kind is Kind.DAMAGED


def test_a_quote_line_with_an_extreme_quantity_names_the_quote(
    db: Any, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_quotes import World

    world = World(db)
    world.now = dt.datetime.now(dt.UTC)
    world.quote([world.server_line()])
    db.dispose()
    raw = sqlite3.connect(data_dir / DB_FILENAME)
    raw.execute("UPDATE quote_line SET quantity = '1e400'")  # as a server once sent it
    raw.commit()
    [(number,)] = raw.execute("SELECT number FROM quote").fetchall()
    raw.close()

    out = tmp_path / "q.pdf"
    status = main(["quote", "pdf", number, "--data-dir", str(data_dir), "-o", str(out)])

    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1
    assert f"quote {number} revision A cannot be priced" in err
    assert "(an amount of 3.800000E+404 is too large)" in err
    assert not out.exists()
    # The list shows it from its stored totals, as before.
    assert main(["quote", "list", "--data-dir", str(data_dir)]) == 0
    assert number in capsys.readouterr().out


def test_a_certificate_error_is_not_a_permission_problem() -> None:
    import ssl

    refused = ssl.SSLCertVerificationError(1, "certificate verify failed")  # errno 1 = EPERM
    outer = RuntimeError("cannot reach the server")
    outer.__cause__ = refused
    assert classify(outer).kind is Kind.UNEXPECTED
    assert classify(ConnectionRefusedError(errno.ECONNREFUSED, "refused")).kind is Kind.UNEXPECTED
