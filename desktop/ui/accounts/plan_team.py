"""The account team on the Plan tab: members and their roles, changed by the account's
owner, the owner's manager and administrators (add, change the role, remove)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services.account_team import TEAM_ROLES, Member
from desktop.ui.table_model import RecordTableModel, setup_table


def role_words() -> dict[str, str]:
    return {
        "member": QCoreApplication.translate("PlanTeam", "Member"),
        "technical": QCoreApplication.translate("PlanTeam", "Technical support"),
        "service": QCoreApplication.translate("PlanTeam", "Customer service"),
        "sponsor": QCoreApplication.translate("PlanTeam", "Executive sponsor"),
    }


class TeamBox(QWidget):
    add_requested = Signal(str, str)  # user id, role
    role_requested = Signal(str, str)  # member id, role
    remove_requested = Signal(str)  # member id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        words = role_words()
        self.members: list[Member] = []
        self.owner_line = QLabel()
        self.owner_line.setObjectName("plan-team-owner")
        self.model = RecordTableModel(
            [self.tr("Member"), self.tr("Role")],
            lambda m, c: m.name if c == 0 else words.get(m.role, m.role),
            self,
        )
        self.view = setup_table(
            QTableView(), self.model, "plan-team", single=True, stretch_last=True
        )
        self.user = QComboBox()
        self.user.setObjectName("plan-team-user")
        self.role = QComboBox()
        self.role.setObjectName("plan-team-role")
        for code in TEAM_ROLES:
            self.role.addItem(words[code], code)
        self.add_button = QPushButton(self.tr("Add to the team"))
        self.add_button.setObjectName("plan-team-add")
        self.add_button.clicked.connect(self._add)
        self.role_button = QPushButton(self.tr("Set role"))
        self.role_button.setObjectName("plan-team-set-role")
        self.role_button.clicked.connect(self._set_role)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("plan-team-remove")
        self.remove_button.clicked.connect(self._remove)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        row = QHBoxLayout()
        for widget in (self.user, self.role, self.add_button, self.role_button):
            row.addWidget(widget)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.owner_line)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.hint)

    def show_team(
        self,
        owner: str,
        members: list[Member],
        users: list[tuple[str, str]],
        owner_id: str | None,
        editable: bool,
    ) -> None:
        self.members = members
        self.owner_line.setText(self.tr("Owner: %1").replace("%1", owner))
        self.model.set_rows(members)
        taken = {m.user_id for m in members} | {owner_id}
        self.user.clear()
        for user_id, name in users:
            if user_id not in taken:
                self.user.addItem(name, user_id)
        for widget in (self.user, self.role, self.add_button, self.role_button):
            widget.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.add_button.setEnabled(editable and self.user.count() > 0)
        self.hint.setText(
            ""
            if editable
            else self.tr("The account's owner and their manager change the account team.")
        )

    def selected(self) -> Member | None:
        rows = self.view.selectionModel().selectedRows()
        return self.members[rows[0].row()] if rows else None

    def _add(self) -> None:
        if self.user.currentData():
            self.add_requested.emit(str(self.user.currentData()), str(self.role.currentData()))

    def _set_role(self) -> None:
        if (member := self.selected()) is not None:
            self.role_requested.emit(member.id, str(self.role.currentData()))

    def _remove(self) -> None:
        if (member := self.selected()) is not None:
            self.remove_requested.emit(member.id)
