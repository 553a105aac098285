"""A request over the server's size limit gets a 413 with a clear message, whether it
declares its length or streams it; the server goes on serving; a device keeps its own
pushes under the limit, and an edit too large to send (saved by an older Fieldbook)
becomes a rejection on the device instead of blocking the changes behind it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.sync.client import SyncError
from desktop.sync.protocol import API_PREFIX, MAX_REQUEST_BYTES, PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.sync.harness import Device


def _headers(device: Device) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {device.client.token}",
        PROTOCOL_HEADER: str(PROTOCOL_VERSION),
        "Content-Type": "application/json",
    }


def test_a_declared_oversized_body_is_refused_before_it_is_read(devices: Any) -> None:
    alice = devices["alice"]
    body = b"x" * (MAX_REQUEST_BYTES + 1)
    response = alice.http.post(f"{API_PREFIX}/push", content=body, headers=_headers(alice))
    assert response.status_code == 413
    assert response.json() == {
        "detail": "the request is larger than the server accepts (16 MB)",
        "code": "too_large",
    }
    assert alice.sync().rejected == 0  # the server goes on serving


def test_a_streamed_oversized_body_is_refused_too(devices: Any) -> None:
    alice = devices["alice"]

    def chunks() -> Iterator[bytes]:
        yield b'{"mutations": [], "notes": "'
        for _ in range(MAX_REQUEST_BYTES // (1024 * 1024) + 1):
            yield b"y" * (1024 * 1024)
        yield b'"}'

    response = alice.http.post(f"{API_PREFIX}/push", content=chunks(), headers=_headers(alice))
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_an_old_oversized_edit_is_kept_as_a_rejection_and_the_rest_syncs(devices: Any) -> None:
    alice = devices["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
    alice.sync()
    # As Fieldbook 0.1.0 could save it: a 2 MB note straight into the outbox.
    with alice.db.sessions() as s, s.begin():
        s.add(
            m.OutboxEntry(
                entity="account",
                row_id=account,
                op="update",
                fields={"notes": "长" * (2 * 1024 * 1024 // 3 + 1)},
                base_versions={"notes": 1},
                base_row_version=1,
                state="pending",
                attempts=0,
            )
        )
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        records.update(uow, m.Account, account, {"city": "苏州"})
    report = alice.sync()
    assert report.rejected == 1
    with alice.db.sessions() as s:
        (issue,) = s.scalars(select(m.SyncIssue).where(m.SyncIssue.kind == "rejected"))
        assert issue.code == "too_large"
        assert len(json.dumps(issue.mine, ensure_ascii=False)) > 2 * 1024 * 1024 // 3
    with devices["boss"].server.db.sessions() as s:
        row = s.get(m.Account, account)
        assert row is not None
        assert (row.city, row.notes) == ("苏州", "")


def test_a_device_splits_its_pushes_under_the_limit(devices: Any) -> None:
    alice = devices["alice"]
    seen: list[int] = []
    original = alice.client.push

    def measured(request: Any) -> Any:
        seen.append(len(request.model_dump_json().encode()))
        return original(request)

    alice.client.push = measured  # type: ignore[method-assign]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        for number in range(300):
            records.create(
                uow,
                m.Account,
                {"name": f"客户 {number}", "owner_id": alice.user_id, "notes": "长" * 19_000},
            )
    try:
        report = alice.sync()
    except SyncError as exc:  # pragma: no cover - the assertion below says why
        raise AssertionError(f"sync failed: {exc}") from exc
    assert report.rejected == 0
    assert len(seen) > 1
    assert max(seen) < MAX_REQUEST_BYTES
