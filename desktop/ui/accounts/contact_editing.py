"""What the Contacts tab asks for, done: the contact dialog (add or edit), removal
(undoable); an open dialog takes the contact's new saved values (``refresh``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.services import contacts
from desktop.domain.services.records import Record
from desktop.ui.accounts.detail import AccountDetail, SetUndo
from desktop.ui.accounts.dialogs import ContactDialog
from desktop.ui.context import AppContext
from desktop.ui.rule_text import error_message


class ContactEditing(QObject):
    def __init__(
        self,
        ctx: AppContext,
        detail: AccountDetail,
        set_undo: SetUndo,
        notice: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.detail, self.set_undo, self.notice = ctx, detail, set_undo, notice
        self.dialog_parent = parent
        self.dialog: ContactDialog | None = None  # open, editing a contact
        detail.contact_add_requested.connect(lambda: self.edit(None))
        detail.contact_edit_requested.connect(self.edit)
        detail.contact_remove_requested.connect(self.remove)

    def edit(self, item: Record | None) -> None:
        account = self.detail.account
        if account is None:
            return
        dialog = ContactDialog(item, self.dialog_parent)
        dialog.setObjectName("contact-dialog")
        self.dialog = dialog

        def finished(code: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if code != QDialog.DialogCode.Accepted:
                return
            values = dialog.values()
            if item is None:
                self.ctx.tasks.write(
                    lambda uow: contacts.create_contact(uow, account["id"], values),
                    on_error=lambda e: self.notice(error_message(e)),
                )
            else:
                self.ctx.tasks.write(
                    lambda uow: contacts.update_contact(uow, item["id"], values),
                    on_error=lambda e: self.notice(error_message(e)),
                )

        dialog.finished.connect(finished)
        dialog.open()

    def remove(self, contact_id: str) -> None:
        self.ctx.tasks.write(lambda uow: contacts.delete_contact(uow, contact_id))
        self.set_undo(
            self.tr("removal of a contact"), lambda uow: contacts.restore_contact(uow, contact_id)
        )

    def refresh(self, saved: list[Record]) -> None:
        """The account's contacts as saved now: an open dialog takes its contact's."""
        dialog = self.dialog
        if dialog is not None and dialog.contact_id is not None:
            for item in saved:
                if item["id"] == dialog.contact_id:
                    dialog.refresh(item)
