"""Sync figures: initial pull of a whole scope, edit round trips, server push throughput.

``measure(data_dir, accounts)`` loads the demo database under ``data_dir`` into a
fresh server (SQLite), runs ``fieldbook-server serve`` on loopback in a process of its
own and measures
- sync_initial_rows_per_s: an empty device pulls the admin's whole scope, end to end
  (HTTP, JSON, checks, SQLite writes, indexes and the search index built), as the app
  does; beside it, in the same run, sync_initial_floor_rows_per_s: the same rows copied
  from one SQLite file to another with sqlite3 executemany (no HTTP), and
  sync_initial_http_floor_rows_per_s: a raw FastAPI handler paging them out as JSON to
  a client that writes them with executemany (no checks, no indexes);
- sync_roundtrip_p95_ms: 100 edits pushed plus the pull that follows, 20 rounds;
- server_mutations_per_s: 20 devices' pushes of 200 new accounts each, sent at once to
  two server processes on PostgreSQL (127.0.0.1:5432; left out when it is not
  reachable), beside server_floor_mutations_per_s: the same rows COPYed bare.
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
DEVICES = 20
MUTATIONS_PER_DEVICE = 200
SERVER_PROCESSES = 2


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

        root.mkdir(parents=True, exist_ok=True)
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
            stderr=(root / "server.err").open("wb"),
        )
        self.errors = root / "server.err"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server did not start: {self.errors.read_text()[-2000:]}")
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


HTTP_FLOOR_SERVER = """
import sqlite3, sys, uvicorn
from fastapi import FastAPI
from fastapi.responses import Response
import json
app = FastAPI()
source = sqlite3.connect(sys.argv[1], check_same_thread=False)
@app.get("/rows")
def rows(table: str, after: str = "", limit: int = 5000) -> Response:
    found = source.execute(
        f'SELECT * FROM "{table}" WHERE id > ? ORDER BY id LIMIT ?', (after, limit)
    ).fetchall()
    return Response(json.dumps(found, ensure_ascii=False), media_type="application/json")
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def _http_floor(server_file: Path, target: Path) -> float:
    """A raw FastAPI handler paging the same rows out of SQLite as JSON, and a client
    writing them into an empty file with executemany: no checks, no indexes, no search
    index, no bookkeeping; a server process of its own, as for the real pull."""
    import httpx

    from desktop.domain.models import SYNCED

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", HTTP_FLOOR_SERVER, str(server_file), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            for _ in range(600):
                try:
                    http.get("/rows", params={"table": "team", "limit": 1})
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            source = sqlite3.connect(server_file)
            dest = sqlite3.connect(target)
            dest.execute("PRAGMA journal_mode=WAL")
            started = time.perf_counter()
            total = 0
            for name in SYNCED:
                schema = source.execute(
                    "SELECT sql FROM sqlite_master WHERE name = ?", (name,)
                ).fetchone()[0]
                dest.execute(schema)
                columns = [
                    c[0] for c in source.execute(f'SELECT * FROM "{name}" LIMIT 0').description
                ]
                insert = f'INSERT INTO "{name}" VALUES ({", ".join("?" * len(columns))})'
                at = columns.index("id")
                after = ""
                while True:
                    rows = http.get("/rows", params={"table": name, "after": after}).json()
                    if not rows:
                        break
                    dest.executemany(insert, rows)
                    dest.commit()
                    total += len(rows)
                    after = rows[-1][at]
            elapsed = time.perf_counter() - started
            source.close()
            dest.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return total / elapsed


