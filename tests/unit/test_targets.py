"""Sales targets: splitting a year, actuals by acceptance date, attainment and forecast."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import ValidationError
from desktop.domain.services import targets
from desktop.store.migrate import Database
from tests.reports import builders as b
from tests.seed import seeded


def test_periods_parse_and_know_their_months() -> None:
    q3 = targets.parse_period(" 2026-q3 ")
    assert (q3.key, q3.kind, q3.month_keys) == (
        "2026-Q3",
        "quarter",
        ("2026-07", "2026-08", "2026-09"),
    )
    assert (q3.start, q3.end) == (dt.date(2026, 7, 1), dt.date(2026, 10, 1))
    assert targets.parse_period("2026-12").end == dt.date(2027, 1, 1)
    assert len(targets.parse_period("2026").months) == 12
    with pytest.raises(ValidationError):
        targets.parse_period("2026-13")


def test_even_split_loses_no_fen() -> None:
    plan = targets.plan_annual(2026, Decimal("1000000.01"))
    assert sum(plan.months) == Decimal("1000000.01")
    assert plan.months[0] == Decimal("83333.34")  # the odd fen go to the earliest months
    assert plan.months[-1] == Decimal("83333.33")
    assert sum(plan.quarters) == plan.amount
    assert plan.quarters[0] == sum(plan.months[:3])


def test_seasonal_profile_weights_the_months() -> None:
    plan = targets.plan_annual(2026, Decimal(1_000_000), "china_b2b")
    assert sum(plan.months) == Decimal(1_000_000)
    assert plan.months[1] < plan.months[0] < plan.months[11]  # Spring Festival vs year-end
    custom = targets.plan_annual(2026, Decimal(1200), [0] * 11 + [1])
    assert (custom.months[-1], sum(custom.months[:11])) == (Decimal(1200), 0)
    with pytest.raises(ValidationError):
        targets.plan_annual(2026, Decimal(1), [1, 2, 3])


@given(
    st.integers(min_value=0, max_value=10**12),
    st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=12).filter(any),
)
def test_split_always_adds_up(fen: int, weights: list[int]) -> None:
    amount = Decimal(fen) / 100
    parts = targets.split_amount(amount, weights)
    assert sum(parts) == amount
    assert all(p >= 0 for p in parts)
    assert all(p == 0 for p, w in zip(parts, weights, strict=True) if w == 0)


def _setup(db: Database) -> dict[str, str]:
    with seeded(db.sessions, None) as uow:
        t = b.team(uow)
        zw = b.user(uow, "zhangwei", "张伟", t)
        ln = b.user(uow, "liuna", "刘娜", t)
        acc = b.account(uow, "华信精密制造有限公司", zw)
    return {"team": t, "zw": zw, "ln": ln, "acc": acc}


def test_annual_plan_saved_then_read_per_period(db: Database) -> None:
    ids = _setup(db)
    with seeded(db.sessions, None) as uow:
        plan = targets.plan_annual(2026, Decimal(1_200_000), "china_b2b")
        assert len(targets.save_annual_plan(uow, ids["zw"], plan)) == 17
    with db.sessions() as s:
        assert targets.target_for(s, ids["zw"], "2026") == Decimal(1_200_000)
        assert targets.target_for(s, ids["zw"], "2026-Q1") == plan.quarters[0]
        assert targets.target_for(s, ids["zw"], "2026-02") == plan.months[1]
    # Saving again changes rows in place rather than adding more.
    with seeded(db.sessions, None) as uow:
        _, outcome = targets.set_target(uow, ids["zw"], "2026-02", plan.months[1])
        assert outcome == "unchanged"
        _, outcome = targets.set_target(uow, ids["zw"], "2026-02", Decimal(5))
        assert outcome == "updated"
    with db.sessions() as s:
        assert len(targets.target_rows(s, [ids["zw"]], 2026)) == 17


def test_coarse_target_is_shared_out_and_fine_rows_add_up(db: Database) -> None:
    ids = _setup(db)
    with seeded(db.sessions, None) as uow:
        targets.set_target(uow, ids["zw"], "2026", Decimal(1200))
        targets.set_target(uow, ids["ln"], "2026-07", Decimal(10))
        targets.set_target(uow, ids["ln"], "2026-08", Decimal(20))
        targets.set_target(uow, ids["ln"], "2026-09", Decimal(30))
        # A key-account target is a breakdown, not more target for the rep.
        targets.set_target(uow, ids["zw"], "2026", Decimal(500), account_id=ids["acc"])
    with db.sessions() as s:
        assert targets.target_for(s, ids["zw"], "2026-Q3") == Decimal(300)
        assert targets.target_for(s, ids["zw"], "2026-07") == Decimal(100)
        assert targets.target_for(s, ids["ln"], "2026-Q3") == Decimal(60)
        assert targets.target_for(s, ids["ln"], "2026") == Decimal(60)
        assert targets.target_for(s, ids["zw"], "2026", ids["acc"]) == Decimal(500)


def test_actuals_attainment_and_forecast(db: Database) -> None:
    ids = _setup(db)
    zw, acc = ids["zw"], ids["acc"]
    with seeded(db.sessions, None) as uow:
        targets.set_target(uow, zw, "2026-Q3", Decimal(300_000))
        # Accepted 1 July 00:30 in Shanghai = 30 June UTC: counts in July (local date).
        q1 = b.accepted_quote(uow, acc, zw, "100000.00", b.local(2026, 7, 1, 0, 30), "Q-1")
        # Its order is the same money: not counted again.
        b.order(uow, acc, zw, "100000.00", dt.date(2026, 7, 3), "SO-1", quote_id=q1)
        # A direct order without a quote counts by its date.
        b.order(uow, acc, zw, "20000.50", dt.date(2026, 8, 15), "SO-2")
        # Accepted just after the quarter ends: not in Q3.
        b.accepted_quote(uow, acc, zw, "99999.00", b.local(2026, 10, 1, 0, 1), "Q-2")
        # Pipeline closing in Q3: 50% of 100,000.01 = 50,000.005 -> 50,000.01 (half-up).
        b.opportunity(uow, acc, zw, "100000.01", 50, dt.date(2026, 9, 30))
        b.opportunity(uow, acc, zw, "80000", 25, dt.date(2026, 8, 1), stage="won")
        b.opportunity(uow, acc, zw, "80000", 25, dt.date(2026, 10, 1))
    with db.sessions() as s:
        owners = targets.owners_in_scope(s, team_id=ids["team"])
        board = {a.owner_id: a for a in targets.scoreboard(s, "2026-Q3", owners)}
    line = board[zw]
    assert line.target == Decimal(300_000)
    assert line.actual == Decimal("120000.50")
    assert line.by_month["2026-07"] == (Decimal(100_000), Decimal(100_000))
    assert line.by_month["2026-08"][1] == Decimal("20000.50")
    assert line.attainment_pct == Decimal("40.0")  # 120000.50 / 300000 = 40.0002%
    assert line.pipeline_weighted == Decimal("50000.01")
    assert line.forecast == Decimal("170000.51")
    assert line.forecast_pct == Decimal("56.7")
    assert line.gap == Decimal("179999.50")
    other = board[ids["ln"]]
    assert (other.target, other.actual, other.attainment_pct) == (0, 0, None)


def test_an_accounts_year_sums_its_owners_rows_and_counts_its_own_wins(db: Database) -> None:
    ids = _setup(db)
    zw, ln, acc = ids["zw"], ids["ln"], ids["acc"]
    with seeded(db.sessions, None) as uow:
        other = b.account(uow, "别家客户有限公司", zw)
        # The account changed hands: both reps' key-account rows are its target.
        targets.set_target(uow, zw, "2026-Q1", Decimal(30_000), account_id=acc)
        targets.set_target(uow, ln, "2026", Decimal(120_000), account_id=acc)
        targets.set_target(uow, zw, "2026", Decimal(999_999))  # the rep's own: not the account's
        q1 = b.accepted_quote(uow, acc, zw, "50000.00", b.local(2026, 2, 3), "Q-1")
        b.order(uow, acc, zw, "50000.00", dt.date(2026, 2, 5), "SO-1", quote_id=q1)  # same money
        b.order(uow, acc, ln, "7000.00", dt.date(2026, 11, 20), "SO-2")
        b.order(uow, other, zw, "88888.00", dt.date(2026, 2, 1), "SO-3")  # another account
        b.order(uow, acc, zw, "1.00", dt.date(2025, 12, 31), "SO-4")  # the year before
    with db.sessions() as s:
        year = targets.account_year(s, acc, 2026)
    assert year.target == Decimal(150_000)
    assert year.actual == Decimal(57_000)
    assert year.by_month["2026-01"] == (Decimal(20_000), 0)  # 10,000 + 10,000
    assert year.by_month["2026-02"] == (Decimal(20_000), Decimal(50_000))
    assert year.by_month["2026-11"] == (Decimal(10_000), Decimal(7_000))
    assert sum(t for t, _ in year.by_month.values()) == year.target
    assert year.attainment_pct == Decimal("38.0")


def test_attainment_rounds_half_up() -> None:
    assert targets.attainment(Decimal("1"), Decimal("8")) == Decimal("12.5")
    assert targets.attainment(Decimal("1.0005"), Decimal("1")) == Decimal("100.1")
    assert targets.attainment(Decimal(5), Decimal(0)) is None


def test_scope_by_rep_and_team(db: Database) -> None:
    ids = _setup(db)
    with seeded(db.sessions, None) as uow:
        other_team = b.team(uow, "华南大客户部")
        b.user(uow, "sunhao", "孙浩", other_team)
    with db.sessions() as s:
        assert {o["id"] for o in targets.owners_in_scope(s, team_id=ids["team"])} == {
            ids["zw"],
            ids["ln"],
        }
        assert [o["id"] for o in targets.owners_in_scope(s, rep_id=ids["ln"])] == [ids["ln"]]
        assert len(targets.owners_in_scope(s)) == 3
