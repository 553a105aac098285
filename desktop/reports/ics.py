"""Visits as an iCalendar file (RFC 5545) for Outlook, phones and any calendar.

Written by hand (no runtime dependency): CRLF line ends, lines folded at 75 octets
without splitting a UTF-8 character, TEXT values escaped. Times carry ``TZID`` with a
VTIMEZONE for the user's zone when that zone keeps one offset over the exported span
(Asia/Shanghai has had +08:00 since 1991); a zone with daylight saving is written in
UTC (``Z``) instead, which every client converts correctly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from desktop.domain.services.visits import VisitRow

PRODID = "-//Fieldbook//Visits//EN"
UID_DOMAIN = "fieldbook.visits"


@dataclass(frozen=True)
class CalendarVisit:
    id: str
    start: dt.datetime
    minutes: int
    summary: str
    location: str = ""
    description: str = ""
    status: str = "planned"  # planned | done | cancelled
    updated: dt.datetime | None = None


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets; continuation lines start with one space."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(value: dt.datetime, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%Y%m%dT%H%M%S")


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{mins:02d}"


def _fixed_offset(zone: ZoneInfo, visits: list[CalendarVisit]) -> dt.timedelta | None:
    """The zone's single offset over the visits' years, or None if it changes."""
    if not visits:
        return zone.utcoffset(dt.datetime(2000, 1, 1))
    years = range(min(v.start.year for v in visits) - 1, max(v.start.year for v in visits) + 2)
    offsets = {
        zone.utcoffset(dt.datetime(year, month, 1)) for year in years for month in range(1, 13)
    }
    offsets |= {v.start.astimezone(zone).utcoffset() for v in visits}
    return offsets.pop() if len(offsets) == 1 else None


def _vtimezone(zone: ZoneInfo, offset: dt.timedelta) -> list[str]:
    name = dt.datetime(2000, 1, 1, tzinfo=zone).tzname() or zone.key
    text = _offset_text(offset)
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{zone.key}",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        f"TZOFFSETFROM:{text}",
        f"TZOFFSETTO:{text}",
        f"TZNAME:{escape_text(name)}",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def calendar_text(
    visits: Iterable[CalendarVisit],
    zone: ZoneInfo,
    *,
    now: dt.datetime | None = None,
    name: str = "Fieldbook visits",
) -> str:
    """The whole .ics file as text (CRLF line ends)."""
    items = list(visits)
    stamp = _utc(now or dt.datetime.now(dt.UTC))
    offset = _fixed_offset(zone, items)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{zone.key}",
    ]
    if offset is not None:
        lines += _vtimezone(zone, offset)

    def when(prop: str, value: dt.datetime) -> str:
        if offset is None:
            return f"{prop}:{_utc(value)}"
        return f"{prop};TZID={zone.key}:{_local(value, zone)}"

    for visit in items:
        end = visit.start + dt.timedelta(minutes=visit.minutes)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{visit.id}@{UID_DOMAIN}",
            f"DTSTAMP:{stamp}",
            when("DTSTART", visit.start),
            when("DTEND", end),
            f"SUMMARY:{escape_text(visit.summary)}",
        ]
        if visit.location:
            lines.append(f"LOCATION:{escape_text(visit.location)}")
        if visit.description:
            lines.append(f"DESCRIPTION:{escape_text(visit.description)}")
        if visit.updated is not None:
            lines.append(f"LAST-MODIFIED:{_utc(visit.updated)}")
        status = {"cancelled": "CANCELLED", "planned": "CONFIRMED"}.get(visit.status)
        if status:
            lines.append(f"STATUS:{status}")
        lines += ["TRANSP:OPAQUE", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def from_visit_rows(rows: Iterable[VisitRow]) -> list[CalendarVisit]:
    """Calendar events for visit rows: the account (and purpose) as the title."""
    return [
        CalendarVisit(
            id=row.id,
            start=row.start,
            minutes=row.minutes,
            summary=f"{row.account_name} · {row.purpose}" if row.purpose else row.account_name,
            location=row.location,
            description="\n".join(
                part for part in (row.purpose, f"{row.visit_type} · {row.owner_name}") if part
            ),
            status=row.status,
        )
        for row in rows
    ]
