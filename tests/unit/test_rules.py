"""The manager's rules: saved as policies every area obeys, validated, managers only."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from desktop.domain.errors import PermissionDeniedError, ValidationError
from desktop.domain.models import Policy
from desktop.domain.services import complaints, coverage, pool, quotes, rules
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.visits_data import add_account, add_user


def test_a_manager_saves_rules_that_each_area_then_follows(db: Database) -> None:
    manager = add_user(db, "wangfang", "王芳", "manager")
    account = add_account(db, tier="A", owner_id=manager)
    with unit_of_work(db.sessions, None) as uow:
        uow.add(Policy(key="sla", value={"high": 24, "around_the_clock": ["critical", "high"]}))
    with db.sessions() as session:
        before = rules.load(session)
    assert before.cadence == {"A": 30, "B": 90, "C": 182}
    assert before.discounts == {"A": None, "B": None, "C": None}
    changed = dataclasses.replace(
        before,
        cadence={**before.cadence, "A": 14},
        discounts={"A": Decimal("15.5"), "B": Decimal("10"), "C": None},
        claim_limit=30,
        return_days={"A": 45, "B": 90, "C": 120},
        sla_hours={**before.sla_hours, "high": 12},
        completeness={**before.completeness, "C": {**before.completeness["C"], "min_contacts": 2}},
    )
    with unit_of_work(db.sessions, manager) as uow:
        rules.save(uow, changed)
    with db.sessions() as session:
        assert rules.load(session) == changed
        assert coverage.cadence(session)["A"] == 14
        assert quotes.guardrails(session, account).tier_limit_pct == Decimal("15.5")
        assert pool.policy(session).claim_limit == 30
        sla = complaints.sla_policy(session)
        assert sla.hours_for("high") == 12
        assert sla.around_the_clock == {"critical", "high"}  # a key this screen does not edit


def test_saving_unchanged_rules_writes_nothing_new(db: Database) -> None:
    manager = add_user(db, "wangfang", "王芳", "manager")
    with db.sessions() as session:
        current = rules.load(session)
    with unit_of_work(db.sessions, manager) as uow:
        rules.save(uow, current)
    with unit_of_work(db.sessions, manager) as uow:
        rules.save(uow, current)
        assert not uow.touched


def test_rules_are_validated_and_only_managers_save(db: Database) -> None:
    rep = add_user(db)
    manager = add_user(db, "wangfang", "王芳", "manager")
    with db.sessions() as session:
        current = rules.load(session)
    with pytest.raises(PermissionDeniedError), unit_of_work(db.sessions, rep) as uow:
        rules.save(uow, current)
    bad = dataclasses.replace(
        current,
        cadence={**current.cadence, "A": 0},
        discounts={**current.discounts, "B": Decimal("100.5")},
        claim_limit=-1,
        sla_hours={**current.sla_hours, "low": 0},
    )
    with pytest.raises(ValidationError) as caught, unit_of_work(db.sessions, manager) as uow:
        rules.save(uow, bad)
    assert set(caught.value.errors) == {"cadence.A", "discount.B", "claim_limit", "sla.low"}
