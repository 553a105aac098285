"""Small writers for sales data in tests: users, accounts, quotes, opportunities.

Everything goes through a UnitOfWork, as the app writes it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from desktop.domain import models as m
from desktop.domain.services import complaints, targets
from desktop.domain.uow import UnitOfWork
from desktop.store.migrate import Database
from tests.seed import seeded

T = TypeVar("T", bound=m.Synced)


def _add(uow: UnitOfWork, row: T) -> str:
    # No ORM relationships: flush each row so parents are written before children.
    uow.add(row)
    uow.session.flush()
    return row.id


SH = dt.timezone(dt.timedelta(hours=8))


def local(y: int, mo: int, d: int, h: int = 10, mi: int = 0) -> dt.datetime:
    """A Shanghai wall-clock time as an aware datetime."""
    return dt.datetime(y, mo, d, h, mi, tzinfo=SH)


def team(uow: UnitOfWork, name: str = "华东大客户部") -> str:
    return _add(uow, m.Team(name=name))


def user(
    uow: UnitOfWork, username: str, name: str, team_id: str | None = None, role: str = "rep"
) -> str:
    return _add(uow, m.User(username=username, display_name=name, role=role, team_id=team_id))


def account(uow: UnitOfWork, name: str, owner_id: str | None = None, **values: Any) -> str:
    values.setdefault("status", "active")
    return _add(uow, m.Account(name=name, owner_id=owner_id, **values))


def accepted_quote(
    uow: UnitOfWork,
    account_id: str,
    owner_id: str,
    total: str,
    accepted_at: dt.datetime,
    number: str,
    **values: Any,
) -> str:
    values.setdefault("issued_on", accepted_at.date())
    return _add(
        uow,
        m.Quote(
            number=number,
            account_id=account_id,
            owner_id=owner_id,
            status="accepted",
            total=Decimal(total),
            subtotal=Decimal(total),
            accepted_at=accepted_at,
            **values,
        ),
    )


def quote(
    uow: UnitOfWork,
    account_id: str,
    owner_id: str,
    total: str,
    status: str,
    issued_on: dt.date,
    number: str,
) -> str:
    return _add(
        uow,
        m.Quote(
            number=number,
            account_id=account_id,
            owner_id=owner_id,
            status=status,
            total=Decimal(total),
            issued_on=issued_on,
        ),
    )


def order(
    uow: UnitOfWork,
    account_id: str,
    owner_id: str,
    amount: str,
    day: dt.date,
    number: str,
    quote_id: str | None = None,
) -> str:
    return _add(
        uow,
        m.Order(
            number=number,
            account_id=account_id,
            owner_id=owner_id,
            amount=Decimal(amount),
            order_date=day,
            quote_id=quote_id,
        ),
    )


def opportunity(
    uow: UnitOfWork,
    account_id: str,
    owner_id: str,
    amount: str,
    probability: int,
    close: dt.date,
    stage: str = "proposal",
) -> str:
    return _add(
        uow,
        m.Opportunity(
            account_id=account_id,
            owner_id=owner_id,
            name="deal",
            amount=Decimal(amount),
            probability=probability,
            close_date=close,
            stage=stage,
        ),
    )


def visit(
    uow: UnitOfWork, account_id: str, owner_id: str, start: dt.datetime, status: str = "done"
) -> str:
    return _add(
        uow, m.Visit(account_id=account_id, owner_id=owner_id, planned_start=start, status=status)
    )


def sales_world(db: Database) -> dict[str, str]:
    """Two teams, two reps, quotes, pipeline, visits and a complaint in 2026-Q3 (the
    accounts created at the start of the year)."""
    with seeded(db.sessions, None, now=lambda: local(2026, 1, 5)) as uow:
        east, south = team(uow, "华东"), team(uow, "华南")
        zw = user(uow, "zhangwei", "张伟", east)
        sh = user(uow, "sunhao", "孙浩", south)
        a1 = account(uow, "甲公司", zw, tier="A")
        a2 = account(uow, "乙公司", zw, tier="A")
        a3 = account(uow, "丙公司", sh, tier="B")
        account(uow, "丁公司", zw, tier="C", status="lost")  # not counted for coverage
        targets.set_target(uow, zw, "2026-Q3", Decimal(90_000))
        targets.set_target(uow, sh, "2026-Q3", Decimal(30_000))
        accepted_quote(uow, a1, zw, "45000", local(2026, 8, 20), "Q-1")
        quote(uow, a2, zw, "10000", "rejected", dt.date(2026, 8, 1), "Q-2")
        quote(uow, a2, zw, "7000", "sent", dt.date(2026, 9, 1), "Q-3")
        quote(uow, a2, zw, "1", "draft", dt.date(2026, 9, 1), "Q-4")
        accepted_quote(uow, a3, sh, "30000", local(2026, 7, 2), "Q-5")
        opportunity(uow, a1, zw, "100000", 40, dt.date(2026, 9, 1), stage="negotiation")
        opportunity(uow, a2, zw, "50000", 100, dt.date(2026, 8, 1), stage="won")
        visit(uow, a1, zw, local(2026, 9, 20))
        visit(uow, a2, zw, local(2026, 5, 1))  # outside A's 30-day cadence
        visit(uow, a3, sh, local(2026, 9, 1), status="planned")
        complaints.log_complaint(
            uow,
            {
                "account_id": a1,
                "title": "质量",
                "category": "quality",
                "severity": "high",
                "opened_at": local(2026, 9, 28),
                "owner_id": zw,
            },
        )
    return {"east": east, "zw": zw, "sh": sh}
