"""Account plans (大客户计划): per account and year, a SWOT and objectives.

An objective's actions are follow-ups (``Task.objective_id``), so they appear on the
task list and on Today like every follow-up. An objective carries its account so it is
scoped (and leaves a device) with the account, as its plan does.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.models.base import Synced
from desktop.domain.models.types import DecimalText

OBJECTIVE_STATUSES = ("open", "achieved", "dropped")


class AccountPlan(Synced):
    """One account's plan for one year (one plan per account and year)."""

    __tablename__ = "account_plan"
    __table_args__ = (Index("ix_account_plan_account_year", "account_id", "year"),)
    label = "account plan"

    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    year: Mapped[int] = mapped_column(Integer)
    strengths: Mapped[str] = mapped_column(Text, default="")
    weaknesses: Mapped[str] = mapped_column(Text, default="")
    opportunities: Mapped[str] = mapped_column(Text, default="")
    threats: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class PlanObjective(Synced):
    """Something the plan means to reach by a date: a target value in a unit
    ("yuan" for money, else what the rep writes: "sites", "%", "SKUs")."""

    __tablename__ = "plan_objective"
    __table_args__ = (
        Index("ix_plan_objective_plan_id", "plan_id"),
        Index("ix_plan_objective_account_id", "account_id"),
    )
    label = "plan objective"

    plan_id: Mapped[str] = mapped_column(ForeignKey("account_plan.id"))
    account_id: Mapped[str] = mapped_column(ForeignKey("account.id"))
    title: Mapped[str] = mapped_column(String(200))
    target_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    unit: Mapped[str] = mapped_column(String(20), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")
    notes: Mapped[str] = mapped_column(Text, default="")
