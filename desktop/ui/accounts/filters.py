"""The Accounts list's filter row: tier, status, owner (or the public pool), industry,
city, tag, incomplete file, not visited in N days, at risk (health score), ABC class,
and Clear filters. The owner,
industry, city and tag choices come from the data (``load_choices``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.health import AT_RISK_BELOW
from desktop.domain.models import ACCOUNT_STATUSES, TIERS
from desktop.domain.services import accounts
from desktop.domain.services.accounts import AccountQuery
from desktop.ui.accounts.model import status_text
from desktop.ui.tasks import TaskRunner


class AccountFilters(QWidget):
    changed = Signal()  # the user changed a filter (or cleared them)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)  # two rows: fits a 1024-pixel-wide window
        rows.setContentsMargins(0, 0, 0, 0)
        row, second = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(row)
        rows.addLayout(second)
        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("filter-tier")
        self.tier_filter.addItem(self.tr("All tiers"), None)
        for tier in TIERS:
            self.tier_filter.addItem(self.tr("Tier %1").replace("%1", tier), tier)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("filter-status")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in ACCOUNT_STATUSES:
            self.status_filter.addItem(status_text(status), status)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("filter-owner")
        self.owner_filter.addItem(self.tr("All owners"), None)
        self.owner_filter.addItem(self.tr("Public pool (公海)"), accounts.POOL)
        self.city_filter = QComboBox()
        self.city_filter.setObjectName("filter-city")
        self.city_filter.addItem(self.tr("All cities"), None)
        self.industry_filter = QComboBox()
        self.industry_filter.setObjectName("filter-industry")
        self.industry_filter.addItem(self.tr("All industries"), None)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("filter-tag")
        self.tag_filter.addItem(self.tr("All tags"), None)
        self.incomplete_filter = QCheckBox(self.tr("Incomplete file"))
        self.incomplete_filter.setObjectName("filter-incomplete")
        self.at_risk_filter = QCheckBox(self.tr("At risk"))
        self.at_risk_filter.setObjectName("filter-at-risk")
        self.at_risk_filter.setToolTip(
            self.tr("Accounts whose health score is under %1").replace("%1", str(AT_RISK_BELOW))
        )
        self.abc_filter = QComboBox()
        self.abc_filter.setObjectName("filter-abc")
        self.abc_filter.addItem(self.tr("All ABC classes"), None)
        for klass in "ABC":
            self.abc_filter.addItem(self.tr("Class %1").replace("%1", klass), klass)
        self.abc_filter.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.visit_filter = QSpinBox()
        self.visit_filter.setRange(0, 999)
        self.visit_filter.setSpecialValueText(self.tr("Any last visit"))
        self.visit_filter.setPrefix(self.tr("Not visited in "))
        self.visit_filter.setSuffix(self.tr(" days"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("filter-clear")
        self.clear_button.clicked.connect(self.clear)
        for combo in self._combos():
            combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
            row.addWidget(combo)
        for box in (self.incomplete_filter, self.at_risk_filter):
            box.toggled.connect(lambda *_: self.changed.emit())
        self.visit_filter.valueChanged.connect(lambda *_: self.changed.emit())
        row.addStretch(1)
        second.addWidget(self.incomplete_filter)
        second.addWidget(self.at_risk_filter)
        second.addWidget(self.abc_filter)
        second.addWidget(self.visit_filter)
        second.addWidget(self.clear_button)
        second.addStretch(1)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (
            self.tier_filter,
            self.status_filter,
            self.owner_filter,
            self.industry_filter,
            self.city_filter,
            self.tag_filter,
        )

    def clear(self) -> None:
        for combo in (*self._combos(), self.abc_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.incomplete_filter, self.at_risk_filter):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.visit_filter.blockSignals(True)
        self.visit_filter.setValue(0)
        self.visit_filter.blockSignals(False)
        self.changed.emit()

    def query(self, old: AccountQuery) -> AccountQuery:
        """``old`` with the filters as chosen now (its text and sort kept)."""
        tier, status = self.tier_filter.currentData(), self.status_filter.currentData()
        return AccountQuery(
            text=old.text,
            tiers=(tier,) if tier else (),
            statuses=(status,) if status else (),
            owner_id=self.owner_filter.currentData(),
            industry=self.industry_filter.currentData(),
            city=self.city_filter.currentData(),
            tag=self.tag_filter.currentData(),
            incomplete=self.incomplete_filter.isChecked(),
            not_visited_days=self.visit_filter.value() or None,
            at_risk=self.at_risk_filter.isChecked(),
            abc=self.abc_filter.currentData(),
            sort=old.sort,
            descending=old.descending,
        )

    def load_choices(self, tasks: TaskRunner) -> None:
        def done(choices: accounts.FilterChoices) -> None:
            for combo, values in (
                (self.owner_filter, choices.owners),
                (self.industry_filter, [(c, c) for c in choices.industries]),
                (self.city_filter, [(c, c) for c in choices.cities]),
                (self.tag_filter, [(t, t) for t in choices.tags]),
            ):
                combo.blockSignals(True)
                keep = 2 if combo is self.owner_filter else 1
                while combo.count() > keep:
                    combo.removeItem(keep)
                for value, text in values:
                    combo.addItem(text, value)
                combo.blockSignals(False)

        tasks.read(accounts.filter_choices, done, key="accounts-choices")


def filtered(query: AccountQuery) -> bool:
    """Whether any filter (besides the search text and the sort) narrows ``query``."""
    return AccountQuery(text=query.text, sort=query.sort, descending=query.descending) != query
