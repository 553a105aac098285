"""Health scores of many accounts at once: the facts ``desktop.domain.health.score``
reads, gathered in a few set-based queries (one per kind of fact, grouped by account,
never one query per account), then scored in Python.

The weights are the Policy ``health`` (``Weights`` fields); the domain's defaults
where it says nothing. The visit cadence is the tier's (``coverage``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.health import ZERO, Health, HealthFacts, Weights, score
from desktop.domain.models import (
    Account,
    Complaint,
    Contact,
    Order,
    Payment,
    Policy,
    Visit,
    VisitAttendee,
)
from desktop.domain.money import from_fen
from desktop.domain.services import coverage
from desktop.domain.services.complaints import CLOSED
from desktop.domain.services.rules import set_policy
from desktop.domain.services.stakeholders import aware
from desktop.domain.uow import UnitOfWork

POLICY_KEY = "health"
CHUNK = 900  # ids per IN (...) when a caller names the accounts


@dataclasses.dataclass(frozen=True)
class Between:
    """The accounts whose ids are after ``after`` and up to ``last`` (a batch of a full
    pass: one range scan per query, where a list of ids takes an IN per 900)."""

    after: str
    last: str


def weights(session: Session) -> Weights:
    value = session.scalar(
        select(Policy.value).where(Policy.key == POLICY_KEY, Policy.deleted_at.is_(None))
    )
    return Weights.from_policy(value if isinstance(value, dict) else None)


def set_weights(uow: UnitOfWork, values: dict[str, int]) -> None:
    """Save the Policy (managers; the rule book refuses reps)."""
    set_policy(uow, POLICY_KEY, dataclasses.asdict(Weights.from_policy(values)))


def _when(visit: type[Visit] = Visit) -> Any:
    return func.max(func.coalesce(visit.checked_in_at, visit.planned_start))


def _by_account(
    session: Session,
    query: Select[*tuple[Any, ...]],
    column: Any,
    ids: Sequence[str] | Between | None,
) -> list[Any]:
    """Rows of a GROUP BY account query, for every account, a range of them, or for
    ``ids`` in chunks."""
    if ids is None:
        return list(session.execute(query))
    if isinstance(ids, Between):
        return list(session.execute(query.where(column > ids.after, column <= ids.last)))
    rows: list[Any] = []
    for start in range(0, len(ids), CHUNK):
        rows += session.execute(query.where(column.in_(ids[start : start + CHUNK]))).all()
    return rows


def gather(
    session: Session,
    now: dt.datetime,
    today: dt.date,
    account_ids: Iterable[str] | Between | None = None,
    weights_: Weights | None = None,
) -> dict[str, HealthFacts]:
    """Account id -> its facts, for every live account (or those of ``account_ids``)."""
    w = weights_ or weights(session)
    ids: Sequence[str] | Between | None
    if account_ids is None or isinstance(account_ids, Between):
        ids = account_ids
    else:
        ids = sorted(set(account_ids))
    cadence = coverage.cadence(session)
    tiers = dict(
        _by_account(
            session,
            select(Account.id, Account.tier).where(Account.deleted_at.is_(None)),
            Account.id,
            ids,
        )
    )
    last_visit = dict(
        _by_account(
            session,
            select(Visit.account_id, _when())
            .where(Visit.status == "done", Visit.deleted_at.is_(None))
            .group_by(Visit.account_id),
            Visit.account_id,
            ids,
        )
    )
    decision_maker = or_(
        Contact.role == "decision_maker",
        ("," + Contact.buying_roles + ",").like("%,decision_maker,%"),
    )
    met = dict(
        _by_account(
            session,
            select(VisitAttendee.account_id, _when())
            .join(Contact, Contact.id == VisitAttendee.contact_id)
            .join(Visit, Visit.id == VisitAttendee.visit_id)
            .where(
                decision_maker,
                Visit.status == "done",
                Visit.deleted_at.is_(None),
                VisitAttendee.deleted_at.is_(None),
                Contact.deleted_at.is_(None),
            )
            .group_by(VisitAttendee.account_id),
            VisitAttendee.account_id,
            ids,
        )
    )
    paid = (
        select(Payment.order_id, func.sum(Payment.amount).label("paid"))
        .where(Payment.deleted_at.is_(None))
        .group_by(Payment.order_id)
        .subquery()
    )
    owed = Order.amount - func.coalesce(paid.c.paid, 0)
    cutoff = today - dt.timedelta(days=w.overdue_days)
    overdue = {
        row[0]: (row[1] or 0, row[2] or 0)
        for row in _by_account(
            session,
            select(
                Order.account_id,
                func.sum(case((Order.payment_due < cutoff, owed), else_=0)),
                func.sum(case((Order.payment_due >= cutoff, owed), else_=0)),
            )
            .outerjoin(paid, paid.c.order_id == Order.id)
            .where(Order.deleted_at.is_(None), Order.payment_due < today, owed > 0)
            .group_by(Order.account_id),
            Order.account_id,
            ids,
        )
    }
    late_complaints = dict(
        _by_account(
            session,
            select(Complaint.account_id, func.count())
            .where(
                Complaint.deleted_at.is_(None),
                Complaint.status.not_in(CLOSED),
                Complaint.sla_due_at < now,
            )
            .group_by(Complaint.account_id),
            Complaint.account_id,
            ids,
        )
    )
    year_ago, two_years_ago = today - dt.timedelta(days=365), today - dt.timedelta(days=730)
    orders = {
        row[0]: (row[1] or 0, row[2] or 0)
        for row in _by_account(
            session,
            select(
                Order.account_id,
                func.sum(case((Order.order_date > year_ago, Order.amount), else_=0)),
                func.sum(case((Order.order_date <= year_ago, Order.amount), else_=0)),
            )
            .where(
                Order.deleted_at.is_(None),
                Order.order_date > two_years_ago,
                Order.order_date <= today,
            )
            .group_by(Order.account_id),
            Order.account_id,
            ids,
        )
    }
    return {
        account_id: HealthFacts(
            cadence_days=cadence.get(tier, coverage.DEFAULT_CADENCE["C"]),
            last_visit=_aware(last_visit.get(account_id)),
            decision_maker_met=_aware(met.get(account_id)),
            overdue_long=yuan(overdue.get(account_id, (0, 0))[0]),
            overdue_short=yuan(overdue.get(account_id, (0, 0))[1]),
            complaints_past_sla=int(late_complaints.get(account_id, 0)),
            orders_this_year=yuan(orders.get(account_id, (0, 0))[0]),
            orders_last_year=yuan(orders.get(account_id, (0, 0))[1]),
        )
        for account_id, tier in tiers.items()
    }


def scores(
    session: Session, now: dt.datetime, today: dt.date, account_ids: Iterable[str] | None = None
) -> dict[str, Health]:
    """Account id -> its health, for every live account (or those named)."""
    w = weights(session)
    facts = gather(session, now, today, account_ids, w)
    return {account_id: score(f, w, now) for account_id, f in facts.items()}


def account_health(session: Session, account_id: str, now: dt.datetime, today: dt.date) -> Health:
    return scores(session, now, today, [account_id])[account_id]


def _aware(value: Any) -> dt.datetime | None:
    return None if value is None else aware(value)


def yuan(fen: Any) -> Decimal:
    """A SUM over Money columns: Decimal yuan when typed, the stored fen when raw."""
    if isinstance(fen, Decimal):
        return fen
    return from_fen(int(fen)) if fen else ZERO
