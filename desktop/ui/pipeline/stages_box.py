"""Settings → Rules: each open stage's default probability (the ``stages`` policy), the
value a deal takes when it moves to that stage. The rule book's limits are shown
beside each stage and checked again on save (and on the server)."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QSpinBox, QWidget
from shiboken6 import isValid

from desktop.domain.errors import DomainError
from desktop.domain.models import OPEN_OPPORTUNITY_STAGES
from desktop.domain.rules.opportunities import PROBABILITY_LIMITS
from desktop.domain.services import opportunities
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.labels import stage_label
from desktop.ui.rule_text import error_text


class StagesBox(QGroupBox):
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
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save stage defaults"))
        self.save_button.setObjectName("save-stages")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        row = len(OPEN_OPPORTUNITY_STAGES)
        grid.addWidget(self.message, row, 0, 1, 3)
        grid.addWidget(self.save_button, row, 3)
        grid.setColumnStretch(2, 1)
        ctx.tasks.read(opportunities.stage_defaults, self._show, key="stage-defaults")

    def _show(self, defaults: dict[str, int]) -> None:
        if not isValid(self):  # the settings closed before the values came
            return
        for stage, spin in self.spins.items():
            spin.setValue(defaults[stage])
        self.save_button.setEnabled(True)

    def save(self) -> None:
        values = {stage: spin.value() for stage, spin in self.spins.items()}

        def failed(error: BaseException) -> None:
            show_as_error(self.message)
            self.message.setText(
                error_text(error) if isinstance(error, DomainError) else str(error)
            )

        def done(_result: object) -> None:
            self.message.setStyleSheet("")
            self.message.setText(
                self.tr("Stage defaults saved. Every device uses them after the next sync.")
            )

        self.ctx.tasks.write(
            lambda uow: opportunities.save_stage_defaults(uow, values), done, failed
        )
