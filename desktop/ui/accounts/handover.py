"""Handover (managers): the selected accounts, with their open visits, follow-ups,
quotes and complaints, go to another rep, with a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy.orm import Session

from desktop.domain.services import accounts
from desktop.ui.accounts.dialogs import HandoverDialog
from desktop.ui.context import AppContext
from desktop.ui.rule_text import error_message


class Handover(QObject):
    def __init__(self, ctx: AppContext, notice: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.notice = ctx, notice
        self.dialog_parent = parent

    def start(self, ids: list[str]) -> None:
        if not ids:
            self.notice(self.tr("Select the accounts to hand over first."))
            return

        def users(session: Session) -> list[tuple[str, str]]:
            return accounts.users(session, roles=("rep",))

        self.ctx.tasks.read(users, lambda found: self._ask(ids, found))

    def _ask(self, ids: list[str], users: list[tuple[str, str]]) -> None:
        dialog = HandoverDialog(len(ids), users, self.dialog_parent)
        dialog.setObjectName("handover-dialog")

        def finished(code: int) -> None:
            if code != QDialog.DialogCode.Accepted:
                return
            target = dialog.target.currentData()
            reason = dialog.reason.toPlainText().strip()

            def done(result: accounts.HandoverResult) -> None:
                self.notice(
                    self.tr(
                        "Handed over %1 accounts, %2 visits, %3 follow-ups, %4 quotes, "
                        "%5 complaints."
                    )
                    .replace("%1", str(result.accounts))
                    .replace("%2", str(result.visits))
                    .replace("%3", str(result.tasks))
                    .replace("%4", str(result.quotes))
                    .replace("%5", str(result.complaints))
                )

            self.ctx.tasks.write(
                lambda uow: accounts.handover(uow, ids, target),
                done,
                lambda e: self.notice(error_message(e)),
                reason=reason,
            )

        dialog.finished.connect(finished)
        dialog.open()
