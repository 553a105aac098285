"""The account's Stakeholders tab (关键人地图): the org chart, the coverage line of the
tier's rule, and the selected contact's buying roles, attitude and strength.

Loads through ``ctx.tasks`` when shown (and again when contacts, visits, attendees or
the rules change); every change goes through the unit of work. A change the rule
book refuses (a reporting loop) is said in the user's language and the chart stays
as saved.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.models import ATTITUDES, BUYING_ROLES
from desktop.domain.services import contacts, stakeholders
from desktop.domain.services.stakeholders import Stakeholder, StakeholderMap
from desktop.ui.account_tabs import AccountView
from desktop.ui.accounts.detail import AccountDetail
from desktop.ui.accounts.org_chart import OrgChartScene, OrgChartView, gap_text
from desktop.ui.context import AppContext
from desktop.ui.format import show_as_error
from desktop.ui.labels import attitude_label, buying_role_label
from desktop.ui.rule_text import error_text


def coverage_line(chart: StakeholderMap) -> str:
    """The tier's rule and whether the account meets it, in one line."""
    rule = chart.rule
    roles = ", ".join(buying_role_label(r) for r in rule.get("roles", ()))
    if not roles:
        return QCoreApplication.translate(
            "StakeholdersTab", "Tier %1: no stakeholder coverage required."
        ).replace("%1", chart.tier)
    if not chart.gaps:
        text = QCoreApplication.translate(
            "StakeholdersTab", "Tier %1 wants %2 met within %3 days: covered."
        )
    else:
        text = QCoreApplication.translate(
            "StakeholdersTab", "Tier %1 wants %2 met within %3 days. Gaps: %4"
        )
    gaps = "; ".join(gap_text(g).replace("\n", " ") for g in chart.gaps)
    return (
        text.replace("%1", chart.tier)
        .replace("%2", roles)
        .replace("%3", str(rule.get("days", "")))
        .replace("%4", gaps)
    )


def map_loader(account_id: str) -> Callable[[Session], StakeholderMap]:
    now = dt.datetime.now(dt.UTC)
    return lambda session: stakeholders.stakeholder_map(session, account_id, now)


