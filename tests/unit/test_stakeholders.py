"""The stakeholder map: reporting lines (same account, no loops), buying roles,
attitude and strength as the rule book allows them, attendees of visits and the
"last met" they give, and the coverage gaps of a tier's rule."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.models import Account, Contact, Visit
from desktop.domain.rules import RuleViolation
from desktop.domain.services import contacts, stakeholders
from desktop.domain.services.stakeholders import Gap, Stakeholder
from desktop.store.migrate import Database
from tests.seed import seeded
from tests.unit.test_quotes import NOW, World


class People:
    """World's tier-B account with a general manager, a CFO under him and a buyer."""

    def __init__(self, db: Database) -> None:
        self.world = World(db)
        w = self.world
        with seeded(db.sessions, w.rep) as uow:
            self.boss = uow.add(
                Contact(account_id=w.account, name="王总", role="decision_maker")
            ).id
            self.cfo = uow.add(
                Contact(
                    account_id=w.account, name="李财务", role="influencer", reports_to_id=self.boss
                )
            ).id
            self.buyer = uow.add(Contact(account_id=w.account, name="赵采购", role="user")).id
            self.other_account = uow.add(Account(name="别家公司", tier="C")).id
            self.stranger = uow.add(Contact(account_id=self.other_account, name="外人")).id

    def update(self, contact_id: str, **changes: object) -> None:
        self.world.write(self.world.rep, contacts.update_contact, contact_id, changes)

    def visit(self, days_ago: int, status: str = "done") -> str:
        start = NOW - dt.timedelta(days=days_ago)
        with seeded(self.world.db.sessions, self.world.rep) as uow:
            return uow.add(
                Visit(
                    account_id=self.world.account,
                    owner_id=self.world.rep,
                    status=status,
                    planned_start=start,
                    checked_in_at=start if status == "done" else None,
                    report="谈了预算" if status == "done" else "",
                )
            ).id

    def map(self) -> stakeholders.StakeholderMap:
        return self.world.read(stakeholders.stakeholder_map, self.world.account, NOW)


@pytest.fixture
def people(db: Database) -> People:
    return People(db)


def test_reports_to_stays_in_the_account_and_never_loops(people: People) -> None:
    people.update(people.buyer, reports_to_id=people.cfo)  # buyer -> cfo -> boss
    with pytest.raises(RuleViolation) as loop:
        people.update(people.boss, reports_to_id=people.buyer)
    assert (loop.value.code, loop.value.field) == ("reports_to_cycle", "reports_to_id")
    with pytest.raises(RuleViolation) as itself:
        people.update(people.boss, reports_to_id=people.boss)
    assert itself.value.code == "reports_to_cycle"
    with pytest.raises(RuleViolation) as elsewhere:
        people.update(people.buyer, reports_to_id=people.stranger)
    assert elsewhere.value.code == "reports_to_other_account"
    bosses = {p.name: p.reports_to_id for p in people.map().people}
    assert bosses == {"王总": None, "李财务": people.boss, "赵采购": people.cfo}


def test_buying_roles_attitude_and_strength_follow_the_rule_book(people: People) -> None:
    people.update(people.cfo, buying_roles="finance,technical", attitude="supportive", strength=4)
    [cfo] = [p for p in people.map().people if p.id == people.cfo]
    assert (cfo.roles, cfo.attitude, cfo.strength) == (
        ("influencer", "finance", "technical"),
        "supportive",
        4,
    )
    for changes, code in (
        ({"attitude": "angry"}, "not_a_choice"),
        ({"strength": 6}, "out_of_range"),
        ({"strength": 0}, "out_of_range"),
        ({"buying_roles": "finance,boss"}, "bad_format"),
        ({"buying_roles": "finance,finance"}, "bad_format"),
    ):
        with pytest.raises(RuleViolation) as broken:
            people.update(people.cfo, **changes)
        assert broken.value.code == code, changes


