"""Writes that would widen their own author's scope: decided on the state before the write.

A row that grants access (an account team membership, an account's owner) must not
be able to authorize itself: the server checks who may write it against the rows as
they were before the mutation, and the row as it would be after it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device

NOW = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)
_ids = itertools.count(1)


def new_id() -> str:
    return f"01900000-0000-7000-8000-{next(_ids):012d}"


@pytest.fixture
def world(devices: dict[str, Device]) -> dict[str, Any]:
    """alice (East) owns A and C; bob (East) owns B and sits on C's team; wendy (West) owns W.

    Each account's owner is on its team; bob's old membership of A was deleted.
    """
    server = devices["root"].server
    server.user("walt", "manager", team="West")
    root = devices["root"]
    users = server.users
    rows: dict[str, str] = {}
    with unit_of_work(root.db.sessions, root.user_id) as uow:
        for key, owner in (("A", "alice"), ("B", "bob"), ("C", "alice"), ("W", "wendy")):
            rows[key] = records.create(uow, m.Account, {"name": key, "owner_id": users[owner]})
        rows["pool"] = records.create(uow, m.Account, {"name": "pool", "owner_id": None})
        uow.session.flush()
        for key, account, user in (
            ("A:alice", "A", "alice"),
            ("B:bob", "B", "bob"),
            ("C:alice", "C", "alice"),
            ("C:bob", "C", "bob"),
            ("W:wendy", "W", "wendy"),
            ("A:bob", "A", "bob"),
        ):
            rows[key] = records.create(
                uow, m.AccountTeamMember, {"account_id": rows[account], "user_id": users[user]}
            )
        uow.session.flush()
        records.delete(uow, m.AccountTeamMember, rows["A:bob"])
        for key in ("A", "B", "W"):
            rows[f"contact {key}"] = records.create(
                uow, m.Contact, {"account_id": rows[key], "name": f"contact of {key}"}
            )
            rows[f"visit {key}"] = records.create(
                uow,
                m.Visit,
                {
                    "account_id": rows[key],
                    "owner_id": users[{"A": "alice", "B": "bob", "W": "wendy"}[key]],
                    "planned_start": NOW,
                },
            )
            rows[f"quote {key}"] = records.create(
                uow,
                m.Quote,
                {
                    "account_id": rows[key],
                    "number": f"Q-{key}",
                    "owner_id": users[{"A": "alice", "B": "bob", "W": "wendy"}[key]],
                },
            )
    report = root.sync()
    assert report.rejected == 0, report.issues
    return {"rows": rows, "users": users, "server": server}


def live_members(world: dict[str, Any], account: str) -> set[str]:
    with world["server"].db.sessions() as s:
        found = s.scalars(
            select(m.AccountTeamMember.user_id).where(
                m.AccountTeamMember.account_id == world["rows"][account],
                m.AccountTeamMember.deleted_at.is_(None),
            )
        )
        names = {v: k for k, v in world["users"].items()}
        return {names[u] for u in found}


def server_row(world: dict[str, Any], model: type[m.Synced], key: str) -> dict[str, Any]:
    with world["server"].db.sessions() as s:
        row = s.get(model, world["rows"][key])
        assert row is not None
        return row.values()


def sees(device: Device, account_id: str) -> bool:
    device.sync()
    with device.db.sessions() as s:
        return s.get(m.Account, account_id) is not None


@pytest.mark.parametrize("who", ["bob", "wendy", "walt"])
def test_nobody_adds_themselves_to_an_account_team_they_do_not_run(devices, world, who):
    attacker = Attacker(devices[who])
    rows, users = world["rows"], world["users"]
    result = attacker.push(
        "account_team_member", new_id(), "insert", account_id=rows["A"], user_id=users[who]
    )
    assert result.status == "rejected"
    assert "account team" in result.reason
    assert attacker.carried == []
    assert live_members(world, "A") == {"alice"}
    assert not sees(devices[who], rows["A"])


@pytest.mark.parametrize("who", ["bob", "wendy"])
def test_a_rep_adds_nobody_else_to_another_reps_account(devices, world, who):
    attacker = Attacker(devices[who])
    rows, users = world["rows"], world["users"]
    other = "wendy" if who == "bob" else "bob"
    result = attacker.push(
        "account_team_member", new_id(), "insert", account_id=rows["A"], user_id=users[other]
    )
    assert result.status == "rejected"
    assert live_members(world, "A") == {"alice"}


@pytest.mark.parametrize("who", ["bob", "wendy"])
def test_a_membership_row_cannot_be_moved_into_another_account(devices, world, who):
    attacker = Attacker(devices[who])
    rows = world["rows"]
    own = "B:bob" if who == "bob" else "W:wendy"
    before = server_row(world, m.AccountTeamMember, own)
    result = attacker.push("account_team_member", rows[own], "update", account_id=rows["A"])
    assert result.status == "rejected"
    assert server_row(world, m.AccountTeamMember, own) == before
    assert live_members(world, "A") == {"alice"}
    assert not sees(devices[who], rows["A"])


def test_a_team_member_cannot_hand_another_members_row_to_themselves(devices, world):
    """bob sits on C's team (not its owner): alice's row there is not his to rewrite."""
    bob = Attacker(devices["bob"])
    rows, users = world["rows"], world["users"]
    result = bob.push("account_team_member", rows["C:alice"], "update", user_id=users["wendy"])
    assert result.status == "rejected"
    result = bob.push(
        "account_team_member", new_id(), "insert", account_id=rows["C"], user_id=users["wendy"]
    )
    assert result.status == "rejected"
    result = bob.push("account_team_member", rows["C:alice"], "delete")
    assert result.status == "rejected"
    assert live_members(world, "C") == {"alice", "bob"}
    # Leaving a team is his own choice.
    result = bob.push("account_team_member", rows["C:bob"], "delete")
    assert result.status == "applied"
    assert live_members(world, "C") == {"alice"}


def test_a_removed_member_cannot_restore_their_membership(devices, world):
    bob = Attacker(devices["bob"])
    rows = world["rows"]
    result = bob.push("account_team_member", rows["A:bob"], "restore")
    assert result.status == "rejected"
    result = bob.push("account_team_member", rows["A:bob"], "insert", account_id=rows["A"])
    assert result.status == "rejected"
    assert live_members(world, "A") == {"alice"}
    assert not sees(devices["bob"], rows["A"])


def test_owner_manager_and_admin_run_the_account_team(devices, world):
    rows, users = world["rows"], world["users"]
    alice = Attacker(devices["alice"])
    result = alice.push(
        "account_team_member", new_id(), "insert", account_id=rows["A"], user_id=users["wendy"]
    )
    assert result.status == "applied", result.reason
    assert sees(devices["wendy"], rows["A"])
    boss = Attacker(devices["boss"])  # East's manager; alice is East
    assert boss.push("account_team_member", rows["A:bob"], "restore").status == "applied"
    assert live_members(world, "A") == {"alice", "bob", "wendy"}
    assert boss.push(
        "account_team_member", new_id(), "insert", account_id=rows["W"], user_id=users["boss"]
    ).status == ("rejected")
    root = devices["root"]
    with unit_of_work(root.db.sessions, root.user_id) as uow:
        records.create(uow, m.AccountTeamMember, {"account_id": rows["W"], "user_id": users["bob"]})
    assert root.sync().applied == 1
    assert live_members(world, "W") == {"wendy", "bob"}


@pytest.mark.parametrize(
    ("entity", "key"), [("contact", "contact B"), ("visit", "visit B"), ("quote", "quote B")]
)
@pytest.mark.parametrize("target", ["A", "W"])
def test_a_child_row_cannot_be_moved_into_an_account_out_of_reach(
    devices, world, entity, key, target
):
    bob = Attacker(devices["bob"])
    rows = world["rows"]
    model = m.SYNCED[entity]
    before = server_row(world, model, key)
    result = bob.push(entity, rows[key], "update", account_id=rows[target])
    assert result.status == "rejected"
    assert server_row(world, model, key) == before
    fields: dict[str, Any] = {
        "contact": {"name": "x"},
        "visit": {"owner_id": world["users"]["bob"], "planned_start": "2026-05-01T09:00:00+00:00"},
        "quote": {"number": "Q-x", "owner_id": world["users"]["bob"]},
    }[entity]
    created = new_id()
    assert bob.push(entity, created, "insert", account_id=rows[target], **fields).status == (
        "rejected"
    )
    with world["server"].db.sessions() as s:
        assert s.get(model, created) is None
    # The same row in bob's own account is fine (the fields are complete).
    result = bob.push(entity, new_id(), "insert", account_id=rows["B"], **fields)
    assert result.status == "applied", result.reason


@pytest.mark.parametrize("who", ["bob", "wendy"])
def test_a_rep_cannot_take_an_owned_account(devices, world, who):
    attacker = Attacker(devices[who])
    rows, users = world["rows"], world["users"]
    for account in ("A", "C"):  # bob sits on C's team
        result = attacker.push("account", rows[account], "update", owner_id=users[who])
        assert result.status == "rejected"
        assert server_row(world, m.Account, account)["owner_id"] == users["alice"]
    # The pool is there to be claimed.
    result = attacker.push("account", rows["pool"], "update", owner_id=users[who])
    assert result.status == "applied", result.reason


def test_a_manager_cannot_take_another_teams_account(devices, world):
    boss = Attacker(devices["boss"])
    rows, users = world["rows"], world["users"]
    result = boss.push("account", rows["W"], "update", owner_id=users["boss"])
    assert result.status == "rejected"
    result = boss.push("account", rows["W"], "update", owner_id=users["alice"])
    assert result.status == "rejected"
    assert server_row(world, m.Account, "W")["owner_id"] == users["wendy"]
