"""Two managers create the same rule set (policy key) offline: one row, nothing refused."""

from __future__ import annotations

from sqlalchemy import select

from desktop.domain.models import Policy, SyncIssue
from desktop.domain.services import coverage
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Device


def _policies(device: Device) -> list[tuple[str, str, object]]:
    with device.db.sessions() as s:
        return [(p.id, p.key, p.value) for p in s.scalars(select(Policy))]


def test_the_same_policy_created_offline_on_two_devices_meets_as_one_row(devices, server):
    server.user("carol", "manager", team="East")
    boss, carol = devices["boss"], devices["carol"]
    first = {"A": 14, "B": 60, "C": 120}
    second = {"A": 21, "B": 60, "C": 90}
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        coverage.set_cadence(uow, first)
    with unit_of_work(carol.db.sessions, carol.user_id) as uow:
        coverage.set_cadence(uow, second)
    assert boss.sync().rejected == 0
    report = carol.sync()
    assert report.rejected == 0
    # Carol's different value is kept as a conflict she sees, not refused or lost.
    assert report.conflicts == 1
    with carol.db.sessions() as s:
        issue = s.scalars(select(SyncIssue)).one()
    assert (issue.kind, issue.field, issue.mine, issue.theirs) == (
        "conflict",
        "value",
        second,
        first,
    )
    boss.sync()
    with server.db.sessions() as s:
        on_server = [(p.id, p.key, p.value) for p in s.scalars(select(Policy))]
    assert [key for _, key, _ in on_server] == ["coverage"]
    assert _policies(boss) == _policies(carol) == on_server
    with carol.db.sessions() as s:
        assert coverage.cadence(s) == first


def test_the_same_policy_value_created_twice_is_simply_applied(devices, server):
    server.user("carol", "manager", team="East")
    boss, carol = devices["boss"], devices["carol"]
    same = {"A": 30, "B": 90, "C": 180}
    for device in (boss, carol):
        with unit_of_work(device.db.sessions, device.user_id) as uow:
            coverage.set_cadence(uow, same)
    assert boss.sync().rejected == 0
    report = carol.sync()
    assert (report.rejected, report.conflicts) == (0, 0)
    boss.sync()
    assert _policies(boss) == _policies(carol)
    assert len(_policies(carol)) == 1
