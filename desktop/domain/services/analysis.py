"""Customer analysis for a year, computed locally in a few grouped queries: revenue by
account (orders by order date) this year and the year before, year over year, ABC
class by revenue share, share of wallet (revenue ÷ potential), and dormant accounts
(no order and no done visit within the tier's visit cadence)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.domain.analysis import abc_class, abc_classes, share_of_wallet, thresholds
from desktop.domain.models import Account, Order, Policy, User, Visit
from desktop.domain.services import coverage
from desktop.domain.services.health import yuan
from desktop.domain.services.stakeholders import aware

ZERO = Decimal(0)


@dataclass(frozen=True)
class AccountYear:
    account_id: str
    name: str
    tier: str
    owner: str
    revenue: Decimal  # orders dated in the year
    previous: Decimal  # orders dated in the year before
    growth: Decimal | None  # fraction (0.25 = up 25 %); None without orders the year before
    abc: str
    cumulative_pct: Decimal  # the ABC ranking's cumulative share, in %
    potential: Decimal | None
    wallet: Decimal | None  # revenue ÷ potential, a fraction
    last_order: dt.date | None
    last_visit: dt.date | None
    dormant: bool


def analyse(session: Session, year: int, today: dt.date) -> list[AccountYear]:
    """Every live account that is not lost, biggest revenue first."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    end = min(today, last)  # dormancy is judged at the year's end, or today
    value = session.scalar(
        select(Policy.value).where(Policy.key == "abc", Policy.deleted_at.is_(None))
    )
    a_pct, b_pct = thresholds(value)
    cadence = coverage.cadence(session)
    accounts = session.execute(
        select(Account.id, Account.name, Account.tier, Account.potential, User.display_name)
        .outerjoin(User, User.id == Account.owner_id)
        .where(Account.deleted_at.is_(None), Account.status != "lost")
    ).all()
    in_year = (Order.order_date >= first) & (Order.order_date <= last)
    year_before = (Order.order_date >= dt.date(year - 1, 1, 1)) & (Order.order_date < first)
    sums = {
        row[0]: (row[1] or ZERO, row[2] or ZERO, row[3])
        for row in session.execute(
            select(
                Order.account_id,
                func.sum(case((in_year, Order.amount), else_=0)),
                func.sum(case((year_before, Order.amount), else_=0)),
                func.max(case((Order.order_date <= end, Order.order_date), else_=None)),
            )
            .where(Order.deleted_at.is_(None))
            .group_by(Order.account_id)
        )
    }
    visits = dict(
        session.execute(
            select(
                Visit.account_id, func.max(func.coalesce(Visit.checked_in_at, Visit.planned_start))
            )
            .where(Visit.status == "done", Visit.deleted_at.is_(None))
            .group_by(Visit.account_id)
        ).all()
    )
    revenue = {a.id: yuan(sums.get(a.id, (0, 0, None))[0]) for a in accounts}
    classes = abc_classes(revenue, a_pct, b_pct)
    rows = []
    for a in accounts:
        this_year, before, last_order = sums.get(a.id, (0, 0, None))
        this_year, before = yuan(this_year), yuan(before)
        last_order = _day(last_order)
        visit = visits.get(a.id)
        last_visit = aware(visit).date() if visit is not None else None
        since = end - dt.timedelta(days=cadence.get(a.tier, coverage.DEFAULT_CADENCE["C"]))
        dormant = not any(d is not None and d >= since for d in (last_order, last_visit))
        klass, cumulative = classes[a.id]
        rows.append(
            AccountYear(
                account_id=a.id,
                name=a.name,
                tier=a.tier,
                owner=a.display_name or "",
                revenue=this_year,
                previous=before,
                growth=((this_year - before) / before).quantize(Decimal("0.0001"))
                if before > 0
                else None,
                abc=klass,
                cumulative_pct=cumulative,
                potential=a.potential,
                wallet=share_of_wallet(this_year, a.potential),
                last_order=last_order,
                last_visit=last_visit,
                dormant=dormant,
            )
        )
    rows.sort(key=lambda r: (-r.revenue, r.account_id))
    return rows


def _day(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def monthly_revenue(
    session: Session, account_id: str, first_year: int, last_year: int
) -> dict[tuple[int, int], Decimal]:
    """(year, month) -> the account's revenue (orders by order date, as ``analyse``
    counts it), for every month of the years, empty months as zero."""
    result = {(y, m): ZERO for y in range(first_year, last_year + 1) for m in range(1, 13)}
    rows = session.execute(
        select(Order.order_date, Order.amount).where(
            Order.account_id == account_id,
            Order.deleted_at.is_(None),
            Order.order_date >= dt.date(first_year, 1, 1),
            Order.order_date <= dt.date(last_year, 12, 31),
        )
    )
    for day, amount in rows:
        when = _day(day)
        if when is not None:
            result[(when.year, when.month)] += amount
    return result


def account_class(session: Session, account_id: str, year: int) -> tuple[str, Decimal]:
    """The account's ABC class for the year and its cumulative share in %, as
    ``analyse`` ranks it among the live accounts that are not lost, from two sums in
    SQL (the revenue of all, and of those ranked before it) rather than a ranking."""
    value = session.scalar(
        select(Policy.value).where(Policy.key == "abc", Policy.deleted_at.is_(None))
    )
    a_pct, b_pct = thresholds(value)
    # The few deleted or lost accounts left out by a set: joining every order to its
    # account costs five times as much at 100k accounts.
    left_out = select(Account.id).where(
        Account.deleted_at.is_not(None) | (Account.status == "lost")
    )
    per_account = (
        select(Order.account_id.label("account_id"), func.sum(Order.amount).label("revenue"))
        .where(
            Order.deleted_at.is_(None),
            Order.order_date >= dt.date(year, 1, 1),
            Order.order_date <= dt.date(year, 12, 31),
            Order.account_id.not_in(left_out),
        )
        .group_by(Order.account_id)
        .subquery()
    )
    mine = yuan(
        session.scalar(select(per_account.c.revenue).where(per_account.c.account_id == account_id))
    )
    ahead = (per_account.c.revenue > mine) | (
        (per_account.c.revenue == mine) & (per_account.c.account_id < account_id)
    )
    positive = per_account.c.revenue > 0
    total, before = session.execute(
        select(
            func.sum(case((positive, per_account.c.revenue), else_=0)),
            func.sum(case((ahead & positive, per_account.c.revenue), else_=0)),
        )
    ).one()
    return abc_class(mine, yuan(before), yuan(total), a_pct, b_pct)
