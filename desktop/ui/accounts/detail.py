"""The account detail pane: owner (and a claim button for a pool account), profile
form with inline messages, contacts, group (the parent can be changed), files,
completeness checklist and history. Later issues add their tabs (visits, quotes,
complaints) with ``add_tab``.

Pulled changes reach an open account through ``refresh_data``: it keeps what the user
typed and not saved yet, updates the other fields, and says the account changed
elsewhere (Reload / Keep editing)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.models import ACCOUNT_STATUSES, TIERS
from desktop.domain.services import accounts, attachments, completeness, contacts
from desktop.domain.services.accounts import GroupTotals, HistoryEntry
from desktop.domain.services.completeness import Check, Completeness
from desktop.domain.services.records import Record
from desktop.ui.accounts.changed import ChangedElsewhereBar, typed_fields
from desktop.ui.accounts.messages import translate
from desktop.ui.accounts.model import status_text
from desktop.ui.format import local_datetime, money, show_as_error

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DetailData:
    account: Record
    contacts: list[Record]
    completeness: Completeness
    history: list[HistoryEntry]
    children: list[Record]
    totals: GroupTotals
    files: list[Record]


def load_detail(session: Session, account_id: str) -> DetailData:
    return DetailData(
        account=accounts.get_account(session, account_id),
        contacts=contacts.list_contacts(session, account_id),
        completeness=completeness.evaluate(session, account_id),
        history=accounts.history(session, account_id),
        children=accounts.children(session, account_id),
        totals=accounts.group_totals(session, account_id),
        files=attachments.list_attachments(session, "account", account_id),
    )


def file_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class RecordTableModel(QAbstractTableModel):
    """A small read-only table over plain records (contacts, history)."""

    def __init__(self, headers: list[str], cells: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._cells = cells  # (item, column) -> str
        self.items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._cells(self.items[index.row()], index.column())


class AccountDetail(QWidget):
    save_requested = Signal(dict)  # changed values of the profile form
    contact_add_requested = Signal()
    contact_edit_requested = Signal(dict)
    contact_remove_requested = Signal(str)
    claim_requested = Signal()
    file_add_requested = Signal(str, str)  # path, kind
    file_open_requested = Signal(str)  # attachment id
    file_remove_requested = Signal(str)
    parent_search_requested = Signal(str)  # typed text
    parent_change_requested = Signal(object)  # account id, or None for no parent
    closed = Signal()
    account_shown = Signal(str)  # an account's data is on screen: added tabs load theirs

    FORM = (
        "name",
        "short_name",
        "credit_code",
        "tier",
        "status",
        "industry",
        "province",
        "city",
        "address",
        "phone",
        "website",
        "tags",
        "notes",
    )

    def __init__(self, zone: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.account: Record | None = None
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        layout.addWidget(self.title)
        owner_row = QHBoxLayout()
        self.owner_label = QLabel()
        self.owner_label.setObjectName("account-owner")
        self.claim_button = QPushButton(self.tr("Claim from the pool"))
        self.claim_button.setObjectName("account-claim")
        self.claim_button.clicked.connect(self.claim_requested.emit)
        self.claim_button.hide()
        owner_row.addWidget(self.owner_label)
        owner_row.addStretch(1)
        owner_row.addWidget(self.claim_button)
        layout.addLayout(owner_row)
        self.changed_bar = ChangedElsewhereBar()
        self.changed_bar.reload_requested.connect(self.discard_typing)
        layout.addWidget(self.changed_bar)
        layout.addWidget(self.tabs)
        self._build_profile()
        self._build_contacts()
        self._build_group()
        self._build_files()
        self._build_completeness()
        self._build_history()

    def add_tab(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)

    # -- profile ------------------------------------------------------------------------

    def _build_profile(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        labels = {
            "name": self.tr("Name *"),
            "short_name": self.tr("Short name"),
            "credit_code": self.tr("Unified social credit code"),
            "tier": self.tr("Tier"),
            "status": self.tr("Status"),
            "industry": self.tr("Industry"),
            "province": self.tr("Province"),
            "city": self.tr("City"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "website": self.tr("Website"),
            "tags": self.tr("Tags"),
            "notes": self.tr("Notes"),
        }
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        for key in self.FORM:
            widget: QWidget
            if key == "tier":
                combo = QComboBox()
                for tier in TIERS:
                    combo.addItem(tier, tier)
                widget = combo
            elif key == "status":
                combo = QComboBox()
                for status in ACCOUNT_STATUSES:
                    combo.addItem(status_text(status), status)
                widget = combo
            elif key == "notes":
                widget = QPlainTextEdit()
                widget.setFixedHeight(70)
            else:
                widget = QLineEdit()
                if key == "credit_code":
                    widget.setMaxLength(18)
                    widget.setPlaceholderText("91440300XXXXXXXXXX")
                if key == "tags":
                    widget.setPlaceholderText(self.tr("comma separated"))
            widget.setObjectName(f"account-{key}")
            error = QLabel()
            error.setObjectName(f"account-{key}-error")
            show_as_error(error)
            error.setWordWrap(True)
            error.hide()
            self.inputs[key], self.errors[key] = widget, error
            form.addRow(labels[key], widget)
            form.addRow("", error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("account-save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.request_save)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.clicked.connect(self.closed.emit)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        self.tabs.addTab(scroll, self.tr("Profile"))

    def form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                values[key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                values[key] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                values[key] = widget.text()
        return values

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(translate(errors[key]) if key in errors else "")
            label.setVisible(key in errors)
        for key in self.FORM:
            if key in errors:
                self.tabs.setCurrentIndex(0)
                self.inputs[key].setFocus()
                break

    def request_save(self) -> None:
        values = self.form_values()
        errors = accounts.validate(values)
        self.show_errors(errors)
        if errors:
            return
        if self.account is not None:
            values = {k: v for k, v in values.items() if _differs(self.account.get(k), v, k)}
        self.save_requested.emit(values)

    def unsaved_fields(self) -> set[str]:
        """Profile fields typed and not saved (compared with the account shown)."""
        if self.account is None:
            return set()
        return typed_fields(self.FORM, self.form_values(), self.account, _differs)

    def discard_typing(self) -> None:
        """Reload: the form shows the account as saved now."""
        if self.account is not None:
            self._fill_form(self.account)
            self.show_errors({})
        self.changed_bar.hide()

    def start_new(self) -> None:
        self.account = None
        self.changed_bar.hide()
        self.save_button.setEnabled(True)
        self.title.setText(self.tr("New account"))
        self.owner_label.setText("")
        self.claim_button.hide()
        self._fill_form({"tier": "C", "status": "prospect"})
        self.show_errors({})
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, False)
        self.tabs.setCurrentIndex(0)
        self.inputs["name"].setFocus()

    def _fill_form(self, record: Record, skip: Collection[str] = ()) -> None:
        for key, widget in self.inputs.items():
            if key in skip:
                continue
            value = record.get(key)
            if key == "tags":
                value = ", ".join(accounts.tag_list(value))
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))

    # -- the other tabs -----------------------------------------------------------------

    def _build_contacts(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
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

        self.contacts_model = RecordTableModel(
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
        self.contacts_view = QTableView()
        self.contacts_view.setObjectName("contacts-view")
        self.contacts_view.setModel(self.contacts_model)
        self.contacts_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.contacts_view.horizontalHeader().setStretchLastSection(True)
        self.contacts_view.doubleClicked.connect(lambda _i: self._edit_contact())
        layout.addWidget(self.contacts_view)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add contact"))
        add.clicked.connect(self.contact_add_requested.emit)
        edit = QPushButton(self.tr("Edit"))
        edit.clicked.connect(self._edit_contact)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_contact)
        for button in (add, edit, remove):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.tabs.addTab(page, self.tr("Contacts"))

    def _selected_contact(self) -> Record | None:
        rows = self.contacts_view.selectionModel().selectedRows()
        if not rows:
            return None
        item: Record = self.contacts_model.items[rows[0].row()]
        return item

    def _edit_contact(self) -> None:
        if (item := self._selected_contact()) is not None:
            self.contact_edit_requested.emit(item)

    def _remove_contact(self) -> None:
        if (item := self._selected_contact()) is not None:
            self.contact_remove_requested.emit(item["id"])

    def _build_group(self) -> None:
        page = QWidget()
        layout = QFormLayout(page)
        self.parent_label = QLabel()
        self.parent_label.setObjectName("group-parent")
        self.children_label = QLabel()
        self.children_label.setWordWrap(True)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("group-totals")
        layout.addRow(self.tr("Parent"), self.parent_label)
        # Changing the parent: type part of a name, pick, set.
        self.parent_search = QLineEdit()
        self.parent_search.setObjectName("group-parent-search")
        self.parent_search.setPlaceholderText(self.tr("Find the parent account (name, pinyin)"))
        self.parent_search.textChanged.connect(self.parent_search_requested.emit)
        self.parent_choice = QComboBox()
        self.parent_choice.setObjectName("group-parent-choice")
        self.parent_choice.setMinimumContentsLength(20)
        set_parent = QPushButton(self.tr("Set as parent"))
        set_parent.setObjectName("group-parent-set")
        set_parent.clicked.connect(self._set_parent)
        clear_parent = QPushButton(self.tr("No parent"))
        clear_parent.setObjectName("group-parent-clear")
        clear_parent.clicked.connect(lambda: self.parent_change_requested.emit(None))
        picker = QHBoxLayout()
        picker.addWidget(self.parent_search, 1)
        picker.addWidget(self.parent_choice, 1)
        picker.addWidget(set_parent)
        picker.addWidget(clear_parent)
        layout.addRow(self.tr("Move to"), picker)
        self.parent_error = QLabel()
        self.parent_error.setObjectName("group-parent-error")
        show_as_error(self.parent_error)
        layout.addRow("", self.parent_error)
        layout.addRow(self.tr("Subsidiaries"), self.children_label)
        layout.addRow(self.tr("Group totals"), self.totals_label)
        self.tabs.addTab(page, self.tr("Group"))

    def show_parent_choices(self, choices: list[tuple[str, str]]) -> None:
        """(id, name) of accounts matching what was typed, the account itself left out."""
        own = self.account["id"] if self.account else None
        self.parent_choice.clear()
        for account_id, name in choices:
            if account_id != own:
                self.parent_choice.addItem(name, account_id)

    def _set_parent(self) -> None:
        parent_id = self.parent_choice.currentData()
        if parent_id:
            self.parent_change_requested.emit(parent_id)

    def show_parent_error(self, message: str) -> None:
        self.parent_error.setText(message)

    def _build_files(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.file_kinds = {
            "business_licence": self.tr("Business licence"),
            "contract": self.tr("Contract"),
            "business_card": self.tr("Business card"),
            "other": self.tr("Other file"),
        }

        def cell(item: Record, column: int) -> str:
            if column == 0:
                return str(item["filename"])
            if column == 1:
                return self.file_kinds.get(item["kind"], item["kind"])
            if column == 2:
                return file_size(int(item["size"]))
            return local_datetime(item["created_at"], self.zone)

        self.files_model = RecordTableModel(
            [self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Added")], cell, self
        )
        self.files_view = QTableView()
        self.files_view.setObjectName("files-view")
        self.files_view.setModel(self.files_model)
        self.files_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.files_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.files_view.horizontalHeader().setStretchLastSection(True)
        self.files_view.doubleClicked.connect(lambda _i: self._open_file())
        layout.addWidget(self.files_view)
        self.files_message = QLabel()
        self.files_message.setObjectName("files-message")
        show_as_error(self.files_message)
        self.files_message.setWordWrap(True)
        layout.addWidget(self.files_message)
        row = QHBoxLayout()
        self.file_kind = QComboBox()
        self.file_kind.setObjectName("file-kind")
        for kind, label in self.file_kinds.items():
            self.file_kind.addItem(label, kind)
        add = QPushButton(self.tr("Add file…"))
        add.setObjectName("file-add")
        add.clicked.connect(self._choose_file)
        open_button = QPushButton(self.tr("Open"))
        open_button.setObjectName("file-open")
        open_button.clicked.connect(self._open_file)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_file)
        for widget in (self.file_kind, add, open_button, remove):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(
            self.tr("Files are copied into the data folder; at most %1 MB each.").replace(
                "%1", str(attachments.MAX_BYTES // (1024 * 1024))
            )
        )
        hint.setEnabled(False)
        layout.addWidget(hint)
        self.tabs.addTab(page, self.tr("Files"))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path:
            self.file_add_requested.emit(path, self.file_kind.currentData())

    def _selected_file(self) -> Record | None:
        rows = self.files_view.selectionModel().selectedRows()
        if not rows:
            return None
        item: Record = self.files_model.items[rows[0].row()]
        return item

    def _open_file(self) -> None:
        if (item := self._selected_file()) is not None:
            self.file_open_requested.emit(item["id"])

    def _remove_file(self) -> None:
        if (item := self._selected_file()) is not None:
            self.file_remove_requested.emit(item["id"])

    def show_file_message(self, message: str) -> None:
        self.files_message.setText(message)

    def _build_completeness(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.score_label = QLabel()
        self.checklist = QLabel()
        self.checklist.setObjectName("completeness-checklist")
        self.checklist.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.score_label)
        layout.addWidget(self.checklist)
        layout.addStretch(1)
        self.tabs.addTab(page, self.tr("Completeness"))

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

    def _build_history(self) -> None:
        def cell(item: HistoryEntry, column: int) -> str:
            values = [
                local_datetime(item.changed_at, self.zone),
                item.changed_by or "",
                item.field,
                item.old_value or "",
                item.new_value or "",
                item.reason or "",
            ]
            return values[column]

        self.history_model = RecordTableModel(
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
        view = QTableView()
        view.setObjectName("history-view")
        view.setModel(self.history_model)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(view, self.tr("History"))

    # -- showing an account -------------------------------------------------------------

    def refresh_data(self, data: DetailData) -> None:
        """The shown account again, after a change (a pull, a save, another tab): keep
        the user's unsaved typing and say when the account itself changed."""
        old = self.account
        if old is None or old["id"] != data.account["id"]:
            self.show_data(data)
            return
        # Typing that the new values do not already hold (a save of one's own does).
        typed = self.unsaved_fields() & typed_fields(
            self.FORM, self.form_values(), data.account, _differs
        )
        changed = any(old.get(key) != data.account.get(key) for key in self.FORM)
        self.show_data(data, keep=typed)
        if data.account.get("deleted_at") is not None:
            self.changed_bar.show_for("deleted")
            self.save_button.setEnabled(False)
        elif typed and changed:
            self.changed_bar.show_for("account")

    def show_data(self, data: DetailData, keep: Collection[str] = ()) -> None:
        """Show an account; ``keep``: fields whose typing stays (see ``refresh_data``)."""
        self.account = data.account
        self.save_button.setEnabled(True)
        if not keep:
            self.changed_bar.hide()
        for index in range(self.tabs.count()):
            self.tabs.setTabEnabled(index, True)
        self.title.setText(str(data.account["name"]))
        pool = data.account["owner_id"] is None
        self.owner_label.setText(
            self.tr("In the public pool (公海): nobody owns this account")
            if pool
            else self.tr("Owner: %1").replace("%1", data.account.get("owner_name") or "?")
        )
        self.claim_button.setVisible(pool)
        self.files_model.set_items(data.files)
        self.files_message.setText("")
        self.parent_error.setText("")
        self._fill_form(data.account, skip=keep)
        if not keep:
            self.show_errors({})
        picked = self._selected_contact()
        self.contacts_model.set_items(data.contacts)
        if picked is not None:  # the same contact stays selected after a refresh
            for row, item in enumerate(data.contacts):
                if item["id"] == picked["id"]:
                    self.contacts_view.selectRow(row)
        self.parent_label.setText(data.account.get("parent_name") or self.tr("(none)"))
        self.children_label.setText(
            ", ".join(c["name"] for c in data.children) or self.tr("(none)")
        )
        t = data.totals
        self.totals_label.setText(
            self.tr("%1 accounts · potential %2 · open pipeline %3 · orders %4")
            .replace("%1", str(t.accounts))
            .replace("%2", money(t.potential))
            .replace("%3", money(t.open_pipeline))
            .replace("%4", money(t.orders))
        )
        result = data.completeness
        self.score_label.setText(
            self.tr("Archive completeness: %1%").replace("%1", str(result.score))
        )
        self.checklist.setText(
            "\n".join(
                ("✓ " if r.passed else "✗ ") + self.check_text(r.check) for r in result.checks
            )
            or self.tr("Nothing is required for this tier.")
        )
        self.history_model.set_items(data.history)
        self.account_shown.emit(str(data.account["id"]))


def _differs(old: Any, new: Any, key: str) -> bool:
    if key == "tags":
        return accounts.normalize_tags(new or "") != (old or "")
    return (old or "") != (new.strip() if isinstance(new, str) else new or "")
