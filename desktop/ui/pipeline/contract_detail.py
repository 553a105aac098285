"""A contract's own window: its documents (the scanned signed contract, PDFs: the Files
list of the account detail, reused), the quotes and orders linked to it with their
amounts, and how much of its value is ordered so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import contract_links
from desktop.domain.services.contract_links import ContractLinks, Linked
from desktop.ui.accounts.file_actions import FileActions, Target
from desktop.ui.accounts.files_tab import FilesTab
from desktop.ui.context import AppContext
from desktop.ui.format import money
from desktop.ui.quotes.models import status_label
from desktop.ui.quotes.orders import OrdersModel
from desktop.ui.table_model import TableModel, setup_table


class LinkedModel(TableModel[Linked]):
    KIND, NUMBER, STATUS, AMOUNT = range(4)
    RIGHT_ALIGNED = frozenset({AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("Linked"), self.tr("Number"), self.tr("Status"), self.tr("Amount")]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.orders = OrdersModel(self)  # the order's delivery status, as the list says it

    def display(self, row: Linked, column: int) -> Any:
        if row.kind == "quote":
            kind, status = self.tr("Quote"), status_label(row.status)
        else:
            kind, status = self.tr("Order"), self.orders.delivery_label(row.status)
        return (kind, row.number, status, money(row.amount))[column]


class ContractDetailDialog(QDialog):
    """Opened from the Contracts tab; reloads itself after every write."""

    def __init__(self, ctx: AppContext, contract_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contract-detail")
        self.ctx, self.contract_id = ctx, contract_id
        self.links: ContractLinks | None = None
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("contract-heading")
        layout.addWidget(self.heading)
        layout.addWidget(QLabel("<b>" + self.tr("Documents") + "</b>"))
        self.files = FilesTab(ctx.zone)
        self.files.kind.setCurrentIndex(max(0, self.files.kind.findData("contract")))
        layout.addWidget(self.files, 1)
        self.undo_button = QPushButton(self.tr("Undo removal"))
        self.undo_button.setObjectName("contract-undo-removal")
        self.undo_button.hide()
        self.undo: Any = None
        self.undo_button.clicked.connect(self._run_undo)
        layout.addWidget(self.undo_button)
        layout.addWidget(QLabel("<b>" + self.tr("Quotes and orders") + "</b>"))
        self.model = LinkedModel(self)
        self.linked = setup_table(
            QTableView(),
            self.model,
            "contract-linked",
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch_last=True,
        )
        layout.addWidget(self.linked, 1)
        self.ordered = QLabel()
        self.ordered.setObjectName("contract-ordered")
        layout.addWidget(self.ordered)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.actions = _ContractFiles(ctx, self)
        self.files.add_requested.connect(self.actions.add_file)
        self.files.open_requested.connect(self.actions.open_file)
        self.files.remove_requested.connect(self.actions.remove_file)
        ctx.tasks.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        contract_id = self.contract_id
        self.ctx.tasks.read(
            lambda s: contract_links.contract_links(s, contract_id),
            self._show,
            lambda e: self.files.message.setText(str(e)),
        )

    def _on_changed(self, entities: set[str]) -> None:
        if entities & {"attachment", "sales_order", "quote", "contract"} and self.isVisible():
            self.reload()

    def _show(self, links: ContractLinks) -> None:
        self.links = links
        self.setWindowTitle(self.tr("Contract %1").replace("%1", links.number))
        self.heading.setText(
            f"<b>{links.number}</b> · {links.title} · "
            + self.tr("value %1").replace("%1", money(links.value))
        )
        self.files.show_files(links.documents)
        self.model.set_rows(links.linked)
        share = "–" if links.ordered_share is None else f"{links.ordered_share * 100:.1f} %"
        self.ordered.setText(
            self.tr("Ordered %1 of %2 (%3)")
            .replace("%1", money(links.ordered))
            .replace("%2", money(links.value))
            .replace("%3", share)
        )

    def set_undo(self, _what: str, undo: Any) -> None:
        """A removed document can be brought back while the window is open."""
        self.undo = undo
        self.undo_button.show()

    def _run_undo(self) -> None:
        undo, self.undo = self.undo, None
        self.undo_button.hide()
        if undo is not None:
            self.ctx.tasks.write(undo)


class _ContractFiles(FileActions):
    def __init__(self, ctx: AppContext, dialog: ContractDetailDialog) -> None:
        super().__init__(ctx, dialog.set_undo, dialog)
        self.dialog = dialog

    def target(self) -> Target | None:
        links = self.dialog.links
        if links is None:
            return None
        return ("contract", links.contract_id, links.account_id)

    def show_message(self, message: str) -> None:
        self.dialog.files.message.setText(message)
