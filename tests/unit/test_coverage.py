"""Coverage rules by tier at their boundaries: the 30th/31st day, quarter ends, leap
years, local midnight, and "monthly" meaning 30 days rather than a calendar month."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.errors import ValidationError
from desktop.domain.models import Account
from desktop.domain.services import coverage, visits
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.visits_data import add_account, add_user, at, done_visit, plan


@pytest.fixture
def rep(db: Database) -> str:
    return add_user(db)


def due_states(db: Database, today: str, within_days: int = 0) -> dict[str, int]:
    """{account name: days overdue} of the accounts due by ``today + within_days``."""
    with db.sessions() as session:
        return {
            s.account_name: s.days_overdue
            for s in coverage.accounts_due(
                session, dt.date.fromisoformat(today), within_days=within_days
            )
        }


def test_tier_a_is_due_on_the_30th_day_and_overdue_on_the_31st(db: Database, rep: str) -> None:
    account = add_account(db, "A客户", tier="A", owner_id=rep)
    done_visit(db, account, rep, at("2026-01-01", "10:00"))
    assert due_states(db, "2026-01-30") == {}
    assert due_states(db, "2026-01-31") == {"A客户": 0}  # the 30th day: due today
    assert due_states(db, "2026-02-01") == {"A客户": 1}  # the 31st day: overdue
    with db.sessions() as session:
        (state,) = coverage.accounts_due(session, dt.date(2026, 2, 1), within_days=0)
    assert state.state == "overdue"
    assert state.last_visit == dt.date(2026, 1, 1)
    assert state.due_date == dt.date(2026, 1, 31)


def test_due_soon_window(db: Database, rep: str) -> None:
    account = add_account(db, "A客户", tier="A", owner_id=rep)
    done_visit(db, account, rep, at("2026-01-01"))
    assert due_states(db, "2026-01-23", within_days=7) == {}
    assert due_states(db, "2026-01-24", within_days=7) == {"A客户": -7}


def test_monthly_means_30_days_not_a_calendar_month(db: Database, rep: str) -> None:
    account = add_account(db, "A客户", tier="A", owner_id=rep)
    done_visit(db, account, rep, at("2026-01-31"))
    # A calendar month later (28 February) the account is still covered...
    assert due_states(db, "2026-02-28") == {}
    # ...and it is due 30 days on, on 2 March, not on 31 March.
    assert due_states(db, "2026-03-02") == {"A客户": 0}
    assert due_states(db, "2026-03-03") == {"A客户": 1}


def test_quarterly_means_90_days_across_a_quarter_end(db: Database, rep: str) -> None:
    account = add_account(db, "B客户", tier="B", owner_id=rep)
    done_visit(db, account, rep, at("2026-03-31"))  # the last day of Q1
    assert due_states(db, "2026-06-28") == {}
    assert due_states(db, "2026-06-29") == {"B客户": 0}
    # The last day of Q2 is already a day late: the cadence is 90 days, not "once a quarter".
    assert due_states(db, "2026-06-30") == {"B客户": 1}
    assert due_states(db, "2026-07-01") == {"B客户": 2}


@pytest.mark.parametrize(
    ("tier", "visited", "due"),
    [
        ("C", "2023-09-01", "2024-03-01"),  # 182 days crossing 29 February 2024
        ("C", "2022-09-01", "2023-03-02"),  # the same span without a leap day
        ("A", "2024-02-15", "2024-03-16"),
        ("A", "2023-02-15", "2023-03-17"),
        ("A", "2024-01-30", "2024-02-29"),  # due on the leap day itself
        ("B", "2024-12-31", "2025-03-31"),
    ],
)
def test_leap_years(db: Database, rep: str, tier: str, visited: str, due: str) -> None:
    account = add_account(db, "客户", tier=tier, owner_id=rep)
    done_visit(db, account, rep, at(visited))
    due_day = dt.date.fromisoformat(due)
    day_before = (due_day - dt.timedelta(days=1)).isoformat()
    assert due_states(db, day_before) == {}
    assert due_states(db, due) == {"客户": 0}


def test_local_date_decides_not_utc(db: Database, rep: str) -> None:
    # 00:30 in Shanghai on 1 January is still 31 December in UTC.
    early = add_account(db, "凌晨", tier="A", owner_id=rep)
    done_visit(db, early, rep, at("2026-01-01", "00:30"))
    late = add_account(db, "深夜", tier="A", owner_id=rep)
    done_visit(db, late, rep, at("2026-01-01", "23:30"))
    assert due_states(db, "2026-01-30") == {}
    assert due_states(db, "2026-01-31") == {"凌晨": 0, "深夜": 0}


def test_checkin_time_counts_over_planned_time(db: Database, rep: str) -> None:
    account = add_account(db, "A客户", tier="A", owner_id=rep)
    # Planned at 01:00 on the 5th, checked in the evening before (inside the window).
    visit_id = plan(db, account, rep, at("2026-01-05", "01:00"))
    with unit_of_work(db.sessions, rep) as uow:
        visits.check_in(uow, visit_id, at=at("2026-01-04", "23:30"))
        visits.write_report(uow, visit_id, outcome="neutral", notes="提前一晚到了客户那里")
    assert due_states(db, "2026-02-02") == {}
    assert due_states(db, "2026-02-03") == {"A客户": 0}


def test_never_visited_counts_from_creation(db: Database, rep: str) -> None:
    add_account(db, "新客户", tier="A", owner_id=rep, created=at("2026-01-01", "09:00"))
    assert due_states(db, "2026-01-30") == {}
    assert due_states(db, "2026-01-31") == {"新客户": 0}
    with db.sessions() as session:
        (state,) = coverage.accounts_due(session, dt.date(2026, 1, 31), within_days=0)
    assert state.last_visit is None


def test_lost_accounts_and_planned_or_cancelled_visits(db: Database, rep: str) -> None:
    lost = add_account(db, "流失客户", tier="A", owner_id=rep, status="lost")
    done_visit(db, lost, rep, at("2025-06-01"))
    planned = add_account(db, "已安排", tier="A", owner_id=rep)
    done_visit(db, planned, rep, at("2025-06-01"))
    plan(db, planned, rep, at("2026-02-10"))
    cancelled_only = add_account(db, "只取消过", tier="A", owner_id=rep, created=at("2025-06-01"))
    cancelled = plan(db, cancelled_only, rep, at("2026-01-20"))
    with unit_of_work(db.sessions, rep) as uow:
        visits.cancel(uow, cancelled)
    # A cancelled visit covers nothing; a planned visit keeps the account off the to-do list.
    assert due_states(db, "2026-02-01") == {"只取消过": 215}
    with db.sessions() as session:
        everything = coverage.accounts_due(session, dt.date(2026, 2, 1), include_planned=True)
    assert {s.account_name for s in everything} == {"只取消过", "已安排"}


def test_policy_changes_the_cadence(db: Database, rep: str) -> None:
    account = add_account(db, "A客户", tier="A", owner_id=rep)
    done_visit(db, account, rep, at("2026-01-01"))
    with unit_of_work(db.sessions, None) as uow:
        coverage.set_cadence(uow, {"A": 14, "B": 60, "C": 120})
    with db.sessions() as session:
        assert coverage.cadence(session) == {"A": 14, "B": 60, "C": 120}
    assert due_states(db, "2026-01-15") == {"A客户": 0}
    with pytest.raises(ValidationError), unit_of_work(db.sessions, rep) as uow:
        coverage.set_cadence(uow, {"A": 0, "B": 60, "C": 120})


def test_sql_filter_agrees_with_the_rule_around_every_boundary(db: Database, rep: str) -> None:
    """The Accounts filter (a SQL clause) and the rule (date arithmetic) agree."""
    visited = {
        "A": at("2025-12-31", "23:59"),
        "B": at("2025-11-15", "00:01"),
        "C": at("2025-08-20", "12:00"),
    }
    ids = {}
    for tier, when in visited.items():
        ids[tier] = add_account(db, f"{tier}客户", tier=tier, owner_id=rep)
        done_visit(db, ids[tier], rep, when)
    days = coverage.DEFAULT_CADENCE
    for tier, when in visited.items():
        due = when.date() + dt.timedelta(days=days[tier])
        for offset in range(-3, 4):
            today = due + dt.timedelta(days=offset)
            with db.sessions() as session:
                selected = set(
                    session.scalars(
                        select(Account.id).where(coverage.due_condition(session, today))
                    )
                )
            assert (ids[tier] in selected) == (today >= due), (tier, today)


def test_last_and_next_visit_columns(db: Database, rep: str) -> None:
    account = add_account(db, "A客户", owner_id=rep)
    untouched = add_account(db, "没拜访", owner_id=rep)
    done_visit(db, account, rep, at("2026-01-05", "10:00"))
    done_visit(db, account, rep, at("2026-02-01", "10:00"))
    plan(db, account, rep, at("2026-02-10", "09:00"))
    plan(db, account, rep, at("2026-02-20", "09:00"))
    stale = plan(db, account, rep, at("2026-02-03", "09:00"))  # planned, never reported
    assert stale
    with db.sessions() as session:
        dates = coverage.last_and_next_visit(
            session, [account, untouched], today=dt.date(2026, 2, 5)
        )
    assert dates == {
        account: coverage.VisitDates(at("2026-02-01", "10:00"), at("2026-02-10", "09:00"))
    }


def test_coverage_by_tier(db: Database, rep: str) -> None:
    fresh = add_account(db, "新近拜访", tier="A", owner_id=rep)
    done_visit(db, fresh, rep, at("2026-01-20"))
    stale = add_account(db, "很久没去", tier="A", owner_id=rep)
    done_visit(db, stale, rep, at("2025-10-01"))
    add_account(db, "没来往了", tier="A", owner_id=rep, status="lost")  # needs no visits
    newcomer = add_account(db, "后来的", tier="B", owner_id=rep, created=at("2026-03-01"))
    done_visit(db, newcomer, rep, at("2026-03-02"))
    done_visit(db, stale, rep, at("2026-02-02"))  # after the day asked about
    with db.sessions() as session:
        by_tier = coverage.coverage_by_tier(session, dt.date(2026, 2, 1))
        mine = coverage.coverage_by_tier(session, dt.date(2026, 2, 1), owner_ids=[rep])
        nobody = coverage.coverage_by_tier(session, dt.date(2026, 2, 1), owner_ids=[])
    assert [(c.tier, c.cadence_days, c.covered, c.accounts) for c in by_tier] == [
        ("A", 30, 1, 2),
        ("B", 90, 0, 0),  # the newcomer did not exist yet
        ("C", 182, 0, 0),
    ]
    assert by_tier[0].coverage_pct == 50
    assert by_tier[1].coverage_pct is None
    assert mine == by_tier
    assert [c.accounts for c in nobody] == [0, 0, 0]
