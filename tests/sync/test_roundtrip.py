"""Edits made on one device reach the others through the server, merged per field."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from desktop.domain.models import Account, Contact, OutboxEntry, SyncIssue
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Device


def create(device: Device, model: Any, **values: Any) -> str:
    with unit_of_work(device.db.sessions, device.user_id) as uow:
        return records.create(uow, model, values)


def edit(device: Device, model: Any, row_id: str, **changes: Any) -> None:
    with unit_of_work(device.db.sessions, device.user_id) as uow:
        records.update(uow, model, row_id, changes)


def remove(device: Device, model: Any, row_id: str) -> None:
    with unit_of_work(device.db.sessions, device.user_id) as uow:
        records.delete(uow, model, row_id)


def row(device: Device, model: Any, row_id: str) -> Any:
    with device.db.sessions() as s:
        found = s.get(model, row_id)
        return None if found is None else found.values()


def test_account_created_offline_reaches_the_manager_but_not_other_reps(devices):
    alice, boss, wendy = devices["alice"], devices["boss"], devices["wendy"]
    account = create(alice, Account, name="华信精密制造有限公司", owner_id=alice.user_id, tier="A")
    create(alice, Contact, account_id=account, name="王伟", title="采购总监")
    report = alice.sync()
    assert report.pushed >= 2
    assert report.rejected == 0
    assert report.conflicts == 0
    boss.sync()
    wendy.sync()
    assert row(boss, Account, account)["name"] == "华信精密制造有限公司"
    assert row(wendy, Account, account) is None
    with alice.db.sessions() as s:
        states = set(s.scalars(select(OutboxEntry.state)))
    assert states == {"applied"}


def test_disjoint_fields_merge_and_same_field_conflicts(devices):
    alice, boss = devices["alice"], devices["boss"]
    account = create(alice, Account, name="Summit Logistics", owner_id=alice.user_id)
    alice.sync()
    boss.sync()
    edit(alice, Account, account, phone="010-1234", notes="alice notes")
    edit(boss, Account, account, city="上海", notes="boss notes")
    boss.sync()
    report = alice.sync()
    assert report.conflicts == 1
    boss.sync()
    for device in (alice, boss):
        values = row(device, Account, account)
        assert values["phone"] == "010-1234"
        assert values["city"] == "上海"
        assert values["notes"] == "boss notes"  # the server's value stays
    with alice.db.sessions() as s:
        issue = s.scalars(select(SyncIssue)).one()
    assert (issue.kind, issue.field, issue.mine, issue.theirs) == (
        "conflict",
        "notes",
        "alice notes",
        "boss notes",
    )


def test_delete_beats_edit_and_keeps_the_edit(devices):
    alice, boss = devices["alice"], devices["boss"]
    account = create(alice, Account, name="Keystone", owner_id=alice.user_id)
    alice.sync()
    boss.sync()
    remove(boss, Account, account)
    edit(alice, Account, account, notes="important")
    boss.sync()
    report = alice.sync()
    assert report.conflicts == 1
    assert row(alice, Account, account)["deleted_at"] is not None
    with alice.db.sessions() as s:
        issue = s.scalars(select(SyncIssue)).one()
    assert issue.mine == "important"
    assert "deleted" in issue.reason


def test_pending_edits_stay_visible_after_a_pull(devices):
    alice, boss = devices["alice"], devices["boss"]
    account = create(alice, Account, name="Orient", owner_id=alice.user_id)
    alice.sync()
    boss.sync()
    edit(boss, Account, account, city="杭州")
    boss.sync()
    edit(alice, Account, account, notes="draft")
    from desktop.sync.engine import SyncReport, pull_changes

    pull_changes(alice.db.engine, alice.client, SyncReport(), lambda *a: None, lambda: False, 100)
    values = row(alice, Account, account)
    assert values["city"] == "杭州"
    assert values["notes"] == "draft"


def test_retry_after_a_lost_response_never_duplicates(devices, server):
    alice = devices["alice"]
    account = create(alice, Account, name="Lotus", owner_id=alice.user_id)
    edit(alice, Account, account, notes="one")
    with alice.db.sessions() as s:
        entries = list(s.scalars(select(OutboxEntry)))
    from desktop.sync.engine import _mutation
    from desktop.sync.protocol import PushRequest

    request = PushRequest(mutations=[_mutation(e) for e in entries])
    first = alice.client.push(request)
    second = alice.client.push(request)
    assert [r.status for r in first.results] == [r.status for r in second.results]
    assert first.results[-1].version == second.results[-1].version
    from server.models import ChangeLog

    with server.db.sessions() as s:
        assert len(list(s.scalars(select(ChangeLog).where(ChangeLog.row_id == account)))) == 2


def test_own_edits_are_not_sent_back_yet_the_device_holds_the_server_versions(devices, server):
    alice, boss = devices["alice"], devices["boss"]
    account = create(alice, Account, name="回声测试", owner_id=alice.user_id)
    alice.sync()
    edit(alice, Account, account, notes="first")
    edit(alice, Account, account, phone="021-5555")
    report = alice.sync()
    assert report.applied == report.pushed > 0
    assert report.pulled == 0  # nothing anyone else changed
    with server.db.sessions() as s:
        on_server = s.get(Account, account).values()
    assert row(alice, Account, account) == on_server
    # Someone else's change to the same row still comes down, merged with alice's.
    boss.sync()
    edit(boss, Account, account, city="上海")
    boss.sync()
    edit(alice, Account, account, notes="second")
    report = alice.sync()
    assert report.pulled >= 1
    with server.db.sessions() as s:
        on_server = s.get(Account, account).values()
    mine = row(alice, Account, account)
    assert mine == on_server
    assert (mine["city"], mine["notes"], mine["phone"]) == ("上海", "second", "021-5555")


def test_two_offline_edits_of_one_field_on_one_device_are_no_conflict(devices):
    """The second edit was made on top of the first: the device saw its own value. (Until
    now the server answered it as a conflict of the device with itself.) An edit made
    elsewhere in between still is one."""
    from desktop.domain import models as m
    from desktop.domain.services import records
    from desktop.domain.uow import unit_of_work

    alice, bob = devices["alice"], devices["boss"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
    alice.sync()
    for notes in ("第一次", "第二次"):
        with unit_of_work(alice.db.sessions, alice.user_id) as uow:
            records.update(uow, m.Account, account, {"notes": notes})
    report = alice.sync()
    assert report.conflicts == 0, report.issues
    with bob.server.db.sessions() as s:
        assert s.get(m.Account, account).notes == "第二次"
    bob.sync()
    with unit_of_work(bob.db.sessions, bob.user_id) as uow:
        records.update(uow, m.Account, account, {"notes": "经理改的"})
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        records.update(uow, m.Account, account, {"notes": "第三次"})
    bob.sync()
    assert alice.sync().conflicts == 1
