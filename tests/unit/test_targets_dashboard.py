"""The dashboard's figures, filtered by period, team and rep."""

from __future__ import annotations

from decimal import Decimal

from desktop.domain import models as m
from desktop.domain.services import coverage, dashboard
from desktop.store.migrate import Database
from tests.reports import builders as b
from tests.seed import seeded


def test_team_dashboard(db: Database) -> None:
    ids = b.sales_world(db)
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
    ids = b.sales_world(db)
    with db.sessions() as s:
        rep = dashboard.build(
            s, dashboard.Filters("2026-07", rep_id=ids["sh"]), now=b.local(2026, 10, 15)
        )
        everyone = dashboard.build(s, dashboard.Filters("2026-Q3"), now=b.local(2026, 10, 15))
    with seeded(db.sessions, None) as uow:
        uow.add(m.Policy(key="coverage", value={"A": 365}))
        assert coverage.cadence(uow.session)["A"] == 365
    assert [(f.month, f.target, f.actual) for f in rep.by_month] == [("2026-07", 10_000, 30_000)]
    assert rep.scoreboard[0].attainment_pct == Decimal("300.0")
    assert everyone.totals["actual"] == 75_000
    assert {t.tier: t.covered for t in everyone.coverage}["B"] == 0  # planned is not done
