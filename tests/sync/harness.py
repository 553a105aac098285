"""A sync server and devices in one process, for the server and sync tests.

The FastAPI app runs in-process (starlette's TestClient transport); ``FaultyTransport``
sits between a device and the app and loses, duplicates or replays requests.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from anyio.from_thread import BlockingPortal, start_blocking_portal

from desktop.domain.services.device import device_id
from desktop.store.migrate import Database, open_database
from desktop.sync.client import SyncClient
from desktop.sync.engine import SyncReport, sync_once
from desktop.sync.protocol import LoginResponse, Mutation, MutationResult, PushRequest
from desktop.sync.signin import sign_in
from server import admin
from server.app import Settings, create_app
from server.db import ServerDatabase, default_url, open_server_database

BASE = "http://fieldbook.test"
PASSWORD = "correct horse"


class Server:
    def __init__(self, root: Path, url: str | None = None) -> None:
        self.root = root
        self.url = url or default_url(root)
        self.db: ServerDatabase = open_server_database(self.url)
        self.settings = Settings(blob_dir=root / "blobs", max_blob_size=1024 * 1024)
        self.app = create_app(self.db, self.settings)
        self._portal_cm = start_blocking_portal()
        self.portal: BlockingPortal = self._portal_cm.__enter__()
        self.users: dict[str, str] = {}
        self.teams: dict[str, str] = {}

    def restart(self) -> None:
        """Drop every connection and build a new app over the same database."""
        self.db.dispose()
        self.db = open_server_database(self.url)
        self.app = create_app(self.db, self.settings)

    def close(self) -> None:
        self.db.dispose()
        self._portal_cm.__exit__(None, None, None)

    def team(self, name: str) -> str:
        with self.db.sessions() as s, s.begin():
            self.teams[name] = admin.add_team(s, name)
        return self.teams[name]

    def user(self, name: str, role: str = "rep", team: str | None = None) -> str:
        with self.db.sessions() as s, s.begin():
            self.users[name] = admin.add_user(
                s, name, PASSWORD, role=role, team=team, display_name=name.title()
            )
        return self.users[name]

    def http(
        self, transport: httpx.BaseTransport | None = None, address: str = "127.0.0.1"
    ) -> httpx.Client:
        """A client; ``address`` is the client address the server sees."""
        return httpx.Client(base_url=BASE, transport=transport or self.inner_transport(address))

    def inner_transport(self, address: str = "127.0.0.1") -> httpx.BaseTransport:
        return _AppTransport(self, address)


class _AppTransport(httpx.BaseTransport):
    """Always talks to the server's current app (survives ``Server.restart``)."""

    def __init__(self, server: Server, address: str = "127.0.0.1") -> None:
        self.server, self.address = server, address

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.server.app, client=(self.address, 5000))
            copy = httpx.Request(request.method, request.url, headers=request.headers, content=body)
            response = await transport.handle_async_request(copy)
            content = await response.aread()
            return httpx.Response(
                response.status_code, headers=response.headers, content=content, request=request
            )

        return self.server.portal.call(call)


@dataclass
class FaultyTransport(httpx.BaseTransport):
    """Loses requests, loses responses after the server acted, duplicates and replays."""

    inner: httpx.BaseTransport
    rng: random.Random
    rate: float = 0.0
    log: list[str] = field(default_factory=list)
    held: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)

    def _send(self, method: str, url: str, headers: dict[str, str], body: bytes) -> httpx.Response:
        request = httpx.Request(method, url, headers=headers, content=body)
        response = self.inner.handle_request(request)
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        copy = (request.method, str(request.url), dict(request.headers), body)
        roll = self.rng.random()
        if roll < self.rate:
            self.log.append("lost request")
            raise httpx.ConnectError("injected: request lost", request=request)
        if roll < self.rate * 2:
            self._send(*copy)
            self.log.append("lost response")
            raise httpx.ReadError("injected: response lost", request=request)
        if roll < self.rate * 3:
            self._send(*copy)
            self.log.append("duplicated")
        if roll < self.rate * 4:
            # Delay: keep a copy and deliver it later, after newer requests.
            self.held.append(copy)
            self.log.append("held for replay")
        elif self.held and self.rng.random() < 0.5:
            old = self.held.pop(0)
            self._send(*old)
            self.log.append("replayed an old request")
        return self._send(*copy)


class Device:
    """A device: its own data folder and database, signed in as one user."""

    def __init__(
        self,
        server: Server,
        root: Path,
        username: str,
        transport: httpx.BaseTransport | None = None,
        *,
        initial_sync: bool = True,
    ) -> None:
        self.server = server
        self.username = username
        root.mkdir(parents=True, exist_ok=True)
        self.db: Database = open_database(root)
        self.http = server.http(transport)
        self.client = SyncClient(self.http)
        self.sign_in(username)
        if initial_sync:
            self.sync()

    def sign_in(self, username: str) -> LoginResponse:
        """Sign in as the CLI and the GUI do (``desktop.sync.signin``)."""
        answer = sign_in(
            self.db.engine, self.client, BASE, username, PASSWORD, f"{username}-laptop"
        )
        self.username, self.user_id = username, answer.user_id
        with self.db.sessions() as s:
            self.device_id = device_id(s)
        return answer

    def sync(self, **kwargs: Any) -> SyncReport:
        return sync_once(self.db.engine, self.client, **kwargs)

    def close(self) -> None:
        self.http.close()
        self.db.dispose()


class Attacker:
    """A modified device: pushes hand-made mutations with this device's token."""

    def __init__(self, device: Device) -> None:
        self.device = device
        self.next_mutation = 1
        self.carried: list[list[Any]] = []  # the rows the last answer carried

    def push(self, entity: str, row_id: str, op: str, **fields: Any) -> MutationResult:
        (result,) = self.push_batch((entity, row_id, op, fields))
        return result

    def push_batch(self, *mutations: tuple[str, str, str, dict[str, Any]]) -> list[MutationResult]:
        batch = []
        for entity, row_id, op, fields in mutations:
            batch.append(
                Mutation(
                    mutation_id=self.next_mutation,
                    entity=entity,
                    row_id=row_id,
                    op=op,
                    fields=fields,
                    base_row_version=10**6,
                )
            )
            self.next_mutation += 1
        answer = self.device.client.push(PushRequest(mutations=batch))
        self.carried = [row for block in answer.tables for row in block.rows]
        return answer.results


def live_rows(db: Database | Callable[[], Any], model: Any) -> dict[str, dict[str, Any]]:
    from sqlalchemy import select

    sessions = db.sessions if isinstance(db, Database) else db
    with sessions() as s:
        return {r.id: r.values() for r in s.scalars(select(model))}
