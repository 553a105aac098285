"""The account review pack (客户复盘): what a manager reviews about one key account
before a quarter, gathered from the services that own each figure, Qt-free.

Sections: the header (name, tier, owner, ABC class, potential, share of wallet); the
revenue by month for the year and the two before; the per-account target against the
money won; the stakeholder chart as a tree with the tier's coverage gaps; the health
score with every reason; open opportunities; receivables; open complaints (past SLA
marked); next actions (open follow-ups); recent visits. ``collect`` reads them;
``review_pack_html`` and ``review_pack_xlsx`` lay them out, in English or Chinese
through ``Words``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.analysis import share_of_wallet
from desktop.domain.errors import NotFoundError
from desktop.domain.health import HEALTHY_FROM, TEXTS, Health, Reason, at_risk
from desktop.domain.models import Account, User
from desktop.domain.money import ZERO, format_money
from desktop.domain.services import (
    analysis,
    complaints,
    followups,
    health,
    opportunities,
    plans,
    receivables,
    stakeholders,
    targets,
    visits,
)
from desktop.domain.services.complaints import ComplaintView
from desktop.domain.services.followups import TaskRow
from desktop.domain.services.opportunities import Card
from desktop.domain.services.plans import Plan
from desktop.domain.services.stakeholders import Stakeholder, StakeholderMap
from desktop.domain.services.targets import AccountYear
from desktop.domain.services.visits import VisitRow
from desktop.reports.labels import Labels

YEARS = 3  # the revenue trend: the year and the two before
RECENT_VISITS = 8


@dataclass(frozen=True)
class Header:
    name: str
    short_name: str
    credit_code: str
    tier: str
    status: str
    owner: str
    industry: str
    city: str
    abc: str  # the year's ABC class
    abc_share: Decimal  # cumulative share in % of the ranking
    potential: Decimal | None
    revenue: Decimal  # the year's
    wallet: Decimal | None  # revenue ÷ potential, a fraction


@dataclass(frozen=True)
class Receivable:
    number: str  # the order's or the contract's
    kind: str  # the instalment's kind; "" for an order without a payment plan
    amount: Decimal
    paid: Decimal
    outstanding: Decimal
    due: dt.date
    days_overdue: int  # 0 when not overdue


@dataclass(frozen=True)
class Receivables:
    rows: list[Receivable]
    outstanding: Decimal
    overdue: Decimal


@dataclass(frozen=True)
class ReviewPack:
    account_id: str
    year: int
    printed_on: dt.date
    zone: ZoneInfo
    header: Header
    revenue: dict[tuple[int, int], Decimal]  # (year, month) -> revenue
    target: AccountYear
    plan: Plan  # the year's account plan (empty when none is written)
    stakeholders: StakeholderMap
    tree: list[tuple[int, Stakeholder]]  # depth, person: the org chart top-down
    health: Health
    opportunities: list[Card]
    receivables: Receivables
    complaints: list[ComplaintView]  # open ones, oldest SLA first
    actions: list[TaskRow]  # open follow-ups, by due date
    visits: list[VisitRow]  # the last done ones, newest first

    @property
    def years(self) -> list[int]:
        return list(range(self.year - YEARS + 1, self.year + 1))

    def revenue_of(self, year: int) -> Decimal:
        return sum((v for (y, _), v in self.revenue.items() if y == year), ZERO)

    @property
    def past_sla(self) -> int:
        return sum(1 for c in self.complaints if c.sla_state == "breached")


def receivables_of(session: Session, account_id: str, today: dt.date) -> Receivables:
    """The account's instalments with money open (an order without a payment plan is
    one), oldest due first."""
    book = receivables.ledger(session, today, account_id=account_id)
    rows = [
        Receivable(
            number=line.parent_number,
            kind="" if line.plan.derived else line.plan.kind,
            amount=line.plan.amount,
            paid=line.position.paid,
            outstanding=line.position.open,
            due=line.plan.due_on,
            days_overdue=line.position.days_overdue,
        )
        for line in book.lines
        if line.position.open > 0
    ]
    rows.sort(key=lambda r: (r.due, r.number))
    return Receivables(
        rows,
        sum((r.outstanding for r in rows), ZERO),
        sum((r.outstanding for r in rows if r.days_overdue), ZERO),
    )


def org_tree(people: list[Stakeholder]) -> list[tuple[int, Stakeholder]]:
    """Everyone once, each under whom they report (depth first, by name)."""
    below: dict[str | None, list[Stakeholder]] = {}
    for person in people:
        below.setdefault(person.reports_to_id, []).append(person)
    result: list[tuple[int, Stakeholder]] = []
    seen: set[str] = set()

    def walk(boss: str | None, depth: int) -> None:
        for person in sorted(below.get(boss, []), key=lambda p: (p.name, p.id)):
            if person.id not in seen:
                seen.add(person.id)
                result.append((depth, person))
                walk(person.id, depth + 1)

    walk(None, 0)
    # A loop with no top (synced from two devices at once) still shows its people.
    for person in people:
        if person.id not in seen:
            seen.add(person.id)
            result.append((0, person))
            walk(person.id, 1)
    return result


def collect(
    session: Session,
    account_id: str,
    year: int,
    *,
    now: dt.datetime,
    zone: ZoneInfo = targets.SHANGHAI,
) -> ReviewPack:
    account = session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"account {account_id} not found")
    today = now.astimezone(zone).date()
    owner = session.scalar(select(User.display_name).where(User.id == account.owner_id))
    revenue = analysis.monthly_revenue(session, account_id, year - YEARS + 1, year)
    this_year = sum((v for (y, _), v in revenue.items() if y == year), ZERO)
    abc, share = analysis.account_class(session, account_id, year)
    header = Header(
        name=account.name,
        short_name=account.short_name or "",
        credit_code=account.credit_code or "",
        tier=account.tier,
        status=account.status,
        owner=owner or "",
        industry=account.industry or "",
        city=" ".join(dict.fromkeys(filter(None, [account.province, account.city]))),
        abc=abc,
        abc_share=share,
        potential=account.potential,
        revenue=this_year,
        wallet=share_of_wallet(this_year, account.potential),
    )
    chart = stakeholders.stakeholder_map(session, account_id, now)
    open_complaints = complaints.complaint_views(
        session, account_id=account_id, open_only=True, now=now
    )
    open_complaints.sort(key=lambda c: (c.sla_due_at is None, c.sla_due_at or c.opened_at))
    return ReviewPack(
        account_id=account_id,
        year=year,
        printed_on=today,
        zone=zone,
        header=header,
        revenue=revenue,
        target=targets.account_year(session, account_id, year, zone),
        plan=plans.plan_of(session, account_id, year),
        stakeholders=chart,
        tree=org_tree(chart.people),
        health=health.account_health(session, account_id, now, today),
        opportunities=opportunities.cards(session, closed=False, account_id=account_id),
        receivables=receivables_of(session, account_id, today),
        complaints=open_complaints,
        actions=followups.list_tasks(session, account_id=account_id),
        visits=visits.list_visits(
            session,
            account_id=account_id,
            statuses=("done",),
            newest_first=True,
            limit=RECENT_VISITS,
        ),
    )


class Words(Labels):
    """The pack's words in its language: headings, stored codes, health reasons."""

    def role(self, code: str) -> str:
        return self(ROLE_WORDS.get(code, code))

    def roles(self, codes: tuple[str, ...]) -> str:
        return ("、" if self.language == "zh_CN" else ", ").join(self.role(c) for c in codes)

    def attitude(self, code: str | None) -> str:
        return self(ATTITUDE_WORDS[code]) if code in ATTITUDE_WORDS else ""

    def visit_type(self, code: str) -> str:
        return self(VISIT_TYPE_WORDS.get(code, code))

    def objective_status(self, code: str) -> str:
        return self(OBJECTIVE_WORDS.get(code, code))

    def category_state(self, code: str) -> str:
        return self(CATEGORY_WORDS.get(code, code))

    def instalment(self, kind: str) -> str:
        return self(kind) if kind else self("Whole order")

    def team_role(self, code: str) -> str:
        return self(TEAM_ROLE_WORDS.get(code, code))

    def swot(self, part: str) -> str:
        return self(SWOT_WORDS[part]) if self.language == "zh_CN" else part.capitalize()

    def sla(self, code: str) -> str:
        return self(SLA_WORDS[code]) if code in SLA_WORDS else ""

    def date(self, value: dt.datetime | dt.date | None, zone: ZoneInfo) -> str:
        if isinstance(value, dt.datetime):
            value = value.astimezone(zone).date()
        return "" if value is None else value.isoformat()

    def verdict(self, score: int) -> str:
        if score >= HEALTHY_FROM:
            return self("Healthy")
        return self("At risk") if at_risk(score) else self("Needs attention")

    def reason(self, reason: Reason) -> str:
        """'−15: no decision maker met in 120 days' (or its Chinese)."""
        params = dict(reason.params)
        if "amount" in params:
            params["amount"] = f"{Decimal(str(params['amount'])):,.2f}"
        text = self(TEXTS.get(reason.code, reason.code)).format(**params)
        sign = "+" if reason.points > 0 else "−"
        return f"{sign}{abs(reason.points)}: {text}"

    def gap(self, role: str, days: int, state: str) -> str:
        template = "nobody plays it" if state == "missing" else "not met within {days} days"
        if self.language == "zh_CN":
            return f"{self.role(role)}：{self(template).format(days=days)}"
        return f"{self.role(role)}: {template.format(days=days)}"  # not capitalised

    def money(self, value: Decimal | None) -> str:
        return "" if value is None else format_money(value)

    def percent(self, fraction: Decimal | None) -> str:
        return "" if fraction is None else f"{fraction * 100:.1f}%"


