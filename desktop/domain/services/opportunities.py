"""Opportunities (商机): stage, amount, probability and expected close date.

A quote can point at an opportunity; when the customer accepts that quote the
opportunity is won (desktop.domain.services.quotes.accept). Moving to ``won`` sets
the probability to 100, ``lost`` to 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import OPPORTUNITY_STAGES, Account, Opportunity
from desktop.domain.money import ZERO
from desktop.domain.services import records
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork

FIELDS = ("name", "stage", "amount", "probability", "close_date", "notes", "owner_id")
OPEN_STAGES = OPPORTUNITY_STAGES[:4]


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = [k for k in values if k not in FIELDS]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "not editable"))
    clean = dict(values)
    stage = clean.get("stage")
    if stage is not None and stage not in OPPORTUNITY_STAGES:
        raise ValidationError({"stage": f"one of {', '.join(OPPORTUNITY_STAGES)}"})
    probability = clean.get("probability")
    if probability is not None and not 0 <= int(probability) <= 100:
        raise ValidationError({"probability": "between 0 and 100"})
    if stage == "won":
        clean["probability"] = 100
    elif stage == "lost":
        clean["probability"] = 0
    if "name" in clean and not str(clean["name"] or "").strip():
        raise ValidationError({"name": "a name is required"})
    return clean


def create_opportunity(uow: UnitOfWork, account_id: str, values: Mapping[str, Any]) -> str:
    records.get(uow.session, Account, account_id)
    clean = _clean(values)
    clean.setdefault("owner_id", uow.actor_id)
    if "name" not in clean:
        raise ValidationError({"name": "a name is required"})
    return records.create(uow, Opportunity, {"account_id": account_id, **clean})


def update_opportunity(uow: UnitOfWork, opportunity_id: str, changes: Mapping[str, Any]) -> None:
    records.update(uow, Opportunity, opportunity_id, _clean(changes))


def for_account(session: Session, account_id: str) -> list[Record]:
    return records.list_records(
        session, Opportunity, where={"account_id": account_id}, order_by="close_date"
    )


def weighted_pipeline(session: Session, owner_id: str | None = None) -> Decimal:
    """Sum of amount x probability over open opportunities."""
    query = select(Opportunity.amount, Opportunity.probability).where(
        Opportunity.deleted_at.is_(None), Opportunity.stage.in_(OPEN_STAGES)
    )
    if owner_id:
        query = query.where(Opportunity.owner_id == owner_id)
    total = ZERO
    for amount, probability in session.execute(query):
        total += amount * probability / 100
    return total.quantize(Decimal("0.01"))
