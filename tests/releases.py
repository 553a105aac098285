"""Databases written by released versions (tests/fixtures/releases/<version>/), for the
upgrade tests: unpack one, and read every row of every table to compare before/after.

The files are built by ``tools/build_release_db.py`` from the release's own code and
never rebuilt afterwards: they are what a user of that version has on disk.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

RELEASES_DIR = Path(__file__).with_name("fixtures") / "releases"
RELEASES = sorted(p.name for p in RELEASES_DIR.iterdir() if (p / "manifest.json").exists())

# Row key -> {column: stored value}, per table.
Rows = dict[str, dict[tuple[Any, ...], dict[str, Any]]]
GONE = "<column gone>"


def release_params() -> list[Any]:
    return [pytest.param(version, id=version) for version in RELEASES]


def manifest(version: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (RELEASES_DIR / version / "manifest.json").read_text(encoding="utf-8")
    )
    return data


def unpack(version: str, name: str, target: Path) -> Path:
    """Write ``<name>.sqlite3`` of ``version`` to ``target`` (a file path)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    packed = RELEASES_DIR / version / f"{name}.sqlite3.gz"
    with gzip.open(packed, "rb") as source, target.open("wb") as out:
        shutil.copyfileobj(source, out)
    target.chmod(0o600)
    return target


def sqlite_revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return str(revision)


def schema_of(path: Path) -> dict[tuple[str, str], str]:
    """Every table, index and trigger as SQLite keeps it (its creating statement)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            (kind, name): sql
            for kind, name, sql in connection.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        connection.close()


def sqlite_rows(path: Path) -> Rows:
    """Every row of every ordinary table, keyed by primary key (rowid when there is none).

    Full-text tables and their shadow tables are left out: they are an index over other
    tables that a revision may rebuild; the tests search instead.
    """
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        master = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        tables = dict(master.fetchall())
        virtual = [n for n, sql in tables.items() if sql and sql.startswith("CREATE VIRTUAL")]
        rows: Rows = {}
        for name in tables:
            if name in ("alembic_version", "sqlite_sequence") or any(
                name == v or name.startswith(f"{v}_") for v in virtual
            ):
                continue
            info = connection.execute(f'PRAGMA table_info("{name}")').fetchall()
            columns = [r[1] for r in info]
            key = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] or ["rowid"]
            names = ", ".join(f'"{c}"' for c in [*key, *columns])
            cursor = connection.execute(f'SELECT {names} FROM "{name}"')
            rows[name] = {
                tuple(r[: len(key)]): dict(zip(columns, r[len(key) :], strict=True)) for r in cursor
            }
        return rows
    finally:
        connection.close()


def assert_rows_kept(before: Rows, after: Rows) -> None:
    """Every table, row and value of ``before`` is in ``after`` (new columns, tables and
    rows are allowed: a revision adds; it never loses)."""
    assert sum(len(r) for r in before.values()) > 0
    assert sorted(set(before) - set(after)) == [], "tables lost"
    for table, rows in before.items():
        assert sorted(set(rows) - set(after[table])) == [], f"rows lost from {table}"
        changed = {}
        for key, row in rows.items():
            now = after[table][key]
            diff = {c: (v, now.get(c, GONE)) for c, v in row.items() if now.get(c, GONE) != v}
            if diff:
                changed[key] = diff
        assert changed == {}, f"values changed in {table}"
