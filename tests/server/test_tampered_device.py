"""A tampered device (hypothesis): random pushes of what the protocol allows but the
rules forbid — every entity, NUL and control characters, huge numbers, oversized
ids, values of the wrong kind, unknown choices — against SQLite and PostgreSQL. None
is a 5xx, nothing that breaks a field rule is stored, and honest devices sync
normally afterwards."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.rules import RuleViolation, check_values
from desktop.domain.services import quotes, records
from desktop.domain.uow import unit_of_work
from tests.server.test_rule_book import team  # noqa: F401  (the fixture)
from tests.sync.harness import Device

# Entities a device may write (users and teams are the administrator's).
ENTITIES = sorted(set(m.SYNCED) - {"user", "team"})
NASTY_TEXT = st.sampled_from(
    ["", " ", "a\x00b", "\x07bell", "x" * 25_000, "名" * 300, "../../../../etc/passwd", "Z"]
)
NASTY_NUMBER = st.sampled_from(
    [-1, 0, 1, 2**31, 2**63, -(2**63), "1e400", "-0.01", "1000000000000000000", "NaN", "abc"]
)
NASTY_TIME = st.sampled_from(
    ["2026-05-01T09:00:00+00:00", "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00", "x"]
)


NASTY = st.one_of(
    NASTY_TEXT,
    NASTY_NUMBER,
    NASTY_TIME,
    st.sampled_from([None, True, [], {"a": 1}, "0" * 64, "not-an-id"]),
)


def valid_new(entity: str, world: dict[str, str]) -> dict[str, Any]:
    """Fields an honest device would send to create one row of ``entity``."""
    at = "2026-05-01T09:00:00+00:00"
    return {
        "account": {"name": "新客户", "owner_id": world["me"]},
        "contact": {"account_id": world["account"], "name": "李雷"},
        "visit": {"account_id": world["account"], "owner_id": world["me"], "planned_start": at},
        "task": {"title": "回访", "owner_id": world["me"], "account_id": world["account"]},
        "opportunity": {"account_id": world["account"], "name": "扩容", "owner_id": world["me"]},
        "quote": {"account_id": world["account"], "number": "Q-9", "owner_id": world["me"]},
        "quote_line": {"quote_id": world["quote"], "description": "服务", "unit_price": "10"},
        "complaint": {"account_id": world["account"], "title": "延迟", "opened_at": at},
        "attachment": {
            "parent_entity": "account",
            "parent_id": world["account"],
            "account_id": world["account"],
            "filename": "a.pdf",
            "content_hash": "a" * 64,
            "size": 10,
        },
    }.get(entity, {})


@st.composite
def mutations(draw: Any, world: dict[str, str]) -> tuple[str, str, str, dict[str, Any]]:
    """One mutation, honest but for one to three values the rules forbid."""
    existing = [(e, world[e]) for e in ("account", "contact", "visit", "quote")]
    if draw(st.booleans()):
        entity, row_id = draw(st.sampled_from(existing))
        op, fields = draw(st.sampled_from(["update", "restore"])), {}
    else:
        entity = draw(st.sampled_from(ENTITIES))
        row_id = draw(st.sampled_from([new_id(), new_id(), "x" * 64]))
        op, fields = "insert", valid_new(entity, world)
    names = m.SYNCED[entity].data_columns()
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)):
        fields[name] = draw(NASTY)
    return entity, row_id, op, fields


def _stored_rows_keep_the_rules(device: Device, keys: set[tuple[str, str]]) -> None:
    with device.server.db.sessions() as s:
        for entity, row_id in keys:
            model = m.SYNCED[entity]
            row = s.get(model, row_id)
            if row is None:
                continue
            values = {name: getattr(row, name) for name in model.data_columns()}
            try:
                check_values(model, values)
            except RuleViolation as exc:
                raise AssertionError(f"stored {entity} {row_id} breaks {exc.code}: {exc}") from exc


@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_push_of_a_tampered_device_is_stored_against_the_rules_or_breaks_sync(
    team: Any,  # noqa: F811
    data: st.DataObject,
) -> None:
    alice, bob = team["alice"], team["bob"]
    if not hasattr(team, "attacker"):
        with unit_of_work(alice.db.sessions, alice.user_id) as uow:
            account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
            uow.session.flush()
            world = {
                "me": alice.user_id,
                "account": account,
                "contact": records.create(uow, m.Contact, {"account_id": account, "name": "王芳"}),
                "visit": records.create(
                    uow,
                    m.Visit,
                    {
                        "account_id": account,
                        "owner_id": alice.user_id,
                        "planned_start": dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC),
                    },
                ),
                "quote": quotes.create_quote(uow, account),
            }
        assert alice.sync().rejected == 0
        team.attacker = team.tampered("alice")
        team.world = world
    batch = data.draw(st.lists(mutations(team.world), min_size=1, max_size=8))
    results = team.attacker.push_batch(*batch)  # a 5xx would raise SyncError here
    assert {r.status for r in results} <= {"applied", "rejected", "conflict"}
    assert all(r.code for r in results if r.status == "rejected"), results
    _stored_rows_keep_the_rules(alice, {(e, i) for e, i, _, _ in batch})
    team.applied = getattr(team, "applied", 0) + sum(r.status == "applied" for r in results)
    # Everyone else goes on syncing whatever was pushed.
    for device in (alice, bob, team["boss"]):
        assert device.sync().rejected == 0
