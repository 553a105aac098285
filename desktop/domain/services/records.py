"""Generic reads and writes for every synced entity: list (filter, sort, page), get,
create, update, soft delete and restore. Entity services build on these."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import SYNC_COLUMNS, Synced
from desktop.domain.uow import UnitOfWork

Record = dict[str, Any]


def to_record(row: Synced) -> Record:
    """A detached, plain copy of a row: safe to hand to a widget or another thread."""
    return row.values()


def _check_fields(model: type[Synced], names: Sequence[str]) -> None:
    unknown = [n for n in names if n not in model.__table__.columns or n in SYNC_COLUMNS]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "unknown field"))


def _load(
    session: Session, model: type[Synced], row_id: str, *, include_deleted: bool = False
) -> Synced:
    row = session.get(model, row_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"{model.label} {row_id} not found")
    return row


def get(
    session: Session, model: type[Synced], row_id: str, *, include_deleted: bool = False
) -> Record:
    return to_record(_load(session, model, row_id, include_deleted=include_deleted))


def list_records(
    session: Session,
    model: type[Synced],
    *,
    where: Mapping[str, Any] | None = None,
    order_by: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
    deleted: bool = False,
) -> list[Record]:
    """Rows matching equality filters; ``deleted=True`` lists the tombstones instead."""
    query = select(model)
    query = query.where(model.deleted_at.is_not(None) if deleted else model.deleted_at.is_(None))
    for name, value in (where or {}).items():
        if name not in model.__table__.columns:
            raise ValidationError({name: "unknown field"})
        column = model.__table__.columns[name]
        query = query.where(column.is_(None) if value is None else column == value)
    if order_by:
        column = model.__table__.columns[order_by]
        query = query.order_by(column.desc() if descending else column.asc(), model.id)
    else:
        query = query.order_by(model.id)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [to_record(r) for r in session.scalars(query)]


def count(session: Session, model: type[Synced], *, deleted: bool = False) -> int:
    query = select(func.count()).select_from(model)
    query = query.where(model.deleted_at.is_not(None) if deleted else model.deleted_at.is_(None))
    return int(session.scalar(query) or 0)


def create(uow: UnitOfWork, model: type[Synced], values: Mapping[str, Any]) -> str:
    _check_fields(model, list(values))
    row = model(**values)
    uow.add(row)
    return row.id


def update(
    uow: UnitOfWork, model: type[Synced], row_id: str, changes: Mapping[str, Any]
) -> list[str]:
    _check_fields(model, list(changes))
    return uow.update(_load(uow.session, model, row_id), changes)


def delete(uow: UnitOfWork, model: type[Synced], row_id: str) -> None:
    uow.delete(_load(uow.session, model, row_id))


def restore(uow: UnitOfWork, model: type[Synced], row_id: str) -> None:
    uow.restore(_load(uow.session, model, row_id, include_deleted=True))