ROLE_WORDS = {
    "decision_maker": "Decision maker",
    "influencer": "Influencer",
    "user": "User",
    "gatekeeper": "Gatekeeper",
    "finance": "Finance",
    "technical": "Technical",
}
ATTITUDE_WORDS = {"supportive": "Supportive", "neutral": "Neutral", "opposed": "Opposed"}
VISIT_TYPE_WORDS = {"onsite": "On-site", "phone": "Phone call", "video": "Video call"}
OBJECTIVE_WORDS = {"open": "In progress", "achieved": "Achieved", "dropped": "Dropped"}
CATEGORY_WORDS = {
    "ours": "Buys from us",
    "lapsed": "Bought last year only",
    "competitor": "Whitespace: buys from a competitor",
    "open": "Whitespace: never bought",
}
TEAM_ROLE_WORDS = {
    "member": "Member",
    "technical": "Technical support",
    "service": "Customer service",
    "sponsor": "Executive sponsor",
}
# "SWOT: ..." keys: "Opportunities" alone is a count of deals elsewhere in the reports.
SWOT_WORDS = {
    "strengths": "Strengths",
    "weaknesses": "Weaknesses",
    "opportunities": "SWOT: opportunities",
    "threats": "Threats",
    "summary": "Summary",
}
SLA_WORDS = {"breached": "Past SLA", "near_breach": "Close to breach", "on_track": "On track"}
