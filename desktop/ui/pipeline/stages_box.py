"""Settings → Rules: each open stage's default probability (the ``stages`` policy), the
value a deal takes when it moves to that stage. The rule book's limits are shown
beside each stage; ``collect`` checks them (the rule book's own check) and says what is
wrong here; the Rules tab's one Save writes them with the other rules."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget
from shiboken6 import isValid

from desktop.domain.errors import DomainError
from desktop.domain.models import OPEN_OPPORTUNITY_STAGES
from desktop.domain.rules.opportunities import PROBABILITY_LIMITS, check_stage_defaults
from desktop.domain.services import opportunities
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.labels import stage_label
from desktop.ui.rule_text import error_text


class StagesBox(QGroupBox):
    ready = Signal()  # the saved defaults are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("stages-box")
        self.setTitle(self.tr("Opportunity stages: default probability"))
        grid = QGridLayout(self)
        self.spins: dict[str, QSpinBox] = {}
        for row, stage in enumerate(OPEN_OPPORTUNITY_STAGES):
            low, high = PROBABILITY_LIMITS[stage]
            spin = QSpinBox()
            spin.setObjectName(f"stage-default-{stage}")
            spin.setRange(0, 100)  # outside the limits is said on save, not silently clamped
            spin.setSuffix(" %")
            self.spins[stage] = spin
            grid.addWidget(QLabel(stage_label(stage)), row, 0)
            grid.addWidget(spin, row, 1)
            limits = self.tr("from %1% to %2%").replace("%1", str(low)).replace("%2", str(high))
            grid.addWidget(QLabel(limits), row, 2)
        self.message = QLabel()
        self.message.setObjectName("stages-message")
        self.message.setWordWrap(True)
        show_as_error(self.message)
        self.loaded = False
        grid.addWidget(self.message, len(OPEN_OPPORTUNITY_STAGES), 0, 1, 3)
        grid.setColumnStretch(2, 1)
        ctx.tasks.read(opportunities.stage_defaults, self._show, key="stage-defaults")

    def _show(self, defaults: dict[str, int]) -> None:
        if not isValid(self):  # the settings were closed before the rates arrived
            return
        for stage, spin in self.spins.items():
            spin.setValue(defaults[stage])
        self.loaded = True
        self.ready.emit()

    def collect(self) -> dict[str, int] | None:
        """The defaults as typed, or None with the rule book's words here."""
        values = {stage: spin.value() for stage, spin in self.spins.items()}
        try:
            check_stage_defaults(values)
        except DomainError as error:
            self.message.setText(error_text(error))
            return None
        self.message.setText("")
        return values
