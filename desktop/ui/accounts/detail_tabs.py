"""The account detail's own tabs besides Profile and Files: contacts, group (the parent
can be changed), completeness checklist and history. Each shows what ``DetailData``
holds and asks for changes through its signals; the page does the writes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services.accounts import GroupTotals, HistoryEntry
from desktop.domain.services.completeness import Check, Completeness
from desktop.domain.services.records import Record
from desktop.ui.account_picker import AccountPicker
from desktop.ui.format import local_datetime, money, show_as_error
from desktop.ui.table_model import RecordTableModel, setup_table


class ContactsTab(QWidget):
    add_requested = Signal()
    edit_requested = Signal(dict)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        roles = {
            "decision_maker": self.tr("Decision maker"),
            "influencer": self.tr("Influencer"),
            "user": self.tr("User"),
            "gatekeeper": self.tr("Gatekeeper"),
        }

        def cell(item: Record, column: int) -> str:
            if column == 0:
                return str(item["name"]) + (" ★" if item["is_primary"] else "")
            if column == 1:
                return roles.get(item["role"], item["role"])
            if column == 2:
                return item["title"] or ""
            if column == 3:
                return item["mobile"] or item["phone"] or ""
            return item["email"] or ""

        self.model = RecordTableModel(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Title"),
                self.tr("Phone"),
                self.tr("E-mail"),
            ],
            cell,
            self,
        )
        self.view = setup_table(
            QTableView(), self.model, "contacts-view", row_numbers=True, stretch_last=True
        )
        self.view.doubleClicked.connect(lambda _i: self._edit())
        layout.addWidget(self.view)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add contact"))
        add.clicked.connect(self.add_requested.emit)
        edit = QPushButton(self.tr("Edit"))
        edit.clicked.connect(self._edit)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        for button in (add, edit, remove):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def selected(self) -> Record | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        item: Record = self.model.rows[rows[0].row()]
        return item

    def show_contacts(self, contacts: list[Record]) -> None:
        """The same contact stays selected after a refresh."""
        picked = self.selected()
        self.model.set_rows(contacts)
        if picked is not None:
            for row, item in enumerate(contacts):
                if item["id"] == picked["id"]:
                    self.view.selectRow(row)

    def _edit(self) -> None:
        if (item := self.selected()) is not None:
            self.edit_requested.emit(item)

    def _remove(self) -> None:
        if (item := self.selected()) is not None:
            self.remove_requested.emit(item["id"])


class GroupTab(QWidget):
    """The account's place in its group. The parent is chosen with the one account
    picker, which the page puts in (``set_picker``: it needs the app's context)."""

    change_requested = Signal(object)  # account id, or None for no parent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        self.parent_label = QLabel()
        self.parent_label.setObjectName("group-parent")
        self.children_label = QLabel()
        self.children_label.setWordWrap(True)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("group-totals")
        layout.addRow(self.tr("Parent"), self.parent_label)
        # Changing the parent: find it with the picker, pick, set.
        self.picker: AccountPicker | None = None
        self.picker_row = QVBoxLayout()
        set_parent = QPushButton(self.tr("Set as parent"))
        set_parent.setObjectName("group-parent-set")
        set_parent.clicked.connect(self._set_parent)
        clear_parent = QPushButton(self.tr("No parent"))
        clear_parent.setObjectName("group-parent-clear")
        clear_parent.clicked.connect(lambda: self.change_requested.emit(None))
        buttons = QHBoxLayout()
        buttons.addWidget(set_parent)
        buttons.addWidget(clear_parent)
        buttons.addStretch(1)
        self.picker_row.addLayout(buttons)
        layout.addRow(self.tr("Move to"), self.picker_row)
        self.parent_error = QLabel()
        self.parent_error.setObjectName("group-parent-error")
        show_as_error(self.parent_error)
        layout.addRow("", self.parent_error)
        layout.addRow(self.tr("Subsidiaries"), self.children_label)
        layout.addRow(self.tr("Group totals"), self.totals_label)

    def set_picker(self, picker: AccountPicker) -> None:
        self.picker = picker
        picker.setObjectName("group-parent-picker")
        self.picker_row.insertWidget(0, picker)

    def _set_parent(self) -> None:
        if self.picker is not None and self.picker.chosen is not None:
            self.change_requested.emit(self.picker.chosen.id)

    def show_group(self, account: Record, children: list[Record], t: GroupTotals) -> None:
        self.parent_error.setText("")
        self.parent_label.setText(account.get("parent_name") or self.tr("(none)"))
        self.children_label.setText(", ".join(c["name"] for c in children) or self.tr("(none)"))
        self.totals_label.setText(
            self.tr("%1 accounts · potential %2 · open pipeline %3 · orders %4")
            .replace("%1", str(t.accounts))
            .replace("%2", money(t.potential))
            .replace("%3", money(t.open_pipeline))
            .replace("%4", money(t.orders))
        )


class CompletenessTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.score_label = QLabel()
        self.checklist = QLabel()
        self.checklist.setObjectName("completeness-checklist")
        self.checklist.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.score_label)
        layout.addWidget(self.checklist)
        layout.addStretch(1)

    def show_result(self, result: Completeness) -> None:
        self.score_label.setText(
            self.tr("Archive completeness: %1%").replace("%1", str(result.score))
        )
        self.checklist.setText(
            "\n".join(
                ("✓ " if r.passed else "✗ ") + self.check_text(r.check) for r in result.checks
            )
            or self.tr("Nothing is required for this tier.")
        )

    def check_text(self, check: Check) -> str:
        names = {
            "short_name": self.tr("Short name"),
            "credit_code": self.tr("Credit code"),
            "industry": self.tr("Industry"),
            "province": self.tr("Province"),
            "city": self.tr("City"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "website": self.tr("Website"),
            "potential": self.tr("Potential"),
            "parent_id": self.tr("Parent account"),
            "decision_maker": self.tr("Decision maker"),
            "influencer": self.tr("Influencer"),
            "user": self.tr("User"),
            "gatekeeper": self.tr("Gatekeeper"),
            "business_licence": self.tr("Business licence"),
            "contract": self.tr("Contract"),
            "business_card": self.tr("Business card"),
            "other": self.tr("Other file"),
        }
        target = names.get(str(check.target), str(check.target))
        if check.kind == "field":
            return self.tr("%1 filled in").replace("%1", target)
        if check.kind == "contacts":
            return self.tr("At least %1 contacts").replace("%1", str(check.target))
        if check.kind == "role":
            return self.tr("A contact who is %1").replace("%1", target)
        return self.tr("%1 attached").replace("%1", target)


class HistoryTab(QTableView):
    def __init__(self, zone: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        def cell(item: HistoryEntry, column: int) -> str:
            values = [
                local_datetime(item.changed_at, zone),
                item.changed_by or "",
                item.field,
                item.old_value or "",
                item.new_value or "",
                item.reason or "",
            ]
            return values[column]

        self.entries = RecordTableModel(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Field"),
                self.tr("Old"),
                self.tr("New"),
                self.tr("Why"),
            ],
            cell,
            self,
        )
        setup_table(
            self,
            self.entries,
            "history-view",
            select_rows=False,
            row_numbers=True,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch_last=True,
        )
