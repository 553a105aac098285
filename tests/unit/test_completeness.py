"""档案完整度: rules per tier, the score and the checklist of what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.models import Account, Attachment, Contact
from desktop.domain.services import completeness
from desktop.domain.services.accounts import AccountQuery, account_ids, account_rows
from desktop.domain.services.completeness import Check
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database

RULES = {
    "A": {
        "fields": ["credit_code", "industry"],
        "min_contacts": 2,
        "roles": ["decision_maker"],
        "attachments": ["business_licence"],
    },
    "B": {"fields": ["city"], "min_contacts": 1, "roles": [], "attachments": []},
    "C": {"fields": [], "min_contacts": 0, "roles": [], "attachments": []},
}


@pytest.fixture
def ruled(db: Database) -> Database:
    with unit_of_work(db.sessions, None) as uow:
        completeness.set_rules(uow, RULES)
    return db


def add_account(db: Database, **values: object) -> str:
    with unit_of_work(db.sessions, None) as uow:
        return uow.add(Account(name="测试有限公司", **values)).id


def test_a_tier_checklist_lists_what_is_missing(ruled: Database) -> None:
    account_id = add_account(ruled, tier="A", industry="金融")
    with unit_of_work(ruled.sessions, None) as uow:
        uow.add(Contact(account_id=account_id, name="王芳", role="influencer"))
    with ruled.sessions() as session:
        result = completeness.evaluate(session, account_id)
    assert result.missing == [
        Check("field", "credit_code"),
        Check("contacts", 2),
        Check("role", "decision_maker"),
        Check("attachment", "business_licence"),
    ]
    assert result.score == 20  # 1 of 5


def test_a_complete_a_account_scores_100(ruled: Database) -> None:
    account_id = add_account(ruled, tier="A", industry="金融", credit_code="914403001922038216")
    with unit_of_work(ruled.sessions, None) as uow:
        uow.add(Contact(account_id=account_id, name="王芳", role="decision_maker"))
        uow.add(Contact(account_id=account_id, name="李军"))
        uow.add(
            Attachment(
                parent_entity="account",
                parent_id=account_id,
                account_id=account_id,
                filename="licence.pdf",
                content_hash="0" * 64,
                size=1,
                kind="business_licence",
            )
        )
    with ruled.sessions() as session:
        assert completeness.evaluate(session, account_id).score == 100
        assert account_rows(session, [account_id])[account_id].completeness == 100
        assert account_ids(session, AccountQuery(incomplete=True)) == []


def test_the_same_account_is_judged_by_its_tier(ruled: Database) -> None:
    b = add_account(ruled, tier="B", city="北京")
    c = add_account(ruled, tier="C")
    blank_b = add_account(ruled, tier="B", city="  ")
    with ruled.sessions() as session:
        assert completeness.evaluate(session, c).score == 100  # C requires nothing here
        assert completeness.evaluate(session, b).missing == [Check("contacts", 1)]
        assert completeness.evaluate(session, blank_b).score == 0  # blank is not filled
        assert set(account_ids(session, AccountQuery(incomplete=True))) == {b, blank_b}


def test_defaults_apply_without_a_policy(db: Database) -> None:
    with db.sessions() as session:
        assert completeness.rules(session) == completeness.DEFAULT_RULES


def test_bad_rules_are_refused_with_the_reason(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, unit_of_work(db.sessions, None) as uow:
        completeness.set_rules(
            uow, {"A": {"fields": ["shoe_size"], "min_contacts": -1, "roles": ["boss"]}}
        )
    assert caught.value.errors == {
        "A.fields": "unknown field: shoe_size",
        "A.roles": "unknown role: boss",
        "A.min_contacts": "must be a whole number from 0 to 20",
    }


def test_changed_rules_replace_the_old_ones(ruled: Database, tmp_path: Path) -> None:
    changed = {**RULES, "C": {"fields": ["phone"]}}
    with unit_of_work(ruled.sessions, None) as uow:
        completeness.set_rules(uow, changed)
    with ruled.sessions() as session:
        assert completeness.rules(session)["C"]["fields"] == ["phone"]
