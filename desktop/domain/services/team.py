"""What a manager acts on for their team, Qt-free (the manager's Today).

The team is the active users who share the manager's ``team_id``. For those reps this
module finds the quotes waiting for the manager's approval, their overdue follow-ups,
their late deliveries and their overdue receivables (回款). Each list is capped, most
urgent first, and says how many more there are, so a team of busy reps gives a Today
page the manager can read, not a wall of rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, Order, Payment, Quote, Task, User
from desktop.domain.models import Team as TeamRow
from desktop.domain.money import ZERO
from desktop.domain.services import followups

T = TypeVar("T")
MANAGER_ROLES = ("manager",)


@dataclass(frozen=True)
class Capped(Generic[T]):
    """The first rows of a list, and how many rows the whole list has."""

    rows: list[T]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.rows), 0)


@dataclass(frozen=True)
class Team:
    """A manager's team: member id -> display name (the manager not included)."""

    manager_id: str
    team_id: str | None
    members: dict[str, str]

    @property
    def ids(self) -> list[str]:
        return list(self.members)


def team_of(session: Session, user_id: str | None) -> Team | None:
    """The team ``user_id`` manages; None for a rep, an admin or an unknown user."""
    if user_id is None:
        return None
    user = session.execute(
        select(User.role, User.team_id).where(User.id == user_id, User.deleted_at.is_(None))
    ).first()
    if user is None or user.role not in MANAGER_ROLES:
        return None
    members: dict[str, str] = {}
    if user.team_id is not None:
        rows = session.execute(
            select(User.id, User.display_name)
            .where(
                User.team_id == user.team_id,
                User.id != user_id,
                User.deleted_at.is_(None),
                User.active.is_(True),
            )
            .order_by(User.display_name)
        )
        members = {row.id: row.display_name for row in rows}
    return Team(user_id, user.team_id, members)


def team_choices(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every team, by name (the meeting pack's team filter)."""
    query = select(TeamRow.id, TeamRow.name).where(TeamRow.deleted_at.is_(None))
    return [(i, n) for i, n in session.execute(query.order_by(TeamRow.name))]


def _count(session: Session, query: Select[*tuple[Any, ...]]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


# -- quotes waiting for approval ------------------------------------------------------


@dataclass(frozen=True)
class Approval:
    quote_id: str
    number: str
    revision: str
    account_id: str
    account_name: str
    owner_id: str | None
    total: Decimal
    currency: str
    requested_at: dt.datetime  # when the quote last changed: the request, at the latest
    justification: str


def pending_approvals(session: Session, owner_ids: Collection[str], limit: int) -> Capped[Approval]:
    """The latest revisions of the owners' quotes waiting for approval, oldest first."""
    if not owner_ids:
        return Capped([], 0)
    query = (
        select(Quote, Account.name)
        .join(Account, Account.id == Quote.account_id)
        .where(
            Quote.deleted_at.is_(None),
            Quote.is_latest.is_(True),
            Quote.status == "pending_approval",
            Quote.owner_id.in_(list(owner_ids)),
        )
    )
    rows = [
        Approval(
            quote_id=q.id,
            number=q.number,
            revision=q.revision,
            account_id=q.account_id,
            account_name=name,
            owner_id=q.owner_id,
            total=q.total,
            currency=q.currency,
            requested_at=q.updated_at,
            justification=q.justification or "",
        )
        for q, name in session.execute(query.order_by(Quote.updated_at, Quote.id).limit(limit))
    ]
    return Capped(rows, _count(session, query))


# -- overdue follow-ups ------------------------------------------------------------------


def _overdue_tasks(owner_ids: Collection[str], today: dt.date) -> Select[str]:
    return select(Task.id).where(
        Task.deleted_at.is_(None),
        Task.status == "open",
        Task.due_date < today,
        Task.owner_id.in_(list(owner_ids)),
    )


def overdue_followups(
    session: Session, owner_ids: Collection[str], today: dt.date, limit: int
) -> Capped[followups.TaskRow]:
    """The owners' open follow-ups past their due date, most overdue first."""
    if not owner_ids:
        return Capped([], 0)
    # Each owner's most overdue ones, merged: never more than ``limit`` rows per owner.
    found = [
        row
        for owner in owner_ids
        for row in followups.list_tasks(session, owner_id=owner, due_before=today, limit=limit)
    ]
    found.sort(key=lambda t: (t.due_date or today, t.owner_name, t.id))
    return Capped(found[:limit], _count(session, _overdue_tasks(owner_ids, today)))


# -- orders: late deliveries and overdue receivables ---------------------------------------


@dataclass(frozen=True)
class OrderDue:
    order_id: str
    number: str
    account_id: str
    account_name: str
    owner_id: str | None
    due: dt.date  # the expected delivery, or the payment due date
    delivery_status: str
    outstanding: Decimal
    currency: str


def _orders(
    owner_ids: Collection[str], *where: ColumnElement[bool]
) -> Select[Order, str, Decimal | None]:
    """The owners' orders with their account name and the sum paid (receivables are
    ``receivables.ledger``'s: the payment plan)."""
    paid = (
        select(Payment.order_id, func.sum(Payment.amount).label("paid"))
        .where(Payment.deleted_at.is_(None))
        .group_by(Payment.order_id)
        .subquery()
    )
    query = (
        select(Order, Account.name, paid.c.paid)
        .join(Account, Account.id == Order.account_id)
        .outerjoin(paid, paid.c.order_id == Order.id)
        .where(Order.deleted_at.is_(None), Order.owner_id.in_(list(owner_ids)), *where)
    )
    return query


def _order_rows(
    session: Session, query: Select[Order, str, Decimal | None], due: str, limit: int
) -> Capped[OrderDue]:
    rows = []
    for order, name, paid in session.execute(query.limit(limit)):
        rows.append(
            OrderDue(
                order_id=order.id,
                number=order.number,
                account_id=order.account_id,
                account_name=name,
                owner_id=order.owner_id,
                due=getattr(order, due),
                delivery_status=order.delivery_status,
                outstanding=order.amount - (paid or ZERO),
                currency=order.currency,
            )
        )
    return Capped(rows, _count(session, query))


def late_deliveries(
    session: Session, owner_ids: Collection[str], today: dt.date, limit: int
) -> Capped[OrderDue]:
    """The owners' orders not fully delivered by their expected date, oldest first."""
    if not owner_ids:
        return Capped([], 0)
    query = _orders(
        owner_ids, Order.delivery_status != "delivered", Order.expected_delivery < today
    ).order_by(Order.expected_delivery, Order.id)
    return _order_rows(session, query, "expected_delivery", limit)
