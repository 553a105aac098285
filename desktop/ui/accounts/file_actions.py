"""What a Files list asks for, done: attach a file to the shown record (copied into the
data folder), open one with the system viewer, remove one (undoable). ``FileActions``
serves any record a file may hang off; ``AccountFiles`` the account detail's tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from desktop.domain.errors import ValidationError
from desktop.domain.rules import RuleViolation
from desktop.domain.services import attachments
from desktop.ui.accounts.detail import AccountDetail, SetUndo
from desktop.ui.accounts.messages import translate
from desktop.ui.context import AppContext
from desktop.ui.rule_text import rule_text

# The record files go to: (parent entity, parent id, its account id).
Target = tuple[str, str, str | None]


class FileActions(QObject):
    def __init__(self, ctx: AppContext, set_undo: SetUndo, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx, self.set_undo = ctx, set_undo

    def target(self) -> Target | None:
        raise NotImplementedError

    def show_message(self, message: str) -> None:
        raise NotImplementedError

    def add_file(self, path: str, kind: str) -> None:
        target = self.target()
        if target is None:
            return
        parent_entity, parent_id, account_id = target
        root = attachments.store_root(self.ctx.data_dir)

        def failed(error: BaseException) -> None:
            if isinstance(error, RuleViolation):
                message = rule_text(error.code, error.params, "attachment")
            elif isinstance(error, ValidationError):
                message = "; ".join(translate(m) for m in error.errors.values())
            else:
                message = str(error)
            self.show_message(message)

        self.ctx.tasks.write(
            lambda uow: attachments.attach(
                uow,
                root,
                Path(path),
                parent_entity=parent_entity,
                parent_id=parent_id,
                account_id=account_id,
                kind=kind,
            ),
            on_error=failed,
        )

    def open_file(self, attachment_id: str) -> None:
        root = attachments.store_root(self.ctx.data_dir)

        def show(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.show_message(self.tr("No program on this computer opens it."))

        self.ctx.tasks.read(
            lambda s: attachments.file_of(s, root, attachment_id),
            show,
            lambda e: self.show_message(str(e)),
        )

    def remove_file(self, attachment_id: str) -> None:
        self.ctx.tasks.write(lambda uow: attachments.remove(uow, attachment_id))
        self.set_undo(
            self.tr("removal of a file"),
            lambda uow: attachments.restore(uow, attachment_id),
        )


class AccountFiles(FileActions):
    def __init__(
        self, ctx: AppContext, detail: AccountDetail, set_undo: SetUndo, parent: QObject
    ) -> None:
        super().__init__(ctx, set_undo, parent)
        self.detail = detail
        detail.file_add_requested.connect(self.add_file)
        detail.file_open_requested.connect(self.open_file)
        detail.file_remove_requested.connect(self.remove_file)

    def target(self) -> Target | None:
        account = self.detail.account
        if account is None:
            return None
        return ("account", account["id"], account["id"])

    def show_message(self, message: str) -> None:
        self.detail.show_file_message(message)
