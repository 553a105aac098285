"""Follow-up tasks (跟进事项): someone must do something by a date.

Tasks come from call reports or are added by hand. A task is overdue when it is open
and its due date is before today (the user's local date); due today when the dates
are equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.models import Account, Task, User
from desktop.domain.services import records
from desktop.domain.uow import UnitOfWork


@dataclass(frozen=True)
class TaskRow:
    id: str
    title: str
    due_date: dt.date | None
    status: str
    owner_id: str | None
    owner_name: str
    account_id: str | None
    account_name: str
    visit_id: str | None
    done_at: dt.datetime | None
    notes: str
    objective_id: str | None = None  # an account plan objective's action

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == "open" and self.due_date is not None and self.due_date < today


def _load(session: Session, row_id: str) -> Task:
    row = records._load(session, Task, row_id)
    assert isinstance(row, Task)
    return row


def add_task(
    uow: UnitOfWork,
    *,
    title: str,
    due_date: dt.date | None,
    owner_id: str | None,
    account_id: str | None = None,
    visit_id: str | None = None,
    notes: str = "",
    objective_id: str | None = None,
) -> str:
    if not title.strip():
        raise ValidationError({"title": "a follow-up needs a title"})
    task = Task(
        title=title.strip(),
        due_date=due_date,
        owner_id=owner_id,
        account_id=account_id,
        visit_id=visit_id,
        status="open",
        notes=notes,
        objective_id=objective_id,
    )
    uow.add(task)
    return task.id


def complete(uow: UnitOfWork, task_id: str) -> None:
    task = _load(uow.session, task_id)
    if task.status == "cancelled":
        raise DomainError("a cancelled follow-up cannot be completed")
    uow.update(task, {"status": "done", "done_at": uow.now})


def cancel(uow: UnitOfWork, task_id: str) -> None:
    uow.update(_load(uow.session, task_id), {"status": "cancelled"})


def reschedule(
    uow: UnitOfWork, task_id: str, due_date: dt.date | None, owner_id: str | None = None
) -> None:
    task = _load(uow.session, task_id)
    changes: dict[str, object] = {"due_date": due_date}
    if owner_id is not None:
        changes["owner_id"] = owner_id
    uow.update(task, changes)


def list_tasks(
    session: Session,
    *,
    owner_id: str | None = None,
    owner_ids: Iterable[str] | None = None,
    account_id: str | None = None,
    visit_id: str | None = None,
    objective_ids: Iterable[str] | None = None,
    statuses: Iterable[str] | None = ("open",),
    due_before: dt.date | None = None,
    due_on: dt.date | None = None,
    due_from: dt.date | None = None,
    done_from: dt.datetime | None = None,
    done_to: dt.datetime | None = None,
    limit: int | None = None,
) -> list[TaskRow]:
    """Follow-ups in due-date order (undated last); ``statuses=None`` means all."""
    query = (
        select(Task, User.display_name, Account.name)
        .outerjoin(User, User.id == Task.owner_id)
        .outerjoin(Account, Account.id == Task.account_id)
        .where(Task.deleted_at.is_(None))
    )
    if owner_id is not None:
        query = query.where(Task.owner_id == owner_id)
    if owner_ids is not None:
        query = query.where(Task.owner_id.in_(list(owner_ids)))
    if account_id is not None:
        query = query.where(Task.account_id == account_id)
    if visit_id is not None:
        query = query.where(Task.visit_id == visit_id)
    if objective_ids is not None:
        query = query.where(Task.objective_id.in_(list(objective_ids)))
    if statuses is not None:
        query = query.where(Task.status.in_(list(statuses)))
    if due_before is not None:
        query = query.where(Task.due_date < due_before)
    if due_on is not None:
        query = query.where(Task.due_date == due_on)
    if due_from is not None:
        query = query.where(Task.due_date >= due_from)
    if done_from is not None:
        query = query.where(Task.done_at >= done_from)
    if done_to is not None:
        query = query.where(Task.done_at < done_to)
    query = query.order_by(Task.due_date.is_(None), Task.due_date, Task.id)
    if limit is not None:
        query = query.limit(limit)
    return [
        TaskRow(
            id=t.id,
            title=t.title,
            due_date=t.due_date,
            status=t.status,
            owner_id=t.owner_id,
            owner_name=owner or "",
            account_id=t.account_id,
            account_name=account or "",
            visit_id=t.visit_id,
            done_at=t.done_at,
            notes=t.notes or "",
            objective_id=t.objective_id,
        )
        for t, owner, account in session.execute(query)
    ]


def overdue(session: Session, today: dt.date, owner_id: str | None = None) -> list[TaskRow]:
    return list_tasks(session, owner_id=owner_id, due_before=today)


def due_today(session: Session, today: dt.date, owner_id: str | None = None) -> list[TaskRow]:
    return list_tasks(session, owner_id=owner_id, due_on=today)
