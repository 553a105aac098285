"""What the Files tab asks for, done: attach a file to the shown account (copied into
the data folder), open one with the system viewer, remove one (undoable)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from desktop.domain.errors import ValidationError
from desktop.domain.services import attachments
from desktop.ui.accounts.detail import AccountDetail, SetUndo
from desktop.ui.accounts.messages import translate
from desktop.ui.context import AppContext


class AccountFiles(QObject):
    def __init__(
        self, ctx: AppContext, detail: AccountDetail, set_undo: SetUndo, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.ctx, self.detail, self.set_undo = ctx, detail, set_undo
        detail.file_add_requested.connect(self.add_file)
        detail.file_open_requested.connect(self.open_file)
        detail.file_remove_requested.connect(self.remove_file)

    def add_file(self, path: str, kind: str) -> None:
        account = self.detail.account
        if account is None:
            return
        account_id = account["id"]
        root = attachments.store_root(self.ctx.data_dir)

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                message = "; ".join(translate(m) for m in error.errors.values())
            else:
                message = str(error)
            self.detail.show_file_message(message)

        self.ctx.tasks.write(
            lambda uow: attachments.attach(
                uow,
                root,
                Path(path),
                parent_entity="account",
                parent_id=account_id,
                account_id=account_id,
                kind=kind,
            ),
            on_error=failed,
        )

    def open_file(self, attachment_id: str) -> None:
        root = attachments.store_root(self.ctx.data_dir)

        def show(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.detail.show_file_message(self.tr("No program on this computer opens it."))

        self.ctx.tasks.read(
            lambda s: attachments.file_of(s, root, attachment_id),
            show,
            lambda e: self.detail.show_file_message(str(e)),
        )

    def remove_file(self, attachment_id: str) -> None:
        self.ctx.tasks.write(lambda uow: attachments.remove(uow, attachment_id))
        self.set_undo(
            self.tr("removal of a file"),
            lambda uow: attachments.restore(uow, attachment_id),
        )
