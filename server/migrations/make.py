"""Regenerate the server's initial revision: ``python -m server.migrations.make``.

Until the first release the server has one revision (0001_server), generated from the
models, plus an index on ``version`` for every synced table (pulls filter on it).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.domain.models import SYNCED
from server.db import MIGRATIONS, alembic_config

REV_ID = "0001"


def main() -> None:
    for old in (MIGRATIONS / "versions").glob(f"{REV_ID}_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'empty.sqlite3'}")
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.revision(config, message="server", autogenerate=True, rev_id=REV_ID)
        engine.dispose()
    (path,) = (MIGRATIONS / "versions").glob(f"{REV_ID}_*.py")
    text = path.read_text(encoding="utf-8")
    marker = "    # ### end Alembic commands ###\n"
    first = text.index(marker) + len(marker)
    extra = "".join(
        f"    op.create_index('ix_srv_version_{name}', '{name}', ['version'])\n" for name in SYNCED
    )
    path.write_text(text[:first] + extra + text[first:], encoding="utf-8")


if __name__ == "__main__":
    main()
