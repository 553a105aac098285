"""Sync figures: initial pull of a whole scope, edit round trips, server push throughput.

``measure(data_dir, accounts)`` loads the demo database under ``data_dir`` into a
fresh server (SQLite), serves it with uvicorn on loopback and measures
- sync_initial_rows_per_s: an empty device pulls the admin's whole scope, end to end
  (HTTP, JSON, decoding, SQLite writes); sync_initial_floor_rows_per_s: the same rows
  copied from one SQLite file to another with sqlite3 executemany (no HTTP), same run;
- sync_roundtrip_p95_ms: 100 edits pushed plus the pull that follows, 20 rounds;
- server_mutations_per_s: 20 devices pushing 200 mutations each at once to a server on
  PostgreSQL (127.0.0.1:5432; left out when it is not reachable).
"""

from __future__ import annotations

import secrets
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

PASSWORD = "bench-password"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Served:
    """``fieldbook-server serve`` in a process of its own, as a company runs it (a
    server in the same process would share the device's interpreter lock, which no
    real device does)."""

    def __init__(self, url: str, root: Path) -> None:
        import httpx

        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server",
                "serve",
                "--data-dir",
                str(root),
                "--db",
                url,
                "--port",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                assert self.process.stderr is not None
                raise RuntimeError(f"server did not start: {self.process.stderr.read()[-2000:]!r}")
            try:
                httpx.get(f"{self.base}/health", timeout=1).raise_for_status()
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("server did not answer within 60 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _load_demo(source: Path, server_file: Path) -> int:
    """Copy the demo's synced rows into a migrated server database; returns the rows."""
    from desktop.domain.models import SYNCED
    from server.db import default_url, open_server_database

    open_server_database(default_url(server_file.parent)).dispose()
    connection = sqlite3.connect(server_file)
    connection.execute("ATTACH DATABASE ? AS demo", (str(source),))
    total = 0
    for name in SYNCED:
        columns = [r[1] for r in connection.execute(f'PRAGMA main.table_info("{name}")')]
        names = ", ".join(f'"{c}"' for c in columns)
        connection.execute(f'INSERT INTO main."{name}" ({names}) SELECT {names} FROM demo."{name}"')
        total += connection.execute(f'SELECT count(*) FROM main."{name}"').fetchone()[0]
    connection.execute("UPDATE srv_counter SET value = 1")
    connection.commit()
    connection.close()
    return total


def _floor(server_file: Path, target: Path) -> float:
    from desktop.domain.models import SYNCED

    started = time.perf_counter()
    source = sqlite3.connect(server_file)
    dest = sqlite3.connect(target)
    dest.execute("PRAGMA journal_mode=WAL")
    rows = 0
    for name in SYNCED:
        schema = source.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[
            0
        ]
        dest.execute(schema)
        data = source.execute(f'SELECT * FROM "{name}"').fetchall()
        if data:
            marks = ", ".join("?" * len(data[0]))
            dest.executemany(f'INSERT INTO "{name}" VALUES ({marks})', data)
        rows += len(data)
    dest.commit()
    source.close()
    dest.close()
    return rows / (time.perf_counter() - started)


def _device(root: Path, base: str, username: str) -> tuple[Any, Any]:
    from desktop.domain.services.device import USER_ID, device_id, set_meta
    from desktop.store.migrate import open_database
    from desktop.sync.client import SyncClient, make_http

    db = open_database(root)
    with db.sessions() as s, s.begin():
        this = device_id(s)
    client = SyncClient(make_http(base))
    answer = client.login(username, PASSWORD, this, "bench")
    with db.sessions() as s, s.begin():
        set_meta(s, USER_ID, answer.user_id)
    return db, client


def _add_user(url: str, name: str, role: str, team: str | None = None) -> None:
    from server import admin
    from server.db import open_server_database

    database = open_server_database(url)
    with database.sessions() as s, s.begin():
        admin.add_user(s, name, PASSWORD, role=role, team=team)
    database.dispose()


def measure(data_dir: Path, accounts: int) -> dict[str, float]:
    from server import auth

    auth.use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server_dir = root / "server"
        server_dir.mkdir()
        from server.db import DB_FILENAME, default_url

        rows = _load_demo(data_dir / "fieldbook.sqlite3", server_dir / DB_FILENAME)
        results["sync_initial_floor_rows_per_s"] = round(
            _floor(server_dir / DB_FILENAME, root / "floor.sqlite3")
        )
        _add_user(default_url(server_dir), "bench-admin", "admin")
        served = _Served(default_url(server_dir), server_dir)
        try:
            results.update(_pull_and_round_trips(root, served.base, rows))
        finally:
            served.stop()
        results.update(_server_throughput(root))
    return results


def _pull_and_round_trips(root: Path, base: str, rows: int) -> dict[str, float]:
    from sqlalchemy import select

    from desktop.domain.models import Account
    from desktop.domain.services import records
    from desktop.domain.uow import unit_of_work
    from desktop.sync.engine import sync_once

    db, client = _device(root / "device", base, "bench-admin")
    started = time.perf_counter()
    report = sync_once(db.engine, client, page_size=5000)
    elapsed = time.perf_counter() - started
    figures = {
        "sync_initial_rows": float(report.pulled),
        "sync_initial_rows_per_s": round(report.pulled / elapsed),
    }
    with db.sessions() as s:
        ids = list(s.scalars(select(Account.id).limit(100)))
        user_id = s.scalar(select(Account.owner_id).limit(1))
    times = []
    for round_ in range(20):
        with unit_of_work(db.sessions, user_id) as uow:
            for row_id in ids:
                records.update(uow, Account, row_id, {"notes": f"round {round_}"})
        started = time.perf_counter()
        sync_once(db.engine, client)
        times.append((time.perf_counter() - started) * 1000)
    figures["sync_roundtrip_p50_ms"] = round(statistics.median(times), 1)
    figures["sync_roundtrip_p95_ms"] = round(sorted(times)[int(0.95 * (len(times) - 1))], 1)
    client.http.close()
    db.dispose()
    return figures


def _server_throughput(root: Path) -> dict[str, float]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    from desktop.domain.models import Account
    from desktop.domain.services import records
    from desktop.domain.uow import unit_of_work
    from desktop.sync.engine import SyncReport, push_outbox, sync_once

    admin_url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    name = f"fieldbook_bench_{secrets.token_hex(4)}"
    admin_engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin_engine.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError:
        admin_engine.dispose()
        return {}
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        from server import admin
        from server.db import open_server_database

        database = open_server_database(url)
        with database.sessions() as s, s.begin():
            admin.add_team(s, "Bench")
            for i in range(20):
                admin.add_user(s, f"rep{i}", PASSWORD, role="rep", team="Bench")
        database.dispose()
        served = _Served(url, root / "pg")
        try:
            devices = []
            for i in range(20):
                db, client = _device(root / f"pg-device{i}", served.base, f"rep{i}")
                sync_once(db.engine, client)
                with db.sessions() as s:
                    from desktop.domain.services.device import current_user_id

                    me = current_user_id(s)
                with unit_of_work(db.sessions, me) as uow:
                    for n in range(200):
                        records.create(uow, Account, {"name": f"rep{i} {n}", "owner_id": me})
                devices.append((db, client))

            def push(pair: tuple[Any, Any]) -> int:
                report = SyncReport()
                push_outbox(pair[0].engine, pair[1], report, lambda *a: None, lambda: False, 200)
                return report.applied

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=20) as pool:
                applied = sum(pool.map(push, devices))
            elapsed = time.perf_counter() - started
            for db, client in devices:
                client.http.close()
                db.dispose()
        finally:
            served.stop()
        return {
            "server_mutations_per_s": round(applied / elapsed),
            "server_mutations_pushed": float(applied),
        }
    finally:
        with admin_engine.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()
