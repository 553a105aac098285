"""Settings → Rules: commission rates per product category and customer tier, and the
accelerator above target. A grid of percentages: the "All tiers" column is the
category's rate, a tier's column overrides it for that tier (empty: the category's
rate). ``collect`` checks the grid with the rule book's own check and says what is
wrong here; the Rules tab's one Save writes it (the ``commission`` policy, so it syncs)
with the other rules, and the rule book checks it again on the server."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget
from shiboken6 import isValid

from desktop.domain.errors import DomainError
from desktop.domain.rules.commission import TIERS, CommissionRates, check_commission_policy
from desktop.domain.services import commission
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.rule_text import error_text

ALL = ""  # the "All tiers" column


def _text(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


class CommissionBox(QGroupBox):
    ready = Signal()  # the saved rates are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Commission rates (% of the discounted amount before tax)"))
        self.setObjectName("commission-box")
        self.grid = QGridLayout(self)
        self.cells: dict[tuple[str, str], QLineEdit] = {}  # (category, tier or ALL)
        self.default = self._edit("commission-default")
        self.above = self._edit("commission-above")
        self.multiplier = self._edit("commission-multiplier")
        self.message = QLabel()
        self.message.setObjectName("commission-message")
        self.message.setWordWrap(True)
        show_as_error(self.message)
        self.loaded = False
        ctx.tasks.read(commission.rates_editor, self._show, key="commission-rates")

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaximumWidth(80)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    def _show(self, editor: commission.RatesEditor) -> None:
        if not isValid(self):  # the settings were closed before the rates arrived
            return
        rates, grid = editor.rates, self.grid
        grid.addWidget(QLabel(self.tr("All tiers")), 0, 1)
        for col, tier in enumerate(TIERS, start=2):
            grid.addWidget(QLabel(self.tr("Tier %1").replace("%1", tier)), 0, col)
        grid.addWidget(QLabel(self.tr("Any other product")), 1, 0)
        self.default.setText(_text(rates.default))
        grid.addWidget(self.default, 1, 1)
        for row, category in enumerate(editor.categories, start=2):
            grid.addWidget(QLabel(category), row, 0)
            for col, tier in enumerate((ALL, *TIERS), start=1):
                edit = self._edit(f"commission-{category}-{tier or 'all'}")
                value = (
                    rates.categories.get(category)
                    if tier == ALL
                    else rates.tiers.get(tier, {}).get(category)
                )
                edit.setText(_text(value))
                self.cells[(category, tier)] = edit
                grid.addWidget(edit, row, col)
        row = len(editor.categories) + 2
        grid.addWidget(QLabel(self.tr("Above this share of the year-to-date target")), row, 0)
        self.above.setText(_text(rates.above_pct))
        grid.addWidget(self.above, row, 1)
        grid.addWidget(QLabel("%"), row, 2)
        grid.addWidget(QLabel(self.tr("rates are multiplied by")), row + 1, 0)
        self.multiplier.setText(_text(rates.multiplier if rates.above_pct is not None else None))
        grid.addWidget(self.multiplier, row + 1, 1)
        hint = QLabel(
            self.tr(
                "Leave a tier empty to use the category's rate; leave the "
                "accelerator empty for none."
            )
        )
        hint.setWordWrap(True)
        grid.addWidget(hint, row + 2, 0, 1, 5)
        grid.addWidget(self.message, row + 3, 0, 1, 5)
        grid.setColumnStretch(5, 1)
        self.loaded = True
        self.ready.emit()

    def collect(self) -> CommissionRates | None:
        """The rates as typed, or None (with the message beside the grid)."""

        def number(edit: QLineEdit) -> Decimal | None:
            text = edit.text().strip().rstrip("%").strip()
            if not text:
                return None
            try:
                return Decimal(text)
            except InvalidOperation:
                self.message.setText(
                    self.tr("“%1” is not a number: type a percentage such as 2.5.").replace(
                        "%1", edit.text()
                    )
                )
                raise

        try:
            default = number(self.default) or Decimal(0)
            categories: dict[str, Decimal] = {}
            tiers: dict[str, dict[str, Decimal]] = {}
            for (category, tier), edit in self.cells.items():
                value = number(edit)
                if value is None:
                    continue
                if tier == ALL:
                    categories[category] = value
                else:
                    tiers.setdefault(tier, {})[category] = value
            above, multiplier = number(self.above), number(self.multiplier)
        except InvalidOperation:
            return None
        if above is None:
            rates = CommissionRates(default, categories, tiers)
        else:
            rates = CommissionRates(default, categories, tiers, above, multiplier or Decimal(1))
        try:
            check_commission_policy(rates.to_policy())
        except DomainError as error:
            self.message.setText(error_text(error))
            return None
        self.message.setText("")
        return rates
