"""What the Group tab asks for, done: accounts matching the typed text as parent
choices, and the move to another parent (or none), undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from desktop.domain.errors import ValidationError
from desktop.domain.services import accounts, search
from desktop.domain.uow import UnitOfWork
from desktop.ui.accounts.detail import AccountDetail, SetUndo
from desktop.ui.accounts.messages import translate
from desktop.ui.context import AppContext


class GroupEditing(QObject):
    def __init__(
        self, ctx: AppContext, detail: AccountDetail, set_undo: SetUndo, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.ctx, self.detail, self.set_undo = ctx, detail, set_undo
        detail.parent_search_requested.connect(self.find_parents)
        detail.parent_change_requested.connect(self.set_parent)

    def find_parents(self, text: str) -> None:
        def found(hits: list[search.SearchHit]) -> None:
            self.detail.show_parent_choices([(h.id, h.name) for h in hits])

        self.ctx.tasks.read(
            lambda s: search.search(s, text, limit=30), found, key="accounts-parent-search"
        )

    def set_parent(self, parent_id: str | None) -> None:
        account = self.detail.account
        if account is None:
            return
        account_id = account["id"]

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                self.detail.show_parent_error(
                    "; ".join(translate(m) for m in error.errors.values())
                )
            else:
                self.detail.show_parent_error(str(error))

        def edit(uow: UnitOfWork) -> dict[str, Any]:
            return accounts.update_account(uow, account_id, {"parent_id": parent_id})

        def done(old: dict[str, Any]) -> None:
            if old:
                self.set_undo(
                    self.tr("move of %1 in its group").replace("%1", account["name"]),
                    lambda uow: accounts.update_account(uow, account_id, old),
                )

        self.ctx.tasks.write(edit, done, failed)
