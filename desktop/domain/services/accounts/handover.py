"""Handover (客户交接): a manager moves accounts, with their open work, to another rep."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from desktop.domain.errors import PermissionDeniedError, ValidationError
from desktop.domain.models import (
    OPEN_OPPORTUNITY_STAGES,
    OPEN_QUOTE_STATUSES,
    Complaint,
    Opportunity,
    Quote,
    Task,
    User,
    Visit,
)
from desktop.domain.services.accounts.reading import load
from desktop.domain.uow import UnitOfWork

# Statuses of work that is still open and moves with an account at handover.
OPEN_VISIT = ("planned",)
OPEN_TASK = ("open",)
OPEN_COMPLAINT = ("open", "in_progress")


@dataclass(frozen=True)
class HandoverResult:
    accounts: int
    visits: int
    tasks: int
    quotes: int
    complaints: int
    opportunities: int


def handover(uow: UnitOfWork, account_ids: Sequence[str], to_user_id: str) -> HandoverResult:
    """A manager moves accounts, with their open work, to another rep.

    Contacts belong to the account and move with it. Open visits, tasks, quotes,
    complaints and opportunities change owner too; closed ones keep the rep who did
    them. The unit of work's reason is recorded in every history line.
    """
    session = uow.session
    actor = session.get(User, uow.actor_id) if uow.actor_id else None
    if actor is None or actor.role not in ("manager", "admin"):
        raise PermissionDeniedError("only a manager can hand accounts over")
    if not (uow.reason or "").strip():
        raise ValidationError({"reason": "is required: say why the accounts move"})
    target = session.get(User, to_user_id)
    if target is None or target.deleted_at is not None or not target.active:
        raise ValidationError({"to_user_id": "is not an active user"})
    counts = dict.fromkeys(
        ("accounts", "visits", "tasks", "quotes", "complaints", "opportunities"), 0
    )
    open_work: list[tuple[str, Any, ColumnElement[bool]]] = [
        ("visits", Visit, Visit.status.in_(OPEN_VISIT)),
        ("tasks", Task, Task.status.in_(OPEN_TASK)),
        ("quotes", Quote, Quote.status.in_(OPEN_QUOTE_STATUSES)),
        ("complaints", Complaint, Complaint.status.in_(OPEN_COMPLAINT)),
        ("opportunities", Opportunity, Opportunity.stage.in_(OPEN_OPPORTUNITY_STAGES)),
    ]
    for account_id in dict.fromkeys(account_ids):
        account = load(session, account_id)
        if account.owner_id != to_user_id:
            uow.update(account, {"owner_id": to_user_id})
            counts["accounts"] += 1
        for name, model, is_open in open_work:
            rows = session.scalars(
                select(model).where(
                    model.account_id == account_id,
                    model.deleted_at.is_(None),
                    is_open,
                    or_(model.owner_id.is_(None), model.owner_id != to_user_id),
                )
            )
            for row in rows:
                changes: dict[str, Any] = {"owner_id": to_user_id}
                if isinstance(row, Quote) and row.status == "approved":
                    # The approval was given for the previous owner; the new owner's
                    # manager decides again (and nobody holds a quote they approved).
                    changes.update(status="draft", decided_by=None, decided_at=None)
                uow.update(row, changes)
                counts[name] += 1
    return HandoverResult(**counts)
