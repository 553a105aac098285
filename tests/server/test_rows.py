"""A pull encodes rows from the values the database stores: exactly what push answers send."""

from __future__ import annotations

from sqlalchemy import select

from desktop.domain.models import SYNCED
from server.rows import server_row, stored_columns, wire_from_stored
from tests.server.test_scope import build


def test_rows_from_stored_values_equal_rows_from_the_models(devices):
    build(devices)
    server = devices["root"].server
    compared = set()
    with server.db.sessions() as s:
        for name, model in SYNCED.items():
            stored = {r.id: tuple(r) for r in s.execute(select(*stored_columns(name)))}
            for row in s.scalars(select(model)):
                assert wire_from_stored(name, stored[row.id]) == server_row(row), name
                compared.add(name)
    assert compared >= {"account", "quote", "quote_line", "payment", "visit", "sales_target"}
