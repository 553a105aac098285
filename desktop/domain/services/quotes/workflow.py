"""The approval workflow's steps after editing: asking for approval, a manager's
approval or return, sending (the quote is locked from then on), the customer's
acceptance (an order, and the opportunity won) or rejection, and expiry.

A quote whose discounts or prices go beyond the manager's guardrails cannot be sent
until a manager approves it; the reasons are computed (quotes.guardrails) every time
the quote is saved and stored on the quote, so the rep, the manager and the lists all
see them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from desktop.domain.errors import ValidationError
from desktop.domain.models import Opportunity, Quote, QuoteLine
from desktop.domain.services import approvals
from desktop.domain.services.catalog import require_manager
from desktop.domain.services.quotes.status import (
    WorkflowError,
    effective_status,
    ensure_can,
    load,
    local_today,
)
from desktop.domain.uow import UnitOfWork


def request_approval(uow: UnitOfWork, quote_id: str, justification: str) -> None:
    """Ask for a manager's approval; the rule book wants the justification (kept with the
    request in the quote's history)."""
    quote = load(uow, quote_id)
    ensure_can(quote, "request_approval")
    if not quote.approval_reasons:
        raise WorkflowError("this quote is within the guardrails and needs no approval")
    _step(uow, quote, {"status": "pending_approval", "justification": justification.strip()})
    # Recorded as it stands now (the inbox follows the rule as it stands then).
    goes_to = "、".join(approvals.approvers(uow.session, quote.owner_id))
    uow.record_change(quote, approvals.AWAITING, None, goes_to or None)


def approve(uow: UnitOfWork, quote_id: str, note: str = "") -> None:
    require_manager(uow, "approve a quote")
    quote = load(uow, quote_id)
    ensure_can(quote, "approve")
    _step(uow, quote, _decision("approved", uow, note))


def return_quote(uow: UnitOfWork, quote_id: str, note: str) -> None:
    """Send the quote back to its rep; the rule book wants a note saying what to change."""
    require_manager(uow, "return a quote")
    quote = load(uow, quote_id)
    ensure_can(quote, "return")
    _step(uow, quote, _decision("returned", uow, note))


def _decision(status: str, uow: UnitOfWork, note: str) -> dict[str, Any]:
    return {
        "status": status,
        "decided_by": uow.actor_id,
        "decided_at": uow.now,
        "decision_note": note.strip(),
    }


def _step(uow: UnitOfWork, quote: Quote, changes: dict[str, Any]) -> None:
    """A step of the approval; its change records carry the step's note or justification,
    so the quote's approval history has it even when the text did not change."""
    note = changes.get("decision_note", changes.get("justification"))
    uow.update(quote, changes, reason=note or None)


def send(uow: UnitOfWork, quote_id: str) -> None:
    """Mark the quote as given to the customer; from now on it is locked."""
    quote = load(uow, quote_id)
    ensure_can(quote, "send")
    if quote.approval_reasons and quote.status != "approved":
        raise WorkflowError("this quote needs a manager's approval before it can be sent")
    has_lines = uow.session.scalar(
        select(func.count())
        .select_from(QuoteLine)
        .where(QuoteLine.quote_id == quote_id, QuoteLine.deleted_at.is_(None))
    )
    if not has_lines:
        raise ValidationError({"lines": "a quote needs at least one line"})
    today = local_today(uow.now)
    if quote.valid_until is not None and quote.valid_until < today:
        raise ValidationError({"valid_until": "the validity date has passed"})
    uow.update(quote, {"status": "sent", "sent_at": uow.now, "issued_on": today})


def accept(uow: UnitOfWork, quote_id: str) -> str:
    """The customer accepted: the quote becomes an order and its opportunity is won.

    Returns the new order's id.
    """
    from desktop.domain.services import orders  # orders builds on quotes

    quote = load(uow, quote_id)
    if effective_status(quote.status, quote.valid_until, local_today(uow.now)) == "expired":
        raise WorkflowError("this quote has expired; revise it to send a new one")
    ensure_can(quote, "accept")
    uow.update(quote, {"status": "accepted", "accepted_at": uow.now})
    if quote.opportunity_id:
        opportunity = uow.session.get(Opportunity, quote.opportunity_id)
        if opportunity is not None and opportunity.deleted_at is None:
            uow.update(
                opportunity,
                {
                    "stage": "won",
                    "probability": 100,
                    "amount": quote.total,
                    "close_date": local_today(uow.now),
                },
            )
    return orders.create_from_quote(uow, quote_id)


def reject(uow: UnitOfWork, quote_id: str, note: str = "") -> None:
    quote = load(uow, quote_id)
    ensure_can(quote, "reject")
    uow.update(quote, {"status": "rejected", "decision_note": note.strip() or quote.decision_note})


def expire_overdue(uow: UnitOfWork) -> int:
    """The user's own sent quotes past their validity date become expired; returns how many.

    Only the owner's device writes the expiry, so a manager's laptop does not send the
    same change for the whole team; lists show any overdue quote as expired anyway.
    """
    today = local_today(uow.now)
    overdue = uow.session.scalars(
        select(Quote).where(
            Quote.status == "sent",
            Quote.is_latest.is_(True),
            Quote.deleted_at.is_(None),
            Quote.valid_until < today,
            Quote.owner_id == uow.actor_id,
        )
    ).all()
    for quote in overdue:
        uow.update(quote, {"status": "expired"})
    return len(overdue)
