"""A randomized world of devices editing offline and syncing through faults.

A manager ("boss") and reps, one rep with two devices, work offline: accounts and
contacts, handovers and claims, and (tests/sync/sim_work.py) quotes with lines and
their approval, visits with call reports, complaints, targets and attachments. They
sync (attachment contents too) through a transport that loses, duplicates and replays
requests, and some syncs crash mid-apply. ``check`` asserts what must hold once all
have settled (tests/sync/sim_checks.py for the business invariants).

Used by the simulation tests (SQLite and PostgreSQL) and by the larger ``slow`` run.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy import select

from desktop.domain.errors import DomainError
from desktop.domain.models import SYNCED, Account, Contact, OutboxEntry, SyncIssue
from desktop.domain.models.types import utcnow
from desktop.domain.services import accounts, attachments, records
from desktop.domain.uow import UnitOfWork, unit_of_work
from desktop.sync import blobs
from desktop.sync import engine as sync_engine
from desktop.sync.client import SyncError
from server import scope
from tests.sync import sim_checks, sim_work
from tests.sync.harness import Device, FaultyTransport, Server

REPS = ("alice", "bob", "carol", "dave", "erin", "frank")
T = TypeVar("T")


class Crash(RuntimeError):
    """The device was killed in the middle of applying a page."""


class World:
    def __init__(
        self, root: Path, seed: int, n_devices: int, fault_rate: float, db_url: str | None = None
    ) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.server = Server(root / "server", db_url)
        self.server.team("East")
        self.server.user("boss", "manager", team="East")
        # The last device is a second one of the first rep's (two laptops, one user).
        reps = REPS[: max(1, n_devices - 2)]
        for name in reps:
            self.server.user(name, "rep", team="East")
        self.devices: list[Device] = []
        self.transports: list[FaultyTransport] = []
        names = ["boss", *reps, reps[0]]
        for i in range(n_devices):
            name = names[i % len(names)]
            transport = FaultyTransport(
                self.server.inner_transport(), random.Random(self.rng.random()), 0.0
            )
            device = Device(self.server, root / f"device{i}", name, transport)
            device.skew = dt.timedelta(days=self.rng.choice((-2, 0, 2)))  # type: ignore[attr-defined]
            self.devices.append(device)
            self.transports.append(transport)
        self.twins = (self.devices[1], self.devices[n_devices - 1])
        self.log: list[str] = []
        self.stats: Counter[str] = Counter()
        self.files = 0
        sim_work.set_up_catalog(self, self.devices[0])
        for device in self.devices:
            device.sync()
        for transport in self.transports:
            transport.rate = fault_rate

    # -- helpers ---------------------------------------------------------------------
    def rows(self, device: Device, model: Any, **where: Any) -> list[dict[str, Any]]:
        with device.db.sessions() as s:
            query = select(model).where(model.deleted_at.is_(None))
            for key, value in where.items():
                query = query.where(getattr(model, key) == value)
            return [r.values() for r in s.scalars(query.order_by(model.id))]

    def write(
        self, device: Device, action: Callable[[UnitOfWork], T], reason: str | None = None
    ) -> T:
        skew = device.skew  # type: ignore[attr-defined]
        with unit_of_work(
            device.db.sessions, device.user_id, now=lambda: utcnow() + skew, reason=reason
        ) as uow:
            return action(uow)

    def attempt(
        self,
        device: Device,
        what: str,
        action: Callable[[UnitOfWork], object],
        *,
        refused: bool = False,
        reason: str | None = None,
    ) -> None:
        """A user's action through the services; a refusal is the user being told no
        (``refused``: the rules say it must be)."""
        try:
            self.write(device, action, reason)
        except DomainError as exc:
            self.log.append(f"{device.username} {what}: refused ({sim_work.refusal(exc)})")
            self.stats["refused"] += 1
            return
        assert not refused, f"{device.username} {what}: should have been refused"
        self.log.append(f"{device.username} {what}")
        self.stats[what.split()[0]] += 1

    def mine(self, device: Device) -> list[dict[str, Any]]:
        """The accounts this user works on (the manager: his team's)."""
        accounts = self.rows(device, Account)
        if device.username == "boss":
            return [a for a in accounts if a["owner_id"] is not None]
        return [a for a in accounts if a["owner_id"] == device.user_id]

    # -- actions ---------------------------------------------------------------------
    def step(self) -> None:
        device = self.rng.choice(self.devices)
        if not self.mine(device):
            self.create_account(device)
            return
        table: list[tuple[float, Callable[[Device], None]]] = [
            (0.08, self.create_account),
            (0.06, self.add_contact),
            (0.10, self.edit_account),
            (0.03, self.edit_contact),
            (0.02, self.delete_account),
            (0.03, self.claim),
            (0.03, self.hand_over),
            (0.03, lambda device: sim_work.twin_edit(self)),
            *[
                (weight, lambda device, work=work: work(self, device))
                for weight, work in sim_work.STEPS
            ],
            (0.03, self.crash_sync),
            (0.015, lambda device: self.restart()),
            (0.15, self.sync),
        ]
        action = self.rng.choices([a for _, a in table], [w for w, _ in table])[0]
        action(device)

    def create_account(self, device: Device) -> None:
        owner = device.user_id
        if device.username == "boss":
            owner = (
                None
                if self.rng.random() < 0.5
                else self.rng.choice([d.user_id for d in self.devices])
            )
        values = {
            "name": f"客户 v{self.rng.randrange(1000)}",
            "owner_id": owner,
            "tier": self.rng.choice(("A", "B", "C")),
        }
        self.write(device, lambda uow: records.create(uow, Account, values))
        self.log.append(f"{device.username} creates account")

    def add_contact(self, device: Device) -> None:
        account = self.rng.choice(self.mine(device))
        word = f"v{self.rng.randrange(1000)}"
        self.write(
            device,
            lambda uow: records.create(
                uow, Contact, {"account_id": account["id"], "name": f"联系人 {word}"}
            ),
        )
        self.log.append(f"{device.username} adds a contact")

    def edit_account(self, device: Device) -> None:
        account = self.rng.choice(self.mine(device))
        field = self.rng.choice(("notes", "city", "phone"))
        value = (
            f"138{self.rng.randrange(10**8):08d}"
            if field == "phone"
            else f"v{self.rng.randrange(1000)}"
        )
        self.write(device, lambda uow: records.update(uow, Account, account["id"], {field: value}))
        self.log.append(f"{device.username} edits {field}")

    def edit_contact(self, device: Device) -> None:
        contacts = [
            c for a in self.mine(device) for c in self.rows(device, Contact, account_id=a["id"])
        ]
        if contacts:
            contact = self.rng.choice(contacts)
            word = f"v{self.rng.randrange(1000)}"
            self.write(
                device, lambda uow: records.update(uow, Contact, contact["id"], {"title": word})
            )
            self.log.append(f"{device.username} edits a contact")

    def delete_account(self, device: Device) -> None:
        account = self.rng.choice(self.mine(device))
        self.write(device, lambda uow: records.delete(uow, Account, account["id"]))
        self.log.append(f"{device.username} deletes an account")

    def claim(self, device: Device) -> None:
        pool = [a for a in self.rows(device, Account) if a["owner_id"] is None]
        if pool and device.username != "boss":
            account = self.rng.choice(pool)
            self.write(
                device,
                lambda uow: records.update(
                    uow, Account, account["id"], {"owner_id": device.user_id}
                ),
            )
            self.log.append(f"{device.username} claims a pool account")

    def hand_over(self, device: Device) -> None:
        """The manager moves an account, with its open work, to someone (the service)."""
        if device.username != "boss":
            return
        account = self.rng.choice(self.mine(device))
        new_owner = self.rng.choice([d.user_id for d in self.devices])
        self.attempt(
            device,
            "hands an account over",
            lambda uow: accounts.handover(uow, [account["id"]], new_owner),
            reason="区域调整",
        )

    def restart(self) -> None:
        self.server.restart()
        self.log.append("server restarted")

    def sync(self, device: Device) -> None:
        try:
            self.full_sync(
                device, batch_size=self.rng.choice((2, 50)), page_size=self.rng.choice((3, 500))
            )
            self.log.append(f"{device.username} synced")
        except SyncError as exc:
            self.log.append(f"{device.username} sync failed: {exc}")

    @staticmethod
    def full_sync(device: Device, **kwargs: Any) -> None:
        """What the window and the command line do: upload, sync, download."""
        root = attachments.store_root(device.db.path.parent)
        blobs.upload_pending(device.db.engine, device.client, root)
        device.sync(**kwargs)
        blobs.download_missing(device.db.engine, device.client, root)

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
                self.full_sync(device)
        # A handover done last may need the losing device to pull once more.
        for device in self.devices:
            self.full_sync(device)

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
                        theirs = server_rows[name][row_id]
                        assert values == theirs, (
                            device.username,
                            name,
                            {
                                k: (v, theirs.get(k))
                                for k, v in values.items()
                                if theirs.get(k) != v
                            },
                        )
        for device in self.devices:
            with device.db.sessions() as d:
                entries = list(d.scalars(select(OutboxEntry)))
                issues = {i.mutation_id: i.code for i in d.scalars(select(SyncIssue))}
            for entry in entries:
                assert entry.state != "pending", (device.username, entry.mutation_id)
                if entry.state == "rejected":
                    # The user sees why, as the rule's code (protocol 3).
                    assert issues.get(entry.mutation_id), (device.username, entry.entity)
                    self.stats[f"rejected {issues[entry.mutation_id]}"] += 1
                elif entry.state == "conflict":
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

        self.check_business()

    def check_business(self) -> None:
        """The invariants of the rule book, on the server and on every device."""
        with self.server.db.sessions() as s:
            self.stats["live quotes"] = sim_checks.quote_figures(s, "server", self.log)
            self.stats["approved quotes"] = sim_checks.approvals(s, "server", self.log)
            self.stats.update(sim_checks.lines_on_server(s))
        for device in self.devices:
            with device.db.sessions() as d:
                sim_checks.quote_figures(d, device.username, self.log)
                sim_checks.approvals(d, device.username, self.log)
            self.stats["attachments"] = max(self.stats["attachments"], sim_checks.files(device))

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
