"""A quote's status flow: which statuses are locked or editable, what the user sees
(a sent quote past its validity is expired), which actions apply to a revision and
to whom, and the checks every step makes before it writes.

Workflow::

    draft -> (pending_approval -> approved | returned) -> sent -> accepted | rejected
                                                             \\-> expired (after valid_until)
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from desktop.domain.errors import DomainError, NotFoundError
from desktop.domain.models import Quote
from desktop.domain.rules.workflow import QUOTE_LOCKED
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork

SHANGHAI = ZoneInfo("Asia/Shanghai")
LOCKED = QUOTE_LOCKED
EDITABLE = frozenset({"draft", "returned", "approved", "pending_approval"})
# action -> the statuses it starts from
ACTIONS: dict[str, frozenset[str]] = {
    "request_approval": frozenset({"draft", "returned"}),
    "approve": frozenset({"pending_approval"}),
    "return": frozenset({"pending_approval"}),
    "send": frozenset({"draft", "returned", "approved"}),
    "accept": frozenset({"sent"}),
    "reject": frozenset({"sent"}),
    "revise": frozenset({"sent", "rejected", "expired"}),
}
MANAGER_ACTIONS = frozenset({"approve", "return"})


class QuoteLockedError(DomainError):
    """The quote (or this revision) can no longer be changed."""


class WorkflowError(DomainError):
    """The action does not apply to the quote in its present state."""


def local_today(now: dt.datetime) -> dt.date:
    return now.astimezone(SHANGHAI).date()


def effective_status(status: str, valid_until: dt.date | None, today: dt.date) -> str:
    """What the user sees: a sent quote past its validity is expired even before the
    device has written that down."""
    if status == "sent" and valid_until is not None and valid_until < today:
        return "expired"
    return status


def available_actions(
    quote: Record, role: str, today: dt.date, user_id: str | None = None
) -> list[str]:
    """The workflow buttons that apply to this revision for user ``user_id`` of ``role``
    (nobody approves or returns their own quote: it goes to their manager)."""
    if not quote["is_latest"]:
        return []
    status = effective_status(quote["status"], quote["valid_until"], today)
    actions = [a for a, starts in ACTIONS.items() if status in starts]
    if role == "rep" or (user_id is not None and quote["owner_id"] == user_id):
        actions = [a for a in actions if a not in MANAGER_ACTIONS]
    if quote["approval_reasons"]:
        actions = [a for a in actions if a != "send" or status == "approved"]
    elif "request_approval" in actions:
        actions.remove("request_approval")
    return actions


def load(uow: UnitOfWork, quote_id: str) -> Quote:
    quote = uow.session.get(Quote, quote_id)
    if quote is None or quote.deleted_at is not None:
        raise NotFoundError(f"quote {quote_id} not found")
    return quote


def _refuse_earlier_revision(quote: Quote) -> None:
    if not quote.is_latest:
        raise QuoteLockedError(
            f"{quote.number} revision {quote.revision} is an earlier revision and read-only"
        )


def ensure_editable(quote: Quote) -> None:
    _refuse_earlier_revision(quote)
    if quote.status in LOCKED:
        raise QuoteLockedError(
            f"{quote.number} is {quote.status} and locked; use Revise to change it"
        )


def ensure_can(quote: Quote, action: str) -> None:
    """Refuse ``action`` (a key of ACTIONS) unless it applies to the quote as it is."""
    _refuse_earlier_revision(quote)
    if quote.status not in ACTIONS[action]:
        raise WorkflowError(f"cannot {action.replace('_', ' ')} a quote that is {quote.status}")
