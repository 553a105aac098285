"""The checks on rows in stored form accept exactly what the device can read back."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from contextlib import closing

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.sync import stored

DATE = re.compile(stored.DATE_PATTERN)
TIME = re.compile(stored.TIME_PATTERN)


def _reads_as_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


@given(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99))
def test_a_date_passes_exactly_when_it_is_a_calendar_date(year: int, month: int, day: int):
    text = f"{year:04d}-{month:02d}-{day:02d}"
    assert bool(DATE.match(text)) == _reads_as_date(text)


@pytest.mark.parametrize("year", [1900, 2000, 2024, 2026, 2100, 2400])
def test_february_the_29th_in_leap_years_only(year: int):
    assert bool(DATE.match(f"{year}-02-29")) == _reads_as_date(f"{year}-02-29")


@given(st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)))
def test_every_time_as_sqlite_stores_it_passes(value: dt.datetime):
    # SQLAlchemy's SQLite format, and PostgreSQL's to_char in server/rows.py.
    assert TIME.match(value.isoformat(" ", "microseconds"))


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-01T10:00:00",
        "2026-03-01 10:00:00+08:00",
        "2026-03-01 24:00:00.000000",
        "2026-03-01 10:60:00.000000",
        "2026-02-30 10:00:00.000000",
        "2026-03-01",
        " 2026-03-01 10:00:00",
    ],
)
def test_times_the_device_would_misread_are_refused(text: str):
    assert not TIME.match(text)


def _accounts(field_versions: str) -> list[list[object]]:
    columns = stored.columns("account")
    row: list[object] = [None] * len(columns)
    row[columns.index("id")] = "01900000-0000-7000-8000-000000000001"
    row[columns.index("field_versions")] = field_versions
    return [row]


@pytest.mark.parametrize(
    ("versions", "fits"),
    [
        ("{}", True),
        ('{"name": 12, "city": 3}', True),
        ("{not json", False),
        ('{"name": "twelve"}', False),
        ('{"name": 1.5}', False),
        ("[1, 2]", False),
        ("7", False),
    ],
)
def test_json_columns_are_checked_before_they_are_stored(versions: str, fits: bool):
    rows = _accounts(versions)
    with closing(sqlite3.connect(":memory:")) as connection:
        passed = connection.execute(stored.guarded_row("account"), rows[0])
        assert (passed.fetchone() is not None) == fits
        if fits:
            stored.check_json(connection, "account", rows)
        else:
            with pytest.raises(stored.BadBlock, match="field_versions"):
                stored.check_json(connection, "account", rows)


def test_an_unreadable_block_is_explained_by_row_and_column():
    columns = list(stored.columns("team"))
    row: list[object] = ["East", None, "01900000-0000-7000-8000-00000000000e", "3", "{}"]
    row += [None, "2026-03-01 10:00:00.000000", None, "2026-03-01 10:00:00.000000", None]
    body = {"tables": [{"entity": "team", "columns": columns, "rows": [row]}]}
    reason = stored.explain(json.dumps(body).encode())
    assert reason is not None
    assert "01900000-0000-7000-8000-00000000000e" in reason
    assert "version" in reason
