"""The account team (客户团队): users who work an account beside its owner, each with a
role ("member", "technical", "service", ...). The owner, the owner's manager and
administrators change it (``rules.plans.may_run_team``; the server decides the same)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import AccountTeamMember, User
from desktop.domain.services import records
from desktop.domain.uow import UnitOfWork

TEAM_ROLES = ("member", "technical", "service", "sponsor")


@dataclass(frozen=True)
class Member:
    id: str
    user_id: str
    name: str
    role: str


def members(session: Session, account_id: str) -> list[Member]:
    query = (
        select(AccountTeamMember, User.display_name)
        .join(User, User.id == AccountTeamMember.user_id)
        .where(AccountTeamMember.account_id == account_id, AccountTeamMember.deleted_at.is_(None))
        .order_by(User.display_name, AccountTeamMember.id)
    )
    return [Member(m.id, m.user_id, name, m.role) for m, name in session.execute(query)]


def add_member(uow: UnitOfWork, account_id: str, user_id: str, role: str) -> str:
    if any(m.user_id == user_id for m in members(uow.session, account_id)):
        raise ValidationError({"user_id": "already on the account team"})
    values = {"account_id": account_id, "user_id": user_id, "role": role.strip() or "member"}
    return records.create(uow, AccountTeamMember, values)


def set_role(uow: UnitOfWork, member_id: str, role: str) -> None:
    records.update(uow, AccountTeamMember, member_id, {"role": role.strip() or "member"})


def remove_member(uow: UnitOfWork, member_id: str) -> None:
    records.delete(uow, AccountTeamMember, member_id)
