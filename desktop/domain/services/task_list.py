"""The task list (任务): every open follow-up of mine (for a manager, also the team's),
grouped by when it is due: overdue, today, this week (to Sunday), later (and undated).

Reminders are follow-ups with a date; there is no second kind of task. Completing,
rescheduling and reassigning are ``followups.complete`` and ``followups.reschedule``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.domain.services import followups
from desktop.domain.services import team as teams

BUCKETS = ("overdue", "today", "this_week", "later")


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
    task: followups.TaskRow
    bucket: str

    @property
    def id(self) -> str:
        return self.task.id


@dataclass(frozen=True)
class TaskList:
    items: list[TaskItem]  # section by section, by due date within one
    counts: dict[str, int]  # bucket -> open follow-ups in it


def task_list(
    session: Session, user_id: str | None, today: dt.date, *, team: bool = False
) -> TaskList:
    """``user_id``'s open follow-ups; with ``team`` (a manager), their team's too."""
    owners = [user_id] if user_id is not None else []
    found = teams.team_of(session, user_id) if team else None
    if found is not None:
        owners += found.ids
    rows = followups.list_tasks(session, owner_ids=owners)
    items = [TaskItem(row, bucket_of(row.due_date, today)) for row in rows]
    order = {name: index for index, name in enumerate(BUCKETS)}
    items.sort(key=lambda item: order[item.bucket])  # stable: due dates stay in order
    counts = Counter(item.bucket for item in items)
    return TaskList(items, {bucket: counts.get(bucket, 0) for bucket in BUCKETS})
