"""Archive completeness (档案完整度): what an A, B or C account's file must hold.

Rules per tier live in the ``completeness`` policy (managers edit them) and fall back
to ``DEFAULT_RULES``. Each rule becomes one SQL condition, so the same definition
gives the score badge in the list (for a page of rows), the "incomplete file" filter
(over all rows) and the checklist in the account's detail.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, false, func, literal, or_, select, true
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import CONTACT_ROLES, TIERS, Account, Attachment, Contact, Policy
from desktop.domain.uow import UnitOfWork

POLICY_KEY = "completeness"
# Account fields a rule may require.
FIELDS = (
    "short_name",
    "credit_code",
    "industry",
    "province",
    "city",
    "address",
    "phone",
    "website",
    "potential",
    "parent_id",
)
ATTACHMENT_KINDS = ("business_licence", "contract", "business_card", "other")

DEFAULT_RULES: dict[str, dict[str, Any]] = {
    "A": {
        "fields": ["credit_code", "industry", "province", "city", "address", "phone"],
        "min_contacts": 3,
        "roles": ["decision_maker", "influencer"],
        "attachments": ["business_licence"],
    },
    "B": {
        "fields": ["credit_code", "industry", "province", "city", "phone"],
        "min_contacts": 2,
        "roles": ["decision_maker"],
        "attachments": [],
    },
    "C": {"fields": ["industry", "city"], "min_contacts": 1, "roles": [], "attachments": []},
}


@dataclass(frozen=True)
class Check:
    """One requirement: kind is field | contacts | role | attachment; ``target`` is the
    field name, the number of contacts, the role or the attachment kind."""

    kind: str
    target: str | int


@dataclass(frozen=True)
class CheckResult:
    check: Check
    passed: bool


@dataclass(frozen=True)
class Completeness:
    score: int  # 0..100
    checks: list[CheckResult]

    @property
    def missing(self) -> list[Check]:
        return [r.check for r in self.checks if not r.passed]


def validate_rules(rules: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Rules in canonical form, or ValidationError naming what is wrong."""
    errors: dict[str, str] = {}
    clean: dict[str, dict[str, Any]] = {}
    for tier in TIERS:
        raw = rules.get(tier, {})
        fields = list(raw.get("fields", []))
        roles = list(raw.get("roles", []))
        kinds = list(raw.get("attachments", []))
        min_contacts = raw.get("min_contacts", 0)
        if bad := [f for f in fields if f not in FIELDS]:
            errors[f"{tier}.fields"] = "unknown field: " + ", ".join(bad)
        if bad := [r for r in roles if r not in CONTACT_ROLES]:
            errors[f"{tier}.roles"] = "unknown role: " + ", ".join(bad)
        if bad := [k for k in kinds if k not in ATTACHMENT_KINDS]:
            errors[f"{tier}.attachments"] = "unknown attachment kind: " + ", ".join(bad)
        if (
            not isinstance(min_contacts, int)
            or isinstance(min_contacts, bool)
            or not 0 <= min_contacts <= 20
        ):
            errors[f"{tier}.min_contacts"] = "must be a whole number from 0 to 20"
            min_contacts = 0
        clean[tier] = {
            "fields": fields,
            "min_contacts": min_contacts,
            "roles": roles,
            "attachments": kinds,
        }
    if errors:
        raise ValidationError(errors)
    return clean


def rules(session: Session) -> dict[str, dict[str, Any]]:
    row = session.scalar(
        select(Policy).where(Policy.key == POLICY_KEY, Policy.deleted_at.is_(None))
    )
    if row is None or not isinstance(row.value, dict):
        return {t: dict(v) for t, v in DEFAULT_RULES.items()}
    try:
        return validate_rules(row.value)
    except ValidationError:
        return {t: dict(v) for t, v in DEFAULT_RULES.items()}


def set_rules(uow: UnitOfWork, new_rules: Mapping[str, Any]) -> None:
    """A manager changes the rules; every device obeys them after sync."""
    clean = validate_rules(new_rules)
    row = uow.session.scalar(select(Policy).where(Policy.key == POLICY_KEY))
    if row is None:
        uow.add(Policy(key=POLICY_KEY, value=clean))
    else:
        uow.update(row, {"value": clean})
        if row.deleted_at is not None:
            uow.restore(row)


