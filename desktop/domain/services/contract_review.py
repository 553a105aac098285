"""Contracts under review as a manager sees them: the inbox beside the quotes waiting
for approval, and each contract's review history.

Who reviews a contract is who approves its owner's quotes (the rule book's
``may_decide``, which the device and the server also apply when a contract is signed
or returned). The history is read from the contract's status changes, each with who,
when and the note the step carried (``contracts.sign`` / ``return_to_draft``), so it
syncs with them and needs no table of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, ChangeRecord, Contract, User
from desktop.domain.rules.workflow import may_decide
from desktop.domain.services.approvals import HistoryStep
from desktop.domain.uow import SessionFacts

# The status a contract moves to -> the step the history names.
STEPS = {"under_review": "submitted", "signed": "signed", "draft": "returned"}


@dataclass(frozen=True)
class PendingContract:
    """A contract waiting for this manager's review, with what the decision needs."""

    contract_id: str
    number: str
    title: str
    account_id: str
    account_name: str
    owner_name: str
    value: Decimal
    currency: str
    start_on: dt.date | None
    end_on: dt.date | None
    payment_terms: str
    submitted_at: dt.datetime


def history(session: Session, contract_id: str) -> list[HistoryStep]:
    """The review steps of one contract, oldest first (a draft counts only when it
    was returned from review)."""
    query = (
        select(ChangeRecord, User.display_name)
        .outerjoin(User, User.id == ChangeRecord.changed_by)
        .where(
            ChangeRecord.entity == "contract",
            ChangeRecord.row_id == contract_id,
            ChangeRecord.field == "status",
            ChangeRecord.new_value.in_(list(STEPS)),
            ChangeRecord.deleted_at.is_(None),
        )
        .order_by(ChangeRecord.changed_at, ChangeRecord.id)
    )
    return [
        HistoryStep(STEPS[str(r.new_value)], r.changed_at, name or "", r.reason or "")
        for r, name in session.execute(query)
        if r.new_value != "draft" or r.old_value == "under_review"
    ]


def inbox(session: Session, user_id: str | None) -> list[PendingContract]:
    """The contracts under review that ``user_id`` may sign or return, oldest request
    first."""
    user = session.get(User, user_id) if user_id else None
    if user is None or user.role not in ("manager", "admin"):
        return []
    facts = SessionFacts(session)
    rows = session.execute(
        select(Contract, Account.name, User.display_name)
        .join(Account, Account.id == Contract.account_id)
        .outerjoin(User, User.id == Contract.owner_id)
        .where(Contract.status == "under_review", Contract.deleted_at.is_(None))
        .order_by(Contract.updated_at, Contract.number)
    ).all()
    found = []
    for contract, account_name, owner_name in rows:
        if not may_decide(user.id, user.role, contract.owner_id, facts):
            continue
        steps = [s for s in history(session, contract.id) if s.step == "submitted"]
        found.append(
            PendingContract(
                contract.id,
                contract.number,
                contract.title,
                contract.account_id,
                account_name,
                owner_name or "",
                contract.value,
                contract.currency,
                contract.start_on,
                contract.end_on,
                contract.payment_terms,
                steps[-1].at if steps else contract.updated_at,
            )
        )
    return sorted(found, key=lambda p: p.submitted_at)
