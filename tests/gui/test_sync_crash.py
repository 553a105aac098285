"""Kill the device in the middle of a sync (a real process running ``sync_once``) and
start it again: nothing lost, nothing duplicated, on the server or on the device."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, select

from desktop.domain.models import Account, OutboxEntry
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from tests.gui.sync_helpers import LiveServer, PlainDevice

ROOT = Path(__file__).resolve().parents[2]
SYNC_SCRIPT = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    import httpx
    from desktop.store.migrate import open_database
    from desktop.sync.client import SyncClient
    from desktop.sync.engine import sync_once

    db = open_database(Path(sys.argv[1]))
    client = SyncClient(httpx.Client(base_url=sys.argv[2], timeout=30), os.environ["FB_TOKEN"])

    def progress(phase, done, total):
        print(phase, done, flush=True)

    report = sync_once(db.engine, client, progress=progress, batch_size=10, page_size=15)
    print("done", report.pushed, report.pulled, flush=True)
    """
)


def _sync_with_kills(device: PlainDevice, root: Path, url: str, kills: int) -> list[str]:
    """Run the sync in a process, kill it after its first progress line ``kills`` times."""
    env = {**os.environ, "FB_TOKEN": device.client.token or "", "PYTHONPATH": str(ROOT)}
    device.db.dispose()
    outcomes = []
    for attempt in range(kills + 1):
        with subprocess.Popen(
            [sys.executable, "-c", SYNC_SCRIPT, str(root), url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        ) as process:
            assert process.stdout is not None
            first = process.stdout.readline().strip()
            if attempt < kills and not first.startswith("done"):
                process.kill()  # SIGKILL: no cleanup, mid-request or mid-transaction
                process.communicate()
                outcomes.append(f"killed after {first!r}")
                continue
            rest, errors = process.communicate(timeout=120)
            assert process.returncode == 0, errors
            outcomes.append((first + "\n" + rest).strip().splitlines()[-1])
    return outcomes


def test_a_sync_killed_midway_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    server = LiveServer(tmp_path / "server")
    server.start()
    laptop = PlainDevice(server, tmp_path / "laptop", "alice")
    desk = PlainDevice(server, tmp_path / "desk", "boss")
    try:
        laptop.sync()
        names = [f"断点客户{i:03d}" for i in range(120)]
        with unit_of_work(laptop.db.sessions, laptop.user_id) as uow:
            ids = {
                records.create(uow, Account, {"name": n, "tier": "C", "owner_id": laptop.user_id})
                for n in names
            }

        pushed = _sync_with_kills(laptop, tmp_path / "laptop", server.url, kills=3)
        assert pushed[-1].startswith("done"), pushed
        assert sum("killed after 'push" in line for line in pushed) == 3, pushed
        with server.db.sessions() as s:
            on_server = list(s.scalars(select(Account.id).where(Account.id.in_(ids))))
        assert sorted(on_server) == sorted(ids)  # each exactly once
        with laptop.db.sessions() as s:
            assert (
                s.scalar(
                    select(func.count())
                    .select_from(OutboxEntry)
                    .where(OutboxEntry.state == "pending")
                )
                == 0
            )

        # The manager's first download is killed midway too, then finishes.
        pulled = _sync_with_kills(desk, tmp_path / "desk", server.url, kills=2)
        assert pulled[-1].startswith("done"), pulled
        assert sum("killed after 'pull" in line for line in pulled) == 2, pulled
        with desk.db.sessions() as s:
            got = list(s.scalars(select(Account.name).where(Account.id.in_(ids))))
        assert sorted(got) == sorted(names)
        # A second run changes nothing more.
        assert desk.sync().pulled == 0
    finally:
        laptop.close()
        desk.close()
        server.close()
