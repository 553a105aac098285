"""The task list (任务): every open follow-up of mine (for a manager, also the team's),
grouped by when it is due: overdue, today, this week (to Sunday), later (and undated),
and the contracts to renew: active ones ending within their tier's renewal notice
(``contracts.renewals_due``), soonest end first.

Reminders are follow-ups with a date. Completing, rescheduling and reassigning are
``followups.complete`` and ``followups.reschedule``; a renewal is started from its
contract (``contracts.start_renewal``) and leaves the list when the contract is renewed,
ends or is terminated.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.domain.services import contracts, followups
from desktop.domain.services import team as teams

BUCKETS = ("overdue", "today", "this_week", "renewals", "later")
RENEWAL = "renewal_due"  # the status of a renewal's row


def bucket_of(due: dt.date | None, today: dt.date) -> str:
    """Which section a follow-up due on ``due`` is in, seen on ``today``."""
    if due is None:
        return "later"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    sunday = today + dt.timedelta(days=6 - today.weekday())
    return "this_week" if due <= sunday else "later"


@dataclass(frozen=True)
class TaskItem:
    """A follow-up, or (``bucket`` "renewals") a contract to renew: then ``task`` is the
    contract (id, "number · title", its end as the due date, status ``RENEWAL``)."""

    task: followups.TaskRow
    bucket: str

    @property
    def id(self) -> str:
        return self.task.id

    @property
    def is_renewal(self) -> bool:
        return self.bucket == "renewals"


def _renewal(row: contracts.ContractRow) -> followups.TaskRow:
    return followups.TaskRow(
        id=row.id,
        title=f"{row.number} · {row.title}",
        due_date=row.end_on,
        status=RENEWAL,
        owner_id=row.owner_id,
        owner_name=row.owner_name,
        account_id=row.account_id,
        account_name=row.account_name,
        visit_id=None,
        done_at=None,
        notes="",
    )


@dataclass(frozen=True)
class TaskList:
    items: list[TaskItem]  # section by section, by due date within one
    counts: dict[str, int]  # bucket -> open follow-ups in it


def task_list(
    session: Session, user_id: str | None, today: dt.date, *, team: bool = False
) -> TaskList:
    """``user_id``'s open follow-ups and contracts to renew; with ``team`` (a manager),
    their team's too."""
    owners = [user_id] if user_id is not None else []
    found = teams.team_of(session, user_id) if team else None
    if found is not None:
        owners += found.ids
    rows = followups.list_tasks(session, owner_ids=owners)
    items = [TaskItem(row, bucket_of(row.due_date, today)) for row in rows]
    renewing = contracts.renewals_due(session, today, owners) if owners else []
    items += [TaskItem(_renewal(row), "renewals") for row in renewing]
    order = {name: index for index, name in enumerate(BUCKETS)}
    items.sort(key=lambda item: order[item.bucket])  # stable: due dates stay in order
    counts = Counter(item.bucket for item in items)
    return TaskList(items, {bucket: counts.get(bucket, 0) for bucket in BUCKETS})
