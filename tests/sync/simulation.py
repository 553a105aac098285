"""A randomized world of devices editing offline and syncing through faults.

Used by the simulation tests (SQLite and PostgreSQL) and by the larger ``slow`` run.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from desktop.domain.models import SYNCED, Account, Contact, OutboxEntry, SyncIssue
from desktop.domain.models.types import utcnow
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.sync import engine as sync_engine
from desktop.sync.client import SyncError
from server import scope
from tests.sync.harness import Device, FaultyTransport, Server

REPS = ("alice", "bob", "carol", "dave", "erin", "frank")


class Crash(RuntimeError):
    """The device was killed in the middle of applying a page."""


class World:
    def __init__(
        self, root: Path, seed: int, n_devices: int, fault_rate: float, db_url: str | None = None
    ) -> None:
        self.rng = random.Random(seed)
        self.server = Server(root / "server", db_url)
        self.server.team("East")
        self.server.user("boss", "manager", team="East")
        reps = REPS[: max(2, n_devices - 1)]
        for name in reps:
            self.server.user(name, "rep", team="East")
        self.devices: list[Device] = []
        self.transports: list[FaultyTransport] = []
        names = ["boss", *reps]
        for i in range(n_devices):
            name = names[i % len(names)]
            transport = FaultyTransport(
                self.server.inner_transport(), random.Random(self.rng.random()), 0.0
            )
            device = Device(self.server, root / f"device{i}", name, transport)
            transport.rate = fault_rate
            device.skew = dt.timedelta(days=self.rng.choice((-2, 0, 2)))  # type: ignore[attr-defined]
            self.devices.append(device)
            self.transports.append(transport)
        self.log: list[str] = []

    # -- helpers ---------------------------------------------------------------------
    def _rows(self, device: Device, model: Any, **where: Any) -> list[Any]:
        with device.db.sessions() as s:
            query = select(model).where(model.deleted_at.is_(None))
            for key, value in where.items():
                query = query.where(getattr(model, key) == value)
            return [r.values() for r in s.scalars(query.order_by(model.id))]

    def _write(self, device: Device, action: Any) -> None:
        skew = device.skew  # type: ignore[attr-defined]
        with unit_of_work(device.db.sessions, device.user_id, now=lambda: utcnow() + skew) as uow:
            action(uow)

    def _mine(self, device: Device) -> list[dict[str, Any]]:
        accounts = self._rows(device, Account)
        if device.username == "boss":
            return [a for a in accounts if a["owner_id"] is not None]
        return [a for a in accounts if a["owner_id"] == device.user_id]

    # -- actions ---------------------------------------------------------------------
    def step(self) -> None:
        device = self.rng.choice(self.devices)
        roll = self.rng.random()
        mine = self._mine(device)
        word = f"v{self.rng.randrange(1000)}"
        if roll < 0.15 or not mine:
            owner = device.user_id
            if device.username == "boss":
                owner = (
                    None
                    if self.rng.random() < 0.5
                    else self.rng.choice([d.user_id for d in self.devices])
                )
            self._write(
                device,
                lambda uow: records.create(
                    uow, Account, {"name": f"客户 {word}", "owner_id": owner}
                ),
            )
            self.log.append(f"{device.username} creates account")
        elif roll < 0.3:
            account = self.rng.choice(mine)
            self._write(
                device,
                lambda uow: records.create(
                    uow, Contact, {"account_id": account["id"], "name": f"联系人 {word}"}
                ),
            )
            self.log.append(f"{device.username} adds a contact")
        elif roll < 0.55:
            account = self.rng.choice(mine)
            field = self.rng.choice(("notes", "city", "phone"))
            value = f"138{self.rng.randrange(10**8):08d}" if field == "phone" else word
            self._write(
                device, lambda uow: records.update(uow, Account, account["id"], {field: value})
            )
            self.log.append(f"{device.username} edits {field}")
        elif roll < 0.62:
            contacts = [c for a in mine for c in self._rows(device, Contact, account_id=a["id"])]
            if contacts:
                contact = self.rng.choice(contacts)
                self._write(
                    device, lambda uow: records.update(uow, Contact, contact["id"], {"title": word})
                )
                self.log.append(f"{device.username} edits a contact")
        elif roll < 0.67:
            account = self.rng.choice(mine)
            self._write(device, lambda uow: records.delete(uow, Account, account["id"]))
            self.log.append(f"{device.username} deletes an account")
        elif roll < 0.72:
            pool = [a for a in self._rows(device, Account) if a["owner_id"] is None]
            if pool and device.username != "boss":
                account = self.rng.choice(pool)
                self._write(
                    device,
                    lambda uow: records.update(
                        uow, Account, account["id"], {"owner_id": device.user_id}
                    ),
                )
                self.log.append(f"{device.username} claims a pool account")
        elif roll < 0.77 and device.username == "boss":
            account = self.rng.choice(mine)
            new_owner = self.rng.choice([d.user_id for d in self.devices])
            self._write(
                device,
                lambda uow: records.update(uow, Account, account["id"], {"owner_id": new_owner}),
            )
            self.log.append("boss hands an account over")
        elif roll < 0.8:
            self.crash_sync(device)
        elif roll < 0.82:
            self.server.restart()
            self.log.append("server restarted")
        else:
            self.sync(device)

    def sync(self, device: Device) -> None:
        try:
            device.sync(batch_size=self.rng.choice((2, 50)), page_size=self.rng.choice((3, 500)))
            self.log.append(f"{device.username} synced")
        except SyncError as exc:
            self.log.append(f"{device.username} sync failed: {exc}")

    def crash_sync(self, device: Device) -> None:
        real = sync_engine.upsert_rows
        calls = {"n": 0}
        limit = self.rng.randrange(1, 4)

        def crashing(session: Any, rows: Any, refused: Any) -> Any:
            calls["n"] += 1
            if calls["n"] >= limit:
                raise Crash("killed mid-apply")
            return real(session, rows, refused)

        sync_engine.upsert_rows = crashing  # type: ignore[assignment]
        try:
            self.sync(device)
        except Crash:
            self.log.append(f"{device.username} crashed mid-apply")
        finally:
            sync_engine.upsert_rows = real  # type: ignore[assignment]

    # -- the end ---------------------------------------------------------------------
    def settle(self) -> None:
        for transport in self.transports:
            transport.rate = 0.0
            transport.held.clear()
        for _ in range(2):
            for device in self.devices:
                device.sync()
        # A handover done last may need the losing device to pull once more.
        for device in self.devices:
            device.sync()

    def check(self) -> None:
        server = self.server
        with server.db.sessions() as s:
            server_rows = {
                name: {r.id: r.values() for r in s.scalars(select(model))}
                for name, model in SYNCED.items()
            }
            for device in self.devices:
                viewer = scope.load_viewer(s, device.user_id)
                assert viewer is not None
                for name, model in SYNCED.items():
                    visible = set(s.scalars(select(model.id).where(scope.clause(model, viewer))))
                    with device.db.sessions() as d:
                        local = {r.id: r.values() for r in d.scalars(select(model))}
                    assert set(local) == visible, (device.username, name, self.log)
                    for row_id, values in local.items():
                        assert values == server_rows[name][row_id], (device.username, name)
        for device in self.devices:
            with device.db.sessions() as d:
                entries = list(d.scalars(select(OutboxEntry)))
                issues = {i.mutation_id for i in d.scalars(select(SyncIssue))}
            for entry in entries:
                assert entry.state != "pending", (device.username, entry.mutation_id)
                if entry.state in ("conflict", "rejected"):
                    assert entry.mutation_id in issues
                elif entry.op == "insert":
                    # Saved and applied: the row is on the server, exactly once.
                    assert entry.row_id in server_rows[entry.entity]
                elif entry.op == "delete":
                    row = server_rows[entry.entity][entry.row_id]
                    restored = any(
                        e.op == "restore" and e.row_id == entry.row_id
                        for d2 in self.devices
                        for e in _entries(d2)
                    )
                    assert row["deleted_at"] is not None or restored

    def close(self) -> None:
        for device in self.devices:
            device.close()
        self.server.close()


def _entries(device: Device) -> list[OutboxEntry]:
    with device.db.sessions() as d:
        return list(d.scalars(select(OutboxEntry)))


def run_world(
    seed: int, n_devices: int, steps: int, fault_rate: float, db_url: str | None = None
) -> World:
    # tmpfs when there is one: the databases fsync every commit (synchronous=FULL).
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as tmp:
        world = World(Path(tmp), seed, n_devices, fault_rate, db_url)
        try:
            for _ in range(steps):
                world.step()
            world.settle()
            world.check()
        finally:
            world.close()
    return world


__all__ = ["World", "httpx", "run_world"]
