"""The Accounts page: search as you type, filters, the lazy list, the detail pane,
new / delete / undo, recently deleted, and handover for managers.

When a write elsewhere (a pull, another page, another window) touches accounts, the
list reloads in place: the same sort and filters, the selected accounts selected again
by id, the same account at the top of the view; the open account keeps unsaved typing
(``AccountDetail.refresh_data``), and so does an open contact dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.services import accounts, contracts, pool
from desktop.domain.services.accounts import AccountQuery, AccountRow, DuplicateWarning
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_tabs import add_account_tabs
from desktop.ui.accounts.contact_editing import ContactEditing
from desktop.ui.accounts.deleted import RecentlyDeleted
from desktop.ui.accounts.detail import AccountDetail, DetailData, load_detail
from desktop.ui.accounts.dialogs import DuplicateDialog
from desktop.ui.accounts.file_actions import AccountFiles
from desktop.ui.accounts.filters import AccountFilters, filtered
from desktop.ui.accounts.group_editing import GroupEditing
from desktop.ui.accounts.handover import Handover
from desktop.ui.accounts.health_tab import add_health
from desktop.ui.accounts.health_upkeep import HEALTH
from desktop.ui.accounts.list_follows import ListFollowsProfile
from desktop.ui.accounts.list_view import AccountListView
from desktop.ui.accounts.messages import translate
from desktop.ui.accounts.model import COLUMNS, AccountTableModel
from desktop.ui.accounts.plan_tab import add_plan
from desktop.ui.accounts.pool_banner import PoolBanner
from desktop.ui.accounts.pool_upkeep import pool_upkeep_for
from desktop.ui.accounts.review_pack import AccountReviewPack
from desktop.ui.accounts.stakeholders_tab import add_stakeholders
from desktop.ui.accounts.timeline import add_timeline
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport, by_ids
from desktop.ui.pages.base import Page, heading
from desktop.ui.table_model import ROW_ID_ROLE

LIST_KEY = "accounts-list"
COUNT_KEY = "accounts-count"


class AccountsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.query = AccountQuery()
        self._undo: tuple[str, Callable[[UnitOfWork], Any]] | None = None
        self.loaded = False
        self._started_rest = False  # filter choices and pool upkeep, after the first rows
        self.model = AccountTableModel(
            self._fetch_rows, self, fetch_rest=self._fetch_rest, zone=ctx.zone
        )
        self.total: int | None = None  # accounts in the list; None while counting

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Accounts")))
        self.search = QLineEdit()
        self.search.setObjectName("account-search")
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin (zgyd), credit code, contact, phone, e-mail  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("New account"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_account)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("account-undo")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        self.handover_button = QPushButton(self.tr("Hand over…"))
        self.handover_button.clicked.connect(self.hand_over)
        self.handover_button.setVisible(ctx.is_manager)
        self.deleted_button = QPushButton(self.tr("Recently deleted"))
        self.deleted_button.setCheckable(True)
        self.deleted_button.toggled.connect(self._show_deleted)
        for button in (
            self.new_button,
            self.delete_button,
            self.undo_button,
            self.handover_button,
            self.deleted_button,
        ):
            top.addWidget(button)
        layout.addLayout(top)
        self.filters = AccountFilters()
        self.filters.changed.connect(self._on_filter)
        layout.addWidget(self.filters)
        # Accounts of this user that go back to the pool soon (公海 warning).
        self.pool_banner = PoolBanner(ctx)
        self.pool_banner.linkActivated.connect(self.open_account)
        layout.addWidget(self.pool_banner)

        self.stack = QStackedWidget()
        self.splitter = splitter = QSplitter()
        self.table = AccountListView(self.model, ctx.data_dir)
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        # Export: every account of the current search, filter and sort, read again on a worker.
        self.export = ListExport(
            self.table,
            ctx,
            lambda: self.tr("Accounts"),
            rows=lambda: by_ids(
                lambda s, query=self.query: accounts.account_ids(s, query),
                accounts.account_rows,
                self.total if self.total is not None else self.model.rowCount(),
            ),
            scope=self,
        )
        top.addWidget(self.export.button)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        splitter.addWidget(self.table)
        self.detail = AccountDetail(ctx.zone)
        self.detail.setObjectName("account-detail")
        self.detail.hide()
        self.detail.save_requested.connect(self._save)
        self.detail.closed.connect(self.close_detail)
        self.detail.claim_requested.connect(self.claim_shown)
        self.account_tabs = add_account_tabs(ctx, self.detail)
        self.timeline = add_timeline(ctx, self.detail)
        self.stakeholders = add_stakeholders(ctx, self.detail)
        self.health = add_health(ctx, self.detail)
        self.plan = add_plan(ctx, self.detail)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.stack.addWidget(splitter)
        self.deleted = RecentlyDeleted(ctx)
        self.stack.addWidget(self.deleted)
        layout.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("accounts-status")
        self.notice = QLabel()  # what the last action did, or why it failed
        self.notice.setObjectName("accounts-notice")
        bottom.addWidget(self.status)
        bottom.addStretch(1)
        bottom.addWidget(self.notice)
        layout.addLayout(bottom)
        self.contact_editing = ContactEditing(
            ctx, self.detail, self._set_undo, self.notice.setText, self
        )
        self.files = AccountFiles(ctx, self.detail, self._set_undo, self)
        self.review_pack = AccountReviewPack(ctx, self.detail, self)
        self.group = GroupEditing(ctx, self.detail, self._set_undo, self)
        self.handover = Handover(ctx, self.notice.setText, self)
        self.follows = ListFollowsProfile(self.table, self.detail, self.open_account, self.show_all)

        for keys, slot, what in (  # ``what``: its line on Help > Keyboard shortcuts
            (QKeySequence.StandardKey.New, self.new_account, self.tr("New account")),
            (QKeySequence.StandardKey.Find, self.focus_search, self.tr("Search accounts")),
            (QKeySequence.StandardKey.Undo, self.undo, self.tr("Undo")),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setWhatsThis(self.tr("Close the profile"))
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_detail)

    # -- filters ------------------------------------------------------------------------

    def clear_filters(self) -> None:
        self.filters.clear()

    def show_all(self) -> None:  # no search, no filter: the open account is listed again
        self.search.clear()
        self.filters.clear()

    def _on_filter(self) -> None:
        self.query = self.filters.query(self.query)
        self.filters.clear_button.setEnabled(filtered(self.query))
        self.reload()

    # -- the list -----------------------------------------------------------------------

    def activate(self) -> None:
        if not self.loaded:
            self.reload()

    def _after_first_load(self) -> None:
        if self._started_rest or not self.isVisible():  # (closed meanwhile: next time)
            return
        self._started_rest = True
        self.filters.load_choices(self.ctx.tasks)
        # Idle accounts go back to the pool at start and daily (MainWindow.attach starts
        # it); a page built without the window starts it here. Show what it did.
        upkeep = pool_upkeep_for(self.ctx)
        upkeep.finished.connect(self._pool_returned)
        upkeep.failed.connect(self.notice.setText)
        if not upkeep.started:
            upkeep.start()
        elif upkeep.last_returned is not None:
            self._pool_returned(upkeep.last_returned)

    # -- public pool (公海) --------------------------------------------------------------

    def _pool_returned(self, total: int) -> None:
        if total:
            self.notice.setText(self.pool_banner.returned_text(total))
        self.pool_banner.load()

    def claim_shown(self) -> None:
        account = self.detail.account
        user_id = self.ctx.user_id
        if account is None or user_id is None:
            return
        account_id, name = account["id"], account["name"]

        def done(_: None) -> None:
            self.notice.setText(self.tr("You now own %1.").replace("%1", name))

        self.ctx.tasks.write(
            lambda uow: pool.claim(uow, account_id, user_id),
            done,
            lambda e: self.notice.setText(translate(str(e))),
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search(self, text: str) -> None:
        self.query = AccountQuery(**{**self.query.__dict__, "text": text})
        self.reload()

    def reload(self, *, keep_place: bool = False) -> None:
        """Run the query off the GUI thread; the newest request wins. ``keep_place``
        (the data changed, not the query): keep the selection and the scroll position,
        and when the user had scrolled past the first screen, load every id again."""
        query = self.query
        whole = keep_place and self.model.rowCount() > accounts.FIRST_IDS

        def find(session: Session) -> accounts.AccountList:
            if whole:
                ids = accounts.account_ids(session, query)
                return accounts.AccountList(ids, len(ids))
            return accounts.list_accounts(session, query)

        def done(head: accounts.AccountList) -> None:
            first = not self.loaded
            self.loaded = True
            if head.total is not None or not keep_place:  # (a refresh keeps the old
                self.total = head.total  # count on screen until the new one is in)
            complete = head.total == len(head.ids)
            if keep_place:
                self.table.show_in_place(head.ids, complete)
            else:
                self.model.set_ids(head.ids, complete=complete)
            self._update_status()
            if head.total is None:  # a broad search: count it after showing it
                self.ctx.tasks.read(
                    lambda s: accounts.count_accounts(s, query),
                    lambda total: self._counted(query, total),
                    key=COUNT_KEY,
                )
            self.follows.sync()  # the open profile's row, or none when it is left out
            if first and not head.ids:
                self._after_first_load()

        self.ctx.tasks.read(find, done, key=LIST_KEY)

    def _counted(self, query: AccountQuery, total: int) -> None:
        if query == self.query:
            self.total = total
            self._update_status()

    def _fetch_rest(self, deliver: Callable[[list[str]], None]) -> None:
        query = self.query

        def done(ids: list[str]) -> None:
            if query == self.query:
                deliver(ids)

        self.ctx.tasks.read(lambda s: accounts.account_ids(s, query), done, key="accounts-rest")

    def _fetch_rows(self, ids: list[str], deliver: Callable[[dict[str, AccountRow]], None]) -> None:
        def arrived(rows: dict[str, AccountRow]) -> None:
            deliver(rows)
            if not self._started_rest:  # the first rows are on screen: now the rest
                QTimer.singleShot(0, self, self._after_first_load)

        self.ctx.tasks.read(lambda s: accounts.account_rows(s, ids), arrived)

    def _update_status(self) -> None:
        if self.total is None:
            text = self.tr("%n or more accounts, counting…", "", self.model.rowCount())
        else:
            text = self.tr("%n account(s)", "", self.total)
        if filtered(self.query) or self.query.text:
            text += " · " + self.tr("filtered")
        if self._undo is not None:
            text += " · " + self.tr("Ctrl+Z undoes: %1").replace("%1", self._undo[0])
        self.status.setText(text)

    def _on_header_clicked(self, section: int) -> None:
        key = COLUMNS[section].sort_key
        if key is None:
            return
        descending = self.query.sort == key and not self.query.descending
        self.query = AccountQuery(**{**self.query.__dict__, "sort": key, "descending": descending})
        self.table.horizontalHeader().setSortIndicator(
            section, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        )
        self.reload()

    def selected_ids(self) -> list[str]:
        return self.table.selected_ids()

    # -- detail -------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        account_id = self.model.data(index, ROW_ID_ROLE)
        if account_id:
            self.open_account(account_id)

    def open_record(self, entity: str, row_id: str) -> bool:
        if entity == "contract":  # its account, on the Contracts tab, the contract chosen
            self.ctx.tasks.read(
                lambda s: contracts.account_of(s, row_id),
                lambda account_id: self.open_account(account_id, show=(entity, row_id)),
            )
            return True
        if entity != "account":
            return False
        self.open_account(row_id)
        return True

    def open_account(self, account_id: str, show: tuple[str, str] | None = None) -> None:
        """Open the account's profile; ``show`` (entity, id): on that record's tab."""
        self.follows.opening(account_id)
        tab = next((t for t in self.account_tabs if show and t.entity == show[0]), None)

        def done(data: DetailData) -> None:
            if tab is not None and show is not None:
                tab.wanted = show[1]
            self.detail.show_data(data)
            self._show_detail(True)
            self.follows.opened(account_id)
            if tab is not None and show is not None:
                self.detail.tabs.setCurrentWidget(tab)
                row = tab.model.row_of(show[1])
                if tab.loaded_for == account_id and row >= 0:  # already loaded: no reload
                    tab.table.selectRow(row)

        self.ctx.tasks.read(lambda s: load_detail(s, account_id), done, key="account-detail")

    def _refresh_detail(self) -> None:
        """The open account again, keeping unsaved typing (its own key: an account the
        user opens meanwhile wins, and a late answer for another account is dropped)."""
        if not self.detail.isVisible() or self.detail.account is None:
            return
        account_id = self.detail.account["id"]

        def done(data: DetailData) -> None:
            shown = self.detail.account
            if shown is None or shown["id"] != account_id:
                return
            self.detail.refresh_data(data)
            self.contact_editing.refresh(data.contacts)

        self.ctx.tasks.read(
            lambda s: load_detail(s, account_id), done, key="account-detail-refresh"
        )

    def close_detail(self) -> None:
        if self.detail.isVisible():
            self._show_detail(False)
            self.table.setFocus()

    def new_account(self) -> None:
        self.deleted_button.setChecked(False)
        self.detail.start_new()
        self._show_detail(True)
        self.follows.start_new()

    def _show_detail(self, on: bool) -> None:
        """The profile beside the list: the list narrows to its compact columns, and the
        profile takes the rest of a laptop's width (at most 45 % goes to the list)."""
        self.table.set_compact(on)
        if on and not self.detail.isVisible():
            total = self.splitter.width()
            left = min(self.table.compact_width(), int(total * 0.45))
            self.detail.show()
            self.splitter.setSizes([left, max(total - left, 1)])
        elif not on:
            self.detail.hide()

    def _save(self, values: dict[str, Any], reason: str | None = None) -> None:
        account = self.detail.account
        if account is None:
            to_pool = self.detail.to_pool.isChecked()

            def create(uow: UnitOfWork) -> str:
                return accounts.create_account(
                    uow, values, duplicate_reason=reason, to_pool=to_pool
                )

            def created(account_id: str) -> None:
                name = values.get("name", "")
                self._set_undo(
                    self.tr("create %1").replace("%1", name),
                    lambda uow: accounts.delete_account(uow, account_id),
                )
                self.open_account(account_id)

            self.ctx.tasks.write(create, created, lambda e: self._save_failed(e, values))
            return
        account_id = account["id"]
        if not values:
            return

        def edit(uow: UnitOfWork) -> dict[str, Any]:
            return accounts.update_account(uow, account_id, values, duplicate_reason=reason)

        def edited(old: dict[str, Any]) -> None:
            if old:
                self._set_undo(
                    self.tr("edit of %1").replace("%1", account["name"]),
                    lambda uow: accounts.update_account(
                        uow, account_id, old, duplicate_reason="undo"
                    ),
                )
            self._refresh_detail()  # (keeps what was typed since Save was pressed)

        self.ctx.tasks.write(edit, edited, lambda e: self._save_failed(e, values))

    def _save_failed(self, error: BaseException, values: dict[str, Any]) -> None:
        if isinstance(error, DuplicateWarning):
            dialog = DuplicateDialog(error.matches, self)
            dialog.setObjectName("duplicate-dialog")
            dialog.finished.connect(
                lambda code: (
                    self._save(values, dialog.reason.text().strip())
                    if code == QDialog.DialogCode.Accepted
                    else None
                )
            )
            dialog.open()
        elif isinstance(error, ValidationError):
            self.detail.show_errors(error.errors)
        else:
            self.notice.setText(str(error))

    # -- delete, undo, recently deleted -------------------------------------------------

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return

        def delete(uow: UnitOfWork) -> None:
            for account_id in ids:
                accounts.delete_account(uow, account_id)

        def restore(uow: UnitOfWork) -> None:
            for account_id in ids:
                accounts.restore_account(uow, account_id)

        label = self.tr("delete of %n account(s)", "", len(ids))
        self.ctx.tasks.write(delete, lambda _r: self._set_undo(label, restore))
        self.close_detail()

    def _set_undo(self, label: str, action: Callable[[UnitOfWork], Any]) -> None:
        self._undo = (label, action)
        self.undo_button.setEnabled(True)
        self.undo_button.setToolTip(label)
        self._update_status()

    def undo(self) -> None:
        if self._undo is None:
            return
        _, action = self._undo
        self._undo = None
        self.undo_button.setEnabled(False)
        self.ctx.tasks.write(action, lambda _r: self._update_status())

    def _show_deleted(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        if on:
            self.deleted.load()

    # -- handover -----------------------------------------------------------------------

    def hand_over(self) -> None:
        self.handover.start(self.selected_ids())

    # -- refresh ------------------------------------------------------------------------

    def on_data_changed(self, entities: set[str]) -> None:
        if entities & {"account", "contact", "attachment", "policy", "visit", "task", *HEALTH}:
            if self.loaded:
                self.reload(keep_place=True)
                self.pool_banner.load()
            self._refresh_detail()
            if self.deleted_button.isChecked():
                self._show_deleted(True)
