"""The order's contract: a choice of its account's contracts (or none); choosing one
places the order under it at once (the rule book refuses another account's)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.domain.services import contract_links, orders
from desktop.domain.services.contract_links import ContractChoice
from desktop.domain.services.records import Record
from desktop.ui.context import AppContext
from desktop.ui.rule_text import error_message


class OrderContractPicker(QComboBox):
    changed = Signal()  # the order's contract was written
    failed = Signal(str)  # why it was not, in the user's words

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("order-contract")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.ctx = ctx
        self.order_id: str | None = None
        self.setEnabled(False)
        self.activated.connect(self._chosen)

    def show_order(self, order: Record) -> None:
        """The order's account's contracts, the order's own chosen."""
        order_id, account_id, current = order["id"], order["account_id"], order["contract_id"]
        self.order_id = order_id

        def loaded(choices: list[ContractChoice]) -> None:
            if self.order_id != order_id:
                return  # another order was chosen meanwhile
            self.clear()
            self.addItem(self.tr("(no contract)"), None)
            for choice in choices:
                self.addItem(f"{choice.number} · {choice.title}", choice.id)
            self.setCurrentIndex(max(0, self.findData(current)))
            self.setEnabled(True)

        self.ctx.tasks.read(
            lambda s: contract_links.contract_choices(s, account_id), loaded, key="order-contract"
        )

    def _chosen(self, _index: int) -> None:
        order_id, contract_id = self.order_id, self.currentData()
        if order_id is None:
            return
        self.ctx.tasks.write(
            lambda uow: orders.set_contract(uow, order_id, contract_id),
            lambda _: self.changed.emit(),
            lambda e: self.failed.emit(error_message(e)),
        )