class StakeholdersTab(AccountView):
    watched = frozenset({"contact", "visit", "visit_attendee", "policy", "account"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.chart: StakeholderMap | None = None
        self.coverage_line: CoverageLine | None = None  # above the tabs (add_stakeholders)
        self._fitted_for: str | None = None
        self.summary = QLabel()
        self.summary.setObjectName("stakeholders-coverage")
        self.summary.setWordWrap(True)
        self.scene = OrgChartScene(ctx.zone, self)
        self.scene.reparent_requested.connect(self.reparent)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view = OrgChartView(self.scene)
        self.view.setObjectName("stakeholders-chart")
        self.message = QLabel()
        self.message.setObjectName("stakeholders-message")
        self.message.setWordWrap(True)
        show_as_error(self.message)

        tools = QHBoxLayout()
        for text, action in (
            (self.tr("Zoom in"), lambda: self.view.zoom(1.25)),
            (self.tr("Zoom out"), lambda: self.view.zoom(0.8)),
            (self.tr("Fit"), self.view.fit),
        ):
            button = QPushButton(text)
            button.clicked.connect(action)
            tools.addWidget(button)
        tools.addStretch(1)
        hint = QLabel(self.tr("Drag a box onto another to change whom they report to."))
        hint.setEnabled(False)
        tools.addWidget(hint)

        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(self._build_editor())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        split.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Stakeholders")

    def _build_editor(self) -> QWidget:
        box = QGroupBox(self.tr("Selected contact"))
        box.setMaximumWidth(260)
        form = QFormLayout(box)
        self.person_name = QLabel(self.tr("Click a box to select a contact."))
        self.person_name.setWordWrap(True)
        self.attitude = QComboBox()
        self.attitude.setObjectName("stakeholder-attitude")
        self.attitude.addItem(self.tr("(not known)"), None)
        for code in ATTITUDES:
            self.attitude.addItem(attitude_label(code), code)
        self.strength = QComboBox()
        self.strength.setObjectName("stakeholder-strength")
        self.strength.addItem(self.tr("(not rated)"), None)
        for value in range(1, 6):
            self.strength.addItem(f"{value} " + "●" * value, value)
        roles = QGridLayout()
        self.roles: dict[str, QCheckBox] = {}
        for index, code in enumerate(BUYING_ROLES):
            check = QCheckBox(buying_role_label(code))
            check.setObjectName(f"stakeholder-role-{code}")
            self.roles[code] = check
            roles.addWidget(check, index // 2, index % 2)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("stakeholder-save")
        self.save_button.clicked.connect(self.save_selected)
        self.top_button = QPushButton(self.tr("Reports to nobody here"))
        self.top_button.setObjectName("stakeholder-top")
        self.top_button.clicked.connect(self._to_top)
        form.addRow(self.person_name)
        form.addRow(self.tr("Attitude"), self.attitude)
        form.addRow(self.tr("Strength"), self.strength)
        form.addRow(QLabel(self.tr("Buying roles")))
        form.addRow(roles)
        form.addRow(self.save_button)
        form.addRow(self.top_button)
        self._enable_editor(False)
        return box

    # -- loading --------------------------------------------------------------------------

    def loader(self, account_id: str) -> Any:
        return map_loader(account_id)

    def show_result(self, result: StakeholderMap) -> None:
        self.show_map(result)
        if self._fitted_for != result.account_id:  # a new account: all of it in view
            self._fitted_for = result.account_id
            self.view.fit()

    def show_map(self, chart: StakeholderMap) -> None:
        selected = self.selected()
        self.chart = chart
        self.scene.show_map(chart.people, chart.gaps)
        self.summary.setText(coverage_line(chart))
        self.summary.setStyleSheet("color: #b23030" if chart.gaps else "")
        if selected is not None and selected.id in self.scene.boxes:
            self.scene.boxes[selected.id].setSelected(True)
        else:
            self._selection_changed()

    # -- editing --------------------------------------------------------------------------

    def selected(self) -> Stakeholder | None:
        for box in self.scene.selectedItems():
            person = getattr(box, "person", None)
            if isinstance(person, Stakeholder):
                return person
        return None

    def _enable_editor(self, on: bool) -> None:
        for widget in (self.attitude, self.strength, self.save_button, self.top_button):
            widget.setEnabled(on)
        for check in self.roles.values():
            check.setEnabled(on)

    def _selection_changed(self) -> None:
        person = self.selected()
        self._enable_editor(person is not None)
        if person is None:
            self.person_name.setText(self.tr("Click a box to select a contact."))
            return
        self.person_name.setText(f"<b>{person.name}</b> {person.title}")
        self.attitude.setCurrentIndex(max(0, self.attitude.findData(person.attitude)))
        self.strength.setCurrentIndex(max(0, self.strength.findData(person.strength)))
        main_role = self.main_role(person)
        for code, check in self.roles.items():
            check.setChecked(code in person.roles)
            # Their role in the decision is set with the contact (Contacts tab).
            check.setEnabled(code != main_role)
            check.setToolTip(
                self.tr("Their role in the decision: change it in Contacts")
                if code == main_role
                else ""
            )
        self.top_button.setEnabled(person.reports_to_id is not None)

    def main_role(self, person: Stakeholder) -> str | None:
        """The contact's role in the decision (first of their roles, see roles_of)."""
        return person.roles[0] if person.roles else None

    def save_selected(self) -> None:
        person = self.selected()
        if person is None:
            return
        main_role = self.main_role(person)
        chosen = [c for c, check in self.roles.items() if check.isChecked() and c != main_role]
        changes: dict[str, Any] = {
            "attitude": self.attitude.currentData(),
            "strength": self.strength.currentData(),
            "buying_roles": stakeholders.join_roles(chosen),
        }
        self._write(lambda uow: contacts.update_contact(uow, person.id, changes))

    def reparent(self, contact_id: str, boss_id: str | None) -> None:
        self._write(lambda uow: stakeholders.set_reports_to(uow, contact_id, boss_id))

    def _to_top(self) -> None:
        if (person := self.selected()) is not None:
            self.reparent(person.id, None)

    def _write(self, change: Any) -> None:
        self.message.setText("")

        def failed(error: BaseException) -> None:
            shown = error_text(error, "contact") if isinstance(error, DomainError) else str(error)
            self.message.setText(shown)

        self.ctx.tasks.write(change, on_error=failed)


class CoverageLine(AccountView):
    """One line above the account's tabs while the tier's coverage rule finds gaps;
    clicking it opens the Stakeholders tab. Empty when the account is covered."""

    watched = StakeholdersTab.watched

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.label = QLabel()
        self.label.setObjectName("stakeholders-gaps-line")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)

    def loader(self, account_id: str) -> Any:
        return map_loader(account_id)

    def show_result(self, result: StakeholderMap) -> None:
        text = html.escape(coverage_line(result)) if result.gaps else ""
        self.label.setText(f'<a href="#" style="color: #b23030">{text}</a>' if text else "")


def add_stakeholders(ctx: AppContext, detail: AccountDetail) -> StakeholdersTab:
    """Put the Stakeholders tab on the account detail, after the timeline, and the
    coverage line above the tabs."""
    tab = StakeholdersTab(ctx)
    detail.tabs.insertTab(2, tab, tab.title())
    detail.account_shown.connect(tab.set_account)
    tab.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
    line = CoverageLine(ctx)
    line.label.linkActivated.connect(lambda _link: detail.tabs.setCurrentWidget(tab))
    layout = detail.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(detail.tabs), line)
    detail.account_shown.connect(line.set_account)
    tab.coverage_line = line
    return tab
