"""The account detail pane: owner (and a claim button for a pool account), profile
form with inline messages, contacts, group (the parent can be changed), files,
completeness checklist and history. Later issues add their tabs (visits, quotes,
complaints) with ``add_tab`` (or ``tabs.insertTab``): ``tabs`` is the section list on
the left (``SectionNavigator``), which takes any number of them.

Pulled changes reach an open account through ``refresh_data``: it keeps what the user
typed and not saved yet, updates the other fields, and says the account changed
elsewhere (Reload / Keep editing)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.services import accounts, attachments, completeness, contacts
from desktop.domain.services.accounts import GroupTotals, HistoryEntry
from desktop.domain.services.completeness import Completeness
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork
from desktop.ui.accounts.changed import ChangedElsewhereBar
from desktop.ui.accounts.detail_tabs import CompletenessTab, ContactsTab, GroupTab, HistoryTab
from desktop.ui.accounts.files_tab import FilesTab
from desktop.ui.accounts.profile import FORM, ProfileForm, differs
from desktop.ui.accounts.sections import SectionNavigator
from desktop.ui.format import MessageLabel

# How the page records an undoable action: (what Ctrl+Z undoes, the write undoing it).
SetUndo = Callable[[str, Callable[[UnitOfWork], Any]], None]


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


class AccountDetail(QWidget):
    save_requested = Signal(dict)  # changed values of the profile form
    contact_add_requested = Signal()
    contact_edit_requested = Signal(dict)
    contact_remove_requested = Signal(str)
    claim_requested = Signal()
    file_add_requested = Signal(str, str)  # path, kind
    file_open_requested = Signal(str)  # attachment id
    file_remove_requested = Signal(str)
    parent_change_requested = Signal(object)  # account id, or None for no parent
    closed = Signal()
    account_shown = Signal(str)  # an account's data is on screen: added tabs load theirs
    review_pack_requested = Signal()

    def __init__(self, zone: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.account: Record | None = None
        self.tabs = SectionNavigator("account-sections")
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
        # A new account is the creator's unless they put it in the pool.
        self.to_pool = QCheckBox(self.tr("Put it in the public pool (公海) instead of keeping it"))
        self.to_pool.setObjectName("account-to-pool")
        self.to_pool.hide()
        owner_row.addWidget(self.owner_label)
        owner_row.addWidget(self.to_pool)
        owner_row.addStretch(1)
        owner_row.addWidget(self.claim_button)
        self.review_pack_button = QPushButton(self.tr("Review pack…"))
        self.review_pack_button.setObjectName("account-review-pack")
        self.review_pack_button.clicked.connect(self.review_pack_requested.emit)
        owner_row.addWidget(self.review_pack_button)
        layout.addLayout(owner_row)
        self.pack_message = MessageLabel()  # where the review pack was saved, or why not
        self.pack_message.setObjectName("account-review-pack-message")
        self.pack_message.setWordWrap(True)
        self.pack_message.hide()
        layout.addWidget(self.pack_message)
        self.changed_bar = ChangedElsewhereBar()
        self.changed_bar.reload_requested.connect(self.discard_typing)
        layout.addWidget(self.changed_bar)
        layout.addWidget(self.tabs)

        self.profile = ProfileForm()
        self.save_button = self.profile.save_button
        self.profile.save_button.clicked.connect(self.request_save)
        self.profile.cancel_button.clicked.connect(self.closed.emit)
        self.contacts = ContactsTab()
        self.contacts.add_requested.connect(self.contact_add_requested)
        self.contacts.edit_requested.connect(self.contact_edit_requested)
        self.contacts.remove_requested.connect(self.contact_remove_requested)
        self.group = GroupTab()
        self.group.change_requested.connect(self.parent_change_requested)
        self.files = FilesTab(zone)
        self.files.add_requested.connect(self.file_add_requested)
        self.files.open_requested.connect(self.file_open_requested)
        self.files.remove_requested.connect(self.file_remove_requested)
        self.completeness = CompletenessTab()
        self.history = HistoryTab(zone)
        for tab, title in (
            (self.profile, self.tr("Profile")),
            (self.contacts, self.tr("Contacts")),
            (self.group, self.tr("Group")),
            (self.files, self.tr("Files")),
            (self.completeness, self.tr("Completeness")),
            (self.history, self.tr("History")),
        ):
            self.tabs.addTab(tab, title)

    def add_tab(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)

    # -- profile ------------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        return self.profile.values()

    def show_errors(self, errors: dict[str, str]) -> None:
        first = self.profile.show_errors(errors)
        if first is not None:
            self.tabs.show_for_now(0)
            self.profile.inputs[first].setFocus()

    def request_save(self) -> None:
        values = self.form_values()
        errors = accounts.validate(values)
        self.show_errors(errors)
        if errors:
            return
        if self.account is not None:
            values = {k: v for k, v in values.items() if differs(self.account.get(k), v, k)}
        self.save_requested.emit(values)

    def unsaved_fields(self) -> set[str]:
        """Profile fields typed and not saved (compared with the account shown)."""
        if self.account is None:
            return set()
        return self.profile.typed_over(self.account)

    def discard_typing(self) -> None:
        """Reload: the form shows the account as saved now."""
        if self.account is not None:
            self.profile.fill(self.account)
            self.show_errors({})
        self.changed_bar.hide()

    def start_new(self) -> None:
        self.account = None
        self.changed_bar.hide()
        self.save_button.setEnabled(True)
        self.title.setText(self.tr("New account"))
        self.owner_label.setText(self.tr("Owner: you"))
        self.to_pool.setChecked(False)
        self.to_pool.show()
        self.claim_button.hide()
        self.review_pack_button.hide()
        self.pack_message.hide()
        self.profile.fill({"tier": "C", "status": "prospect"})
        self.show_errors({})
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, False)
        self.tabs.show_for_now(0)
        self.profile.inputs["name"].setFocus()

    # -- what the page answers ----------------------------------------------------------

    def show_parent_error(self, message: str) -> None:
        self.group.parent_error.setText(message)

    def show_file_message(self, message: str) -> None:
        self.files.message.setText(message)

    # -- showing an account -------------------------------------------------------------

    def refresh_data(self, data: DetailData) -> None:
        """The shown account again, after a change (a pull, a save, another tab): keep
        the user's unsaved typing and say when the account itself changed."""
        old = self.account
        if old is None or old["id"] != data.account["id"]:
            self.show_data(data)
            return
        # Typing that the new values do not already hold (a save of one's own does).
        typed = self.unsaved_fields() & self.profile.typed_over(data.account)
        changed = any(old.get(key) != data.account.get(key) for key in FORM)
        self.show_data(data, keep=typed)
        if data.account.get("deleted_at") is not None:
            self.changed_bar.show_for("deleted")
            self.save_button.setEnabled(False)
        elif typed and changed:
            self.changed_bar.show_for("account")

    def show_data(self, data: DetailData, keep: Collection[str] = ()) -> None:
        """Show an account; ``keep``: fields whose typing stays (see ``refresh_data``)."""
        old_id = self.account["id"] if self.account is not None else None
        self.account = data.account
        self.save_button.setEnabled(True)
        if not keep:
            self.changed_bar.hide()
        for index in range(self.tabs.count()):
            self.tabs.setTabEnabled(index, True)
        if old_id != data.account["id"]:
            self.tabs.restore()  # another account: the section the user looks at
        self.title.setText(str(data.account["name"]))
        self.to_pool.hide()
        pool = data.account["owner_id"] is None
        self.owner_label.setText(
            self.tr("In the public pool (公海): nobody owns this account")
            if pool
            else self.tr("Owner: %1").replace("%1", data.account.get("owner_name") or "?")
        )
        self.claim_button.setVisible(pool)
        self.review_pack_button.show()
        if old_id != data.account["id"]:
            self.pack_message.hide()
        self.files.show_files(data.files)
        self.profile.fill(data.account, skip=keep)
        if not keep:
            self.show_errors({})
        self.contacts.show_contacts(data.contacts)
        self.group.show_group(data.account, data.children, data.totals)
        self.completeness.show_result(data.completeness)
        self.history.entries.set_rows(data.history)
        self.account_shown.emit(str(data.account["id"]))
