"""When the customer declines a quote that belongs to an open opportunity, the rep is
offered to mark the opportunity lost as well: why (the note she gave the rejection, to
keep or change) and who won it (the quote's competitors first, then the deal's). Cancel keeps the
opportunity open (a new quote may follow)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop.domain.models import OPEN_OPPORTUNITY_STAGES, Quote
from desktop.domain.services import competitors, opportunities
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.pipeline.dialogs import LostDialog, save


@dataclass(frozen=True)
class _Deal:
    name: str
    open: bool
    names: list[str]  # the quote's competitors, the deal's, then the shared list's


def _lines(text: object) -> list[str]:
    return [n.strip() for n in str(text or "").splitlines() if n.strip()]


def _load(session: Session, opportunity_id: str, quote_id: str | None) -> _Deal:
    record = opportunities.get(session, opportunity_id)
    quote = session.get(Quote, quote_id) if quote_id else None
    named = _lines(quote.competitors if quote is not None else "")
    named += [n for n in _lines(record.get("competitors")) if n not in named]
    others = [n for n in competitors.names(session) if n not in named]
    return _Deal(str(record["name"]), record["stage"] in OPEN_OPPORTUNITY_STAGES, named + others)


def offer_lost(
    ctx: AppContext,
    parent: QWidget,
    opportunity_id: str,
    reason: str,
    shown: list[LostDialog],
    quote_id: str | None = None,
) -> None:
    """Open the "Mark lost" dialog for an open opportunity (``shown`` gets it)."""

    def loaded(deal: _Deal) -> None:
        if not deal.open:
            return
        dialog = LostDialog(deal.name, deal.names, parent)
        dialog.reason.setCurrentText(reason.strip())
        shown.append(dialog)

        def submitted(why: str, lost_to: str) -> None:
            def work(uow: UnitOfWork) -> None:
                opportunities.mark_lost(uow, opportunity_id, why, lost_to)

            save(ctx, work, dialog, on_error=dialog.show_error)

        dialog.submitted.connect(submitted)
        dialog.open()

    ctx.tasks.read(lambda s: _load(s, opportunity_id, quote_id), loaded)
