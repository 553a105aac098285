"""The HTTP surface: protocol versions, sign-in limits, revocation, resync, junk answers."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from sqlalchemy import select, update

from desktop.domain.models import Account, OutboxEntry
from desktop.domain.models.types import utcnow
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.sync.client import SyncClient, SyncError
from desktop.sync.protocol import PROTOCOL_HEADER, PushRequest
from server import auth
from server.models import Counter
from tests.sync.harness import BASE, PASSWORD


def test_health_and_openapi_need_no_token(server):
    with server.http() as http:
        assert http.get("/health").json()["status"] == "ok"
        assert "/sync/v1/push" in http.get("/openapi.json").json()["paths"]


def test_an_unsupported_protocol_gets_426_with_a_message(devices, server):
    alice = devices["alice"]
    with server.http() as http:
        answer = http.post(
            "/sync/v1/pull",
            json={"cursor": 0},
            headers={"Authorization": f"Bearer {alice.client.token}", PROTOCOL_HEADER: "99"},
        )
    assert answer.status_code == 426
    assert "Update Fieldbook" in answer.json()["detail"]


def test_failed_sign_ins_are_rate_limited(server):
    client = SyncClient(server.http())
    for _ in range(auth.MAX_FAILURES):
        with pytest.raises(SyncError, match="wrong user name or password"):
            client.login("alice", "wrong", "dev-1")
    with pytest.raises(SyncError, match="too many failed sign-ins") as caught:
        client.login("alice", PASSWORD, "dev-1")
    assert caught.value.status == 429


def test_logout_and_device_revocation(devices, server):
    alice = devices["alice"]
    alice.client.logout()
    with pytest.raises(SyncError) as caught:
        alice.sync()
    assert caught.value.auth
    bob = devices["bob"]
    with server.db.sessions() as s, s.begin():
        auth.revoke_device(s, bob.device_id, wipe=True)
    with pytest.raises(SyncError) as caught:
        bob.sync()
    assert caught.value.wipe


def test_a_server_answering_nonsense_gives_a_clear_error():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>captive portal</html>")

    client = SyncClient(httpx.Client(base_url=BASE, transport=httpx.MockTransport(handler)), "t")
    with pytest.raises(SyncError, match="not what a Fieldbook sync server sends"):
        client.push(PushRequest())

    def broken(request: httpx.Request) -> httpx.Response:
        return httpx.Response(502, text="Bad gateway")

    client = SyncClient(httpx.Client(base_url=BASE, transport=httpx.MockTransport(broken)), "t")
    with pytest.raises(SyncError, match="busy or down") as caught:
        client.push(PushRequest())
    assert caught.value.retryable


def test_must_resync_downloads_again_and_keeps_pending_edits(devices, server):
    alice = devices["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        kept = records.create(uow, Account, {"name": "synced", "owner_id": alice.user_id})
    alice.sync()
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        records.update(uow, Account, kept, {"notes": "offline edit"})
    with server.db.sessions() as s, s.begin():
        s.execute(update(Counter).values(horizon=Counter.value + 1))
    # Pull only (a push would send the edit first).
    from desktop.sync.engine import SyncReport, pull_changes

    report = SyncReport()
    with server.db.sessions() as s, s.begin():
        s.execute(update(Counter).values(value=Counter.value + 5))
    pull_changes(alice.db.engine, alice.client, report, lambda *a: None, lambda: False, 100)
    assert report.must_resync
    with alice.db.sessions() as s:
        assert s.get(Account, kept).notes == "offline edit"
        assert (
            s.scalars(
                select(OutboxEntry.state).where(
                    OutboxEntry.row_id == kept, OutboxEntry.op == "update"
                )
            ).one()
            == "pending"
        )
    assert alice.sync().applied >= 1


@pytest.mark.parametrize("skews", [(2, -2), (-2, 2)])
def test_clock_skew_changes_nothing(devices, skews):
    """The later *sync* wins nothing by its clock: versions decide, never timestamps."""
    alice, boss = devices["alice"], devices["boss"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, Account, {"name": "skew", "owner_id": alice.user_id})
    alice.sync()
    boss.sync()
    for device, days, value in ((alice, skews[0], "alice"), (boss, skews[1], "boss")):

        def now(days: int = days) -> dt.datetime:
            return utcnow() + dt.timedelta(days=days)

        with unit_of_work(device.db.sessions, device.user_id, now=now) as uow:
            records.update(uow, Account, account, {"notes": value})
    assert alice.sync().conflicts == 0
    assert boss.sync().conflicts == 1
    alice.sync()
    for device in (alice, boss):
        with device.db.sessions() as s:
            assert s.get(Account, account).notes == "alice"
