"""Quote approvals as a manager sees them: who a quote goes to, the inbox, the history.

Who may decide on a quote is the rule book's (``rules.workflow.may_decide``); this
module only asks it over the session. A quote's approval history is read from its
change records (the status changes, each with who, when and the note or justification
the step carried, and at each request an ``awaiting`` record naming who it went to:
``quotes.workflow``), so it syncs with them and needs no table of its own. The inbox
asks the rule as it stands: when a team's manager changes, the waiting quotes go to
the new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, ChangeRecord, Order, Product, Quote, User, Visit
from desktop.domain.money import ZERO
from desktop.domain.pricing import compute
from desktop.domain.rules.quotes import ApprovalReason, reasons_of
from desktop.domain.rules.workflow import may_decide
from desktop.domain.services import records
from desktop.domain.services.quotes.queries import drafts_of, lines_of
from desktop.domain.uow import SessionFacts

# The status changes the history shows, by the status a quote moves to.
STEPS = {"pending_approval": "submitted", "approved": "approved", "returned": "returned"}
# The history line a request writes beside its status change: who it goes to.
AWAITING = "awaiting"
HISTORY_YEARS = 1


def can_decide(session: Session, user_id: str | None, owner_id: str | None) -> bool:
    """Whether ``user_id`` may approve or return a quote owned by ``owner_id``."""
    user = session.get(User, user_id) if user_id else None
    if user is None or user.deleted_at is not None:
        return False
    return may_decide(user.id, user.role, owner_id, SessionFacts(session))


def approvers(session: Session, owner_id: str | None) -> list[str]:
    """Display names of the active users a quote of ``owner_id`` goes to."""
    facts = SessionFacts(session)
    users = session.scalars(
        select(User)
        .where(User.role.in_(("manager", "admin")), User.active.is_(True))
        .where(User.deleted_at.is_(None))
        .order_by(User.role.desc(), User.display_name)
    )
    found = [u for u in users if may_decide(u.id, u.role, owner_id, facts)]
    # A team's own managers before the admins who stand in for them.
    return [u.display_name for u in sorted(found, key=lambda u: u.role == "admin")]


@dataclass(frozen=True)
class HistoryStep:
    """One step of a quote's approval: ``step`` is submitted, approved or returned."""

    step: str
    at: dt.datetime
    by: str  # display name ("" when the user is not known here)
    note: str
    to: str = ""  # a request: who it went to (display names)


def history(session: Session, quote_id: str) -> list[HistoryStep]:
    """The approval steps of one quote revision, oldest first."""
    query = (
        select(ChangeRecord, User.display_name)
        .outerjoin(User, User.id == ChangeRecord.changed_by)
        .where(
            ChangeRecord.entity == "quote",
            ChangeRecord.row_id == quote_id,
            ((ChangeRecord.field == "status") & ChangeRecord.new_value.in_(list(STEPS)))
            | (ChangeRecord.field == AWAITING),
            ChangeRecord.deleted_at.is_(None),
        )
        .order_by(ChangeRecord.changed_at, ChangeRecord.id)
    )
    rows = session.execute(query).all()
    awaiting = {r.changed_at: r.new_value or "" for r, _ in rows if r.field == AWAITING}
    return [
        HistoryStep(
            STEPS[str(r.new_value)],
            r.changed_at,
            name or "",
            r.reason or "",
            awaiting.get(r.changed_at, "") if r.new_value == "pending_approval" else "",
        )
        for r, name in rows
        if r.field == "status"
    ]


@dataclass(frozen=True)
class AccountSummary:
    """What a manager weighs beside a request: the account's recent business."""

    won: int  # quotes accepted (latest revisions)
    lost: int  # rejected or expired
    orders: int  # orders in the last year
    ordered: Decimal
    last_visit: dt.date | None


