"""Rows travel in stored form: what a device stores from a pull is exactly the server's row.

On SQLite and on PostgreSQL (which formats times, dates and booleans in the query), for
one row of every entity with awkward values (fen, microseconds, Chinese text, JSON,
booleans both ways, empty and null fields), a new device reads back through the
models the same values the server's models hold.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from desktop.domain import models as m
from desktop.domain.models import SYNCED
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.sync import stored
from server import scope
from server.rows import blocks_by_id
from tests.server.test_scope import subtree
from tests.sync.harness import Device, Server


def _model_values(sessions: Any) -> dict[str, dict[str, dict[str, Any]]]:
    with sessions() as s:
        return {
            name: {row.id: row.values() for row in s.scalars(select(model))}
            for name, model in SYNCED.items()
        }


def _world(server: Server, root: Path) -> Device:
    server.team("East")
    alice = server.user("alice", "rep", team="East")
    server.user("root", "admin")
    admin = Device(server, root / "admin", "root")
    with unit_of_work(admin.db.sessions, admin.user_id) as uow:
        ids = subtree(uow, alice)
        records.create(
            uow,
            m.Contact,
            {
                "account_id": ids["account"],
                "name": "李娜 \"Lina\" ='x'",
                "is_primary": True,
                "email": None,
            },
        )
        records.update(
            uow,
            m.Account,
            ids["account"],
            {"potential": Decimal("1234567.89"), "tags": "重点,=SUM(A1)", "notes": ""},
        )
        records.update(
            uow,
            m.Visit,
            ids["visit"],
            {"planned_start": dt.datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=dt.UTC)},
        )
    assert admin.sync().rejected == 0
    return admin


def _round_trip(server: Server, root: Path) -> None:
    _world(server, root).close()
    fresh = Device(server, root / "fresh", "root")
    try:
        on_server = _model_values(server.db.sessions)
        on_device = _model_values(fresh.db.sessions)
        assert sum(len(rows) for rows in on_server.values()) >= 19
        for name in SYNCED:
            assert on_device[name] == on_server[name], name
        # The blocks the server sends pass the device's checks and equal its storage.
        with server.db.sessions() as s:
            keys = [(name, row_id) for name, rows in on_server.items() for row_id in rows]
            admin = scope.load_viewer(s, server.users["root"])
            assert admin is not None
            blocks = blocks_by_id(s, keys, admin)
        with fresh.db.engine.connect() as c:
            for block in blocks:
                stored.check_block(block["entity"], list(block["columns"]), block["rows"])
                names = ", ".join(f'"{n}"' for n in block["columns"])
                held = {
                    tuple(r) for r in c.execute(text(f'SELECT {names} FROM "{block["entity"]}"'))
                }
                assert {tuple(r) for r in block["rows"]} <= held, block["entity"]
    finally:
        fresh.close()


def test_sqlite_rows_arrive_as_the_server_holds_them(tmp_path: Path) -> None:
    server = Server(tmp_path / "server")
    try:
        _round_trip(server, tmp_path)
    finally:
        server.close()


@pytest.mark.postgres
def test_postgres_rows_arrive_as_the_server_holds_them(tmp_path: Path, pg_url: str) -> None:
    server = Server(tmp_path / "server", pg_url)
    try:
        _round_trip(server, tmp_path)
    finally:
        server.close()
