"""The weekly report: compiled from the week, written, submitted, commented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.domain.errors import DomainError, PermissionDeniedError, ValidationError
from desktop.domain.models import Order, Quote
from desktop.domain.services import followups, visits, weekly
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.seed import seeded
from tests.visits_data import add_account, add_user, at, done_visit, plan

MONDAY = dt.date(2026, 3, 2)


def test_week_is_compiled_from_visits_follow_ups_quotes_and_orders(db: Database) -> None:
    rep = add_user(db)
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    done_visit(db, account, rep, at("2026-03-02", "00:30"), notes="周一凌晨的电话")
    done_visit(db, account, rep, at("2026-03-01", "23:30"), notes="上周日的不算")
    plan(db, account, rep, at("2026-03-05"))
    cancelled = plan(db, account, rep, at("2026-03-06"))
    plan(db, account, rep, at("2026-03-10"))  # next week
    with seeded(db.sessions, rep, now=lambda: at("2026-03-04")) as uow:
        visits.cancel(uow, cancelled)
        done_task = followups.add_task(uow, title="寄资料", due_date=MONDAY, owner_id=rep)
        followups.complete(uow, done_task)
        followups.add_task(uow, title="逾期的事", due_date=dt.date(2026, 3, 3), owner_id=rep)
        uow.add(
            Quote(
                number="Q-7",
                account_id=account,
                owner_id=rep,
                status="sent",
                total=Decimal("1000.10"),
                issued_on=dt.date(2026, 3, 3),
            )
        )
        uow.add(
            Order(
                number="SO-1",
                account_id=account,
                owner_id=rep,
                order_date=dt.date(2026, 3, 8),
                amount=Decimal("5000"),
            )
        )
    with db.sessions() as session:
        facts = weekly.compile_week(session, rep, dt.date(2026, 3, 4))
    assert facts.week_start == MONDAY
    assert [r[2] for r in facts.reports] == ["周一凌晨的电话"]
    assert len(facts.planned) == 1
    assert len(facts.cancelled) == 1
    assert len(facts.next_week) == 1
    assert [t.title for t in facts.completed] == ["寄资料"]
    assert [t.title for t in facts.overdue] == ["逾期的事"]
    assert facts.quoted_total == Decimal("1000.10")
    assert facts.won_total == Decimal("5000")


def test_write_submit_and_manager_comment(db: Database) -> None:
    rep = add_user(db)
    manager = add_user(db, "wangfang", "王芳", "manager")
    with unit_of_work(db.sessions, rep) as uow:
        report_id = weekly.save_draft(uow, rep, MONDAY, summary="", next_week_plan="拜访A类客户")
    with pytest.raises(ValidationError), unit_of_work(db.sessions, rep) as uow:
        weekly.submit(uow, report_id)
    with unit_of_work(db.sessions, rep) as uow:
        assert (
            weekly.save_draft(
                uow,
                rep,
                MONDAY + dt.timedelta(days=3),
                summary="完成3次拜访",
                next_week_plan="拜访A类客户",
            )
            == report_id
        )
        weekly.submit(uow, report_id)
    with pytest.raises(DomainError), unit_of_work(db.sessions, rep) as uow:
        weekly.save_draft(uow, rep, MONDAY, summary="改一下", next_week_plan="")
    with pytest.raises(PermissionDeniedError), unit_of_work(db.sessions, rep) as uow:
        weekly.comment(uow, report_id, "自己评自己")
    with unit_of_work(db.sessions, manager) as uow:
        weekly.comment(uow, report_id, "很好，继续跟进")
    with db.sessions() as session:
        (row,) = weekly.list_reports(session, monday=MONDAY)
    assert (row.owner_name, row.status, row.summary, row.manager_comment) == (
        "张伟",
        "commented",
        "完成3次拜访",
        "很好，继续跟进",
    )
    assert row.submitted_at is not None
