"""The rule book applied by the server after its merge (``desktop.domain.rules``).

The server is the authority: a device's mutation is judged on the row as it will be
after the merge, with the server's own rows as facts. Derived figures (a quote's
totals and approval reasons, an opportunity's amount once its quote is accepted) are
recomputed here from their inputs, in the same transaction, as a new version; no
device sets them, so they never make a conflict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import rules
from desktop.domain.models import SYNCED, Opportunity, Quote, QuoteLine, Synced
from desktop.domain.rules.quotes import DERIVED_FIELDS, LineDraft
from desktop.domain.services.quotes import derive
from server import scope

# entity -> fields the server computes; a device's value for them is ignored.
DERIVED: dict[str, frozenset[str]] = {"quote": frozenset(DERIVED_FIELDS)}
# A quote whose figures change goes back to draft from these: the approval (or the
# request for it) was for other figures.
_REAPPROVE = frozenset({"approved", "pending_approval"})


def actor(viewer: scope.Viewer) -> rules.Actor:
    return rules.Actor(viewer.user_id, viewer.role)


class ServerFacts:
    """``rules.Facts`` over the push's rows (its pending writes included)."""

    def __init__(
        self,
        get_row: Callable[[type[Synced], str], Synced | None],
        find: Callable[[type[Synced], str, str], list[Synced]] | None = None,
    ) -> None:
        self.get_row = get_row
        self.find = find

    def _live(self, entity: str, row_id: str) -> Synced | None:
        model = SYNCED.get(entity)
        row = self.get_row(model, row_id) if model is not None else None
        return row if row is not None and row.deleted_at is None else None

    def value(self, entity: str, row_id: str, field: str) -> Any:
        return getattr(self._live(entity, row_id), field, None)

    def exists(self, entity: str, row_id: str) -> bool:
        return self._live(entity, row_id) is not None

    def rows_where(self, entity: str, field: str, value: str) -> list[dict[str, Any]]:
        model = SYNCED[entity]
        found = self.find(model, field, value) if self.find is not None else []
        return [values_of(r) for r in found if r.deleted_at is None]


def values_of(row: Synced) -> dict[str, Any]:
    values = {name: getattr(row, name) for name in row.data_columns()}
    values["id"] = row.id
    return values


def new_values(model: type[Synced], row_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """A new row's fields as it will be stored: the mutation's, else each default."""
    full: dict[str, Any] = {"id": row_id}
    for column in model.__table__.columns:
        name = column.key
        if name in values:
            full[name] = values[name]
        elif name in model.data_columns():
            default = column.default
            arg = getattr(default, "arg", None)
            full[name] = arg if getattr(default, "is_scalar", False) else None
    return full


def quote_figures(session: Session, quote: Quote) -> dict[str, Any]:
    """What the quote's derived fields must hold for its live lines (flushed)."""
    lines = session.scalars(
        select(QuoteLine)
        .where(QuoteLine.quote_id == quote.id, QuoteLine.deleted_at.is_(None))
        .order_by(QuoteLine.position, QuoteLine.id)
    )
    drafts = [
        LineDraft(
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount_pct=line.discount_pct,
            tax_rate=line.tax_rate,
            unit=line.unit,
            product_id=line.product_id,
            id=line.id,
        )
        for line in lines
    ]
    return derive(session, quote.account_id, quote.discount_pct, drafts)


def stale_figures(session: Session, quote: Quote) -> dict[str, Any]:
    """The derived fields (and the status they imply) that differ from the stored ones."""
    if quote.deleted_at is not None:
        return {}
    figures = quote_figures(session, quote)
    changes = {name: value for name, value in figures.items() if getattr(quote, name) != value}
    if changes and quote.status in _REAPPROVE:
        changes.update(status="draft", decided_by=None, decided_at=None)
    return changes


def won_amount(quote: Quote, opportunity: Opportunity | None) -> dict[str, Any]:
    """An accepted quote's opportunity is worth the quote's total."""
    if (
        opportunity is None
        or opportunity.deleted_at is not None
        or quote.status != "accepted"
        or opportunity.amount == quote.total
    ):
        return {}
    return {"amount": quote.total}
