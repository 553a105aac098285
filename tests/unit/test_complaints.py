"""Complaints: SLA due dates across weekends, status changes, aging and breaches."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain import models as m
from desktop.domain.errors import ValidationError
from desktop.domain.services import complaints as c
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.reports import builders as b

POLICY = c.SlaPolicy(c.DEFAULT_SLA_HOURS, frozenset({"critical"}))


def test_calendar_used_below() -> None:
    assert b.local(2026, 7, 3).strftime("%A") == "Friday"


@pytest.mark.parametrize(
    ("opened", "severity", "due"),
    [
        # 24 working hours from Friday 16:00 skip the weekend: Monday 16:00.
        (b.local(2026, 7, 3, 16), "high", b.local(2026, 7, 6, 16)),
        # Opened on Saturday: the clock starts on Monday 00:00.
        (b.local(2026, 7, 4, 10), "high", b.local(2026, 7, 7, 0)),
        # Opened on Sunday night: also Monday 00:00 + 24 h.
        (b.local(2026, 7, 5, 23, 59), "high", b.local(2026, 7, 7, 0)),
        # 120 h from Monday 09:00 = five working days: next Monday 09:00.
        (b.local(2026, 7, 6, 9), "low", b.local(2026, 7, 13, 9)),
        # 72 h from Wednesday 12:00: Thu, Fri, (weekend), Mon 12:00.
        (b.local(2026, 7, 8, 12), "medium", b.local(2026, 7, 13, 12)),
        # Critical runs around the clock: Friday 20:00 + 8 h = Saturday 04:00.
        (b.local(2026, 7, 3, 20), "critical", b.local(2026, 7, 4, 4)),
        # Monday 02:00 in Shanghai is still Sunday in UTC: the local calendar decides.
        (b.local(2026, 7, 6, 2), "high", b.local(2026, 7, 7, 2)),
    ],
)
def test_sla_due_dates_across_weekends(
    opened: dt.datetime, severity: str, due: dt.datetime
) -> None:
    result = c.sla_due(opened, severity, POLICY)
    assert result == due
    assert result.tzinfo == dt.UTC


def _setup(db: Database) -> tuple[str, str]:
    with unit_of_work(db.sessions, None) as uow:
        rep = b.user(uow, "zhangwei", "张伟")
        acc = b.account(uow, "恒通供应链有限公司", rep)
    return rep, acc


def test_policy_hours_and_clock_come_from_the_policy_row(db: Database) -> None:
    rep, acc = _setup(db)
    with unit_of_work(db.sessions, None) as uow:
        uow.add(m.Policy(key="sla", value={"high": 48, "around_the_clock": ["high"]}))
    with unit_of_work(db.sessions, rep) as uow:
        cid = c.log_complaint(
            uow,
            {
                "account_id": acc,
                "title": "设备故障",
                "severity": "high",
                "category": "quality",
                "opened_at": b.local(2026, 7, 3, 16),
            },
        )
    with db.sessions() as s:
        row = s.get(m.Complaint, cid)
        assert row is not None
        assert row.sla_due_at == b.local(2026, 7, 5, 16)  # 48 clock hours, weekend included
        assert (row.owner_id, row.status) == (rep, "open")
        assert c.sla_policy(s).hours_for("low") == 120  # unchanged default


def test_severity_change_moves_due_date_and_resolution_is_stamped(db: Database) -> None:
    rep, acc = _setup(db)
    opened = b.local(2026, 7, 6, 9)
    with unit_of_work(db.sessions, rep) as uow:
        cid = c.log_complaint(
            uow,
            {
                "account_id": acc,
                "title": "交付延迟",
                "severity": "low",
                "category": "delivery",
                "opened_at": opened,
            },
        )
    with unit_of_work(db.sessions, rep) as uow:
        c.update_complaint(uow, cid, {"severity": "high"})
    with unit_of_work(db.sessions, rep, now=lambda: b.local(2026, 7, 6, 15)) as uow:
        c.update_complaint(
            uow, cid, {"status": "resolved", "resolution": "补发", "satisfaction": 4}
        )
    with db.sessions() as s:
        row = s.get(m.Complaint, cid)
        assert row is not None
        assert row.sla_due_at == b.local(2026, 7, 7, 9)
        assert row.resolved_at == b.local(2026, 7, 6, 15)
        [view] = c.complaint_views(s, now=b.local(2026, 8, 1))
        assert (view.sla_state, view.age_days) == ("met", 0)
    with unit_of_work(db.sessions, rep) as uow:
        c.update_complaint(uow, cid, {"status": "open"})
    with db.sessions() as s:
        assert s.get(m.Complaint, cid).resolved_at is None  # type: ignore[union-attr]


def test_bad_values_are_refused(db: Database) -> None:
    rep, acc = _setup(db)
    with unit_of_work(db.sessions, rep) as uow:
        with pytest.raises(ValidationError) as err:
            c.log_complaint(
                uow, {"account_id": acc, "title": " ", "severity": "urgent", "satisfaction": 9}
            )
        assert set(err.value.errors) == {"title", "severity", "satisfaction"}
        with pytest.raises(ValidationError):
            c.log_complaint(uow, {"account_id": "nope", "title": "x"})


def test_aging_breaches_and_close_to_breach(db: Database) -> None:
    rep, acc = _setup(db)
    now = b.local(2026, 7, 8, 12)  # a Wednesday
    with unit_of_work(db.sessions, rep) as uow:

        def log(title: str, severity: str, opened: dt.datetime, category: str = "service") -> str:
            return c.log_complaint(
                uow,
                {
                    "account_id": acc,
                    "title": title,
                    "severity": severity,
                    "category": category,
                    "opened_at": opened,
                },
            )

        log("overdue", "high", b.local(2026, 7, 6, 9))  # due Tue 09:00: breached
        log("near", "high", b.local(2026, 7, 7, 14))  # due Wed 14:00: 2 h of 24 left
        log("fresh", "medium", b.local(2026, 7, 8, 11))  # due Mon: on track
        log("old", "low", b.local(2026, 5, 1, 9), "quality")  # 68 days old, breached
        done = log("done late", "critical", b.local(2026, 7, 1, 9), "price")
    with unit_of_work(db.sessions, rep, now=lambda: b.local(2026, 7, 2, 9)) as uow:
        c.update_complaint(uow, done, {"status": "closed"})
    with db.sessions() as s:
        views = {v.title: v for v in c.complaint_views(s, now=now)}
        assert views["overdue"].sla_state == "breached"
        assert views["overdue"].hours_left == pytest.approx(-27.0)
        assert views["near"].sla_state == "near_breach"
        assert views["fresh"].sla_state == "on_track"
        assert views["old"].age_days == 68
        assert views["done late"].sla_state == "missed"
        assert views["done late"].age_days == 1  # closed: aging stopped at resolution
        urgent = [v.title for v in c.close_to_breach(s, [rep], now=now)]
        assert urgent == ["old", "overdue", "near"]
        table = c.by_category_and_age(c.complaint_views(s, now=now))
        assert table["service"] == {"0-2 d": 3, "3-7 d": 0, "8-30 d": 0, ">30 d": 0}
        assert table["quality"][">30 d"] == 1
        assert sum(table["price"].values()) == 0  # closed complaints are not aging
        assert [v.title for v in c.complaint_views(s, account_id=acc, open_only=True, now=now)] == [
            "fresh",
            "near",
            "overdue",
            "old",
        ]


def test_age_buckets() -> None:
    assert [c.age_bucket(d) for d in (0, 2, 3, 7, 8, 30, 31)] == [
        "0-2 d",
        "0-2 d",
        "3-7 d",
        "3-7 d",
        "8-30 d",
        "8-30 d",
        ">30 d",
    ]
