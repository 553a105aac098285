"""The managers' dashboard as plain data: one call per filter (period, team, rep).

Everything here is computed from the same services the lists use, so a figure on the
dashboard matches the list a user opens from it. The meeting pack prints these.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.models import OPPORTUNITY_STAGES, Quote
from desktop.domain.models.types import utcnow
from desktop.domain.money import ZERO
from desktop.domain.services import complaints, coverage, receivables, targets
from desktop.domain.services.coverage import TierCoverage
from desktop.domain.services.targets import SHANGHAI, Attainment, Period

QUOTE_DECIDED = ("accepted", "rejected", "expired")


@dataclass(frozen=True)
class Filters:
    period: str
    team_id: str | None = None
    rep_id: str | None = None


@dataclass(frozen=True)
class MonthFigure:
    month: str
    target: Decimal
    actual: Decimal

    @property
    def attainment_pct(self) -> Decimal | None:
        return targets.attainment(self.actual, self.target)


@dataclass(frozen=True)
class StageFigure:
    stage: str
    count: int
    amount: Decimal
    weighted: Decimal


@dataclass(frozen=True)
class QuoteConversion:
    issued: int
    accepted: int
    rejected: int
    expired: int
    open: int
    issued_amount: Decimal
    accepted_amount: Decimal

    @property
    def conversion_pct(self) -> Decimal | None:
        """Accepted as a share of the quotes that were decided (accepted, rejected, expired)."""
        decided = self.accepted + self.rejected + self.expired
        return targets.attainment(Decimal(self.accepted), Decimal(decided))


@dataclass(frozen=True)
class Dashboard:
    filters: Filters
    period: Period
    owners: list[dict[str, str]]
    scoreboard: list[Attainment]
    by_month: list[MonthFigure]
    pipeline: list[StageFigure]
    coverage: list[TierCoverage]
    quotes: QuoteConversion
    complaints: dict[str, dict[str, int]]
    complaints_open: int
    complaints_breached: int
    totals: dict[str, Decimal] = field(default_factory=dict)
    # Open receivables (回款) by ageing bucket today (``receivables.BUCKETS``).
    ageing: dict[str, Decimal] = field(default_factory=dict)


def build(
    session: Session, filters: Filters, *, now: dt.datetime | None = None, tz: ZoneInfo = SHANGHAI
) -> Dashboard:
    now = now or utcnow()
    period = targets.parse_period(filters.period)
    owners = targets.owners_in_scope(session, filters.team_id, filters.rep_id)
    ids = [o["id"] for o in owners]
    board = targets.scoreboard(session, period, owners, tz)
    by_month = [
        MonthFigure(
            key,
            sum((a.by_month[key][0] for a in board), ZERO),
            sum((a.by_month[key][1] for a in board), ZERO),
        )
        for key in period.month_keys
    ]
    views = complaints.complaint_views(session, owner_ids=ids, open_only=True, now=now)
    target_total = sum((a.target for a in board), ZERO)
    actual_total = sum((a.actual for a in board), ZERO)
    forecast_total = sum((a.forecast for a in board), ZERO)
    return Dashboard(
        filters=filters,
        period=period,
        owners=owners,
        scoreboard=board,
        by_month=by_month,
        pipeline=pipeline_by_stage(session, period, ids),
        coverage=visit_coverage(session, period, ids, now=now, tz=tz),
        quotes=quote_conversion(session, period, ids),
        complaints=complaints.by_category_and_age(views),
        complaints_open=len(views),
        complaints_breached=sum(1 for v in views if v.sla_state == "breached"),
        totals={"target": target_total, "actual": actual_total, "forecast": forecast_total},
        ageing=receivables.ledger_ageing(session, now.astimezone(tz).date(), ids),
    )


def pipeline_by_stage(session: Session, period: Period, owner_ids: list[str]) -> list[StageFigure]:
    """Opportunities closing in the period, per stage (won and lost included)."""
    count: dict[str, int] = defaultdict(int)
    amount: dict[str, Decimal] = defaultdict(lambda: ZERO)
    weight: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for item in targets.pipeline(session, period, owner_ids, open_only=False):
        count[item.stage] += 1
        amount[item.stage] += item.amount
        weight[item.stage] += item.weighted
    return [StageFigure(s, count[s], amount[s], weight[s]) for s in OPPORTUNITY_STAGES]


def visit_coverage(
    session: Session,
    period: Period,
    owner_ids: list[str],
    *,
    now: dt.datetime,
    tz: ZoneInfo = SHANGHAI,
) -> list[TierCoverage]:
    """Coverage by tier (``coverage.coverage_by_tier``, the rule Today uses) on the last
    day of the period, or today while the period is still running."""
    day = min(now.astimezone(tz).date(), period.end - dt.timedelta(days=1))
    return coverage.coverage_by_tier(session, day, owner_ids=owner_ids, zone=tz)


def quote_conversion(session: Session, period: Period, owner_ids: list[str]) -> QuoteConversion:
    """Latest revisions issued in the period (drafts are not quotes a customer saw)."""
    query = (
        select(Quote.status, func.count(), func.coalesce(func.sum(Quote.total), 0))
        .where(
            Quote.deleted_at.is_(None),
            Quote.is_latest.is_(True),
            Quote.status != "draft",
            Quote.issued_on >= period.start,
            Quote.issued_on < period.end,
            Quote.owner_id.in_(owner_ids),
            Quote.currency == "CNY",
        )
        .group_by(Quote.status)
    )
    counts: dict[str, int] = {}
    amounts: dict[str, Decimal] = {}
    for status, n, total in session.execute(query):
        counts[status] = int(n)
        # The sum keeps the Money type: Decimal yuan, exact.
        amounts[status] = Decimal(total)
    decided_or_open = sum(counts.values())
    return QuoteConversion(
        issued=decided_or_open,
        accepted=counts.get("accepted", 0),
        rejected=counts.get("rejected", 0),
        expired=counts.get("expired", 0),
        open=decided_or_open - sum(counts.get(s, 0) for s in QUOTE_DECIDED),
        issued_amount=sum(amounts.values(), ZERO),
        accepted_amount=amounts.get("accepted", ZERO),
    )
