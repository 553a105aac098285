"""The weekly report (周报): compiled from the rep's week, written up, submitted, and
commented on by a manager.

``compile_week`` gathers the facts (visits done, planned and cancelled, call reports,
follow-ups completed, open and overdue, quotes issued and orders won, and next week's
planned visits); the rep adds a summary and next week's plan and submits. A submitted
report is read-only to its rep; a manager or admin comments on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, PermissionDeniedError, ValidationError
from desktop.domain.models import Account, Order, Quote, User, WeeklyReport
from desktop.domain.services import followups, records, visits
from desktop.domain.uow import UnitOfWork


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekFacts:
    owner_id: str
    week_start: dt.date
    done: list[visits.VisitRow] = field(default_factory=list)
    planned: list[visits.VisitRow] = field(default_factory=list)  # this week, not reported
    cancelled: list[visits.VisitRow] = field(default_factory=list)
    reports: list[tuple[str, str, str]] = field(default_factory=list)  # account, outcome, notes
    completed: list[followups.TaskRow] = field(default_factory=list)
    open_followups: list[followups.TaskRow] = field(default_factory=list)
    overdue: list[followups.TaskRow] = field(default_factory=list)
    quotes: list[tuple[str, str, Decimal]] = field(default_factory=list)  # number, account, total
    orders: list[tuple[str, str, Decimal]] = field(default_factory=list)
    next_week: list[visits.VisitRow] = field(default_factory=list)

    @property
    def quoted_total(self) -> Decimal:
        return sum((q[2] for q in self.quotes), Decimal(0))

    @property
    def won_total(self) -> Decimal:
        return sum((o[2] for o in self.orders), Decimal(0))


def compile_week(
    session: Session,
    owner_id: str,
    monday: dt.date,
    zone: ZoneInfo = visits.DEFAULT_ZONE,
    today: dt.date | None = None,
) -> WeekFacts:
    """The week's facts; follow-ups count as overdue at the week's end, or ``today``
    while the week is still running."""
    monday = week_start(monday)
    sunday = monday + dt.timedelta(days=6)
    overdue_on = sunday + dt.timedelta(days=1)
    if today is not None:
        overdue_on = min(overdue_on, today)
    start, _ = visits.local_day_bounds(monday, zone)
    _, end = visits.local_day_bounds(sunday, zone)
    _, next_end = visits.local_day_bounds(sunday + dt.timedelta(days=7), zone)
    week = visits.list_visits(session, start=start, end=end, owner_id=owner_id)
    done = [v for v in week if v.status == "done"]
    reports = []
    for v in done:
        detail = visits.get_visit(session, v.id)
        reports.append((v.account_name, detail.outcome, detail.report))
    quotes = [
        (f"{q.number} {q.revision}", name, q.total)
        for q, name in session.execute(
            select(Quote, Account.name)
            .join(Account, Account.id == Quote.account_id)
            .where(
                Quote.owner_id == owner_id,
                Quote.deleted_at.is_(None),
                Quote.issued_on >= monday,
                Quote.issued_on <= sunday,
            )
            .order_by(Quote.issued_on, Quote.number)
        )
    ]
    orders = [
        (o.number, name, o.amount)
        for o, name in session.execute(
            select(Order, Account.name)
            .join(Account, Account.id == Order.account_id)
            .where(
                Order.owner_id == owner_id,
                Order.deleted_at.is_(None),
                Order.order_date >= monday,
                Order.order_date <= sunday,
            )
            .order_by(Order.order_date, Order.number)
        )
    ]
    return WeekFacts(
        owner_id=owner_id,
        week_start=monday,
        done=done,
        planned=[v for v in week if v.status == "planned"],
        cancelled=[v for v in week if v.status == "cancelled"],
        reports=reports,
        completed=followups.list_tasks(
            session, owner_id=owner_id, statuses=("done",), done_from=start, done_to=end
        ),
        open_followups=followups.list_tasks(session, owner_id=owner_id),
        overdue=followups.overdue(session, overdue_on, owner_id),
        quotes=quotes,
        orders=orders,
        next_week=visits.list_visits(
            session, start=end, end=next_end, owner_id=owner_id, statuses=("planned",)
        ),
    )


@dataclass(frozen=True)
class ReportRow:
    id: str
    owner_id: str
    owner_name: str
    week_start: dt.date
    status: str
    summary: str
    next_week_plan: str
    submitted_at: dt.datetime | None
    manager_comment: str


def _find(session: Session, owner_id: str, monday: dt.date) -> WeeklyReport | None:
    return session.scalar(
        select(WeeklyReport).where(
            WeeklyReport.owner_id == owner_id,
            WeeklyReport.week_start == week_start(monday),
            WeeklyReport.deleted_at.is_(None),
        )
    )


def save_draft(
    uow: UnitOfWork, owner_id: str, monday: dt.date, *, summary: str, next_week_plan: str
) -> str:
    """Create or update the rep's report for the week; refused once submitted."""
    report = _find(uow.session, owner_id, monday)
    if report is None:
        report = WeeklyReport(
            owner_id=owner_id,
            week_start=week_start(monday),
            status="draft",
            summary=summary.strip(),
            next_week_plan=next_week_plan.strip(),
            manager_comment="",
        )
        uow.add(report)
        return report.id
    if report.status != "draft":
        raise DomainError("this weekly report is submitted and can no longer be changed")
    uow.update(report, {"summary": summary.strip(), "next_week_plan": next_week_plan.strip()})
    return report.id


