"""The server on real PostgreSQL: the simulation, and 20 devices pushing at once."""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from desktop.domain.models import Account
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.sync.client import SyncError
from server.models import ChangeLog
from tests.sync.harness import Device, Server
from tests.sync.simulation import run_world

pytestmark = pytest.mark.postgres


def test_simulation_converges_on_postgres(pg_url: str) -> None:
    for seed in (11, 12):
        run_world(seed, n_devices=4, steps=45, fault_rate=0.08, db_url=pg_url)
        # The next world starts from an empty schema.
        engine = create_engine(pg_url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()


def test_twenty_devices_push_at_once(pg_url: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = Server(root / "server", pg_url)
        server.team("East")
        names = [f"rep{i:02d}" for i in range(20)]
        for name in names:
            server.user(name, "rep", team="East")
        devices = [Device(server, root / name, name) for name in names]
        try:
            for device in devices:
                with unit_of_work(device.db.sessions, device.user_id) as uow:
                    for i in range(15):
                        records.create(
                            uow,
                            Account,
                            {"name": f"{device.username} {i}", "owner_id": device.user_id},
                        )

            def push(device: Device) -> int:
                for _ in range(20):
                    try:
                        return device.sync(batch_size=10).applied
                    except SyncError as exc:
                        if not exc.retryable:
                            raise
                raise AssertionError("the server stayed busy")

            with ThreadPoolExecutor(max_workers=20) as pool:
                applied = list(pool.map(push, devices))
            assert applied == [15] * 20
            with server.db.sessions() as s:
                versions = list(s.scalars(select(ChangeLog.version).order_by(ChangeLog.version)))
                accounts = s.scalar(select(func.count()).select_from(Account))
            assert accounts == 300
            # One version per write, no gaps, no repeats: commit order is total.
            assert versions == list(range(versions[0], versions[0] + len(versions)))
        finally:
            for device in devices:
                device.close()
            server.close()
