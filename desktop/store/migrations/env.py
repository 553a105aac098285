"""Alembic environment, run in-process by desktop.store.migrate (never by a shell)."""

from __future__ import annotations

from alembic import context

from desktop.domain.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # Search tables (FTS5 virtual tables and their shadow tables) are created by raw
    # SQL in the migrations and are not part of the models.
    return not (type_ == "table" and name is not None and name.startswith("search_"))


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("desktop migrations run only in-process with a connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
