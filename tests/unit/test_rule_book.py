"""The rule book on its own: values, state changes and who may make them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.rules import Actor, RuleViolation, check_change, check_values, message
from desktop.domain.rules.workflow import may_decide
from desktop.domain.services.attachments import content_path


def code_of(call: Any, *args: Any) -> str | None:
    try:
        call(*args)
    except RuleViolation as exc:
        return exc.code
    return None


@pytest.mark.parametrize(
    ("model", "values", "code"),
    [
        (m.Account, {"name": "华信"}, None),
        (m.Account, {"name": "  "}, "required"),
        (m.Account, {"name": None}, "required"),
        (m.Account, {"notes": "a\x00b"}, "control_character"),
        (m.Account, {"notes": "第一行\n第二行\t完"}, None),
        (m.Account, {"notes": "x" * 20_001}, "too_long"),
        (m.Account, {"tier": "Z"}, "not_a_choice"),
        (m.Account, {"potential": Decimal("1000000000000.01")}, "out_of_range"),
        (m.Account, {"potential": Decimal("-1")}, "out_of_range"),
        (m.Account, {"parent_id": "0" * 64}, "too_long"),
        (m.Account, {"parent_id": "not-an-id"}, "bad_id"),
        (m.Account, {"credit_code": "914403001922038216"}, None),
        (m.Account, {"credit_code": "914403001922038217"}, "bad_format"),
        (m.Contact, {"email": "wang@example"}, "bad_format"),
        (m.QuoteLine, {"quantity": Decimal(0)}, "out_of_range"),
        (m.QuoteLine, {"quantity": Decimal("0.5")}, None),
        (m.QuoteLine, {"discount_pct": Decimal("100.01")}, "out_of_range"),
        (m.QuoteLine, {"tax_rate": Decimal(1)}, "out_of_range"),
        (m.Opportunity, {"probability": 101}, "out_of_range"),
        (m.Attachment, {"size": 2**31}, "out_of_range"),
        (m.Attachment, {"content_hash": "../../../../etc/passwd"}, "bad_format"),
        (m.Visit, {"planned_start": dt.datetime(1899, 12, 31, tzinfo=dt.UTC)}, "date_out_of_range"),
    ],
)
def test_field_rules(model: type[m.Synced], values: dict[str, Any], code: str | None) -> None:
    assert code_of(check_values, model, values) == code


class Facts:
    def __init__(self, rows: dict[tuple[str, str], dict[str, Any]]) -> None:
        self.rows = rows

    def value(self, entity: str, row_id: str, field: str) -> Any:
        return self.rows.get((entity, row_id), {}).get(field)

    def exists(self, entity: str, row_id: str) -> bool:
        return (entity, row_id) in self.rows


REP, BOSS, OTHER_BOSS, DEPUTY, DIRECTOR, ADMIN = (new_id() for _ in range(6))
EAST, WEST, LONER = "east", "west", new_id()
# East: BOSS is the team's named manager, DEPUTY another manager in it, REP a rep.
# West is OTHER_BOSS's. DIRECTOR is a manager with no team (named East's manager in one
# case, above BOSS). LONER is a rep with no team.
USERS = {
    ("user", REP): {"role": "rep", "team_id": EAST},
    ("user", BOSS): {"role": "manager", "team_id": EAST},
    ("user", DEPUTY): {"role": "manager", "team_id": EAST},
    ("user", OTHER_BOSS): {"role": "manager", "team_id": WEST},
    ("user", DIRECTOR): {"role": "manager", "team_id": None},
    ("user", ADMIN): {"role": "admin", "team_id": None},
    ("user", LONER): {"role": "rep", "team_id": None},
    ("team", EAST): {"manager_id": BOSS},
    ("team", WEST): {"manager_id": OTHER_BOSS},
}
FACTS = Facts(USERS)


def quote(status: str, **more: Any) -> dict[str, Any]:
    return {"id": "q", "owner_id": REP, "status": status, "approval_reasons": "", **more}


@pytest.mark.parametrize(
    ("before", "after", "actor", "code"),
    [
        (None, quote("draft"), Actor(REP, "rep"), None),
        (None, quote("approved", decided_by=BOSS), Actor(REP, "rep"), "status_change"),
        (quote("draft"), quote("accepted"), Actor(REP, "rep"), "status_change"),
        (
            quote("pending_approval"),
            quote("approved", decided_by=REP),
            Actor(REP, "rep"),
            "role_required",
        ),
        (
            quote("pending_approval"),
            quote("approved", decided_by=BOSS),
            Actor(BOSS, "manager"),
            None,
        ),
        (
            quote("pending_approval"),
            quote("approved", decided_by=REP),
            Actor(BOSS, "manager"),
            "decided_by_other",
        ),
        (
            quote("pending_approval", owner_id=BOSS),
            quote("approved", owner_id=BOSS, decided_by=BOSS),
            Actor(BOSS, "manager"),
            "own_approval",
        ),
        (
            quote("draft", approval_reasons="[...]"),
            quote("sent", approval_reasons="[...]"),
            Actor(REP, "rep"),
            "status_change",
        ),
        (quote("sent", notes=""), quote("sent", notes="改价"), Actor(REP, "rep"), "quote_locked"),
        (quote("sent"), quote("accepted"), Actor(REP, "rep"), None),
    ],
)
def test_the_quote_flow_and_who_takes_each_step(before, after, actor, code) -> None:
    assert code_of(check_change, "quote", before, after, actor, FACTS) == code


def test_another_team_s_manager_does_not_approve() -> None:
    before, after = quote("pending_approval"), quote("approved", decided_by=OTHER_BOSS)
    actor = Actor(OTHER_BOSS, "manager")
    assert code_of(check_change, "quote", before, after, actor, FACTS) == "not_the_approver"


@pytest.mark.parametrize(
    ("approver", "role", "owner", "facts", "allowed"),
    [
        (BOSS, "manager", REP, FACTS, True),  # the rep's team manager
        (DEPUTY, "manager", REP, FACTS, True),  # another manager of the rep's team
        (OTHER_BOSS, "manager", REP, FACTS, False),  # another team's manager
        (ADMIN, "admin", REP, FACTS, True),
        (BOSS, "manager", BOSS, FACTS, False),  # never one's own
        (ADMIN, "admin", ADMIN, FACTS, False),
        (DEPUTY, "manager", BOSS, FACTS, False),  # a manager's quote is not a peer's
        (BOSS, "manager", DEPUTY, FACTS, True),  # the team's named manager is his manager
        (ADMIN, "admin", BOSS, FACTS, True),  # a manager with no manager: an admin
        (OTHER_BOSS, "manager", BOSS, FACTS, False),
        (
            DIRECTOR,
            "manager",
            BOSS,
            Facts({**USERS, ("team", EAST): {"manager_id": DIRECTOR}}),
            True,  # the team's named manager above its working manager
        ),
        (BOSS, "manager", LONER, FACTS, False),  # no team: an admin
        (ADMIN, "admin", LONER, FACTS, True),
        (REP, "rep", LONER, FACTS, False),
    ],
)
def test_who_a_quote_goes_to(approver, role, owner, facts, allowed) -> None:
    assert may_decide(approver, role, owner, facts) is allowed
    before = quote("pending_approval", owner_id=owner)
    after = quote("approved", owner_id=owner, decided_by=approver)
    code = code_of(check_change, "quote", before, after, Actor(approver, role), facts)
    assert (code is None) is allowed


def test_a_request_needs_its_reason_and_a_return_its_note() -> None:
    rep, boss = Actor(REP, "rep"), Actor(BOSS, "manager")
    draft = quote("draft", approval_reasons="[...]")
    asked = quote("pending_approval", approval_reasons="[...]", justification="  ")
    assert code_of(check_change, "quote", draft, asked, rep, FACTS) == "justification_required"
    asked = {**asked, "justification": "战略客户"}
    assert code_of(check_change, "quote", draft, asked, rep, FACTS) is None
    returned = {**asked, "status": "returned", "decided_by": BOSS, "decision_note": ""}
    assert code_of(check_change, "quote", asked, returned, boss, FACTS) == "return_note_required"
    returned["decision_note"] = "折扣太高，降到 10%"
    assert code_of(check_change, "quote", asked, returned, boss, FACTS) is None


def test_a_group_never_loops() -> None:
    a, b, c = new_id(), new_id(), new_id()
    facts = Facts(
        {
            ("account", a): {"parent_id": None},
            ("account", b): {"parent_id": a},
            ("account", c): {"parent_id": b},
        },
    )
    rep = Actor(REP, "rep")
    assert (
        code_of(
            check_change,
            "account",
            {"id": a, "parent_id": None},
            {"id": a, "parent_id": c},
            rep,
            facts,
        )
        == "group_cycle"
    )
    assert (
        code_of(check_change, "account", None, {"id": new_id(), "parent_id": new_id()}, rep, facts)
        == "missing_reference"
    )
    assert (
        code_of(check_change, "account", None, {"id": new_id(), "parent_id": c}, rep, facts) is None
    )


def test_targets_and_policies_are_set_by_managers() -> None:
    for entity in ("sales_target", "policy"):
        assert (
            code_of(check_change, entity, None, {"id": "t"}, Actor(REP, "rep"), FACTS)
            == "role_required"
        )
        assert (
            code_of(check_change, entity, None, {"id": "t"}, Actor(BOSS, "manager"), FACTS) is None
        )


def test_every_code_has_its_english_text() -> None:
    from desktop.domain.rules.violation import MESSAGES

    for code in MESSAGES:
        text = message(
            code,
            {
                "field": "f",
                "max": 1,
                "min": 0,
                "value": "v",
                "format": "x",
                "entity": "e",
                "old": "a",
                "new": "b",
                "status": "s",
                "role": "manager",
                "action": "do",
                "stage": "lead",
                "opens": "2026-12-04 08:00",
                "hours": 2,
                "day": "2026-12-04",
                "tier": "A",
                "year": 2026,
                "planned": "1.00",
                "paid": "1.00",
                "allocated": "1.00",
                "amount": "1.00",
                "open": "1.00",
            },
        )
        assert "{" not in text


def test_a_content_hash_never_names_a_path_outside_the_store(tmp_path: Path) -> None:
    with pytest.raises(RuleViolation):
        content_path(tmp_path, "../../../../etc/passwd")
    good = "ab" * 32
    assert content_path(tmp_path, good) == tmp_path / "ab" / good


def test_only_an_admin_sets_or_removes_the_seller_details() -> None:
    from desktop.domain.rules import check_delete

    seller = {"key": "seller", "value": {"name": "华信", "tax_id": "91310115MA1K4LXX3F"}}
    manager, admin = Actor(BOSS, "manager"), Actor(ADMIN, "admin")
    assert code_of(check_change, "policy", None, seller, manager, FACTS) == "role_required"
    assert code_of(check_change, "policy", None, seller, admin, FACTS) is None
    assert code_of(check_delete, "policy", seller, manager) == "role_required"
    assert code_of(check_delete, "policy", seller, admin) is None
    bad = {"key": "seller", "value": {"name": "华信", "logo": "bm90IGEgcG5n"}}
    assert code_of(check_change, "policy", None, bad, admin, FACTS) == "bad_format"
