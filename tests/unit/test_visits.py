"""Planning, moving, checking in and reporting visits, and their follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.models import OutboxEntry, Task, Visit
from desktop.domain.services import followups, visits
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.visits_data import add_account, add_contact, add_user, at, fixed_now, plan


@pytest.fixture
def rep(db: Database) -> str:
    return add_user(db)


@pytest.fixture
def account(db: Database, rep: str) -> str:
    return add_account(db, owner_id=rep)


def test_plan_defaults_location_to_account_address_and_syncs(
    db: Database, rep: str, account: str
) -> None:
    contact = add_contact(db, account)
    visit_id = plan(
        db, account, rep, at("2026-03-02", "09:30"), purpose="年度续约", contact_ids=[contact]
    )
    with db.sessions() as session:
        detail = visits.get_visit(session, visit_id)
        outbox = session.scalars(select(OutboxEntry).where(OutboxEntry.row_id == visit_id)).all()
    assert detail.row.location == "上海市浦东新区张江路88号"
    assert detail.row.status == "planned"
    assert detail.row.start == at("2026-03-02", "09:30")
    assert detail.row.start.tzinfo is not None
    assert detail.contact_names == ["李明"]
    assert [e.op for e in outbox] == ["insert"]


def test_phone_visit_has_no_default_location(db: Database, rep: str, account: str) -> None:
    visit_id = plan(db, account, rep, at("2026-03-02"), visit_type="phone")
    with db.sessions() as session:
        assert visits.get_visit(session, visit_id).row.location == ""


def test_overlapping_visit_of_same_rep_clashes(db: Database, rep: str, account: str) -> None:
    other = add_account(db, "杭州云帆科技有限公司", owner_id=rep)
    plan(db, account, rep, at("2026-03-02", "09:00"), 90)
    with pytest.raises(visits.VisitClashError) as caught:
        plan(db, other, rep, at("2026-03-02", "10:00"))
    assert caught.value.clashes[0].account_name == "上海华测电子有限公司"
    # Back to back is no clash; another rep at the same time is no clash.
    plan(db, other, rep, at("2026-03-02", "10:30"))
    colleague = add_user(db, "liuna", "刘娜")
    plan(db, other, colleague, at("2026-03-02", "09:00"))
    # The user may go on after the warning.
    plan(db, other, rep, at("2026-03-02", "09:15"), allow_clash=True)


def test_cancelled_visit_does_not_clash(db: Database, rep: str, account: str) -> None:
    first = plan(db, account, rep, at("2026-03-02", "09:00"))
    with unit_of_work(db.sessions, rep) as uow:
        visits.cancel(uow, first)
    plan(db, account, rep, at("2026-03-02", "09:00"))


def test_reschedule_moves_and_checks_clashes(db: Database, rep: str, account: str) -> None:
    first = plan(db, account, rep, at("2026-03-02", "09:00"))
    second = plan(db, account, rep, at("2026-03-03", "09:00"))
    sunday = fixed_now(at("2026-03-01"))  # the week is still ahead
    with unit_of_work(db.sessions, rep, now=sunday) as uow:
        visits.reschedule(uow, second, at("2026-03-04", "14:00"), 45)
    with pytest.raises(visits.VisitClashError), unit_of_work(db.sessions, rep, now=sunday) as uow:
        visits.reschedule(uow, second, at("2026-03-02", "09:30"))
    # Moving a visit onto its own old slot is not a clash with itself.
    with unit_of_work(db.sessions, rep, now=sunday) as uow:
        visits.reschedule(uow, first, at("2026-03-02", "09:30"))
    with db.sessions() as session:
        moved = visits.get_visit(session, second).row
    assert (moved.start, moved.minutes) == (at("2026-03-04", "14:00"), 45)
    # A visit is not moved onto a day that has passed.
    with (
        pytest.raises(visits.VisitInPastError),
        unit_of_work(db.sessions, rep, now=fixed_now(at("2026-03-05"))) as uow,
    ):
        visits.reschedule(uow, second, at("2026-03-04", "16:00"))


def test_visit_is_done_only_with_a_call_report(db: Database, rep: str, account: str) -> None:
    visit_id = plan(db, account, rep, at("2026-03-02", "09:00"))
    with unit_of_work(db.sessions, rep) as uow:
        visits.check_in(
            uow, visit_id, at=at("2026-03-02", "09:05"), location="31.2304 N, 121.4737 E"
        )
    with db.sessions() as session:
        detail = visits.get_visit(session, visit_id)
    assert detail.row.status == "planned"
    assert detail.row.checked_in_at == at("2026-03-02", "09:05")
    assert detail.checkin_location == "31.230400,121.473700"

    with pytest.raises(ValidationError) as caught, unit_of_work(db.sessions, rep) as uow:
        visits.write_report(uow, visit_id, outcome="positive", notes="  ")
    assert "report" in caught.value.errors

    colleague = add_user(db, "liuna", "刘娜")
    with unit_of_work(db.sessions, rep) as uow:
        task_ids = visits.write_report(
            uow,
            visit_id,
            outcome="positive",
            notes="客户同意试用",
            next_steps="发送方案",
            competitors="华为",
            follow_ups=[
                visits.FollowUpDraft("发送报价", dt.date(2026, 3, 5), rep),
                visits.FollowUpDraft("安排技术交流", None, colleague),
            ],
        )
    with db.sessions() as session:
        detail = visits.get_visit(session, visit_id)
    assert detail.row.status == "done"
    assert detail.report == "客户同意试用"
    assert [t.title for t in detail.follow_ups] == ["发送报价", "安排技术交流"]
    assert [t.owner_name for t in detail.follow_ups] == ["张伟", "刘娜"]
    assert len(task_ids) == 2
    with pytest.raises(DomainError), unit_of_work(db.sessions, rep) as uow:
        visits.cancel(uow, visit_id)
    with pytest.raises(DomainError), unit_of_work(db.sessions, rep) as uow:
        visits.reschedule(uow, visit_id, at("2026-03-09"))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("31.2304,121.4737", "31.230400,121.473700"),
        ("31.2304，121.4737", "31.230400,121.473700"),
        ("-33.8688 151.2093", "-33.868800,151.209300"),
        ("40.7128° N, 74.0060° W", "40.712800,-74.006000"),
        ("  客户大楼3层会议室 ", "客户大楼3层会议室"),
        ("", None),
    ],
)
def test_checkin_location_text_or_coordinates(typed: str, stored: str | None) -> None:
    assert visits.parse_location(typed) == stored


def test_coordinates_out_of_range_are_refused() -> None:
    with pytest.raises(ValidationError):
        visits.parse_location("95.0, 121.0")


def test_naive_time_and_bad_duration_refused(db: Database, rep: str, account: str) -> None:
    with pytest.raises(ValidationError):
        plan(db, account, rep, dt.datetime(2026, 3, 2, 9))
    with pytest.raises(ValidationError):
        plan(db, account, rep, at("2026-03-02"), 0)


def test_follow_ups_overdue_due_today_and_complete(db: Database, rep: str, account: str) -> None:
    today = dt.date(2026, 3, 10)
    with unit_of_work(db.sessions, rep) as uow:
        late = followups.add_task(
            uow, title="寄样品", due_date=dt.date(2026, 3, 9), owner_id=rep, account_id=account
        )
        followups.add_task(uow, title="回电话", due_date=today, owner_id=rep, account_id=account)
        followups.add_task(uow, title="下周再说", due_date=dt.date(2026, 3, 11), owner_id=rep)
    with db.sessions() as session:
        assert [t.title for t in followups.overdue(session, today, rep)] == ["寄样品"]
        assert [t.title for t in followups.due_today(session, today, rep)] == ["回电话"]
        assert followups.overdue(session, today, rep)[0].account_name == "上海华测电子有限公司"
    with unit_of_work(db.sessions, rep) as uow:
        followups.complete(uow, late)
    with db.sessions() as session:
        assert followups.overdue(session, today, rep) == []
        task = session.get(Task, late)
        assert task is not None
        assert task.status == "done"
        assert task.done_at is not None


def test_list_visits_by_week_owner_and_status(db: Database, rep: str, account: str) -> None:
    colleague = add_user(db, "liuna", "刘娜")
    plan(db, account, rep, at("2026-03-01", "23:30"))  # Sunday, the week before
    monday = plan(db, account, rep, at("2026-03-02", "00:30"))
    plan(db, account, colleague, at("2026-03-03", "10:00"))
    start, _ = visits.local_day_bounds(dt.date(2026, 3, 2))
    _, end = visits.local_day_bounds(dt.date(2026, 3, 8))
    with db.sessions() as session:
        mine = visits.list_visits(session, start=start, end=end, owner_id=rep)
        everyone = visits.list_visits(session, start=start, end=end)
        done = visits.list_visits(session, start=start, end=end, statuses=["done"])
        session.scalars(select(Visit)).all()
    assert [v.id for v in mine] == [monday]
    assert len(everyone) == 2
    assert done == []


def test_check_in_opens_two_hours_before_and_closes_at_the_end_of_the_day(
    db: Database, rep: str, account: str
) -> None:
    from desktop.domain.rules import RuleViolation

    visit_id = plan(db, account, rep, at("2026-12-09", "10:00"))
    for when, code in (
        (at("2026-12-04", "10:00"), "checkin_too_early"),  # days ahead: not evidence
        (at("2026-12-09", "07:59"), "checkin_too_early"),
        (at("2026-12-10", "00:00"), "checkin_too_late"),
    ):
        with pytest.raises(RuleViolation) as refused, unit_of_work(db.sessions, rep) as uow:
            visits.check_in(uow, visit_id, at=when)
        assert refused.value.code == code
    with unit_of_work(db.sessions, rep) as uow:
        visits.check_in(uow, visit_id, at=at("2026-12-09", "08:00"))
    with db.sessions() as session:
        row = visits.get_visit(session, visit_id).row
    assert row.checked_in_at == at("2026-12-09", "08:00")
    assert row.checkin == "on_time"


def test_the_rules_set_the_window_and_where_the_location_is_required(
    db: Database, rep: str, account: str
) -> None:
    from desktop.domain.models import Policy
    from desktop.domain.rules import RuleViolation

    manager = add_user(db, "wangfang", "王芳", "manager")
    with unit_of_work(db.sessions, manager) as uow:
        uow.add(
            Policy(
                key="visits",
                value={"checkin_hours_before": 0, "location_required": {"A": True}},
            )
        )
    visit_id = plan(db, account, rep, at("2026-12-09", "10:00"))  # a tier A account
    with pytest.raises(RuleViolation) as early, unit_of_work(db.sessions, rep) as uow:
        visits.check_in(uow, visit_id, at=at("2026-12-09", "09:59"), location="31.23,121.47")
    assert early.value.code == "checkin_too_early"
    with pytest.raises(RuleViolation) as nowhere, unit_of_work(db.sessions, rep) as uow:
        visits.check_in(uow, visit_id, at=at("2026-12-09", "10:30"))
    assert nowhere.value.code == "checkin_location_required"
    with unit_of_work(db.sessions, rep) as uow:
        visits.check_in(uow, visit_id, at=at("2026-12-09", "10:30"), location="31.23,121.47")
    with db.sessions() as session:
        assert visits.get_visit(session, visit_id).row.checkin == "late"


def test_a_past_visit_is_recorded_as_after_the_fact_never_silently_planned(
    db: Database, rep: str, account: str
) -> None:
    today = fixed_now(at("2026-12-04", "15:00"))
    with pytest.raises(visits.VisitInPastError), unit_of_work(db.sessions, rep, now=today) as uow:
        visits.plan_visit(
            uow, account_id=account, owner_id=rep, planned_start=at("2026-12-02", "10:00")
        )
    with unit_of_work(db.sessions, rep, now=today) as uow:
        late = visits.plan_visit(
            uow,
            account_id=account,
            owner_id=rep,
            planned_start=at("2026-12-02", "10:00"),
            after_the_fact=True,
        )
        visits.write_report(uow, late, outcome="positive", notes="补记：客户确认续约")
    # A visit planned in time, reported the day after without a check-in.
    forgot = plan(db, account, rep, at("2026-12-03", "14:00"))
    with unit_of_work(db.sessions, rep, now=today) as uow:
        visits.write_report(uow, forgot, outcome="neutral", notes="忘了签到")
    with db.sessions() as session:
        rows = {v: visits.get_visit(session, v).row for v in (late, forgot)}
    assert rows[late].start == at("2026-12-02", "10:00")  # its real date
    assert rows[late].recorded_after_at == at("2026-12-04", "15:00")
    assert rows[late].status == "done"
    assert rows[late].checkin == "recorded_later"
    assert rows[forgot].checkin == "recorded_later"
