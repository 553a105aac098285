"""Alembic environment of the server, run in-process by server.db (never by a shell)."""

from __future__ import annotations

from alembic import context

from server.db import DEVICE_ONLY, target_metadata

config = context.config

# Indexes the server adds on the shared synced tables (pulls filter by version).
SERVER_INDEX_PREFIX = "ix_srv_version_"


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    if type_ == "table" and name in DEVICE_ONLY:
        return False
    return not (type_ == "index" and name is not None and name.startswith(SERVER_INDEX_PREFIX))


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("server migrations run only in-process with a connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata(),
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
