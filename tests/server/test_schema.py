"""The server's schema after its Alembic upgrade is the synced models plus its own tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from desktop.domain.models import SYNCED
from server.db import DEVICE_ONLY, default_url, open_server_database, target_metadata


def _server_only(obj: Any, name: str | None, type_: str, reflected: bool, other: Any) -> bool:
    if type_ == "table" and name in DEVICE_ONLY:
        return False
    # The server's own index on every synced table's version is checked below.
    return not (type_ == "index" and name is not None and name.startswith("ix_srv_version_"))


def assert_schema_matches_models(engine: Engine) -> None:
    """The migrated server schema is the models' (also used by test_upgrades.py)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_object": _server_only,
                "target_metadata": target_metadata(),
            },
        )
        assert compare_metadata(context, target_metadata()) == []
        inspector = inspect(connection)
        tables = set(inspector.get_table_names())
        for name in SYNCED:
            indexes = {i["name"] for i in inspector.get_indexes(name)}
            assert f"ix_srv_version_{name}" in indexes, name
    assert not tables & DEVICE_ONLY  # no outbox or device state on the server
    assert {t for m in target_metadata() for t in m.tables} - DEVICE_ONLY <= tables


def _check(url: str) -> None:
    database = open_server_database(url)
    try:
        assert_schema_matches_models(database.engine)
    finally:
        database.dispose()


def test_sqlite_schema_after_upgrade_equals_the_models(tmp_path: Path) -> None:
    _check(default_url(tmp_path))


@pytest.mark.postgres
def test_postgres_schema_after_upgrade_equals_the_models(pg_url: str) -> None:
    _check(pg_url)
