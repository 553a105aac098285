"""A first download: rows go in as stored values, the search index is built once at the end."""

from __future__ import annotations

import datetime as dt
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
from desktop.store import bulk_load, search_index
from desktop.sync.apply import raw_connection
from desktop.sync.engine import BULK, sync_state
from tests.sync.harness import Device, Server


def _names(device: Device, query: str) -> set[str]:
    with device.db.sessions() as s:
        return {hit.name for hit in search(s, query)}


def _triggers(device: Device) -> set[str]:
    with device.db.sessions() as s:
        return set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))


def _indexes(device: Device) -> set[str]:
    with device.db.sessions() as s:
        return set(s.scalars(text("SELECT sql FROM sqlite_master WHERE type = 'index'")))


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
        before, indexes = _triggers(laptop), _indexes(laptop)
        report = laptop.sync(page_size=7)
        assert report.pages > 3
        assert _names(laptop, "zgyd") == {"中国移动"}
        assert _names(laptop, "欧阳") == {"中国移动"}
        assert _triggers(laptop) == before
        assert _indexes(laptop) == indexes
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


def _cut_short(laptop: Device, pages: int) -> None:
    """A first download stopped (as the Stop button does) after this many pages."""
    stored: list[str] = []
    report = laptop.sync(
        page_size=5,
        progress=lambda phase, done, total: stored.append(phase),
        cancel=lambda: stored.count("pull") >= pages,
    )
    assert report.cancelled


def test_a_first_download_cut_short_is_finished_by_the_next_sync(devices, server, tmp_path):
    _seed(devices)
    laptop = Device(server, tmp_path / "new-laptop", "alice", initial_sync=False)
    indexes = _indexes(laptop)
    try:
        _cut_short(laptop, pages=2)
        assert sync_state(laptop.db.engine)["resume"]
        with laptop.db.sessions() as s:
            assert get_meta(s, BULK)
        # The tables' indexes stood down for the download (built once at its end).
        assert "ix_account_list" not in str(_indexes(laptop))
        report = laptop.sync(page_size=5)
        assert not report.cancelled
        assert _names(laptop, "zgyd") == {"中国移动"}
        with laptop.db.sessions() as s:
            assert get_meta(s, BULK) is None
            assert len(list(s.scalars(select(m.Account.id)))) == 31
        assert _indexes(laptop) == indexes
    finally:
        laptop.close()


def test_indexes_of_a_download_cut_short_come_back_before_a_migration(devices, server, tmp_path):
    _seed(devices)
    laptop = Device(server, tmp_path / "new-laptop", "alice", initial_sync=False)
    indexes = _indexes(laptop)
    try:
        _cut_short(laptop, pages=3)
        assert _indexes(laptop) < indexes
        with laptop.db.sessions() as s, s.begin():
            bulk_load.restore(s, raw_connection(s))
        assert _indexes(laptop) == indexes
        with laptop.db.sessions() as s:
            assert get_meta(s, BULK) == "{}"  # the download goes on, with the indexes
        laptop.sync(page_size=5)
        assert _names(laptop, "zgyd") == {"中国移动"}
        assert _indexes(laptop) == indexes
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
        for block in body["tables"]:
            if block["entity"] == "account":
                at = block["columns"].index(self.field)
                for row in block["rows"]:
                    row[at] = self.value
        return httpx.Response(response.status_code, json=body, request=request)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("potential", "lots"),
        ("potential", 12.5),
        ("name", 7),
        ("name", "x" * 500),
        ("name", None),
        ("created_at", "yesterday"),
        ("created_at", "2026-02-30 10:00:00.000000"),
        ("created_at", "2026-03-01T10:00:00+08:00"),
        ("field_versions", "{not json"),
        ("field_versions", '{"name": "one"}'),
    ],
)
def test_malformed_rows_in_a_first_download_are_refused_and_the_rest_is_stored(
    devices, server: Server, tmp_path: Path, field: str, value: object
):
    """A row the device cannot store never stops a sync: it is left out and kept as an
    issue naming the row and the column, and everything else arrives."""
    _seed(devices, count=2)
    laptop = Device(
        server,
        tmp_path / "new-laptop",
        "alice",
        _Tamper(server.inner_transport(), field, value),
        initial_sync=False,
    )
    try:
        report = laptop.sync()
        assert report.refused == 3
        with laptop.db.sessions() as s:
            assert list(s.scalars(select(m.Account.id))) == []
            assert list(s.scalars(select(m.Contact.name))) == ["欧阳娜娜"]
            issues = list(s.scalars(select(m.SyncIssue).where(m.SyncIssue.kind == "refused")))
        assert len(issues) == 3
        assert all(i.code == "bad_data" and field in i.reason for i in issues), [
            i.reason for i in issues
        ]
        assert laptop.sync().refused == 0  # and the next sync goes on as usual
    finally:
        laptop.close()


@pytest.mark.parametrize("lost", [False, True], ids=["prepared", "prepared-file-lost"])
def test_edits_made_while_the_search_documents_are_prepared_are_found(
    devices, server, tmp_path, lost
):
    ids = _seed(devices)
    alice = devices["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        for n in range(12):  # rows that come after the contacts
            records.create(
                uow,
                m.Visit,
                {
                    "account_id": ids[f"客户{n}"],
                    "owner_id": alice.user_id,
                    "planned_start": dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC),
                },
            )
    assert alice.sync().rejected == 0
    laptop = Device(server, tmp_path / "new-laptop", "alice", initial_sync=False)
    try:
        # Stop once the download is past the contacts and the documents are on their way.
        report = laptop.sync(page_size=5, cancel=lambda: bool(bulk_load._preparing))
        assert report.cancelled
        out = laptop.db.path.with_name(bulk_load.PREPARED)
        bulk_load._preparing[out].join(60)
        assert search_index.is_prepared(out)
        with laptop.db.sessions() as s:
            contact = s.scalar(select(m.Contact.id).where(m.Contact.name == "欧阳娜娜"))
        with unit_of_work(laptop.db.sessions, laptop.user_id) as uow:
            records.update(uow, m.Account, ids["中国移动"], {"name": "中国联通"})
            records.delete(uow, m.Contact, contact)
            records.create(uow, m.Contact, {"account_id": ids["客户2"], "name": "诸葛亮"})
        if lost:
            out.unlink()
        assert not laptop.sync(page_size=5).cancelled
        assert _names(laptop, "zgyd") == set()
        assert _names(laptop, "zglt") == {"中国联通"}
        assert _names(laptop, "欧阳") == set()
        assert _names(laptop, "诸葛") == {"客户2"}
        assert _names(laptop, "客户1") == {"客户1", *(f"客户1{n}" for n in range(10))}
        assert not out.exists()
    finally:
        laptop.close()
