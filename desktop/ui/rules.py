"""Settings → Rules (managers and admins): the team's rules every device obeys.

Visit cadence per tier, the check-in window and where a check-in needs its location,
archive completeness per tier, maximum discount per tier, the
public pool's claim limit and return days, complaint SLA hours per severity. Inputs
are checked as typed, with the message beside the field. The opportunity stages'
default probabilities and the commission rates are boxes of the same tab.

One "Save rules" for the whole tab: every box is checked first (each says what is wrong
in place, and nothing typed is lost), then one write saves the rules, the stage
defaults and the commission rates in one unit of work: all of them or none. They sync.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.models import COMPLAINT_SEVERITIES, CONTACT_ROLES, TIERS
from desktop.domain.rules.violation import RuleViolation
from desktop.domain.rules.visits import MAX_HOURS_BEFORE, VisitPolicy
from desktop.domain.services import commission, completeness, opportunities, rules
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.format import ERROR_STYLE
from desktop.ui.labels import complaint_label
from desktop.ui.pipeline.commission_box import CommissionBox
from desktop.ui.pipeline.stages_box import StagesBox
from desktop.ui.rule_text import error_text
from desktop.ui.visits.models import target_label

REQUIREMENTS = (
    *completeness.FIELDS,
    *CONTACT_ROLES,
    *completeness.ATTACHMENT_KINDS,
)


class RulesTab(QWidget):
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded: rules.ManagerRules | None = None
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.checks: dict[tuple[str, str], QCheckBox] = {}  # (tier, requirement)
        self.location_checks: dict[str, QCheckBox] = {}  # tier -> check-in needs location

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self._cadence_box())
        column.addWidget(self._discount_box())
        column.addWidget(self._pool_box())
        column.addWidget(self._sla_box())
        self.stages = StagesBox(ctx)
        self.commission = CommissionBox(ctx)
        column.addWidget(self.stages)
        column.addWidget(self.commission)
        column.addWidget(self._completeness_box())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)

        self.save_button = QPushButton(self.tr("Save rules"))
        self.save_button.setObjectName("save-rules")
        self.message = QLabel()
        self.message.setObjectName("rules-message")
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr("These rules apply to the whole team; every device follows them after sync.")
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        self.stages.ready.connect(self._enable_save)
        self.commission.ready.connect(self._enable_save)
        ctx.tasks.read(rules.load, self._show)

    # -- building -----------------------------------------------------------------------
    def _field(self, key: str, grid: QGridLayout, row: int, label: str, unit: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(f"rule-{key}")
        edit.setMaximumWidth(90)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        self.fields[key] = edit
        self.errors[key] = error
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(edit, row, 1)
        grid.addWidget(QLabel(unit), row, 2)
        grid.addWidget(error, row, 3)
        edit.textChanged.connect(lambda _text, k=key: self._check_one(k))

    def _box(self, title: str) -> tuple[QGroupBox, QGridLayout]:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setColumnStretch(3, 1)
        return box, grid

    def _tier(self, tier: str) -> str:
        return self.tr("Tier %1").replace("%1", tier)

    def _cadence_box(self) -> QGroupBox:
        box, grid = self._box(self.tr("Visit coverage: visit each account at least every"))
        for row, tier in enumerate(TIERS):
            self._field(f"cadence.{tier}", grid, row, self._tier(tier), self.tr("days"))
        row = len(TIERS)
        self._field(
            "checkin_hours",
            grid,
            row,
            self.tr("Check-in opens"),
            self.tr("hours before the visit (until the end of its day)"),
        )
        grid.addWidget(QLabel(self.tr("Check-in needs the location")), row + 1, 0)
        needs = QHBoxLayout()
        for tier in TIERS:
            check = QCheckBox(self._tier(tier))
            check.setObjectName(f"rule-location.{tier}")
            self.location_checks[tier] = check
            needs.addWidget(check)
        needs.addStretch(1)
        grid.addLayout(needs, row + 1, 1, 1, 3)
        return box

    def _discount_box(self) -> QGroupBox:
        box, grid = self._box(self.tr("Maximum discount without approval"))
        for row, tier in enumerate(TIERS):
            self._field(f"discount.{tier}", grid, row, self._tier(tier), "%")
        hint = QLabel(self.tr("Leave empty for no limit."))
        grid.addWidget(hint, len(TIERS), 0, 1, 4)
        return box

    def _pool_box(self) -> QGroupBox:
        box, grid = self._box(self.tr("Public pool (公海)"))
        self._field("claim_limit", grid, 0, self.tr("Claimed accounts per rep"), "")
        for row, tier in enumerate(TIERS, start=1):
            self._field(
                f"return_days.{tier}",
                grid,
                row,
                self.tr("Tier %1 goes back after").replace("%1", tier),
                self.tr("days without activity"),
            )
        return box

    def _sla_box(self) -> QGroupBox:
        box, grid = self._box(self.tr("Complaint response time (SLA)"))
        for row, severity in enumerate(COMPLAINT_SEVERITIES):
            self._field(f"sla.{severity}", grid, row, complaint_label(severity), self.tr("hours"))
        return box

    def _completeness_box(self) -> QGroupBox:
        box, grid = self._box(self.tr("Archive completeness: what each tier's file must hold"))
        grid.setColumnStretch(3, 0)
        grid.setColumnStretch(4, 1)
        for col, tier in enumerate(TIERS, start=1):
            grid.addWidget(QLabel(f"<b>{tier}</b>"), 0, col, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(QLabel(self.tr("Minimum contacts")), 1, 0)
        errors = QLabel()
        errors.setStyleSheet(ERROR_STYLE)
        for col, tier in enumerate(TIERS, start=1):
            key = f"completeness.{tier}.min_contacts"
            edit = QLineEdit()
            edit.setObjectName(f"rule-{key}")
            edit.setMaximumWidth(60)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.fields[key] = edit
            self.errors[key] = errors
            grid.addWidget(edit, 1, col)
            edit.textChanged.connect(lambda _text, k=key: self._check_one(k))
        grid.addWidget(errors, 1, 4)
        for row, requirement in enumerate(REQUIREMENTS, start=2):
            grid.addWidget(QLabel(self._requirement_text(requirement)), row, 0)
            for col, tier in enumerate(TIERS, start=1):
                check = QCheckBox()
                check.setObjectName(f"rule-completeness.{tier}.{requirement}")
                self.checks[(tier, requirement)] = check
                grid.addWidget(check, row, col, Qt.AlignmentFlag.AlignCenter)
        return box

    def _requirement_text(self, requirement: str) -> str:
        name = target_label(requirement)
        if requirement in CONTACT_ROLES:
            return self.tr("A contact who is %1").replace("%1", name)
        if requirement in completeness.ATTACHMENT_KINDS:
            return self.tr("File: %1").replace("%1", name)
        return name

    # -- loading ------------------------------------------------------------------------
    def _show(self, loaded: rules.ManagerRules) -> None:
        if not isValid(self):  # the dialog closed before the rules arrived
            return
        self.loaded = loaded
        values: dict[str, object] = {}
        for tier in TIERS:
            values[f"cadence.{tier}"] = loaded.cadence[tier]
            limit = loaded.discounts[tier]
            values[f"discount.{tier}"] = "" if limit is None else f"{limit.normalize():f}"
            values[f"return_days.{tier}"] = loaded.return_days[tier]
            tier_rules = loaded.completeness.get(tier, {})
            values[f"completeness.{tier}.min_contacts"] = tier_rules.get("min_contacts", 0)
            wanted = {
                *tier_rules.get("fields", []),
                *tier_rules.get("roles", []),
                *tier_rules.get("attachments", []),
            }
            for requirement in REQUIREMENTS:
                self.checks[(tier, requirement)].setChecked(requirement in wanted)
        values["claim_limit"] = loaded.claim_limit
        values["checkin_hours"] = loaded.visits.hours_before
        for tier, check in self.location_checks.items():
            check.setChecked(loaded.visits.needs_location(tier))
        for severity in COMPLAINT_SEVERITIES:
            values[f"sla.{severity}"] = loaded.sla_hours[severity]
        for key, value in values.items():
            self.fields[key].setText(str(value))
        self._enable_save()

    def _enable_save(self) -> None:
        """Save once every box shows what is saved (so none is written over blindly)."""
        if isValid(self):
            ready = self.loaded is not None and self.stages.loaded and self.commission.loaded
            self.save_button.setEnabled(ready)

    # -- checking -----------------------------------------------------------------------
    def _problem(self, key: str) -> str | None:
        text = self.fields[key].text().strip()
        if key.startswith("discount."):
            if not text:
                return None
            try:
                value = Decimal(text.rstrip("%").strip())
            except InvalidOperation:
                return self.tr("Enter a percentage from 0 to 100.")
            if not value.is_finite() or not Decimal(0) <= value <= Decimal(100):
                return self.tr("Enter a percentage from 0 to 100.")
            return None
        if key == "checkin_hours":
            if not text.isdigit() or int(text) > MAX_HOURS_BEFORE:
                return self.tr("Hours: a whole number from 0 to %1.").replace(
                    "%1", str(MAX_HOURS_BEFORE)
                )
            return None
        if key.endswith(".min_contacts"):
            if not text.isdigit() or int(text) > 20:
                return self.tr("Minimum contacts: a whole number from 0 to 20.")
            return None
        if not text.isdigit() or int(text) < 1:
            return self.tr("Enter a whole number greater than 0.")
        limit = rules.MAX_CLAIM_LIMIT if key == "claim_limit" else rules.MAX_DAYS
        if key.startswith("sla."):
            limit = rules.MAX_SLA_HOURS
        if int(text) > limit:
            return self.tr("At most %1.").replace("%1", str(limit))
        return None

    def _check_one(self, key: str) -> bool:
        problem = self._problem(key)
        label = self.errors[key]
        if key.endswith(".min_contacts"):
            # The three tiers share one message.
            siblings = [k for k in self.fields if k.endswith(".min_contacts")]
            problem = next((p for p in map(self._problem, siblings) if p), None)
        label.setText(problem or "")
        return problem is None

    def collect(self) -> rules.ManagerRules | None:
        """The rules as typed, or None (and messages beside the fields) if any is wrong."""
        checked = [self._check_one(key) for key in self.fields]  # every field gets its message
        if not all(checked) or self.loaded is None:
            return None

        def number(key: str) -> int:
            return int(self.fields[key].text().strip())

        def percent(key: str) -> Decimal | None:
            text = self.fields[key].text().strip().rstrip("%").strip()
            return Decimal(text) if text else None

        tier_rules = {
            tier: {
                "fields": [f for f in completeness.FIELDS if self.checks[(tier, f)].isChecked()],
                "min_contacts": number(f"completeness.{tier}.min_contacts"),
                "roles": [r for r in CONTACT_ROLES if self.checks[(tier, r)].isChecked()],
                "attachments": [
                    k for k in completeness.ATTACHMENT_KINDS if self.checks[(tier, k)].isChecked()
                ],
            }
            for tier in TIERS
        }
        return rules.ManagerRules(
            cadence={t: number(f"cadence.{t}") for t in TIERS},
            completeness=tier_rules,
            discounts={t: percent(f"discount.{t}") for t in TIERS},
            claim_limit=number("claim_limit"),
            return_days={t: number(f"return_days.{t}") for t in TIERS},
            sla_hours={s: number(f"sla.{s}") for s in COMPLAINT_SEVERITIES},
            visits=VisitPolicy(
                number("checkin_hours"),
                {t: check.isChecked() for t, check in self.location_checks.items()},
            ),
        )

    # -- saving -------------------------------------------------------------------------
    def _say(self, text: str, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    @Slot()
    def save(self) -> None:
        # Every box is checked (and shows its messages) before anything is written.
        new, stages, rates = self.collect(), self.stages.collect(), self.commission.collect()
        if new is None or stages is None or rates is None:
            self._say(self.tr("Some rules need fixing; see the messages beside them."), True)
            return
        self.save_button.setEnabled(False)

        def write(uow: UnitOfWork) -> None:
            rules.save(uow, new)
            opportunities.save_stage_defaults(uow, stages)
            commission.save_rates(uow, rates)

        def done(_: object) -> None:
            if not isValid(self):
                return
            self.loaded = new
            self.save_button.setEnabled(True)
            self._say(self.tr("Rules saved. Every device follows them after the next sync."), False)
            self.saved.emit()

        def failed(error: BaseException) -> None:
            if not isValid(self):
                return
            self.save_button.setEnabled(True)
            if isinstance(error, ValidationError) and not isinstance(error, RuleViolation):
                for key, text in error.errors.items():
                    label = self.errors.get(key) or self.errors.get(key.rsplit(".", 1)[0])
                    if label is not None:
                        label.setText(text)
                self._say(self.tr("Some rules need fixing; see the messages beside them."), True)
            elif isinstance(error, DomainError):
                self._say(error_text(error), True)
            else:
                self._say(str(error) or type(error).__name__, True)

        self.ctx.tasks.write(write, done, failed, reason="rules")


def add_rules_tab(dialog: QDialog, layout: QBoxLayout, ctx: AppContext) -> RulesTab:
    """Turn the Settings dialog into tabs: what it had goes under "General", the rules
    under "Rules". ``layout`` is the dialog's column; its last item (the buttons) stays
    below the tabs."""
    general = QWidget()
    column = QVBoxLayout(general)
    column.setContentsMargins(0, 0, 0, 0)
    while layout.count() > 1:
        item = layout.takeAt(0)
        if item.widget() is not None:
            column.addWidget(item.widget())
        elif item.layout() is not None:
            column.addLayout(item.layout())
    column.addStretch(1)
    tabs = QTabWidget()
    tabs.setObjectName("settings-tabs")
    tabs.addTab(general, QCoreApplication.translate("RulesTab", "General"))
    rules_tab = RulesTab(ctx)
    tabs.addTab(rules_tab, QCoreApplication.translate("RulesTab", "Rules"))
    layout.insertWidget(0, tabs, 1)
    return rules_tab
