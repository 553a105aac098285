"""Sign-in on SQLite and PostgreSQL: attempt limits that hold under parallel requests
and never lock out a colleague, device ids bound to their user, and the rows a device
gets with its sign-in."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text, update

from desktop.domain.models import Account, Policy, SyncIssue, Team, User
from desktop.domain.models.types import utcnow
from desktop.domain.services import coverage, records
from desktop.domain.services.device import DEVICE_ID, set_meta
from desktop.domain.uow import unit_of_work
from server import auth
from server.models import AppliedMutation, ChangeLog, LoginFailure
from server.models import Device as ServerDevice
from tests.sync.conftest import with_teams
from tests.sync.harness import PASSWORD, Device, Server


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    srv = with_teams(Server(tmp_path / "server", url))
    yield srv
    srv.close()


class CountingHasher(PasswordHasher):
    """Cheap argon2 that counts the password checks it makes."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=64, parallelism=1)
        self.checks = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self._lock:
            self.checks += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher() -> Iterator[CountingHasher]:
    previous = auth._hasher
    counting = CountingHasher()
    auth.use_hasher(counting)
    yield counting
    auth.use_hasher(previous)


def _login(
    server: Server, username: str, password: str, address: str = "10.0.0.1", device: str = "d-1"
) -> Any:
    with server.http(address=address) as http:
        return http.post(
            "/auth/login",
            json={"username": username, "password": password, "device_id": device},
        )


def test_parallel_wrong_passwords_reach_argon2_at_most_the_limit(any_server, hasher):
    n = 40
    start = threading.Barrier(n)

    def attempt(i: int) -> int:
        with any_server.http(address="10.0.0.1") as http:
            start.wait()
            body = {"username": "alice", "password": f"wrong {i}", "device_id": f"d-{i}"}
            return http.post("/auth/login", json=body).status_code

    with ThreadPoolExecutor(n) as pool:
        statuses = list(pool.map(attempt, range(n)))
    assert hasher.checks == auth.MAX_FAILURES
    assert statuses.count(401) == auth.MAX_FAILURES
    assert statuses.count(429) == n - auth.MAX_FAILURES
    # The right password is refused too until the window ends.
    answer = _login(any_server, "alice", PASSWORD)
    assert answer.status_code == 429
    assert int(answer.headers["Retry-After"]) > 0
    assert "try again in 10 minute(s)" in answer.json()["detail"]
    assert hasher.checks == auth.MAX_FAILURES


def test_wrong_passwords_of_one_user_do_not_lock_out_a_colleague_behind_the_same_address(
    any_server, hasher
):
    for _ in range(auth.MAX_FAILURES):
        assert _login(any_server, "alice", "wrong", "10.0.0.1").status_code == 401
    assert _login(any_server, "alice", PASSWORD, "10.0.0.1").status_code == 429
    assert _login(any_server, "bob", PASSWORD, "10.0.0.1").status_code == 200
    # Alice herself, from another address (her phone's hotspot), is not locked out.
    assert _login(any_server, "alice", PASSWORD, "10.9.9.9").status_code == 200


def test_a_successful_sign_in_clears_the_count(any_server, hasher):
    for _ in range(auth.MAX_FAILURES - 1):
        assert _login(any_server, "alice", "wrong").status_code == 401
    assert _login(any_server, "alice", PASSWORD).status_code == 200
    statuses = [_login(any_server, "alice", "wrong").status_code for _ in range(6)]
    assert statuses == [401] * auth.MAX_FAILURES + [429]


