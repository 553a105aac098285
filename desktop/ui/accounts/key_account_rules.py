"""Settings → Key accounts (managers): per tier, which buying roles must have been met
and within how many days (the stakeholder coverage the chart's gaps come from), and
the health score's weights. Both are policies, so every device follows them after
sync; one Save writes both through the unit of work."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.health import Weights
from desktop.domain.models import BUYING_ROLES, TIERS
from desktop.domain.services import health, stakeholders
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.labels import buying_role_label
from desktop.ui.rule_text import error_text


def weight_label(name: str) -> str:
    words = {
        "base": QCoreApplication.translate("KeyAccountRules", "Starting score"),
        "stakeholder": QCoreApplication.translate("KeyAccountRules", "Decision maker met (points)"),
        "stakeholder_days": QCoreApplication.translate("KeyAccountRules", "… within days"),
        "cadence": QCoreApplication.translate(
            "KeyAccountRules", "Visited within the tier's cadence (points)"
        ),
        "overdue": QCoreApplication.translate("KeyAccountRules", "Money overdue (points)"),
        "overdue_days": QCoreApplication.translate("KeyAccountRules", "… long overdue after days"),
        "complaint": QCoreApplication.translate(
            "KeyAccountRules", "Each complaint past its SLA (points)"
        ),
        "complaints_cap": QCoreApplication.translate("KeyAccountRules", "… at most (points)"),
        "growth": QCoreApplication.translate(
            "KeyAccountRules", "Orders up or down year over year (points)"
        ),
        "growth_pct": QCoreApplication.translate("KeyAccountRules", "… by at least (%)"),
    }
    return words.get(name, name)


def load(session: Session) -> tuple[dict[str, dict[str, Any]], Weights]:
    return stakeholders.coverage_rules(session), health.weights(session)


class KeyAccountRulesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.roles: dict[tuple[str, str], QCheckBox] = {}
        self.days: dict[str, QSpinBox] = {}
        self.weights: dict[str, QSpinBox] = {}
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self._coverage_box())
        column.addWidget(self._weights_box())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        self.message = QLabel()
        self.message.setObjectName("key-account-rules-message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save key-account rules"))
        self.save_button.setObjectName("save-key-account-rules")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        ctx.tasks.read(load, self._show)

    def _coverage_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Stakeholder coverage: meet these roles within"))
        grid = QGridLayout(box)
        for column, role in enumerate(BUYING_ROLES, start=1):
            grid.addWidget(QLabel(buying_role_label(role)), 0, column)
        grid.addWidget(QLabel(self.tr("days")), 0, len(BUYING_ROLES) + 1)
        for row, tier in enumerate(TIERS, start=1):
            grid.addWidget(QLabel(self.tr("Tier %1").replace("%1", tier)), row, 0)
            for column, role in enumerate(BUYING_ROLES, start=1):
                check = QCheckBox()
                check.setObjectName(f"coverage-{tier}-{role}")
                self.roles[(tier, role)] = check
                grid.addWidget(check, row, column)
            days = QSpinBox()
            days.setObjectName(f"coverage-{tier}-days")
            days.setRange(1, stakeholders.MAX_DAYS)
            self.days[tier] = days
            grid.addWidget(days, row, len(BUYING_ROLES) + 1)
        return box

    def _weights_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Health score: points for each reason"))
        grid = QGridLayout(box)
        for row, item in enumerate(fields(Weights)):
            spin = QSpinBox()
            spin.setObjectName(f"health-{item.name}")
            spin.setRange(0, 3660)
            self.weights[item.name] = spin
            grid.addWidget(QLabel(weight_label(item.name)), row, 0)
            grid.addWidget(spin, row, 1)
        grid.setColumnStretch(2, 1)
        return box

    def _show(self, loaded: tuple[dict[str, dict[str, Any]], Weights]) -> None:
        if not isValid(self):  # the dialog was closed before the rules arrived
            return
        coverage, weights = loaded
        for (tier, role), check in self.roles.items():
            check.setChecked(role in coverage[tier]["roles"])
        for tier, spin in self.days.items():
            spin.setValue(int(coverage[tier]["days"]))
        for name, value in asdict(weights).items():
            self.weights[name].setValue(int(value))
        self.save_button.setEnabled(True)

    def save(self) -> None:
        coverage = {
            tier: {
                "roles": [r for r in BUYING_ROLES if self.roles[(tier, r)].isChecked()],
                "days": self.days[tier].value(),
            }
            for tier in TIERS
        }
        weights = {name: spin.value() for name, spin in self.weights.items()}

        def write(uow: UnitOfWork) -> None:
            stakeholders.set_coverage_rules(uow, coverage)
            health.set_weights(uow, weights)

        def failed(error: BaseException) -> None:
            if not isValid(self):
                return
            shown = error_text(error, "policy") if isinstance(error, DomainError) else str(error)
            show_as_error(self.message)
            self.message.setText(shown)

        def done(_: object) -> None:
            if not isValid(self):
                return
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Saved: every device follows these rules after sync."))

        self.message.setText("")
        self.ctx.tasks.write(write, done, failed, reason="rules")


def add_key_account_rules(dialog: QWidget, ctx: AppContext) -> KeyAccountRulesTab:
    """A "Key accounts" tab beside the Settings dialog's Rules (managers only)."""
    tabs = dialog.findChild(QTabWidget, "settings-tabs")
    assert tabs is not None
    tab = KeyAccountRulesTab(ctx)
    tabs.addTab(tab, QCoreApplication.translate("KeyAccountRules", "Key accounts"))
    return tab