# English names of what a rule may require (fields, contact roles, attachment kinds),
# for documents printed without Qt; windows show their own translated names.
TARGET_NAMES: dict[str, str] = {
    "short_name": "Short name",
    "credit_code": "Credit code",
    "industry": "Industry",
    "province": "Province",
    "city": "City",
    "address": "Address",
    "phone": "Phone",
    "website": "Website",
    "potential": "Potential",
    "parent_id": "Parent account",
    "decision_maker": "Decision maker",
    "influencer": "Influencer",
    "user": "User",
    "gatekeeper": "Gatekeeper",
    "business_licence": "Business licence",
    "contract": "Contract",
    "business_card": "Business card",
    "other": "Other file",
}


def describe(check: Check) -> str:
    """One requirement in plain English ("Credit code filled in")."""
    target = TARGET_NAMES.get(str(check.target), str(check.target))
    if check.kind == "field":
        return f"{target} filled in"
    if check.kind == "contacts":
        return f"At least {check.target} contacts"
    if check.kind == "role":
        return f"A contact who is {target}"
    return f"{target} attached"


def checks_for(tier_rules: Mapping[str, Any]) -> list[Check]:
    result = [Check("field", f) for f in tier_rules.get("fields", [])]
    if tier_rules.get("min_contacts", 0):
        result.append(Check("contacts", int(tier_rules["min_contacts"])))
    result += [Check("role", r) for r in tier_rules.get("roles", [])]
    result += [Check("attachment", k) for k in tier_rules.get("attachments", [])]
    return result


def condition(check: Check) -> ColumnElement[bool]:
    """The check as SQL over the ``account`` table (correlated where it needs children)."""
    if check.kind == "field":
        column = Account.__table__.columns[str(check.target)]
        if isinstance(column.type.python_type, type) and column.type.python_type is str:
            return and_(column.is_not(None), func.trim(column) != "")
        return column.is_not(None)
    if check.kind == "contacts":
        count = (
            select(func.count())
            .where(Contact.account_id == Account.id, Contact.deleted_at.is_(None))
            .scalar_subquery()
        )
        return count >= int(check.target)
    if check.kind == "role":
        return exists().where(
            Contact.account_id == Account.id,
            Contact.deleted_at.is_(None),
            Contact.role == check.target,
        )
    if check.kind == "attachment":
        return exists().where(
            Attachment.account_id == Account.id,
            Attachment.deleted_at.is_(None),
            Attachment.kind == check.target,
        )
    raise ValueError(f"unknown check kind {check.kind!r}")


def score_expression(all_rules: Mapping[str, Mapping[str, Any]]) -> ColumnElement[int]:
    """0..100 per account: the share of its tier's checks it passes."""
    whens: list[tuple[ColumnElement[bool], ColumnElement[Any]]] = []
    for tier in TIERS:
        checks = checks_for(all_rules.get(tier, {}))
        if not checks:
            whens.append((Account.tier == tier, literal(100)))
            continue
        passed = sum((case((condition(c), 1), else_=0) for c in checks), literal(0))
        whens.append((Account.tier == tier, (passed * 100) / len(checks)))
    return case(*whens, else_=literal(100))


def incomplete_condition(all_rules: Mapping[str, Mapping[str, Any]]) -> ColumnElement[bool]:
    """True for accounts that miss at least one check of their tier."""
    per_tier = []
    for tier in TIERS:
        checks = checks_for(all_rules.get(tier, {}))
        missing = or_(*(~condition(c) for c in checks)) if checks else false()
        per_tier.append(and_(Account.tier == tier, missing))
    return or_(*per_tier) if per_tier else true()


def evaluate(session: Session, account_id: str) -> Completeness:
    """The checklist of one account."""
    tier = session.scalar(select(Account.tier).where(Account.id == account_id))
    checks = checks_for(rules(session).get(tier or "C", {}))
    if not checks:
        return Completeness(100, [])
    row = session.execute(
        select(*(condition(c).label(f"c{i}") for i, c in enumerate(checks))).where(
            Account.id == account_id
        )
    ).one()
    results = [CheckResult(c, bool(v)) for c, v in zip(checks, row, strict=True)]
    passed = sum(r.passed for r in results)
    return Completeness(passed * 100 // len(checks), results)
