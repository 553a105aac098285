"""The dashboard's figures, filtered by period, team and rep."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.domain import models as m
from desktop.domain.services import complaints, dashboard, targets
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.reports import builders as b


def _world(db: Database) -> dict[str, str]:
    with unit_of_work(db.sessions, None) as uow:
        east, south = b.team(uow, "华东"), b.team(uow, "华南")
        zw = b.user(uow, "zhangwei", "张伟", east)
        sh = b.user(uow, "sunhao", "孙浩", south)
        a1 = b.account(uow, "甲公司", zw, tier="A")
        a2 = b.account(uow, "乙公司", zw, tier="A")
        a3 = b.account(uow, "丙公司", sh, tier="B")
        b.account(uow, "丁公司", zw, tier="C", status="lost")  # not counted for coverage
        targets.set_target(uow, zw, "2026-Q3", Decimal(90_000))
        targets.set_target(uow, sh, "2026-Q3", Decimal(30_000))
        b.accepted_quote(uow, a1, zw, "45000", b.local(2026, 8, 20), "Q-1")
        b.quote(uow, a2, zw, "10000", "rejected", dt.date(2026, 8, 1), "Q-2")
        b.quote(uow, a2, zw, "7000", "sent", dt.date(2026, 9, 1), "Q-3")
        b.quote(uow, a2, zw, "1", "draft", dt.date(2026, 9, 1), "Q-4")
        b.accepted_quote(uow, a3, sh, "30000", b.local(2026, 7, 2), "Q-5")
        b.opportunity(uow, a1, zw, "100000", 40, dt.date(2026, 9, 1), stage="negotiation")
        b.opportunity(uow, a2, zw, "50000", 100, dt.date(2026, 8, 1), stage="won")
        b.visit(uow, a1, zw, b.local(2026, 9, 20))
        b.visit(uow, a2, zw, b.local(2026, 5, 1))  # outside A's 30-day cadence
        b.visit(uow, a3, sh, b.local(2026, 9, 1), status="planned")
        complaints.log_complaint(
            uow,
            {
                "account_id": a1,
                "title": "质量",
                "category": "quality",
                "severity": "high",
                "opened_at": b.local(2026, 9, 28),
                "owner_id": zw,
            },
        )
    return {"east": east, "zw": zw, "sh": sh}


def test_team_dashboard(db: Database) -> None:
    ids = _world(db)
    with db.sessions() as s:
        board = dashboard.build(
            s, dashboard.Filters("2026-Q3", team_id=ids["east"]), now=b.local(2026, 10, 15)
        )
    assert [o["name"] for o in board.owners] == ["张伟"]
    assert [(f.month, f.target, f.actual) for f in board.by_month] == [
        ("2026-07", 30_000, 0),
        ("2026-08", 30_000, 45_000),
        ("2026-09", 30_000, 0),
    ]
    assert board.by_month[1].attainment_pct == Decimal("150.0")
    assert board.totals == {"target": 90_000, "actual": 45_000, "forecast": 85_000}
    stages = {f.stage: f for f in board.pipeline}
    assert (stages["negotiation"].count, stages["negotiation"].weighted) == (1, 40_000)
    assert stages["won"].amount == 50_000
    coverage = {t.tier: t for t in board.coverage}
    assert (coverage["A"].accounts, coverage["A"].covered) == (2, 1)
    assert coverage["A"].coverage_pct == Decimal("50.0")
    assert (coverage["C"].accounts, coverage["C"].coverage_pct) == (0, None)
    q = board.quotes
    assert (q.issued, q.accepted, q.rejected, q.open) == (3, 1, 1, 1)
    assert q.conversion_pct == Decimal("50.0")
    assert q.accepted_amount == Decimal(45_000)
    assert board.complaints["quality"]["8-30 d"] == 1
    assert (board.complaints_open, board.complaints_breached) == (1, 1)


def test_rep_filter_and_everyone(db: Database) -> None:
    ids = _world(db)
    with db.sessions() as s:
        rep = dashboard.build(
            s, dashboard.Filters("2026-07", rep_id=ids["sh"]), now=b.local(2026, 10, 15)
        )
        everyone = dashboard.build(s, dashboard.Filters("2026-Q3"), now=b.local(2026, 10, 15))
    with unit_of_work(db.sessions, None) as uow:
        uow.add(m.Policy(key="coverage", value={"A": 365}))
        assert dashboard.coverage_days(uow.session)["A"] == 365
    assert [(f.month, f.target, f.actual) for f in rep.by_month] == [("2026-07", 10_000, 30_000)]
    assert rep.scoreboard[0].attainment_pct == Decimal("300.0")
    assert everyone.totals["actual"] == 75_000
    assert {t.tier: t.covered for t in everyone.coverage}["B"] == 0  # planned is not done
