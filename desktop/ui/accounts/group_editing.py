"""What the Group tab asks for, done: the parent found with the one account picker,
and the move to another parent (or none), undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from desktop.domain.errors import ValidationError
from desktop.domain.services import accounts
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_picker import AccountPicker
from desktop.ui.accounts.detail import AccountDetail, SetUndo
from desktop.ui.accounts.messages import translate
from desktop.ui.context import AppContext


class GroupEditing(QObject):
    def __init__(
        self, ctx: AppContext, detail: AccountDetail, set_undo: SetUndo, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.ctx, self.detail, self.set_undo = ctx, detail, set_undo
        detail.group.set_picker(AccountPicker(ctx, detail.group))
        detail.parent_change_requested.connect(self.set_parent)

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
