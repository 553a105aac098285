"""The stakeholder map on the server: contacts' reporting lines, attitude, strength and
buying roles sync and are judged again by the rule book; visit attendees sync to who
sees their visit's account and to nobody else; a modified device's loop, stranger or
out-of-range value is rejected with its code and nothing of it is stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.services import contacts, records, stakeholders
from desktop.domain.uow import unit_of_work
from tests.server.test_rule_book import stored, team  # noqa: F401  (the fixture)
from tests.sync.harness import Device

NOW = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)


def alice_people(team: dict[str, Device]) -> dict[str, str]:  # noqa: F811
    """alice's account with a general manager and a CFO under him, and a done visit."""
    alice = team["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
        boss = contacts.create_contact(uow, account, {"name": "王总", "role": "decision_maker"})
        cfo = contacts.create_contact(uow, account, {"name": "李财务"})
        contacts.update_contact(
            uow,
            cfo,
            {
                "reports_to_id": boss,
                "buying_roles": "finance",
                "attitude": "supportive",
                "strength": 4,
            },
        )
        visit = records.create(
            uow,
            m.Visit,
            {
                "account_id": account,
                "owner_id": alice.user_id,
                "status": "done",
                "planned_start": NOW,
                "checked_in_at": NOW,
                "report": "谈了预算",
            },
        )
        stakeholders.set_attendees(uow, visit, [boss, cfo], [alice.user_id])
    report = alice.sync()
    assert report.rejected == 0, report.issues
    return {"account": account, "boss": boss, "cfo": cfo, "visit": visit}


def test_the_map_and_attendees_reach_the_manager_and_not_another_rep(team: Any) -> None:  # noqa: F811
    world = alice_people(team)
    boss_device, bob = team["boss"], team["bob"]
    boss_device.sync()
    bob.sync()
    with boss_device.db.sessions() as s:
        cfo = s.get(m.Contact, world["cfo"])
        assert cfo is not None
        assert (cfo.reports_to_id, cfo.buying_roles, cfo.attitude, cfo.strength) == (
            world["boss"],
            "finance",
            "supportive",
            4,
        )
    seen = boss_device.db.sessions
    with seen() as s:
        assert stakeholders.last_met(s, world["account"]) == {world["boss"]: NOW, world["cfo"]: NOW}
        were_there = stakeholders.attendees(s, world["visit"])
    assert sorted(were_there.contact_ids) == sorted([world["boss"], world["cfo"]])
    with bob.db.sessions() as s:
        assert s.scalars(select(m.VisitAttendee.id)).all() == []
        assert s.get(m.Contact, world["cfo"]) is None


def test_a_tampered_reporting_loop_or_stranger_is_rejected(team: Any) -> None:  # noqa: F811
    world = alice_people(team)
    attacker = team.tampered("alice")
    (loop,) = attacker.push_batch(
        ("contact", world["boss"], "update", {"reports_to_id": world["cfo"]})
    )
    assert (loop.status, loop.code) == ("rejected", "reports_to_cycle")
    row = stored(team["alice"], m.Contact, world["boss"])
    assert row is not None
    assert row.reports_to_id is None
    for fields, code in (
        ({"attitude": "hostile"}, "not_a_choice"),
        ({"strength": 9}, "out_of_range"),
        ({"buying_roles": "finance,owner"}, "bad_format"),
    ):
        (result,) = attacker.push_batch(("contact", world["cfo"], "update", fields))
        assert (result.status, result.code) == ("rejected", code), fields


def test_an_attendee_from_another_account_is_rejected(team: Any) -> None:  # noqa: F811
    world = alice_people(team)
    alice = team["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        other = records.create(uow, m.Account, {"name": "别家", "owner_id": alice.user_id})
        stranger = contacts.create_contact(uow, other, {"name": "外人"})
    alice.sync()
    attendee = new_id()
    (result,) = team.tampered("alice").push_batch(
        (
            "visit_attendee",
            attendee,
            "insert",
            {"visit_id": world["visit"], "account_id": world["account"], "contact_id": stranger},
        )
    )
    assert (result.status, result.code) == ("rejected", "attendee_other_account")
    assert stored(alice, m.VisitAttendee, attendee) is None
    (neither,) = team.tampered("alice").push_batch(
        (
            "visit_attendee",
            new_id(),
            "insert",
            {"visit_id": world["visit"], "account_id": world["account"]},
        )
    )
    assert (neither.status, neither.code) == ("rejected", "attendee_one_of")
