"""The Today items and the reminder questions, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.models import Quote
from desktop.domain.services import followups, reminders, today
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.seed import seeded
from tests.visits_data import add_account, add_user, at, done_visit, plan

NOW = at("2026-03-10", "08:00")


@pytest.fixture
def rep(db: Database) -> str:
    return add_user(db)


def test_today_lists_visits_in_time_order_and_follow_ups(db: Database, rep: str) -> None:
    colleague = add_user(db, "liuna", "刘娜")
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    other = add_account(db, "杭州云帆科技有限公司", owner_id=rep)
    done_visit(db, account, rep, at("2026-03-01"))
    done_visit(db, other, rep, at("2026-03-01"))
    afternoon = plan(db, other, rep, at("2026-03-10", "15:00"))
    morning = plan(db, account, rep, at("2026-03-10", "09:00"))
    plan(db, account, rep, at("2026-03-11", "00:30"))  # tomorrow in Shanghai
    plan(db, account, colleague, at("2026-03-10", "10:00"))
    with unit_of_work(db.sessions, rep) as uow:
        followups.add_task(
            uow, title="寄样品", due_date=dt.date(2026, 3, 8), owner_id=rep, account_id=account
        )
        followups.add_task(uow, title="回电话", due_date=dt.date(2026, 3, 10), owner_id=rep)
        followups.add_task(uow, title="明天的事", due_date=dt.date(2026, 3, 11), owner_id=rep)
    with db.sessions() as session:
        view = today.build(session, rep, NOW)
    assert view.day == dt.date(2026, 3, 10)
    assert [i.record_id for i in view.section("visits")] == [morning, afternoon]
    assert [i.title for i in view.section("overdue")] == ["寄样品"]
    assert view.section("overdue")[0].detail == "上海华测电子有限公司"
    # Every row reads client | what: a follow-up's client is its account, a visit's too.
    late = view.section("overdue")[0]
    assert (late.client, late.what) == ("上海华测电子有限公司", "寄样品")
    assert view.section("visits")[0].client == "上海华测电子有限公司"
    assert [i.title for i in view.section("due_today")] == ["回电话"]
    assert view.section("coverage") == []


def test_today_lists_accounts_due_most_overdue_first(db: Database, rep: str) -> None:
    a = add_account(db, "A客户", tier="A", owner_id=rep)
    done_visit(db, a, rep, at("2026-02-01"))  # due 3 March: 7 days overdue
    b = add_account(db, "B客户", tier="B", owner_id=rep)
    done_visit(db, b, rep, at("2025-12-12"))  # due 12 March: in two days
    with db.sessions() as session:
        view = today.build(session, rep, NOW)
    assert [(i.title, i.status) for i in view.section("coverage")] == [
        ("A客户", "overdue"),
        ("B客户", "due"),
    ]
    assert view.section("coverage")[0].entity == "account"


def test_today_shows_quotes_expiring_within_seven_days(db: Database, rep: str) -> None:
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    done_visit(db, account, rep, at("2026-03-01"))
    with seeded(db.sessions, rep) as uow:
        for number, until in (("Q-1", "2026-03-17"), ("Q-2", "2026-03-18"), ("Q-3", "2026-03-09")):
            uow.add(
                Quote(
                    number=number,
                    account_id=account,
                    owner_id=rep,
                    status="sent",
                    valid_until=dt.date.fromisoformat(until),
                )
            )
    with db.sessions() as session:
        view = today.build(session, rep, NOW)
    assert [i.detail.split()[0] for i in view.section("quotes")] == ["Q-1"]


def test_reminder_for_visits_starting_within_15_minutes(db: Database, rep: str) -> None:
    account = add_account(db, owner_id=rep)
    soon = plan(db, account, rep, at("2026-03-10", "08:15"))
    plan(db, account, rep, at("2026-03-10", "08:16"), allow_clash=True)
    plan(db, account, rep, at("2026-03-10", "08:00"), 10, allow_clash=True)  # already started
    with db.sessions() as session:
        assert [v.id for v in reminders.starting_soon(session, rep, NOW)] == [soon]
        assert reminders.starting_soon(session, rep, NOW, announced={soon}) == []


def test_overdue_summary(db: Database, rep: str) -> None:
    with unit_of_work(db.sessions, rep) as uow:
        for day, title in ((5, "最早"), (8, "其次"), (10, "今天到期")):
            followups.add_task(uow, title=title, due_date=dt.date(2026, 3, day), owner_id=rep)
    with db.sessions() as session:
        summary = reminders.overdue_summary(session, rep, NOW)
    assert (summary.count, summary.oldest_due, summary.titles) == (
        2,
        dt.date(2026, 3, 5),
        ["最早", "其次"],
    )
