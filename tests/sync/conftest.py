"""Fixtures: an in-process sync server with a team (a manager, two reps and an admin)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from server import auth
from tests.sync.harness import Device, Server

ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# Cheap argon2 parameters: tests sign in hundreds of times (the real cost is ~0.3 s).
auth.use_hasher(PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


def with_teams(srv: Server) -> Server:
    """Two teams: East (boss the manager, reps alice and bob), West (wendy); root the admin."""
    srv.team("East")
    srv.team("West")
    srv.user("boss", "manager", team="East")
    srv.user("alice", "rep", team="East")
    srv.user("bob", "rep", team="East")
    srv.user("wendy", "rep", team="West")
    srv.user("root", "admin")
    return srv


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    srv = with_teams(Server(tmp_path / "server"))
    yield srv
    srv.close()


@pytest.fixture
def devices(server: Server, tmp_path: Path) -> Iterator[dict[str, Device]]:
    made: dict[str, Device] = {}

    class _Factory(dict[str, Device]):
        def __missing__(self, name: str) -> Device:
            device = Device(server, tmp_path / f"dev-{name}-{len(made)}", name)
            made[f"{name}-{len(made)}"] = device
            self[name] = device
            return device

    factory = _Factory()
    yield factory
    for device in made.values():
        device.close()


@pytest.fixture
def pg_url() -> Iterator[str]:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"fieldbook_test_{secrets.token_hex(4)}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        message = f"PostgreSQL is not reachable at 127.0.0.1:5432 ({exc.orig})"
        if os.environ.get("CI"):  # CI has PostgreSQL (.ci/run starts it): a real failure
            pytest.fail(message, pytrace=False)
        pytest.skip(message)  # listed by -ra at the end of the run
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
