"""A first download: rows go in as stored values, the search index is built once at the end."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, text

from desktop.domain import models as m
from desktop.domain.services import records
from desktop.domain.services.device import get_meta
from desktop.domain.services.search import search
from desktop.domain.uow import unit_of_work
from desktop.sync.client import SyncError
from desktop.sync.engine import BULK, sync_state
from desktop.sync.protocol import ROW_META
from tests.sync.harness import Device, Server


def _names(device: Device, query: str) -> set[str]:
    with device.db.sessions() as s:
        return {hit.name for hit in search(s, query)}


def _triggers(device: Device) -> set[str]:
    with device.db.sessions() as s:
        return set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))


def _seed(devices: dict[str, Device], count: int = 30) -> dict[str, str]:
    alice = devices["alice"]
    ids: dict[str, str] = {}
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        ids["中国移动"] = records.create(
            uow, m.Account, {"name": "中国移动", "owner_id": alice.user_id}
        )
        uow.session.flush()
        records.create(uow, m.Contact, {"account_id": ids["中国移动"], "name": "欧阳娜娜"})
        for n in range(count):
            ids[f"客户{n}"] = records.create(
                uow, m.Account, {"name": f"客户{n}", "owner_id": alice.user_id}
            )
    assert alice.sync().rejected == 0
    return ids


def test_a_first_download_finds_accounts_by_pinyin_and_contacts(devices, server, tmp_path):
    _seed(devices)
    laptop = Device(server, tmp_path / "new-laptop", "alice", initial_sync=False)
    try:
        before = _triggers(laptop)
        report = laptop.sync(page_size=7)
        assert report.pages > 3
        assert _names(laptop, "zgyd") == {"中国移动"}
        assert _names(laptop, "欧阳") == {"中国移动"}
        assert _triggers(laptop) == before
        # The index is kept by its triggers again: a local rename is found at once.
        with laptop.db.sessions() as s:
            account = s.scalar(select(m.Account.id).where(m.Account.name == "客户3"))
        with unit_of_work(laptop.db.sessions, laptop.user_id) as uow:
            records.update(uow, m.Account, account, {"name": "华为技术"})
        assert _names(laptop, "华为") == {"华为技术"}
    finally:
        laptop.close()


def _stored(device: Device, table: str) -> set[tuple[object, ...]]:
    with device.db.sessions() as s:
        return set(s.execute(text(f"SELECT id, created_at, updated_at, deleted_at FROM {table}")))


def test_a_first_download_stores_times_as_the_sender_does(devices, server, tmp_path):
    ids = _seed(devices, count=3)
    alice = devices["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        records.delete(uow, m.Account, ids["客户1"])
    alice.sync()
    laptop = Device(server, tmp_path / "new-laptop", "alice", initial_sync=False)
    try:
        laptop.sync()
        for table in ("account", "contact"):
            assert _stored(laptop, table) == _stored(alice, table)
    finally:
        laptop.close()


def test_a_first_download_cut_short_is_finished_by_the_next_sync(devices, server, tmp_path):
    _seed(devices)
    laptop = Device(server, tmp_path / "new-laptop", "alice", initial_sync=False)
    try:
        pages = 0

        def cancel() -> bool:
            return pages >= 2

        def progress(phase: str, done: int, total: int | None) -> None:
            nonlocal pages
            pages += phase == "pull"

        assert laptop.sync(page_size=5, progress=progress, cancel=cancel).cancelled
        assert sync_state(laptop.db.engine)["resume"]
        with laptop.db.sessions() as s:
            assert get_meta(s, BULK)
        report = laptop.sync(page_size=5)
        assert not report.cancelled
        assert _names(laptop, "zgyd") == {"中国移动"}
        with laptop.db.sessions() as s:
            assert get_meta(s, BULK) is None
            assert len(list(s.scalars(select(m.Account.id)))) == 31
    finally:
        laptop.close()


class _Tamper(httpx.BaseTransport):
    """Rewrites one field of every pulled account (a broken or hostile server)."""

    def __init__(self, inner: httpx.BaseTransport, field: str, value: object) -> None:
        self.inner, self.field, self.value = inner, field, value

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if not request.url.path.endswith("/pull"):
            return response
        body = json.loads(response.read())
        for row in body["rows"]:
            if row["entity"] == "account":
                (row if self.field in ROW_META else row["fields"])[self.field] = self.value
        return httpx.Response(response.status_code, json=body, request=request)


@pytest.mark.parametrize(
    ("field", "value"),
    [("potential", "lots"), ("name", 7), ("name", "x" * 500), ("created_at", "yesterday")],
)
def test_malformed_rows_in_a_first_download_stop_it_with_a_clear_error(
    devices, server: Server, tmp_path: Path, field: str, value: object
):
    _seed(devices, count=2)
    laptop = Device(
        server,
        tmp_path / "new-laptop",
        "alice",
        _Tamper(server.inner_transport(), field, value),
        initial_sync=False,
    )
    try:
        with pytest.raises(SyncError, match="cannot store") as caught:
            laptop.sync()
        assert caught.value.code == "bad_data"
        assert field in str(caught.value) or "account" in str(caught.value)
        with laptop.db.sessions() as s:
            assert list(s.scalars(select(m.Account.id))) == []
    finally:
        laptop.close()
