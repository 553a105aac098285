"""Recently deleted accounts (the Accounts page's second view): name, when deleted,
Restore for the selected ones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.domain.services import accounts
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.format import local_datetime
from desktop.ui.table_model import RecordTableModel, setup_table


class RecentlyDeleted(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)

        def cell(item: Record, column: int) -> str:
            if column == 0:
                return str(item["name"])
            return local_datetime(item["deleted_at"], ctx.zone)

        self.model = RecordTableModel([self.tr("Name"), self.tr("Deleted at")], cell, self)
        self.view = setup_table(
            QTableView(), self.model, "deleted-view", row_numbers=True, stretch_last=True
        )
        layout.addWidget(self.view)
        restore = QPushButton(self.tr("Restore"))
        restore.setObjectName("deleted-restore")
        restore.clicked.connect(self.restore_selected)
        layout.addWidget(restore, 0, Qt.AlignmentFlag.AlignLeft)

    def load(self) -> None:
        self.ctx.tasks.read(accounts.recently_deleted, self.model.set_rows, key="accounts-deleted")

    def restore_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        ids = [self.model.rows[r.row()]["id"] for r in rows]

        def restore(uow: UnitOfWork) -> None:
            for account_id in ids:
                accounts.restore_account(uow, account_id)

        self.ctx.tasks.write(restore)
