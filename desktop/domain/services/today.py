"""The Today page's items, Qt-free: what a rep must look at this morning.

In display order: today's visits by time, overdue follow-ups, follow-ups due today,
accounts due for a visit, then, when those services are installed, quotes expiring
within 7 days, late deliveries, overdue receivables (回款), complaints near their SLA,
and this month's target progress. The optional sections go through small hooks that
import the other service lazily and give nothing when it is absent, so Today never
depends on a feature that has not landed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desktop.domain.money import format_money
from desktop.domain.services import coverage, followups, visits

log = logging.getLogger(__name__)

SECTIONS = (
    "visits",
    "overdue",
    "due_today",
    "coverage",
    "quotes",
    "deliveries",
    "receivables",
    "complaints",
)
QUOTE_WARNING_DAYS = 7


@dataclass(frozen=True)
class TodayItem:
    section: str
    entity: str  # what opening the item shows: visit, task, account, quote, order, complaint
    record_id: str
    title: str
    detail: str = ""
    when: dt.datetime | dt.date | None = None
    status: str = ""
    account_id: str | None = None


@dataclass(frozen=True)
class TargetProgress:
    period: str
    target: Decimal
    actual: Decimal

    @property
    def percent(self) -> Decimal | None:
        if self.target <= 0:
            return None
        return (self.actual * 100 / self.target).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class TodayView:
    day: dt.date
    items: list[TodayItem] = field(default_factory=list)
    target: TargetProgress | None = None

    def section(self, name: str) -> list[TodayItem]:
        return [i for i in self.items if i.section == name]


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"desktop.domain.services.{name}")
    except ImportError:
        return None


def _optional(hook: Callable[[ModuleType], list[TodayItem]], module: str) -> list[TodayItem]:
    found = _module(module)
    if found is None:
        return []
    try:
        return hook(found)
    except (AttributeError, TypeError):
        # The other service changed shape: Today still shows everything else.
        log.exception("Today: the %s section is unavailable", module)
        return []


def build(
    session: Session,
    user_id: str | None,
    now: dt.datetime,
    zone: ZoneInfo = visits.DEFAULT_ZONE,
    *,
    coverage_limit: int = 20,
) -> TodayView:
    """Everything on Today for ``user_id`` (None: everyone, e.g. an admin's device)."""
    today = now.astimezone(zone).date()
    start, end = visits.local_day_bounds(today, zone)
    items: list[TodayItem] = [
        TodayItem(
            "visits", "visit", v.id, v.account_name, v.purpose, v.start, v.status, v.account_id
        )
        for v in visits.list_visits(
            session, start=start, end=end, owner_id=user_id, statuses=("planned", "done")
        )
    ]
    for section, tasks in (
        ("overdue", followups.overdue(session, today, user_id)),
        ("due_today", followups.due_today(session, today, user_id)),
    ):
        items += [
            TodayItem(
                section, "task", t.id, t.title, t.account_name, t.due_date, t.status, t.account_id
            )
            for t in tasks
        ]
    items += [
        TodayItem(
            "coverage",
            "account",
            s.account_id,
            s.account_name,
            f"{s.tier}",
            s.due_date,
            s.state,
            s.account_id,
        )
        for s in coverage.accounts_due(
            session, today, owner_id=user_id, zone=zone, limit=coverage_limit
        )
    ]

    def quotes(module: ModuleType) -> list[TodayItem]:
        horizon = today + dt.timedelta(days=QUOTE_WARNING_DAYS)
        found = []
        for status in ("sent", "approved"):
            where = module.QuoteFilter(status=status, owner_id=user_id)
            for q in module.list_quotes(session, where, today=today):
                until = q.get("valid_until")
                if until is not None and today <= until <= horizon:
                    found.append(
                        TodayItem(
                            "quotes",
                            "quote",
                            q["id"],
                            q["account_name"],
                            f"{q['number']} {q.get('revision', '')}".strip(),
                            until,
                            q.get("shown_status", status),
                            q["account_id"],
                        )
                    )
        return sorted(found, key=lambda i: (i.when, i.title))

    def deliveries(module: ModuleType) -> list[TodayItem]:
        return [
            TodayItem(
                "deliveries",
                "order",
                o["id"],
                o["account_name"],
                o["number"],
                o.get("expected_delivery"),
                o.get("delivery_status", ""),
                o["account_id"],
            )
            for o in module.late_deliveries(session, today, owner_id=user_id)
        ]

    def receivables(module: ModuleType) -> list[TodayItem]:
        # One item per order whose payment is past due, oldest due date first.
        overdue = [
            o
            for o in module.list_orders(session, today, owner_id=user_id, limit=None)
            if o["overdue"]
        ]
        overdue.sort(key=lambda o: (o["payment_due"], o["account_name"]))
        return [
            TodayItem(
                "receivables",
                "order",
                o["id"],
                o["account_name"],
                f"{o['number']} · {format_money(o['outstanding'], o['currency'])}",
                o["payment_due"],
                "overdue",
                o["account_id"],
            )
            for o in overdue
        ]

    def complaints(module: ModuleType) -> list[TodayItem]:
        owners = [user_id] if user_id is not None else None
        return [
            TodayItem(
                "complaints",
                "complaint",
                c.id,
                c.account_name,
                c.title,
                c.sla_due_at,
                c.sla_state,
                c.account_id,
            )
            for c in module.close_to_breach(session, owner_ids=owners, now=now)
        ]

    items += _optional(quotes, "quotes")
    items += _optional(deliveries, "orders")
    items += _optional(receivables, "orders")
    items += _optional(complaints, "complaints")
    return TodayView(day=today, items=items, target=_target(session, user_id, today, zone))


def _target(
    session: Session, user_id: str | None, today: dt.date, zone: ZoneInfo
) -> TargetProgress | None:
    module = _module("targets")
    if module is None or user_id is None:
        return None
    try:
        period = module.month_key(today.year, today.month)
        owners: list[Any] = module.owners_in_scope(session, rep_id=user_id)
        if not owners:
            return None
        (line,) = module.scoreboard(session, period, owners, zone)
        return TargetProgress(period, line.target, line.actual)
    except (AttributeError, TypeError, ValueError):
        log.exception("Today: target progress is unavailable")
        return None
