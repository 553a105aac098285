"""The .ics export, read back by an independent parser (the icalendar package)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from desktop.commands import main
from desktop.domain.services import visits
from desktop.domain.uow import unit_of_work
from desktop.reports.ics import CalendarVisit, calendar_text, fold
from desktop.store.migrate import Database
from tests.visits_data import SHANGHAI, add_account, add_user, at, done_visit, plan


def parse(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def test_times_and_zone_survive_a_round_trip() -> None:
    visit = CalendarVisit(
        id="0190-abc",
        start=at("2026-03-02", "09:30"),
        minutes=90,
        summary="上海华测电子有限公司 · 年度续约, 价格; 交流",
        location="上海市浦东新区张江路88号",
        description="第一行\n第二行 with \\ backslash",
    )
    text = calendar_text([visit], SHANGHAI, now=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    calendar = icalendar.Calendar.from_ical(text)
    (tz,) = calendar.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Shanghai"
    (event,) = parse(text)
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND")
    assert start == visit.start
    assert start.utcoffset() == dt.timedelta(hours=8)
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.UTC)
    assert end - start == dt.timedelta(minutes=90)
    assert str(event["SUMMARY"]) == "上海华测电子有限公司 · 年度续约, 价格; 交流"
    assert str(event["LOCATION"]) == "上海市浦东新区张江路88号"
    assert str(event["DESCRIPTION"]) == "第一行\n第二行 with \\ backslash"
    assert str(event["UID"]) == "0190-abc@fieldbook.visits"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "DTSTART;TZID=Asia/Shanghai:20260302T093000\r\n" in text


def test_lines_are_crlf_and_folded_at_75_octets_without_breaking_characters() -> None:
    long_name = "中国" * 60
    visit = CalendarVisit(id="x", start=at("2026-03-02"), minutes=60, summary=long_name)
    text = calendar_text([visit], SHANGHAI)
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no character split across a fold
    (event,) = parse(text)
    assert str(event["SUMMARY"]) == long_name
    assert fold("short") == "short"


def test_zone_with_daylight_saving_is_written_in_utc() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    summer = dt.datetime(2026, 7, 1, 9, 0, tzinfo=berlin)
    text = calendar_text([CalendarVisit(id="s", start=summer, minutes=30, summary="Kunde")], berlin)
    assert "BEGIN:VTIMEZONE" not in text
    (event,) = parse(text)
    assert event.decoded("DTSTART") == summer
    assert event.decoded("DTSTART").tzinfo is not None


def test_cancelled_visit_is_marked() -> None:
    text = calendar_text(
        [
            CalendarVisit(
                id="c", start=at("2026-03-02"), minutes=30, summary="x", status="cancelled"
            )
        ],
        SHANGHAI,
    )
    (event,) = parse(text)
    assert str(event["STATUS"]) == "CANCELLED"


@pytest.fixture
def planned_data(db: Database, data_dir: Path) -> dict[str, str]:
    rep = add_user(db)
    colleague = add_user(db, "liuna", "刘娜")
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    ids = {
        "in_range": plan(db, account, rep, at("2026-03-02", "09:30"), purpose="年度续约"),
        "late_night": plan(db, account, rep, at("2026-03-06", "23:30")),
        "after": plan(db, account, rep, at("2026-03-07", "00:30")),
        "before": plan(db, account, rep, at("2026-03-01", "23:00")),
        "colleague": plan(db, account, colleague, at("2026-03-03", "10:00")),
        "done": done_visit(db, account, rep, at("2026-03-04", "10:00")),
    }
    cancelled = plan(db, account, rep, at("2026-03-05", "10:00"))
    with unit_of_work(db.sessions, rep) as uow:
        visits.cancel(uow, cancelled)
    return ids


def test_cli_writes_planned_visits_in_the_local_date_range(
    data_dir: Path,
    tmp_path: Path,
    planned_data: dict[str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "visits.ics"
    code = main(
        [
            "visits",
            "ics",
            "--data-dir",
            str(data_dir),
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-06",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    assert "wrote 3 planned visits" in capsys.readouterr().out
    events = parse(out.read_text(encoding="utf-8"))
    uids = {str(e["UID"]).split("@")[0] for e in events}
    assert uids == {planned_data["in_range"], planned_data["late_night"], planned_data["colleague"]}
    first = min(events, key=lambda e: e.decoded("DTSTART"))
    assert first.decoded("DTSTART") == at("2026-03-02", "09:30")
    assert str(first["SUMMARY"]) == "上海华测电子有限公司 · 年度续约"
    assert str(first["LOCATION"]) == "上海市浦东新区张江路88号"


def test_cli_owner_filter_and_errors(
    data_dir: Path,
    tmp_path: Path,
    planned_data: dict[str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "mine.ics"
    assert (
        main(
            [
                "visits",
                "ics",
                "--data-dir",
                str(data_dir),
                "--from",
                "2026-03-01",
                "--owner",
                "liuna",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert [str(e["UID"]).split("@")[0] for e in parse(out.read_text("utf-8"))] == [
        planned_data["colleague"]
    ]
    assert (
        main(["visits", "ics", "--data-dir", str(data_dir), "--owner", "nobody", "-o", str(out)])
        == 1
    )
    assert "no user named nobody" in capsys.readouterr().err
    assert (
        main(
            [
                "visits",
                "ics",
                "--data-dir",
                str(data_dir),
                "--from",
                "2026-03-05",
                "--to",
                "2026-03-01",
                "-o",
                str(out),
            ]
        )
        == 1
    )
