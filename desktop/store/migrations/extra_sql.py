"""Schema the models cannot express (FTS5 virtual tables, triggers), run by 0001_initial.

Tables here are named ``search_*`` so the model comparison leaves them out.
Until the first release this is part of the initial revision; after it, changes go into
new revisions.
"""

from __future__ import annotations

from typing import Any

from desktop.store.search_index import STATEMENTS as SEARCH_STATEMENTS

STATEMENTS: list[str] = [*SEARCH_STATEMENTS]


def upgrade(op: Any) -> None:
    for statement in STATEMENTS:
        op.execute(statement)