def test_attendees_give_last_met_and_can_be_changed(people: People) -> None:
    world = people.world
    old, recent, planned = people.visit(200), people.visit(20), people.visit(-5, "planned")
    world.write(world.rep, stakeholders.set_attendees, old, [people.boss, people.cfo], [world.rep])
    world.write(world.rep, stakeholders.set_attendees, recent, [people.cfo])
    world.write(world.rep, stakeholders.set_attendees, planned, [people.boss])  # not met yet
    met = {p.name: p.last_met for p in people.map().people}
    assert met == {
        "王总": NOW - dt.timedelta(days=200),
        "李财务": NOW - dt.timedelta(days=20),
        "赵采购": None,
    }
    were_there = world.read(stakeholders.attendees, old)
    assert (sorted(were_there.contact_ids), were_there.user_ids) == (
        sorted([people.boss, people.cfo]),
        [world.rep],
    )
    # The boss was not at the old visit after all; the buyer was.
    world.write(world.rep, stakeholders.set_attendees, old, [people.cfo, people.buyer], [])
    now_there = world.read(stakeholders.attendees, old)
    assert sorted(now_there.contact_ids) == sorted([people.cfo, people.buyer])
    assert now_there.user_ids == []
    met = {p.name: p.last_met for p in people.map().people}
    assert met["王总"] is None
    assert met["赵采购"] == NOW - dt.timedelta(days=200)
    # And back again: the removed row comes back rather than a second one.
    world.write(world.rep, stakeholders.set_attendees, old, [people.boss], [])
    assert world.read(stakeholders.attendees, old).contact_ids == [people.boss]


def test_an_attendee_is_a_contact_of_the_visited_account(people: People) -> None:
    world = people.world
    visit = people.visit(3)
    with pytest.raises(RuleViolation) as broken:
        world.write(world.rep, stakeholders.set_attendees, visit, [people.stranger])
    assert (broken.value.code, broken.value.field) == ("attendee_other_account", "contact_id")


def node(name: str, roles: tuple[str, ...], days_ago: int | None) -> Stakeholder:
    met = None if days_ago is None else NOW - dt.timedelta(days=days_ago)
    return Stakeholder(name, name, "", None, roles, None, None, met)


def test_gaps_name_roles_nobody_plays_or_nobody_met_in_time() -> None:
    rule = {"roles": ["decision_maker", "finance", "technical"], "days": 90}
    team = [
        node("gm", ("decision_maker",), 30),
        node("cfo", ("influencer", "finance"), 120),
        node("cfo2", ("finance",), None),
    ]
    assert stakeholders.gaps(team, rule, NOW) == [
        Gap("finance", 90, "not_met"),
        Gap("technical", 90, "missing"),
    ]
    # Met on the 90th day still counts.
    assert (
        stakeholders.gaps([node("cfo", ("finance",), 90)], rule | {"roles": ["finance"]}, NOW) == []
    )
    assert stakeholders.gaps([], {"roles": [], "days": 365}, NOW) == []


def test_the_tiers_rule_comes_from_the_policy_with_defaults(people: People) -> None:
    world = people.world
    # Tier B by default: a decision maker met within 180 days.
    assert people.map().gaps == [Gap("decision_maker", 180, "not_met")]
    rules = stakeholders.DEFAULT_COVERAGE | {"B": {"roles": ["finance"], "days": 30}}
    world.write(world.manager, stakeholders.set_coverage_rules, rules)
    assert people.map().gaps == [Gap("finance", 30, "missing")]
    with pytest.raises(RuleViolation):
        world.write(world.rep, stakeholders.set_coverage_rules, stakeholders.DEFAULT_COVERAGE)
    bad = stakeholders.DEFAULT_COVERAGE | {"A": {"roles": ["boss"], "days": 0}}
    with pytest.raises(Exception, match="buying roles only"):
        world.write(world.manager, stakeholders.set_coverage_rules, bad)


def test_demo_key_accounts_have_stakeholder_maps_some_with_gaps(db: Database) -> None:
    from sqlalchemy import select

    from desktop.domain.models import VisitAttendee
    from desktop.store.demo import generate

    with db.sessions() as session, session.begin():
        generate(session, 40, seed=7)
    with db.sessions() as session:
        mapped = session.scalars(
            select(Contact.account_id).where(Contact.reports_to_id.is_not(None)).distinct()
        ).all()
        maps = [stakeholders.stakeholder_map(session, a, dt.datetime.now(dt.UTC)) for a in mapped]
        assert session.scalars(select(VisitAttendee.id)).first() is not None
    assert len(maps) == 6
    for chart in maps:
        assert chart.tier == "A"
        assert {p.attitude for p in chart.people} <= {"supportive", "neutral", "opposed"}
        assert all(p.strength is not None for p in chart.people)
        assert sum(p.reports_to_id is None for p in chart.people) == 1  # one at the top
        assert any(p.last_met is not None for p in chart.people)
    assert any(not any(g.state == "missing" for g in c.gaps) for c in maps)
    assert any(g.role == "finance" and g.state == "missing" for c in maps for g in c.gaps)
