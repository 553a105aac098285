"""Sales targets (销售计划): periods, splitting a year, actuals, attainment and forecast.

A target row belongs to a rep (``owner_id``) and a period: ``'2026'``, ``'2026-Q3'`` or
``'2026-07'``. Rows without an account are the rep's own target; rows with an account
are a key-account breakdown of it and never add to the rep's total.

What a period's target is: the row for exactly that period if there is one, else the
sum of finer rows inside it (months, then quarters), else the share of the coarser row
around it (a quarter of the year, a third of the quarter). So a rep with only an annual
target still gets a monthly line, and one with monthly rows gets their exact sum.

Actuals are money won, dated by acceptance in the user's time zone: accepted quotes by
``accepted_at`` (their total), plus orders that did not come from a counted quote by
``order_date``. An order made from an accepted quote is the same money and is not
counted twice. Only CNY is summed (targets are in yuan).

Forecast = actual + the open pipeline weighted by probability: for each opportunity
that is neither won nor lost and closes inside the period, amount x probability / 100,
rounded half-up to the fen per opportunity.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import (
    OPEN_OPPORTUNITY_STAGES,
    Opportunity,
    Order,
    Quote,
    SalesTarget,
    User,
)
from desktop.domain.money import FEN, ZERO, round_fen, to_decimal
from desktop.domain.uow import UnitOfWork

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONTHS = tuple(range(1, 13))
_PERIOD = re.compile(r"^(\d{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$")

# A typical B2B year in China: slow around Spring Festival, strong before half-year and
# year-end closing. Users may pass any 12 weights instead.
SEASONAL_PROFILES: dict[str, tuple[int, ...]] = {
    "even": (1,) * 12,
    "china_b2b": (5, 4, 8, 8, 9, 11, 7, 7, 9, 8, 10, 14),
}


@dataclass(frozen=True)
class Period:
    """A calendar period: a year, a quarter or a month."""

    key: str
    kind: str  # "year" | "quarter" | "month"
    year: int
    months: tuple[int, ...]

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.months[0], 1)

    @property
    def end(self) -> dt.date:
        """The first day after the period."""
        last = self.months[-1]
        return dt.date(self.year + 1, 1, 1) if last == 12 else dt.date(self.year, last + 1, 1)

    @property
    def month_keys(self) -> tuple[str, ...]:
        return tuple(month_key(self.year, m) for m in self.months)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day < self.end

    def utc_bounds(self, tz: ZoneInfo = SHANGHAI) -> tuple[dt.datetime, dt.datetime]:
        start = dt.datetime.combine(self.start, dt.time(), tz).astimezone(dt.UTC)
        end = dt.datetime.combine(self.end, dt.time(), tz).astimezone(dt.UTC)
        return start, end


def month_key(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def parse_period(text: str) -> Period:
    """'2026' | '2026-Q3' | '2026-07' (spaces and a lower-case q are accepted)."""
    cleaned = text.strip().upper()
    match = _PERIOD.match(cleaned)
    if match is None:
        raise ValidationError({"period": f"{text!r} is not a period like 2026, 2026-Q3 or 2026-07"})
    year = int(match.group(1))
    part = match.group(2)
    if part is None:
        return Period(str(year), "year", year, MONTHS)
    if part.startswith("Q"):
        q = int(part[1])
        return Period(f"{year}-Q{q}", "quarter", year, tuple(range(3 * q - 2, 3 * q + 1)))
    month = int(part)
    return Period(month_key(year, month), "month", year, (month,))


def split_amount(amount: Decimal, weights: Sequence[Decimal | int]) -> list[Decimal]:
    """Split ``amount`` by ``weights`` into fen that add up exactly to the amount.

    Each share is rounded down to the fen; the fen left over go one each to the shares
    with the largest remainders (earliest first on ties), so no fen is lost or made up.
    """
    total = round_fen(to_decimal(amount))
    w = [Decimal(x) for x in weights]
    if not w or any(x < 0 for x in w) or sum(w) == 0:
        raise ValidationError({"profile": "weights must be non-negative and not all zero"})
    weight_sum = sum(w)
    fen_total = int(total * 100)
    exact = [Decimal(fen_total) * x / weight_sum for x in w]
    floors = [int(e.to_integral_value(rounding="ROUND_FLOOR")) for e in exact]
    left = fen_total - sum(floors)
    order = sorted(range(len(w)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [(Decimal(f) / 100).quantize(FEN) for f in floors]


@dataclass(frozen=True)
class AnnualPlan:
    year: int
    amount: Decimal
    months: tuple[Decimal, ...]  # 12 amounts, January first

    @property
    def quarters(self) -> tuple[Decimal, ...]:
        return tuple(sum(self.months[3 * q : 3 * q + 3], ZERO) for q in range(4))


def plan_annual(
    year: int, amount: Decimal, profile: str | Sequence[Decimal | int] = "even"
) -> AnnualPlan:
    """An annual target split into months (evenly or by a seasonal profile)."""
    weights = SEASONAL_PROFILES[profile] if isinstance(profile, str) else profile
    if len(weights) != 12:
        raise ValidationError({"profile": "a seasonal profile has 12 monthly weights"})
    amount = round_fen(to_decimal(amount))
    if amount < 0:
        raise ValidationError({"amount": "a target cannot be negative"})
    return AnnualPlan(year, amount, tuple(split_amount(amount, weights)))


def _find_target(
    session: Session, owner_id: str, period: str, account_id: str | None
) -> SalesTarget | None:
    query = select(SalesTarget).where(
        SalesTarget.owner_id == owner_id,
        SalesTarget.period == period,
        SalesTarget.deleted_at.is_(None),
        SalesTarget.account_id.is_(None)
        if account_id is None
        else SalesTarget.account_id == account_id,
    )
    return session.scalars(query.order_by(SalesTarget.id)).first()


def set_target(
    uow: UnitOfWork, owner_id: str, period: str, amount: Decimal, account_id: str | None = None
) -> tuple[str, str]:
    """Create or change one target row; returns (id, 'created' | 'updated' | 'unchanged')."""
    key = parse_period(period).key
    value = round_fen(to_decimal(amount))
    if value < 0:
        raise ValidationError({"amount": "a target cannot be negative"})
    row = _find_target(uow.session, owner_id, key, account_id)
    if row is None:
        row = SalesTarget(owner_id=owner_id, period=key, amount=value, account_id=account_id)
        uow.add(row)
        return row.id, "created"
    changed = uow.update(row, {"amount": value})
    return row.id, "updated" if changed else "unchanged"


def save_annual_plan(
    uow: UnitOfWork, owner_id: str, plan: AnnualPlan, account_id: str | None = None
) -> list[str]:
    """Write the year, its four quarters and twelve months (17 rows, created or updated)."""
    ids = [set_target(uow, owner_id, str(plan.year), plan.amount, account_id)[0]]
    for q, amount in enumerate(plan.quarters, start=1):
        ids.append(set_target(uow, owner_id, f"{plan.year}-Q{q}", amount, account_id)[0])
    for month, amount in zip(MONTHS, plan.months, strict=True):
        ids.append(set_target(uow, owner_id, month_key(plan.year, month), amount, account_id)[0])
    return ids


# ---------------------------------------------------------------- reading targets


@dataclass
class _YearTargets:
    year: Decimal | None = None
    quarters: dict[int, Decimal] | None = None
    months: dict[int, Decimal] | None = None


def _load_targets(
    session: Session, owner_ids: Iterable[str] | None, year: int, account_id: str | None
) -> dict[str, _YearTargets]:
    query = select(SalesTarget.owner_id, SalesTarget.period, SalesTarget.amount).where(
        SalesTarget.deleted_at.is_(None),
        SalesTarget.period.like(f"{year}%"),
        SalesTarget.account_id.is_(None)
        if account_id is None
        else SalesTarget.account_id == account_id,
    )
    if owner_ids is not None:
        query = query.where(SalesTarget.owner_id.in_(list(owner_ids)))
    found: dict[str, _YearTargets] = defaultdict(_YearTargets)
    for owner, period_text, amount in session.execute(query.order_by(SalesTarget.id)):
        try:
            period = parse_period(period_text)
        except ValidationError:
            continue  # a malformed period from elsewhere must not break the report
        entry = found[owner]
        if period.kind == "year":
            entry.year = amount
        elif period.kind == "quarter":
            entry.quarters = entry.quarters or {}
            entry.quarters[quarter_of(period.months[0])] = amount
        else:
            entry.months = entry.months or {}
            entry.months[period.months[0]] = amount
    return found


def _monthly(entry: _YearTargets) -> dict[int, Decimal]:
    """One amount per month, from the finest rows there are (see the module docstring)."""
    result: dict[int, Decimal] = {}
    year_split = split_amount(entry.year, [1] * 12) if entry.year is not None else None
    for q in range(1, 5):
        months = range(3 * q - 2, 3 * q + 1)
        explicit = {m: entry.months[m] for m in months if entry.months and m in entry.months}
        if len(explicit) == 3:
            result.update(explicit)
            continue
        quarter = entry.quarters.get(q) if entry.quarters else None
        if quarter is not None:
            rest = [m for m in months if m not in explicit]
            remaining = max(quarter - sum(explicit.values(), ZERO), ZERO)
            result.update(explicit)
            result.update(zip(rest, split_amount(remaining, [1] * len(rest)), strict=True))
        elif explicit:
            result.update(explicit)
            if year_split is not None:
                for m in months:
                    result.setdefault(m, year_split[m - 1])
        elif year_split is not None:
            for m in months:
                result[m] = year_split[m - 1]
    return result


def _period_target(entry: _YearTargets, period: Period) -> Decimal:
    if period.kind == "year" and entry.year is not None:
        return entry.year
    if period.kind == "quarter" and entry.quarters:
        q = quarter_of(period.months[0])
        if q in entry.quarters:
            return entry.quarters[q]
    monthly = _monthly(entry)
    return sum((monthly.get(m, ZERO) for m in period.months), ZERO)


def target_for(
    session: Session, owner_id: str, period: str, account_id: str | None = None
) -> Decimal:
    p = parse_period(period)
    entry = _load_targets(session, [owner_id], p.year, account_id).get(owner_id)
    return _period_target(entry, p) if entry else ZERO


def target_rows(
    session: Session, owner_ids: Iterable[str] | None = None, year: int | None = None
) -> list[dict[str, object]]:
    """The stored rows (for the targets grid and its export)."""
    query = select(SalesTarget).where(SalesTarget.deleted_at.is_(None))
    if owner_ids is not None:
        query = query.where(SalesTarget.owner_id.in_(list(owner_ids)))
    if year is not None:
        query = query.where(SalesTarget.period.like(f"{year}%"))
    return [
        {
            "id": t.id,
            "owner_id": t.owner_id,
            "account_id": t.account_id,
            "period": t.period,
            "amount": t.amount,
        }
        for t in session.scalars(query.order_by(SalesTarget.owner_id, SalesTarget.period))
    ]


# ---------------------------------------------------------------- actuals, forecast


@dataclass(frozen=True)
class Win:
    """One piece of won money: who, which account, which local day, how much."""

    owner_id: str | None
    account_id: str
    day: dt.date
    amount: Decimal
    source: str  # "quote" | "order"
    source_id: str


def wins(
    session: Session,
    period: Period,
    owner_ids: Iterable[str] | None = None,
    tz: ZoneInfo = SHANGHAI,
    *,
    account_id: str | None = None,
) -> list[Win]:
    """Accepted quotes by acceptance date, plus orders not made from a counted quote
    (``account_id``: one account's only)."""
    owners = list(owner_ids) if owner_ids is not None else None
    start, end = period.utc_bounds(tz)
    quotes = select(
        Quote.id, Quote.owner_id, Quote.account_id, Quote.accepted_at, Quote.total
    ).where(
        Quote.deleted_at.is_(None),
        Quote.status == "accepted",
        Quote.currency == "CNY",
        Quote.accepted_at.is_not(None),
    )
    if owners is not None:
        quotes = quotes.where(Quote.owner_id.in_(owners))
    if account_id is not None:
        quotes = quotes.where(Quote.account_id == account_id)
    result: list[Win] = []
    for qid, owner, account, accepted_at, total in session.execute(
        quotes.where(Quote.accepted_at >= start, Quote.accepted_at < end)
    ):
        assert accepted_at is not None  # filtered above
        day = accepted_at.astimezone(tz).date()
        result.append(Win(owner, account, day, total, "quote", qid))
    # Any accepted quote (whatever its date) already carries its order's money.
    counted = select(Quote.id).where(
        Quote.deleted_at.is_(None), Quote.status == "accepted", Quote.accepted_at.is_not(None)
    )
    orders = select(
        Order.id, Order.owner_id, Order.account_id, Order.order_date, Order.amount
    ).where(
        Order.deleted_at.is_(None),
        Order.currency == "CNY",
        Order.order_date >= period.start,
        Order.order_date < period.end,
        (Order.quote_id.is_(None)) | Order.quote_id.not_in(counted),
    )
    if owners is not None:
        orders = orders.where(Order.owner_id.in_(owners))
    if account_id is not None:
        orders = orders.where(Order.account_id == account_id)
    for oid, owner, account, day, amount in session.execute(orders):
        result.append(Win(owner, account, day, amount, "order", oid))
    return result


def weighted(amount: Decimal, probability: int) -> Decimal:
    """amount x probability%, half-up to the fen."""
    return (amount * Decimal(probability) / 100).quantize(FEN, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class PipelineItem:
    owner_id: str | None
    account_id: str
    stage: str
    amount: Decimal
    probability: int
    close_date: dt.date | None

    @property
    def weighted(self) -> Decimal:
        return weighted(self.amount, self.probability)


def pipeline(
    session: Session,
    period: Period | None,
    owner_ids: Iterable[str] | None = None,
    *,
    open_only: bool = True,
) -> list[PipelineItem]:
    """Opportunities (open ones by default) closing inside ``period`` (None: any date)."""
    query = select(
        Opportunity.owner_id,
        Opportunity.account_id,
        Opportunity.stage,
        Opportunity.amount,
        Opportunity.probability,
        Opportunity.close_date,
    ).where(Opportunity.deleted_at.is_(None))
    if open_only:
        query = query.where(Opportunity.stage.in_(OPEN_OPPORTUNITY_STAGES))
    if period is not None:
        query = query.where(
            Opportunity.close_date >= period.start, Opportunity.close_date < period.end
        )
    if owner_ids is not None:
        query = query.where(Opportunity.owner_id.in_(list(owner_ids)))
    return [PipelineItem(*row) for row in session.execute(query)]


def attainment(actual: Decimal, target: Decimal) -> Decimal | None:
    """Percent with one decimal, half-up; None when there is no target to attain."""
    if target <= 0:
        return None
    return (actual * 100 / target).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Attainment:
    owner_id: str
    owner_name: str
    target: Decimal
    actual: Decimal
    pipeline_weighted: Decimal
    by_month: Mapping[str, tuple[Decimal, Decimal]]  # month key -> (target, actual)

    @property
    def attainment_pct(self) -> Decimal | None:
        return attainment(self.actual, self.target)

    @property
    def forecast(self) -> Decimal:
        return self.actual + self.pipeline_weighted

    @property
    def forecast_pct(self) -> Decimal | None:
        return attainment(self.forecast, self.target)

    @property
    def gap(self) -> Decimal:
        return self.target - self.actual


def owners_in_scope(
    session: Session, team_id: str | None = None, rep_id: str | None = None
) -> list[dict[str, str]]:
    """The active reps and managers a report covers: one rep, a team, or everyone."""
    query = select(User.id, User.display_name, User.team_id).where(
        User.deleted_at.is_(None), User.active.is_(True), User.role.in_(("rep", "manager"))
    )
    if rep_id is not None:
        query = query.where(User.id == rep_id)
    elif team_id is not None:
        query = query.where(User.team_id == team_id)
    return [
        {"id": i, "name": n, "team_id": t or ""}
        for i, n, t in session.execute(query.order_by(User.role.desc(), User.display_name))
    ]


def scoreboard(
    session: Session,
    period: str | Period,
    owners: Sequence[Mapping[str, str]],
    tz: ZoneInfo = SHANGHAI,
) -> list[Attainment]:
    """Target, actual, attainment and forecast per owner for ``period``, month by month."""
    p = parse_period(period) if isinstance(period, str) else period
    ids = [o["id"] for o in owners]
    entries = _load_targets(session, ids, p.year, None)
    actual: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for win in wins(session, p, ids, tz):
        if win.owner_id is not None:
            actual[win.owner_id][month_key(win.day.year, win.day.month)] += win.amount
    weighted_sum: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for item in pipeline(session, p, ids):
        if item.owner_id is not None:
            weighted_sum[item.owner_id] += item.weighted
    lines = []
    for owner in owners:
        oid = owner["id"]
        entry = entries.get(oid, _YearTargets())
        monthly = _monthly(entry)
        months = {
            month_key(p.year, m): (monthly.get(m, ZERO), actual[oid][month_key(p.year, m)])
            for m in p.months
        }
        whole_target = _period_target(entry, p)
        lines.append(
            Attainment(
                owner_id=oid,
                owner_name=owner["name"],
                target=whole_target,
                actual=sum((a for _, a in months.values()), ZERO),
                pipeline_weighted=weighted_sum[oid],
                by_month=months,
            )
        )
    return lines


@dataclass(frozen=True)
class AccountYear:
    """An account's own target (its key-account rows, whoever's they are) against the
    money won from it, for a year, month by month."""

    account_id: str
    year: int
    target: Decimal
    actual: Decimal
    by_month: Mapping[str, tuple[Decimal, Decimal]]  # month key -> (target, actual)

    @property
    def attainment_pct(self) -> Decimal | None:
        return attainment(self.actual, self.target)


def account_year(
    session: Session, account_id: str, year: int, tz: ZoneInfo = SHANGHAI
) -> AccountYear:
    """The per-account target (the rows with this account, summed over their owners,
    read as any target is: see the module text) and the actual won from it."""
    p = parse_period(str(year))
    entries = _load_targets(session, None, year, account_id).values()
    monthly: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for entry in entries:
        for month, amount in _monthly(entry).items():
            monthly[month] += amount
    won: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for win in wins(session, p, None, tz, account_id=account_id):
        won[win.day.month] += win.amount
    months = {month_key(year, m): (monthly[m], won[m]) for m in MONTHS}
    target = sum((_period_target(entry, p) for entry in entries), ZERO)
    return AccountYear(account_id, year, target, sum(won.values(), ZERO), months)