@dataclass(frozen=True)
class PendingQuote:
    """A quote waiting for this manager, with what the decision needs."""

    quote_id: str
    number: str
    revision: str
    account_name: str
    owner_name: str
    total: Decimal
    currency: str
    reasons: list[ApprovalReason]
    justification: str
    submitted_at: dt.datetime  # its last request (the last change, for older data)
    list_value: Decimal  # the lines at list price, before tax
    net_value: Decimal  # after every discount, before tax
    account: AccountSummary

    @property
    def below_list(self) -> Decimal:
        return self.list_value - self.net_value

    @property
    def below_list_pct(self) -> Decimal:
        if not self.list_value:
            return ZERO
        return (self.below_list * 100 / self.list_value).quantize(Decimal("0.1"))


def inbox(session: Session, user_id: str | None, now: dt.datetime) -> list[PendingQuote]:
    """The pending quotes ``user_id`` may decide on, oldest request first."""
    user = session.get(User, user_id) if user_id else None
    if user is None or user.role not in ("manager", "admin"):
        return []
    facts = SessionFacts(session)
    pending = session.execute(
        select(Quote, User.display_name)
        .outerjoin(User, User.id == Quote.owner_id)
        .where(
            Quote.status == "pending_approval",
            Quote.is_latest.is_(True),
            Quote.deleted_at.is_(None),
        )
        .order_by(Quote.updated_at, Quote.id)
    ).all()
    result = [
        _pending(session, quote, owner_name or "", now)
        for quote, owner_name in pending
        if may_decide(user.id, user.role, quote.owner_id, facts)
    ]
    return sorted(result, key=lambda p: p.submitted_at)


def _pending(session: Session, quote: Quote, owner_name: str, now: dt.datetime) -> PendingQuote:
    lines = lines_of(session, quote.id)
    totals = compute([d.pricing_input() for d in drafts_of(lines)], quote.discount_pct)
    product_ids = [ln["product_id"] for ln in lines if ln["product_id"]]
    prices = select(Product.id, Product.list_price).where(Product.id.in_(product_ids))
    list_prices: dict[str, Decimal] = dict(session.execute(prices).all())
    list_value = sum(
        (ln["quantity"] * list_prices.get(ln["product_id"], ln["unit_price"]) for ln in lines),
        ZERO,
    )
    steps = [s for s in history(session, quote.id) if s.step == "submitted"]
    return PendingQuote(
        quote_id=quote.id,
        number=quote.number,
        revision=quote.revision,
        account_name=str(records.get(session, Account, quote.account_id)["name"]),
        owner_name=owner_name,
        total=quote.total,
        currency=quote.currency,
        reasons=reasons_of(quote.approval_reasons),
        justification=quote.justification,
        submitted_at=steps[-1].at if steps else quote.updated_at,
        list_value=list_value.quantize(Decimal("0.01")),
        net_value=totals.taxable,
        account=account_summary(session, quote.account_id, now),
    )


def account_summary(session: Session, account_id: str, now: dt.datetime) -> AccountSummary:
    latest = select(Quote.status, func.count()).where(
        Quote.account_id == account_id, Quote.is_latest.is_(True), Quote.deleted_at.is_(None)
    )
    by_status: dict[str, int] = dict(session.execute(latest.group_by(Quote.status)).all())
    since = (now - dt.timedelta(days=365 * HISTORY_YEARS)).date()
    orders, ordered = session.execute(
        select(func.count(), func.coalesce(func.sum(Order.amount), 0)).where(
            Order.account_id == account_id, Order.deleted_at.is_(None), Order.order_date >= since
        )
    ).one()
    last_visit = session.scalar(
        select(func.max(Visit.planned_start)).where(
            Visit.account_id == account_id, Visit.status == "done", Visit.deleted_at.is_(None)
        )
    )
    return AccountSummary(
        won=int(by_status.get("accepted", 0)),
        lost=int(by_status.get("rejected", 0)) + int(by_status.get("expired", 0)),
        orders=int(orders),
        ordered=Decimal(ordered or 0),
        last_visit=last_visit.date() if isinstance(last_visit, dt.datetime) else None,
    )
