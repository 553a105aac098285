"""A real sync server on a loopback port (uvicorn in a thread) and devices for GUI sync tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
import uvicorn
from argon2 import PasswordHasher

from desktop.domain.services.device import device_id
from desktop.settings import Settings
from desktop.store.migrate import Database, open_database
from desktop.sync.client import SyncClient
from desktop.sync.engine import SyncReport, sync_once
from desktop.sync.signin import sign_in
from server import admin, auth
from server.app import Settings as ServerSettings
from server.app import create_app
from server.db import ServerDatabase, default_url, open_server_database
from tests.sync.memory_keyring import MemoryKeyring

PASSWORD = "correct horse"
auth.use_hasher(PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """The FastAPI app served by uvicorn on 127.0.0.1; ``stop``/``start`` keep the port."""

    def __init__(self, root: Path, *, certfile: Path | None = None, keyfile: Path | None = None):
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.db: ServerDatabase = open_server_database(default_url(root))
        self.app = create_app(self.db, ServerSettings(blob_dir=root / "blobs"))
        self.port = free_port()
        self.certfile, self.keyfile = certfile, keyfile
        scheme = "https" if certfile else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.users: dict[str, str] = {}
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        with self.db.sessions() as s, s.begin():
            admin.add_team(s, "East")
        for name, role, code in (
            ("alice", "rep", "AL"),
            ("bob", "rep", "BO"),
            ("boss", "manager", None),
        ):
            with self.db.sessions() as s, s.begin():
                self.users[name] = admin.add_user(
                    s,
                    name,
                    PASSWORD,
                    role=role,
                    team="East",
                    display_name=name.title(),
                    rep_code=code,
                )

    def start(self) -> None:
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_level="critical",
            access_log=False,
            lifespan="off",
            ws="none",
            ssl_certfile=str(self.certfile) if self.certfile else None,
            ssl_keyfile=str(self.keyfile) if self.keyfile else None,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="uvicorn", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=20)
        self._server = self._thread = None

    def close(self) -> None:
        self.stop()
        self.db.dispose()

    def revoke(self, device: str, *, wipe: bool) -> None:
        with self.db.sessions() as s, s.begin():
            auth.revoke_device(s, device, wipe=wipe)


class PlainDevice:
    """A second device without a window: its own database, synced with ``sync_once``."""

    def __init__(self, server: LiveServer, root: Path, username: str) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.db: Database = open_database(root)
        self.http = httpx.Client(base_url=server.url, timeout=10)
        self.client = SyncClient(self.http)
        answer = sign_in(
            self.db.engine, self.client, server.url, username, PASSWORD, f"{username}-desk"
        )
        self.user_id = answer.user_id
        with self.db.sessions() as s:
            self.device_id = device_id(s)

    def sync(self) -> SyncReport:
        return sync_once(self.db.engine, self.client)

    def close(self) -> None:
        self.http.close()
        self.db.dispose()


class WindowDevice:
    """A device with the real main window over its own data folder."""

    def __init__(self, qtbot: Any, root: Path, interval_s: int = 3600) -> None:
        from desktop.ui.context import build_context
        from desktop.ui.main_window import MainWindow

        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        self.db = open_database(root)
        settings = Settings(root)
        settings.set("sync_interval_s", interval_s)
        settings.save()
        ctx = build_context(self.db, root, settings)
        self.tasks = ctx.tasks
        self.ctx = ctx
        self.window = MainWindow(ctx)
        qtbot.addWidget(self.window)
        self.window.show()
        self.sync = self.window.sync
        self.sync.retry_first_s = 0.3
        self.sync.retry_max_s = 1.0

    def sign_in(self, qtbot: Any, server: LiveServer, username: str) -> None:
        page = self.window.show_page("sync")
        dialog = page.open_sign_in()
        dialog.server_url.setText(server.url)
        dialog.username.setText(username)
        dialog.password.setText(PASSWORD)
        dialog.submit()
        qtbot.waitUntil(lambda: self.sync.status.signed_in, timeout=20_000)
        qtbot.waitUntil(lambda: self.sync.status.last_sync is not None, timeout=20_000)

    def close(self) -> None:
        self.tasks.wait_idle()
        self.window.close()
        self.tasks.wait_idle()
        self.tasks.shutdown()
        self.db.dispose()


def sync_and_wait(qtbot: Any, device: WindowDevice) -> None:
    """Sync ``device`` now (after its queued writes) and wait for the sync to finish."""
    before = device.sync.status.last_sync
    device.tasks.wait_idle()
    device.sync.sync_now()
    qtbot.waitUntil(
        lambda: not device.sync.status.syncing and device.sync.status.last_sync != before,
        timeout=20_000,
    )


def files_containing(root: Path, needle: str) -> list[Path]:
    data = needle.encode("utf-8")
    return [p for p in root.rglob("*") if p.is_file() and data in p.read_bytes()]


@pytest.fixture(name="memory_keyring")
def memory_keyring_fixture() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(name="live_server")
def live_server_fixture(tmp_path: Path) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path / "server")
    server.start()
    yield server
    server.close()


@pytest.fixture(name="devices")
def devices_fixture(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    made: list[WindowDevice] = []

    def make(name: str, interval_s: int = 3600) -> WindowDevice:
        device = WindowDevice(qtbot, tmp_path / name, interval_s)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()
