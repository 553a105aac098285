"""Fixture rows as a device receives them from the server.

Reports and lists are tested on states (a quote accepted, a visit done) that a device
reaches through several users' actions and syncs; the rule book judged those writes
where they were made. ``seeded`` writes such a state in one step: a unit of work
without the rule check that guards one user's own edits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.domain.uow import UnitOfWork, unit_of_work


@contextmanager
def seeded(factory: Any, actor_id: str | None = None, **kw: Any) -> Iterator[UnitOfWork]:
    with unit_of_work(factory, actor_id, **kw) as uow:
        uow.check_rules = lambda: None  # type: ignore[method-assign]
        yield uow
