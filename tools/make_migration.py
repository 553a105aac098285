"""Regenerate a migration from the models: ``python tools/make_migration.py MESSAGE``.

Until the first release there is one revision (0001_initial), regenerated when the
models change; after the release each change gets its own revision.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from desktop.store.engine import make_engine
from desktop.store.migrate import MIGRATIONS, alembic_config


def main() -> None:
    message = sys.argv[1] if len(sys.argv) > 1 else "initial"
    rev_id = sys.argv[2] if len(sys.argv) > 2 else "0001"
    for old in (MIGRATIONS / "versions").glob(f"{rev_id}_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "empty.sqlite3")
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()
    _append_extra_sql(rev_id)


def _append_extra_sql(rev_id: str) -> None:
    """The initial revision also runs the raw SQL of extra_sql (FTS5 tables...)."""
    if rev_id != "0001":
        return
    (path,) = (MIGRATIONS / "versions").glob(f"{rev_id}_*.py")
    text = path.read_text(encoding="utf-8")
    marker = "    # ### end Alembic commands ###\n"
    first = text.index(marker) + len(marker)
    text = (
        text[:first]
        + "    from desktop.store.migrations import extra_sql\n\n    extra_sql.upgrade(op)\n"
        + text[first:]
    )
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
