"""The Today page's items, Qt-free: what a rep (or their manager) must look at this morning.

In display order: today's visits by time, overdue follow-ups, follow-ups due today,
accounts due for a visit, then, when those services are installed, quotes expiring
within 7 days, late deliveries, receivables (回款: instalments overdue or due within the
week), complaints near their SLA,
and this month's target progress. The optional sections go through small hooks that
import the other service lazily and give nothing when it is absent, so Today never
depends on a feature that has not landed.

A manager sees their own items and, for their team (``desktop.domain.services.team``),
what a manager acts on: quotes waiting for their approval, contracts waiting for
their review, contracts to renew, the reps' overdue
follow-ups, and the team's late deliveries, overdue receivables and complaints near
their SLA, each item naming its rep; the target line is the team's. Team lists are
capped; an item of kind ``more`` says how many are not listed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from decimal import Decimal
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from desktop.domain.health import AT_RISK_BELOW, Reason, at_risk
from desktop.domain.models import Account, AccountHealth
from desktop.domain.money import format_money
from desktop.domain.services import (
    contract_review,
    contracts,
    coverage,
    followups,
    health,
    health_cache,
    receivables,
    visits,
)
from desktop.domain.services import team as teams

log = logging.getLogger(__name__)

SECTIONS = (
    "visits",
    "approvals",
    "contract_reviews",
    "overdue",
    "due_today",
    "team_overdue",
    "coverage",
    "at_risk",
    "quotes",
    "renewals",
    "deliveries",
    "receivables",
    "complaints_breached",
    "complaints",
)
QUOTE_WARNING_DAYS = 7
TEAM_LIMIT = 10  # rows per team section; the rest is counted in a "more" item


@dataclass(frozen=True)
class TodayItem:
    section: str
    # What opening the item shows: visit, task, account, quote, order, complaint;
    # "more" stands for the ``more`` items of a capped section that are not listed.
    entity: str
    record_id: str
    title: str
    detail: str = ""
    when: dt.datetime | dt.date | None = None
    status: str = ""
    account_id: str | None = None
    owner_name: str = ""  # a team member's item on their manager's Today; "" for one's own
    more: int = 0
    reason: Reason | None = None  # an at-risk account's first reason (detail: its score)

    @property
    def client(self) -> str:
        """The account the item is about (a follow-up's is its detail)."""
        return self.detail if self.entity == "task" else self.title

    @property
    def what(self) -> str:
        """What is to be done or looked at: the follow-up, the visit's purpose, the
        quote or order number, the complaint."""
        return self.title if self.entity == "task" else self.detail


@dataclass(frozen=True)
class TargetProgress:
    period: str
    target: Decimal
    actual: Decimal
    team: bool = False  # the manager's team together

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

    def complaints(module: ModuleType) -> list[TodayItem]:
        owners = [user_id] if user_id is not None else None
        return _complaint_items(module.close_to_breach(session, owner_ids=owners, now=now))

    items += _optional(quotes, "quotes")
    team = teams.team_of(session, user_id)
    if team is None:
        items += _at_risk(session, None if user_id is None else [user_id], now, today)
        items += _renewals(session, today, None if user_id is None else [user_id])
        items += _optional(deliveries, "orders")
        items += _receivables(session, None if user_id is None else [user_id], today)
        items += _optional(complaints, "complaints")
        target = _target(session, user_id, today, zone)
    else:
        items += _at_risk(session, [user_id, *team.ids], now, today, team.members)
        items += _renewals(session, today, [user_id, *team.ids], team.members)
        items += _team_items(session, team, today, now)
        target = _team_target(session, team, today, zone)
    order = {name: index for index, name in enumerate(SECTIONS)}
    items.sort(key=lambda i: order.get(i.section, len(order)))  # stable within a section
    return TodayView(day=today, items=items, target=target)


def _receivables(
    session: Session,
    owner_ids: list[str] | None,
    today: dt.date,
    names: dict[str, str] | None = None,
    limit: int | None = None,
    shown: Collection[str] = (),
) -> list[TodayItem]:
    """Instalments (回款计划) overdue or due within the week, oldest due first; a plan-less
    order stands as one instalment due on its payment date and opens as the order."""
    lines = [
        line
        for line in receivables.attention(receivables.ledger(session, today, owner_ids=owner_ids))
        if line.plan.id not in shown
    ]
    listed = lines if limit is None else lines[:limit]
    items = [
        TodayItem(
            "receivables",
            "order" if line.plan.derived else "instalment",
            line.plan.id,
            line.account_name,
            f"{line.parent_number} · {format_money(line.position.open, line.currency)}",
            line.plan.due_on,
            "overdue" if line.position.days_overdue > 0 else "due",
            line.plan.account_id,
            (names or {}).get(line.plan.owner_id or "", ""),
        )
        for line in listed
    ]
    return items + _more("receivables", teams.Capped(listed, len(lines)))


def _more(section: str, found: teams.Capped[Any]) -> list[TodayItem]:
    return [TodayItem(section, "more", "", "", more=found.more)] if found.more else []


def _at_risk(
    session: Session,
    owner_ids: list[str | None] | None,
    now: dt.datetime,
    today: dt.date,
    names: dict[str, str] | None = None,
) -> list[TodayItem]:
    """The accounts of ``owner_ids`` (None: every account) whose health score is at
    risk, lowest score first, each with its score and first reason; the first
    ``TEAM_LIMIT`` and a "more" item for the rest. Scores come from the health cache
    (kept by every write and sync); an account it does not hold yet is scored here,
    unless there are thousands (a first download), which the full pass scores."""
    h = AccountHealth
    live = Account.deleted_at.is_(None)
    mine = Account.owner_id.in_(owner_ids) if owner_ids is not None else true()
    owners: dict[str, str | None] = {}
    reasons: dict[str, Reason | None] = {}
    risky: list[tuple[int, str, str]] = []
    held = select(h.account_id, h.score, h.reasons, Account.name, Account.owner_id).join(
        Account, Account.id == h.account_id
    )
    for account_id, value, stored, name, owner_id in session.execute(
        held.where(live, mine, h.score < AT_RISK_BELOW)
    ):
        owners[account_id] = owner_id
        reasons[account_id] = next(iter(health_cache.decode(stored)), None)
        risky.append((value, name, account_id))
    unscored = select(Account.id, Account.name, Account.owner_id).outerjoin(
        h, h.account_id == Account.id
    )
    missing = {
        row.id: row for row in session.execute(unscored.where(live, mine, h.account_id.is_(None)))
    }
    if len(missing) > health_cache.AT_ONCE:
        missing = {}  # a first download: the full pass scores them, then Today reloads
    for account_id, found_health in (
        health.scores(session, now, today, missing) if missing else {}
    ).items():
        if at_risk(found_health.score):
            owners[account_id] = missing[account_id].owner_id
            reasons[account_id] = next(iter(found_health.reasons), None)
            risky.append((found_health.score, missing[account_id].name, account_id))
    risky.sort()
    found = teams.Capped(risky[:TEAM_LIMIT], len(risky))
    return [
        TodayItem(
            "at_risk",
            "account",
            account_id,
            name,
            str(value),
            status="at_risk",
            account_id=account_id,
            owner_name=(names or {}).get(owners[account_id] or "", ""),
            reason=reasons[account_id],
        )
        for value, name, account_id in found.rows
    ] + _more("at_risk", found)


def _renewals(
    session: Session,
    today: dt.date,
    owner_ids: list[str | None] | None,
    names: dict[str, str] | None = None,
) -> list[TodayItem]:
    """Contracts of ``owner_ids`` (None: all) ending within their tier's renewal notice,
    soonest end first; a team's capped (``names`` names its members)."""
    owners = None if owner_ids is None else [o for o in owner_ids if o is not None]
    due = contracts.renewals_due(session, today, owners)
    found = teams.Capped(due[:TEAM_LIMIT] if names is not None else due, len(due))
    return [
        TodayItem(
            "renewals",
            "contract",
            c.id,
            c.account_name,
            f"{c.number} · {c.title} · {format_money(c.value)}",
            c.end_on,
            "renewal_due",
            c.account_id,
            (names or {}).get(c.owner_id or "", ""),
        )
        for c in found.rows
    ] + _more("renewals", found)


def _team_items(
    session: Session, team: teams.Team, today: dt.date, now: dt.datetime
) -> list[TodayItem]:
    """What the manager acts on: the team's approvals, overdue follow-ups, late
    deliveries, overdue receivables and complaints near their SLA (the last three
    with the manager's own)."""
    names = team.members
    everyone = [team.manager_id, *team.ids]
    items: list[TodayItem] = []

    approvals = teams.pending_approvals(session, team.ids, TEAM_LIMIT)
    items += [
        TodayItem(
            "approvals",
            "quote",
            a.quote_id,
            a.account_name,
            " · ".join(
                part
                for part in (
                    f"{a.number} {a.revision}".strip(),
                    format_money(a.total, a.currency),
                    a.justification,
                )
                if part
            ),
            a.requested_at,
            "pending_approval",
            a.account_id,
            names.get(a.owner_id or "", ""),
        )
        for a in approvals.rows
    ]
    items += _more("approvals", approvals)

    reviews = contract_review.inbox(session, team.manager_id)
    found = teams.Capped(reviews[:TEAM_LIMIT], len(reviews))
    items += [
        TodayItem(
            "contract_reviews",
            "contract",
            c.contract_id,
            c.account_name,
            f"{c.number} · {c.title} · {format_money(c.value, c.currency)}",
            c.submitted_at,
            "under_review",
            c.account_id,
            c.owner_name,
        )
        for c in found.rows
    ] + _more("contract_reviews", found)

    tasks = teams.overdue_followups(session, team.ids, today, TEAM_LIMIT)
    items += [
        TodayItem(
            "team_overdue",
            "task",
            t.id,
            t.title,
            t.account_name,
            t.due_date,
            t.status,
            t.account_id,
            t.owner_name,
        )
        for t in tasks.rows
    ]
    items += _more("team_overdue", tasks)

    def orders(section: str, found: teams.Capped[teams.OrderDue]) -> list[TodayItem]:
        return [
            TodayItem(
                section,
                "order",
                o.order_id,
                o.account_name,
                o.number
                if section == "deliveries"
                else f"{o.number} · {format_money(o.outstanding, o.currency)}",
                o.due,
                o.delivery_status if section == "deliveries" else "overdue",
                o.account_id,
                names.get(o.owner_id or "", ""),
            )
            for o in found.rows
        ] + _more(section, found)

    items += orders("deliveries", teams.late_deliveries(session, everyone, today, TEAM_LIMIT))
    # The manager's own receivables whole, then the team's (capped), each listed once.
    own = _receivables(session, [team.manager_id], today, names)
    seen = {i.record_id for i in own}
    items += own + _receivables(session, team.ids, today, names, TEAM_LIMIT, seen)

    def complaints(module: ModuleType) -> list[TodayItem]:
        urgent = module.close_to_breach(session, owner_ids=everyone, now=now)
        return _complaint_items(urgent, names, TEAM_LIMIT)

    return items + _optional(complaints, "complaints")


def _complaint_items(
    urgent: list[Any], names: dict[str, str] | None = None, limit: int | None = None
) -> list[TodayItem]:
    """Complaints past their SLA (``complaints_breached``) and near it
    (``complaints``), from ``complaints.ComplaintView``s; in each section the first
    ``limit`` with a "more" item for the rest; ``names`` names team members."""
    items: list[TodayItem] = []
    for section, breached in (("complaints_breached", True), ("complaints", False)):
        rows = [c for c in urgent if (c.sla_state == "breached") == breached]
        found = teams.Capped(rows[:limit], len(rows))
        items += [
            TodayItem(
                section,
                "complaint",
                c.id,
                c.account_name,
                c.title,
                c.sla_due_at,
                c.sla_state,
                c.account_id,
                (names or {}).get(c.owner_id or "", ""),
            )
            for c in found.rows
        ] + _more(section, found)
    return items


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


def _team_target(
    session: Session, team: teams.Team, today: dt.date, zone: ZoneInfo
) -> TargetProgress | None:
    """The month's target and wins of the manager and their team together."""
    module = _module("targets")
    if module is None:
        return None
    try:
        period = module.month_key(today.year, today.month)
        wanted = {team.manager_id, *team.ids}
        owners = [
            o for o in module.owners_in_scope(session, team_id=team.team_id) if o["id"] in wanted
        ]
        if not owners:
            return None
        lines = module.scoreboard(session, period, owners, zone)
        return TargetProgress(
            period,
            sum((line.target for line in lines), Decimal(0)),
            sum((line.actual for line in lines), Decimal(0)),
            team=True,
        )
    except (AttributeError, TypeError, ValueError):
        log.exception("Today: the team's target progress is unavailable")
        return None
