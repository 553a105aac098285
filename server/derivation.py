"""The push's derived figures: after a batch (and before a quote's status change) the
server stores each touched quote's totals and approval reasons as its lines give
them, and an accepted quote's total as its opportunity's amount (``server.rulebook``).

A mixin of the push's writer (``server.push._Writer``), whose state it reads.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from desktop.domain.models import Opportunity, Quote, QuoteLine, Synced
from desktop.domain.models.types import utcnow
from server import rulebook


class Derivation:
    session: Session
    quotes: set[str]
    rows: dict[tuple[type[Synced], str], Synced | None]

    if TYPE_CHECKING:

        def _row(self, model: type[Synced], row_id: str) -> Synced | None: ...

        def _next_version(self, row: Synced, now: dt.datetime, *, derived: bool = False) -> int: ...

    def _note_quote(self, model: type[Synced], values: dict[str, Any]) -> None:
        if model is Quote:
            self.quotes.add(str(values["id"]))
        elif model is QuoteLine and values.get("quote_id"):
            self.quotes.add(str(values["quote_id"]))

    def _derive_quote(self, quote: Quote) -> bool:
        """Store the quote's figures as its lines give them, and an accepted quote's
        total as its opportunity's amount; True if anything changed."""
        changes = rulebook.stale_figures(self.session, quote)
        if changes:
            self._write_derived(quote, changes)
        opportunity = (
            self._stored(Opportunity, quote.opportunity_id) if quote.opportunity_id else None
        )
        amount = (
            rulebook.won_amount(quote, opportunity) if isinstance(opportunity, Opportunity) else {}
        )
        if amount and opportunity is not None:
            self._write_derived(opportunity, amount)
        return bool(changes or amount)

    def _stored(self, model: type[Synced], row_id: str) -> Synced | None:
        """The row as the session holds it: one the batch appended in bulk
        (``insert_new``) is read back with the defaults the insert gave it."""
        row = self._row(model, row_id)
        if row is not None and row not in self.session:
            row = self.rows[(model, row_id)] = self.session.get(model, row_id)
        return row

    def _write_derived(self, row: Synced, changes: dict[str, Any]) -> None:
        for name, value in changes.items():
            setattr(row, name, value)
        version = self._next_version(row, utcnow(), derived=True)
        row.field_versions = {**(row.field_versions or {}), **dict.fromkeys(changes, version)}

    def derive(self) -> set[tuple[str, str]]:
        """After the batch: derive again every quote it touched. Returns the rows whose
        derived fields changed (the answer carries them back)."""
        touched: set[tuple[str, str]] = set()
        for quote_id in sorted(self.quotes):
            quote = self._stored(Quote, quote_id)
            if isinstance(quote, Quote) and self._derive_quote(quote):
                touched.add(("quote", quote_id))
                if quote.opportunity_id:
                    touched.add(("opportunity", quote.opportunity_id))
        if touched:
            self.session.flush()
        self.quotes.clear()
        return touched
