"""What the reminder timer asks: which visits start soon, how many follow-ups are late.

The UI polls these (a QTimer while the window is open) and remembers which visits it
already announced, so each visit is announced once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desktop.domain.services import followups, visits

LEAD_TIME = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class OverdueSummary:
    count: int
    oldest_due: dt.date | None
    titles: list[str]  # the first few, oldest first


def starting_soon(
    session: Session,
    user_id: str | None,
    now: dt.datetime,
    *,
    lead: dt.timedelta = LEAD_TIME,
    announced: Collection[str] = (),
) -> list[visits.VisitRow]:
    """Planned visits starting in (now, now + lead], not yet announced."""
    rows = visits.list_visits(
        session,
        start=now,
        end=now + lead + dt.timedelta(seconds=1),
        owner_id=user_id,
        statuses=("planned",),
    )
    return [r for r in rows if r.start > now and r.id not in announced]


def overdue_summary(
    session: Session,
    user_id: str | None,
    now: dt.datetime,
    zone: ZoneInfo = visits.DEFAULT_ZONE,
    *,
    shown: int = 5,
) -> OverdueSummary:
    late = followups.overdue(session, now.astimezone(zone).date(), user_id)
    return OverdueSummary(
        count=len(late),
        oldest_due=late[0].due_date if late else None,
        titles=[t.title for t in late[:shown]],
    )
