"""The shared competitor list and each account's incumbents (who supplies it today).

Every user may add to and correct the list (it is what the team knows about the
market); names are unique regardless of case and spaces, so "ABB" is one competitor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import Account, Competitor, Incumbent
from desktop.domain.services import records
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork

FIELDS = ("name", "strengths", "notes")


def _folded(name: str) -> str:
    return "".join(name.split()).casefold()


def list_competitors(session: Session) -> list[Record]:
    rows = records.list_records(session, Competitor)
    return sorted(rows, key=lambda r: _folded(r["name"]))


def names(session: Session) -> list[str]:
    return [r["name"] for r in list_competitors(session)]


def _check_name(session: Session, name: str, competitor_id: str | None) -> None:
    key = _folded(name)
    for row in session.scalars(select(Competitor).where(Competitor.deleted_at.is_(None))):
        if row.id != competitor_id and _folded(row.name) == key:
            raise ValidationError({"name": f"{row.name!r} is already on the list"})


def create_competitor(uow: UnitOfWork, values: Mapping[str, Any]) -> str:
    clean = {k: v for k, v in values.items() if k in FIELDS}
    _check_name(uow.session, str(clean.get("name", "")), None)
    return records.create(uow, Competitor, clean)


def update_competitor(uow: UnitOfWork, competitor_id: str, changes: Mapping[str, Any]) -> None:
    clean = {k: v for k, v in changes.items() if k in FIELDS}
    if "name" in clean:
        _check_name(uow.session, str(clean["name"]), competitor_id)
    records.update(uow, Competitor, competitor_id, clean)


@dataclass(frozen=True)
class IncumbentRow:
    id: str
    competitor_id: str
    name: str
    supplies: str
    notes: str


def incumbents(session: Session, account_id: str) -> list[IncumbentRow]:
    query = (
        select(Incumbent.id, Competitor.id, Competitor.name, Incumbent.supplies, Incumbent.notes)
        .join(Competitor, Competitor.id == Incumbent.competitor_id)
        .where(Incumbent.account_id == account_id, Incumbent.deleted_at.is_(None))
        .order_by(Competitor.name)
    )
    return [IncumbentRow(*row) for row in session.execute(query)]


def add_incumbent(
    uow: UnitOfWork, account_id: str, competitor_id: str, supplies: str = "", notes: str = ""
) -> str:
    records.get(uow.session, Account, account_id)
    records.get(uow.session, Competitor, competitor_id)
    if any(i.competitor_id == competitor_id for i in incumbents(uow.session, account_id)):
        raise ValidationError({"competitor_id": "already an incumbent of this account"})
    values = {"account_id": account_id, "competitor_id": competitor_id}
    return records.create(uow, Incumbent, {**values, "supplies": supplies, "notes": notes})


def remove_incumbent(uow: UnitOfWork, incumbent_id: str) -> None:
    records.delete(uow, Incumbent, incumbent_id)