def test_guesses_spread_over_addresses_meet_the_limit_per_user(
    any_server, hasher, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(auth, "MAX_FAILURES_ANYWHERE", 8)
    for address in ("10.0.1.1", "10.0.1.2"):
        for _ in range(4):
            assert _login(any_server, "alice", "wrong", address).status_code == 401
    assert hasher.checks == 8
    assert _login(any_server, "alice", PASSWORD, "10.0.1.3").status_code == 429
    assert hasher.checks == 8
    # Other users are not affected.
    assert _login(any_server, "bob", PASSWORD, "10.0.1.3").status_code == 200


def test_the_count_starts_again_when_the_window_has_passed(any_server, hasher):
    for _ in range(auth.MAX_FAILURES):
        _login(any_server, "alice", "wrong")
    assert _login(any_server, "alice", PASSWORD).status_code == 429
    with any_server.db.sessions() as s, s.begin():
        s.execute(update(LoginFailure).values(window_start=utcnow() - auth.FAILURE_WINDOW))
    assert _login(any_server, "alice", "wrong").status_code == 401
    with any_server.db.sessions() as s:
        counts = {row.key: row.failures for row in s.scalars(select(LoginFailure))}
    assert counts == {"login:alice|10.0.0.1": 1, "user:alice": 1}
    assert _login(any_server, "alice", PASSWORD).status_code == 200


def _new_account(device: Device, name: str) -> str:
    with unit_of_work(device.db.sessions, device.user_id) as uow:
        return records.create(uow, Account, {"name": name, "owner_id": device.user_id})


def test_another_user_signing_in_with_a_device_id_gets_a_new_device(any_server, tmp_path):
    alice = Device(any_server, tmp_path / "alice", "alice")
    taken = alice.device_id
    _new_account(alice, "Alice One")
    assert alice.sync().applied == 1
    bob = Device(any_server, tmp_path / "bob", "bob")
    with bob.db.sessions() as s, s.begin():
        set_meta(s, DEVICE_ID, taken)
    answer = bob.sign_in("bob")
    assert answer.device_id is not None
    assert answer.device_id != taken
    assert bob.device_id == answer.device_id  # adopted by the device
    # Bob's first change is his mutation 1, Alice's device already had a mutation 1:
    # on her device record it would have been refused as a reused device.
    bobs = _new_account(bob, "Bob One")
    assert bob.sync().applied == 1
    _new_account(alice, "Alice Two")
    assert alice.sync().applied == 1  # her token and her mutation ids are untouched
    with any_server.db.sessions() as s:
        owner = s.get(ServerDevice, taken)
        assert owner is not None
        assert (owner.user_id, owner.last_mutation_id) == (alice.user_id, 2)
        new = s.get(ServerDevice, bob.device_id)
        assert new is not None
        assert new.user_id == bob.user_id
        on_alices = s.scalars(
            select(AppliedMutation.row_id).where(AppliedMutation.device_id == taken)
        ).all()
        assert bobs not in on_alices
        assert len(on_alices) == 2
        assert s.scalar(select(ChangeLog.device_id).where(ChangeLog.row_id == bobs)) == (
            bob.device_id
        )


def test_signing_in_as_another_user_on_a_device_starts_it_over(any_server, tmp_path):
    device = Device(any_server, tmp_path / "shared", "alice")
    alices_device = device.device_id
    secret = _new_account(device, "Alice's own client")
    device.sync()
    device.sign_in("wendy")
    assert device.device_id != alices_device
    with device.db.sessions() as s:
        # Alice's rows are gone before Wendy's first sync (she may not see them).
        assert s.get(Account, secret) is None
        assert s.get(User, device.user_id) is not None
    report = device.sync()
    assert report.must_resync is False
    with device.db.sessions() as s:
        assert s.get(Account, secret) is None
    with any_server.db.sessions() as s:
        owner = s.get(ServerDevice, alices_device)
        assert owner is not None
        assert owner.user_id == any_server.users["alice"]


def test_the_sign_in_brings_the_users_own_row_team_and_policies(any_server, tmp_path):
    boss = Device(any_server, tmp_path / "boss", "boss")
    cadence = {"A": 21, "B": 45, "C": 90}
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        coverage.set_cadence(uow, cadence)
    assert boss.sync().applied == 1
    alice = Device(any_server, tmp_path / "alice", "alice", initial_sync=False)
    with alice.db.sessions() as s:
        me = s.get(User, alice.user_id)
        assert me is not None
        assert (me.username, me.team_id) == ("alice", any_server.teams["East"])
        assert [t.name for t in s.scalars(select(Team))] == ["East"]
        assert [u.username for u in s.scalars(select(User))] == ["alice"]
        assert [p.key for p in s.scalars(select(Policy))] == ["coverage"]
        assert coverage.cadence(s) == cadence
    # The first pull stores everything over them.
    alice.sync()
    with alice.db.sessions() as s:
        assert {u.username for u in s.scalars(select(User))} == set(any_server.users)
        assert coverage.cadence(s) == cadence


def test_counts_whose_window_has_passed_are_dropped_at_a_sign_in(any_server, hasher):
    for name in ("ghost", "phantom"):
        assert _login(any_server, name, "guess").status_code == 401
    with any_server.db.sessions() as s, s.begin():
        s.execute(
            update(LoginFailure)
            .where(LoginFailure.key.contains("ghost"))
            .values(window_start=utcnow() - auth.FAILURE_WINDOW)
        )
    assert _login(any_server, "bob", PASSWORD).status_code == 200
    with any_server.db.sessions() as s:
        keys = set(s.scalars(select(LoginFailure.key)))
    assert keys == {"login:phantom|10.0.0.1", "user:phantom"}


def test_a_row_of_the_sign_in_the_device_cannot_store_is_an_issue_not_a_failure(
    any_server, tmp_path
):
    boss = Device(any_server, tmp_path / "boss", "boss")
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        coverage.set_cadence(uow, {"A": 21, "B": 45, "C": 90})
    assert boss.sync().applied == 1
    with any_server.db.sessions() as s, s.begin():
        s.execute(text("UPDATE policy SET value = '{not json'"))  # as stored, not encoded
    alice = Device(any_server, tmp_path / "alice", "alice", initial_sync=False)
    with alice.db.sessions() as s:
        assert s.get(User, alice.user_id) is not None
        assert s.scalars(select(Policy)).all() == []
        issue = s.scalars(select(SyncIssue)).one()
        assert (issue.kind, issue.entity) == ("refused", "policy")
