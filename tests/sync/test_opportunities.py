"""Opportunities across devices: created on a rep's laptop, moved on her manager's,
conflicting moves shown to the one who synced last; the server holds the pipeline
rules against a modified device (a lost deal says why; a stage's probability limits);
another team never sees them."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.services import opportunities, records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device


def alice_opportunity(alice: Device) -> str:
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信精密", "owner_id": alice.user_id})
        opportunity = opportunities.create_opportunity(
            uow, account, {"name": "二期扩容", "amount": Decimal("480000")}
        )
    report = alice.sync()
    assert report.rejected == 0, report.issues
    return opportunity


def stage_of(device: Device, opportunity: str) -> tuple[str, int]:
    with device.db.sessions() as s:
        row = s.get(m.Opportunity, opportunity)
        assert row is not None
        return row.stage, row.probability


def test_created_on_one_device_moved_on_another_and_a_conflicting_move_is_shown(devices):
    alice, boss = devices["alice"], devices["boss"]
    opportunity = alice_opportunity(alice)
    boss.sync()
    assert stage_of(boss, opportunity) == ("lead", 10)

    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        opportunities.move(uow, opportunity, "proposal")
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:  # offline meanwhile
        opportunities.move(uow, opportunity, "negotiation")
    assert boss.sync().rejected == 0
    report = alice.sync()
    assert report.conflicts == 1  # one edit of alice's conflicts...
    assert stage_of(alice, opportunity) == ("proposal", 50)  # the server's move stays
    with alice.db.sessions() as s:
        issues = {i.field: (i.mine, i.theirs) for i in s.scalars(select(m.SyncIssue))}
    # ...in both fields it changed, each shown with her value and the server's.
    assert issues == {"stage": ("negotiation", "proposal"), "probability": (75, 50)}

    # The history of stages reached both devices (cycle time reads it).
    with boss.db.sessions() as s:
        assert [stage for stage, _ in opportunities.stage_history(s, opportunity)] == [
            "lead",
            "proposal",
        ]


def test_another_team_never_sees_the_opportunity(devices):
    opportunity = alice_opportunity(devices["alice"])
    wendy = devices["wendy"]
    wendy.sync()
    with wendy.db.sessions() as s:
        assert s.get(m.Opportunity, opportunity) is None


def test_the_server_refuses_a_lost_deal_without_a_reason(devices, server, tmp_path):
    alice = devices["alice"]
    opportunity = alice_opportunity(alice)
    tampered = Attacker(Device(server, tmp_path / "tampered", "alice", initial_sync=False))
    try:
        (silent,) = tampered.push_batch(
            ("opportunity", opportunity, "update", {"stage": "lost", "probability": 0})
        )
        (sure_lead,) = tampered.push_batch(
            ("opportunity", opportunity, "update", {"probability": 95})
        )
        (honest,) = tampered.push_batch(
            (
                "opportunity",
                opportunity,
                "update",
                {"stage": "lost", "probability": 0, "lost_reason": "价格", "lost_to": "西门子"},
            )
        )
    finally:
        tampered.device.close()
    assert (silent.status, silent.code) == ("rejected", "lost_without_reason")
    assert (sure_lead.status, sure_lead.code) == ("rejected", "probability_for_stage")
    assert honest.status == "applied"
    with server.db.sessions() as s:
        row = s.get(m.Opportunity, opportunity)
        assert row is not None
        assert (row.stage, row.lost_reason, row.lost_to) == ("lost", "价格", "西门子")


def test_the_competitor_list_is_shared_and_incumbents_stay_with_their_account(devices):
    from desktop.domain.services import competitors

    alice = devices["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信精密", "owner_id": alice.user_id})
        siemens = competitors.create_competitor(
            uow, {"name": "西门子", "strengths": "品牌、服务网点"}
        )
        competitors.add_incumbent(uow, account, siemens, "变频器")
    assert alice.sync().rejected == 0  # a rep adds to the shared list
    boss, wendy = devices["boss"], devices["wendy"]
    for device in (boss, wendy):
        device.sync()
    with wendy.db.sessions() as s:
        assert competitors.names(s) == ["西门子"]  # the list is everyone's
        assert s.scalars(select(m.Incumbent)).all() == []  # not her account's incumbents
    with boss.db.sessions() as s:
        [row] = competitors.incumbents(s, account)
        assert (row.name, row.supplies) == ("西门子", "变频器")
    with unit_of_work(wendy.db.sessions, wendy.user_id) as uow:
        competitors.update_competitor(uow, siemens, {"notes": "华南渠道强"})
    assert wendy.sync().rejected == 0
    alice.sync()
    with alice.db.sessions() as s:
        assert s.get(m.Competitor, siemens).notes == "华南渠道强"  # type: ignore[union-attr]


def test_the_server_refuses_a_nameless_competitor(devices, server, tmp_path):
    from desktop.domain.ids import new_id

    devices["alice"]
    tampered = Attacker(Device(server, tmp_path / "tampered", "alice", initial_sync=False))
    try:
        (result,) = tampered.push_batch(("competitor", new_id(), "insert", {"name": "  "}))
    finally:
        tampered.device.close()
    assert (result.status, result.code) == ("rejected", "required")
