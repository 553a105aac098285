"""Start a contract's renewal from a reminder (Today, the task list): an opportunity of
its account for the contract's value, closing when the contract ends, is created (or
the one already started is found) and shown on the Pipeline board."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop.domain.services import contracts
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.pipeline.dialogs import save


def start_renewal(ctx: AppContext, contract_id: str, on_error: Callable[[str], None]) -> None:
    translate = QCoreApplication.translate
    name = translate("Renewal", "Renewal of %1")  # %1: the contract's number
    source = translate("Renewal", "Renewal")
    found: list[str] = []  # the opportunity, from the writer thread

    def work(uow: UnitOfWork) -> None:
        found.append(contracts.start_renewal(uow, contract_id, name, source))

    def done() -> None:
        if found:
            ctx.events.open_record.emit("opportunity", found[0])

    save(ctx, work, None, on_error=on_error, on_done=done)