def _device(root: Path, base: str, username: str) -> tuple[Any, Any]:
    from desktop.store.migrate import open_database
    from desktop.sync.client import SyncClient, make_http
    from desktop.sync.signin import sign_in

    db = open_database(root)
    client = SyncClient(make_http(base))
    sign_in(db.engine, client, base, username, PASSWORD, "bench")
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
        results["sync_initial_http_floor_rows_per_s"] = round(
            _http_floor(server_dir / DB_FILENAME, root / "http-floor.sqlite3")
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
    report = sync_once(db.engine, client)  # as the app does: 5,000-row pages for a first pull
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


def _push_floor(url: str) -> float:
    """The rows the pushes wrote (accounts, change log, applied mutations), written
    again bare: as many connections at once as devices, each taking the counter lock
    and COPYing one device's share in one transaction. What PostgreSQL allows here."""
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    tables = ("account", "srv_change_log", "srv_applied_mutation")
    with psycopg.connect(dsn) as connection:
        held = {t: connection.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
        names = {}
        for table in tables:
            cursor = connection.execute(f"SELECT * FROM {table} LIMIT 0")
            names[table] = ", ".join(column.name for column in cursor.description or [])
            connection.execute(f"DELETE FROM {table}")
        connection.commit()
    shares = [{t: rows[d::DEVICES] for t, rows in held.items()} for d in range(DEVICES)]

    def write(share: dict[str, list[Any]]) -> None:
        with psycopg.connect(dsn) as c:
            c.execute("UPDATE srv_counter SET value = value + 1 WHERE id = 1 RETURNING value")
            for table, rows in share.items():
                with c.cursor().copy(f"COPY {table} ({names[table]}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            c.commit()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=DEVICES) as pool:
        list(pool.map(write, shares))
    return len(held["account"]) / (time.perf_counter() - started)


def _server_throughput(root: Path, processes: int = SERVER_PROCESSES) -> dict[str, float]:
    """20 reps' devices each push 200 new accounts at once to ``processes`` server
    processes on one PostgreSQL (a load balancer's round robin: device i talks to
    process i mod n). The devices make their mutations with the unit of work and sign
    in as usual; the pushes themselves are sent as prepared requests, all at once, so
    the figure is the server's (the 20 devices' own work would share these two cores)."""
    import httpx
    from sqlalchemy import create_engine, select, text
    from sqlalchemy.exc import OperationalError

    from desktop.domain.models import Account, OutboxEntry
    from desktop.domain.services import records
    from desktop.domain.services.device import current_user_id
    from desktop.domain.uow import unit_of_work
    from desktop.sync.engine import _mutation, sync_once
    from desktop.sync.protocol import PushRequest

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
    served: list[_Served] = []
    try:
        from server import admin
        from server.db import open_server_database

        database = open_server_database(url)
        with database.sessions() as s, s.begin():
            admin.add_team(s, "Bench")
            for i in range(DEVICES):
                admin.add_user(s, f"rep{i}", PASSWORD, role="rep", team="Bench")
        database.dispose()
        served = [_Served(url, root / f"pg{n}") for n in range(processes)]
        pushes: list[tuple[str, dict[str, str], bytes]] = []
        for i in range(DEVICES):
            base = served[i % processes].base
            db, client = _device(root / f"pg-device{i}", base, f"rep{i}")
            sync_once(db.engine, client)
            with db.sessions() as s:
                me = current_user_id(s)
            with unit_of_work(db.sessions, me) as uow:
                for n in range(MUTATIONS_PER_DEVICE):
                    records.create(uow, Account, {"name": f"rep{i} {n}", "owner_id": me})
            with db.sessions() as s:
                entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.mutation_id))
                body = PushRequest(mutations=[_mutation(e) for e in entries])
            pushes.append((base, client._headers(), body.model_dump_json().encode()))
            client.http.close()
            db.dispose()

        def push(request: tuple[str, dict[str, str], bytes]) -> int:
            base, headers, body = request
            with httpx.Client(base_url=base, timeout=120) as http:
                answer = http.post("/sync/v1/push", content=body, headers=headers)
            answer.raise_for_status()
            return sum(r["status"] == "applied" for r in answer.json()["results"])

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=DEVICES) as pool:
            applied = sum(pool.map(push, pushes))
        elapsed = time.perf_counter() - started
        for process in served:
            process.stop()
        served = []
        return {
            "server_mutations_per_s": round(applied / elapsed),
            "server_mutations_pushed": float(applied),
            "server_processes": float(processes),
            "server_floor_mutations_per_s": round(_push_floor(url)),
        }
    finally:
        for process in served:
            process.stop()
        with admin_engine.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()
