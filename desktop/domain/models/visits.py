"""Visits (拜访) with their call reports, follow-up tasks and weekly reports (周报)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced
from desktop.domain.models.types import JSONText, UTCDateTime

VISIT_STATUSES = ("planned", "done", "cancelled")
VISIT_TYPES = ("onsite", "phone", "video")
TASK_STATUSES = ("open", "done", "cancelled")


class Visit(Synced):
    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_account_id", "account_id"),
        Index("ix_visit_owner_start", "owner_id", "planned_start"),
        # Covers an account's last done / next planned visit (the Accounts list's
        # columns and their sort): at 100k accounts, sorting by last visit 650 -> 230 ms.
        Index(
            "ix_visit_account_dates",
            "account_id",
            "status",
            "deleted_at",
            "planned_start",
            "checked_in_at",
        ),
    )
    label = "visit"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))
    contact_ids: Mapped[list[str]] = mapped_column(JSONText, default=list)
    status: Mapped[str] = mapped_column(String(16), default="planned")
    visit_type: Mapped[str] = mapped_column(String(16), default="onsite")
    purpose: Mapped[str] = mapped_column(String(300), default="")
    planned_start: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=60)
    location: Mapped[str | None] = mapped_column(String(300))
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    checkin_location: Mapped[str | None] = mapped_column(String(300))
    actual_end: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(40))
    report: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    competitors: Mapped[str] = mapped_column(String(300), default="")
    # When a visit that had already happened was recorded (planned on a past day, or
    # reported after its day without a check-in); None for a visit recorded in time.
    recorded_after_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class VisitAttendee(Synced):
    """Who was at a visit: a contact of the account, or a colleague (a user).

    ``account_id`` is the visit's, so attendees sync and leave a device with it."""

    __tablename__ = "visit_attendee"
    __table_args__ = (
        Index("ix_visit_attendee_visit_id", "visit_id"),
        Index("ix_visit_attendee_account_id", "account_id"),
        Index("ix_visit_attendee_contact_id", "contact_id"),
    )
    label = "visit attendee"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"))
    user_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))


class Task(Synced):
    """A follow-up: something someone must do by a date."""

    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_owner_due", "owner_id", "due_date"),
        Index("ix_task_account_id", "account_id"),
        Index("ix_task_objective_id", "objective_id"),
    )
    label = "follow-up"

    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"))
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"))
    title: Mapped[str] = mapped_column(String(300))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    # An action of an account plan's objective (大客户计划), else None.
    objective_id: Mapped[str | None] = mapped_column(ForeignKey("plan_objective.id"))


class WeeklyReport(Synced):
    __tablename__ = "weekly_report"
    __table_args__ = (Index("ix_weekly_report_owner_week", "owner_id", "week_start"),)
    label = "weekly report"

    owner_id: Mapped[str] = mapped_column(ForeignKey("user.id"))
    week_start: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    next_week_plan: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    manager_comment: Mapped[str] = mapped_column(Text, default="")
    commented_by: Mapped[str | None] = mapped_column(String(36))