def submit(uow: UnitOfWork, report_id: str) -> None:
    report = records._load(uow.session, WeeklyReport, report_id)
    assert isinstance(report, WeeklyReport)
    if report.status != "draft":
        raise DomainError("this weekly report is already submitted")
    if not report.summary.strip():
        raise ValidationError({"summary": "write a summary before submitting"})
    uow.update(report, {"status": "submitted", "submitted_at": uow.now})


def comment(uow: UnitOfWork, report_id: str, text: str) -> None:
    """A manager's (or admin's) comment on a submitted report."""
    author = uow.session.get(User, uow.actor_id) if uow.actor_id else None
    if author is None or author.role not in ("manager", "admin"):
        raise PermissionDeniedError("only a manager can comment on a weekly report")
    report = records._load(uow.session, WeeklyReport, report_id)
    assert isinstance(report, WeeklyReport)
    if report.status == "draft":
        raise DomainError("the report is not submitted yet")
    uow.update(
        report, {"manager_comment": text.strip(), "commented_by": author.id, "status": "commented"}
    )


def list_reports(
    session: Session, *, monday: dt.date | None = None, owner_ids: list[str] | None = None
) -> list[ReportRow]:
    """Reports (a manager's team after sync), newest week first."""
    query = (
        select(WeeklyReport, User.display_name)
        .join(User, User.id == WeeklyReport.owner_id)
        .where(WeeklyReport.deleted_at.is_(None))
    )
    if monday is not None:
        query = query.where(WeeklyReport.week_start == week_start(monday))
    if owner_ids is not None:
        query = query.where(WeeklyReport.owner_id.in_(owner_ids))
    query = query.order_by(WeeklyReport.week_start.desc(), User.display_name)
    return [_row(r, name) for r, name in session.execute(query)]


def _row(report: WeeklyReport, owner_name: str) -> ReportRow:
    return ReportRow(
        report.id,
        report.owner_id,
        owner_name,
        report.week_start,
        report.status,
        report.summary,
        report.next_week_plan,
        report.submitted_at,
        report.manager_comment,
    )


@dataclass(frozen=True)
class WeeklyView:
    """One rep's week as the weekly-report screen, the Excel and the PDF show it."""

    owner_id: str
    owner_name: str
    facts: WeekFacts
    report: ReportRow | None  # None: nothing written for this week yet

    @property
    def status(self) -> str:
        return self.report.status if self.report is not None else "draft"

    @property
    def locked(self) -> bool:
        """Submitted (or commented): the rep can no longer change it."""
        return self.status != "draft"


def week_view(
    session: Session,
    owner_id: str,
    monday: dt.date,
    zone: ZoneInfo = visits.DEFAULT_ZONE,
    today: dt.date | None = None,
) -> WeeklyView:
    owner_name = session.scalar(select(User.display_name).where(User.id == owner_id)) or ""
    report = _find(session, owner_id, monday)
    return WeeklyView(
        owner_id,
        owner_name,
        compile_week(session, owner_id, monday, zone, today),
        None if report is None else _row(report, owner_name),
    )
