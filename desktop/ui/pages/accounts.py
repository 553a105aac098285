"""The Accounts page: search as you type, filters, the lazy list, the detail pane,
new / delete / undo, recently deleted, and handover for managers.

When a write elsewhere (a pull, another page, another window) touches accounts, the
list reloads in place: the same sort and filters, the selected accounts selected again
by id, the same account at the top of the view; the open account keeps unsaved typing
(``AccountDetail.refresh_data``), and so does an open contact dialog."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import ACCOUNT_STATUSES, TIERS, Attachment
from desktop.domain.models.types import utcnow
from desktop.domain.services import accounts, attachments, contacts, pool, search
from desktop.domain.services.accounts import AccountQuery, AccountRow, DuplicateWarning
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_tabs import add_account_tabs
from desktop.ui.accounts.detail import AccountDetail, DetailData, RecordTableModel, load_detail
from desktop.ui.accounts.dialogs import ContactDialog, DuplicateDialog, HandoverDialog
from desktop.ui.accounts.messages import translate
from desktop.ui.accounts.model import COLUMNS, ROW_ID_ROLE, AccountTableModel, status_text
from desktop.ui.accounts.pool_upkeep import pool_upkeep_for
from desktop.ui.accounts.timeline import add_timeline
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport, by_ids
from desktop.ui.format import local_datetime
from desktop.ui.pages.base import Page, heading

LIST_KEY = "accounts-list"
COUNT_KEY = "accounts-count"
STATE_FILE = "ui-state.ini"


class AccountsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.query = AccountQuery()
        self._undo: tuple[str, Callable[[UnitOfWork], Any]] | None = None
        self._pending_select: str | None = None
        self._contact_dialog: ContactDialog | None = None  # open, editing a contact
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
        layout.addLayout(self._build_filters())
        # Accounts of this user that go back to the pool soon (公海 warning).
        self.pool_banner = QLabel()
        self.pool_banner.setObjectName("pool-banner")
        self.pool_banner.setWordWrap(True)
        self.pool_banner.setTextFormat(Qt.TextFormat.RichText)
        self.pool_banner.setStyleSheet(
            "QLabel#pool-banner { background: #fff4e5; color: #663c00;"
            " border: 1px solid #f0c36d; border-radius: 4px; padding: 6px; }"
        )
        self.pool_banner.linkActivated.connect(self.open_account)
        self.pool_banner.hide()
        layout.addWidget(self.pool_banner)

        self.stack = QStackedWidget()
        splitter = QSplitter()
        self.table = QTableView()
        self.table.setObjectName("accounts-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._on_header_clicked)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for index, column in enumerate(COLUMNS):
            header.resizeSection(index, column.width)
            header.setSectionHidden(index, not column.default_visible)
        self._restore_header()
        header.sectionMoved.connect(lambda *_: self._save_header())
        header.sectionResized.connect(lambda *_: self._save_header())
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
        self.detail.contact_add_requested.connect(lambda: self._edit_contact(None))
        self.detail.contact_edit_requested.connect(self._edit_contact)
        self.detail.contact_remove_requested.connect(self._remove_contact)
        self.detail.claim_requested.connect(self.claim_shown)
        self.detail.file_add_requested.connect(self.add_file)
        self.detail.file_open_requested.connect(self.open_file)
        self.detail.file_remove_requested.connect(self.remove_file)
        self.detail.parent_search_requested.connect(self._find_parents)
        self.detail.parent_change_requested.connect(self.set_parent)
        self.account_tabs = add_account_tabs(ctx, self.detail)
        self.timeline = add_timeline(ctx, self.detail)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.stack.addWidget(splitter)
        self.stack.addWidget(self._build_deleted())
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

        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_account),
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence.StandardKey.Undo, self.undo),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_detail)

    # -- filters ------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
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
        self.visit_filter = QSpinBox()
        self.visit_filter.setRange(0, 999)
        self.visit_filter.setSpecialValueText(self.tr("Any last visit"))
        self.visit_filter.setPrefix(self.tr("Not visited in "))
        self.visit_filter.setSuffix(self.tr(" days"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("filter-clear")
        self.clear_button.clicked.connect(self.clear_filters)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._on_filter)
            row.addWidget(combo)
        self.incomplete_filter.toggled.connect(self._on_filter)
        self.visit_filter.valueChanged.connect(self._on_filter)
        row.addWidget(self.incomplete_filter)
        row.addWidget(self.visit_filter)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        return row

    def _combos(self) -> tuple[QComboBox, ...]:
        return (
            self.tier_filter,
            self.status_filter,
            self.owner_filter,
            self.industry_filter,
            self.city_filter,
            self.tag_filter,
        )

    def clear_filters(self) -> None:
        for combo in self._combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.incomplete_filter.blockSignals(True)
        self.incomplete_filter.setChecked(False)
        self.incomplete_filter.blockSignals(False)
        self.visit_filter.blockSignals(True)
        self.visit_filter.setValue(0)
        self.visit_filter.blockSignals(False)
        self._on_filter()

    def _on_filter(self, *_: object) -> None:
        tier, status = self.tier_filter.currentData(), self.status_filter.currentData()
        self.query = AccountQuery(
            text=self.query.text,
            tiers=(tier,) if tier else (),
            statuses=(status,) if status else (),
            owner_id=self.owner_filter.currentData(),
            industry=self.industry_filter.currentData(),
            city=self.city_filter.currentData(),
            tag=self.tag_filter.currentData(),
            incomplete=self.incomplete_filter.isChecked(),
            not_visited_days=self.visit_filter.value() or None,
            sort=self.query.sort,
            descending=self.query.descending,
        )
        self.clear_button.setEnabled(self._filters_active())
        self.reload()

    def _filters_active(self) -> bool:
        return (
            AccountQuery(
                text=self.query.text, sort=self.query.sort, descending=self.query.descending
            )
            != self.query
        )

    def _load_choices(self) -> None:
        def done(result: tuple[accounts.FilterChoices, list[tuple[str, str]]]) -> None:
            choices, _ = result
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

        self.ctx.tasks.read(
            lambda s: (accounts.filter_choices(s), []), done, key="accounts-choices"
        )

    # -- the list -----------------------------------------------------------------------

    def activate(self) -> None:
        if not self.loaded:
            self.reload()

    def _after_first_load(self) -> None:
        if self._started_rest or not self.isVisible():  # (closed meanwhile: next time)
            return
        self._started_rest = True
        self._load_choices()
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
            self.notice.setText(
                self.tr(
                    "%n account(s) went back to the public pool (no visit or follow-up in time).",
                    "",
                    total,
                )
            )
        self._load_due_soon()

    def _load_due_soon(self) -> None:
        user_id = self.ctx.user_id
        if user_id is None:
            return
        self.ctx.tasks.read(
            lambda s: pool.due_soon(s, utcnow(), owner_ids=[user_id]),
            self._show_due_soon,
            key="accounts-due-soon",
        )

    def _show_due_soon(self, due: list[pool.PoolDue]) -> None:
        if not due:
            self.pool_banner.hide()
            return
        now = utcnow()
        links = [
            '<a href="{}">{}</a> ({})'.format(
                d.account_id,
                html.escape(d.name),
                self.tr("%n day(s) left", "", d.days_left(now)),
            )
            for d in due[:5]
        ]
        more = len(due) - len(links)
        text = (
            self.tr(
                "%n of your accounts go back to the public pool within a week unless visited "
                "or followed up:",
                "",
                len(due),
            )
            + " "
            + "、".join(links)
        )
        if more > 0:
            text += " " + self.tr("and %n more", "", more)
        self.pool_banner.setText(text)
        self.pool_banner.show()

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

    # -- files --------------------------------------------------------------------------

    def add_file(self, path: str, kind: str) -> None:
        account = self.detail.account
        if account is None:
            return
        account_id = account["id"]
        root = attachments.store_root(self.ctx.data_dir)

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                message = "; ".join(translate(m) for m in error.errors.values())
            else:
                message = str(error)
            self.detail.show_file_message(message)

        self.ctx.tasks.write(
            lambda uow: attachments.attach(
                uow,
                root,
                Path(path),
                parent_entity="account",
                parent_id=account_id,
                account_id=account_id,
                kind=kind,
            ),
            on_error=failed,
        )

    def open_file(self, attachment_id: str) -> None:
        root = attachments.store_root(self.ctx.data_dir)

        def show(path: Path) -> None:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.detail.show_file_message(self.tr("No program on this computer opens it."))

        self.ctx.tasks.read(
            lambda s: attachments.file_of(s, root, attachment_id),
            show,
            lambda e: self.detail.show_file_message(str(e)),
        )

    def remove_file(self, attachment_id: str) -> None:
        self.ctx.tasks.write(lambda uow: attachments.remove(uow, attachment_id))
        self._set_undo(
            self.tr("removal of a file"),
            lambda uow: uow.restore(uow.session.get(Attachment, attachment_id)),
        )

    # -- group --------------------------------------------------------------------------

    def _find_parents(self, text: str) -> None:
        def found(hits: list[search.SearchHit]) -> None:
            self.detail.show_parent_choices([(h.id, h.name) for h in hits])

        self.ctx.tasks.read(
            lambda s: search.search(s, text, limit=30), found, key="accounts-parent-search"
        )

    def set_parent(self, parent_id: str | None) -> None:
        account = self.detail.account
        if account is None:
            return
        account_id = account["id"]

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                self.detail.show_parent_error(
                    "; ".join(translate(m) for m in error.errors.values())
                )
            else:
                self.detail.show_parent_error(str(error))

        def edit(uow: UnitOfWork) -> dict[str, Any]:
            return accounts.update_account(uow, account_id, {"parent_id": parent_id})

        def done(old: dict[str, Any]) -> None:
            if old:
                self._set_undo(
                    self.tr("move of %1 in its group").replace("%1", account["name"]),
                    lambda uow: accounts.update_account(uow, account_id, old),
                )

        self.ctx.tasks.write(edit, done, failed)

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
                self._show_in_place(head.ids, complete)
            else:
                self.model.set_ids(head.ids, complete=complete)
            self._update_status()
            if head.total is None:  # a broad search: count it after showing it
                self.ctx.tasks.read(
                    lambda s: accounts.count_accounts(s, query),
                    lambda total: self._counted(query, total),
                    key=COUNT_KEY,
                )
            if self._pending_select:
                self.select_account(self._pending_select)
                self._pending_select = None
            if first and not head.ids:
                self._after_first_load()

        self.ctx.tasks.read(find, done, key=LIST_KEY)

    def _show_in_place(self, ids: list[str], complete: bool) -> None:
        """New ids for the same query: the rows the user selected stay selected (by id)
        and the account at the top of the view stays at the top."""
        model, table = self.model, self.table
        if ids == model.ids() and (complete or not model.complete):
            model.mark_stale()  # same rows in the same order: only their values changed
            return
        selected = self.selected_ids()
        current = table.currentIndex()
        current_id = model.data(current, ROW_ID_ROLE) if current.isValid() else None
        top = table.rowAt(0)
        top_id = model.data(model.index(top, 0), ROW_ID_ROLE) if top >= 0 else None
        left = table.horizontalScrollBar().value()
        model.set_ids(ids, complete=complete)
        if not ids:
            return
        table.doItemsLayout()  # the scroll range follows the new row count now
        new_top = model.row_of(top_id) if top_id else -1
        if new_top < 0:
            new_top = min(max(top, 0), len(ids) - 1)
        table.scrollTo(model.index(new_top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        table.horizontalScrollBar().setValue(left)
        selection = QItemSelection()
        for account_id in selected:
            row = model.row_of(account_id)
            if row >= 0:
                selection.select(model.index(row, 0), model.index(row, len(COLUMNS) - 1))
        flags = QItemSelectionModel.SelectionFlag
        chooser = table.selectionModel()
        if current_id is not None and model.row_of(current_id) >= 0:
            chooser.setCurrentIndex(
                model.index(model.row_of(current_id), max(current.column(), 0)),
                flags.NoUpdate,
            )
        chooser.select(selection, flags.ClearAndSelect | flags.Rows)

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
        if self._filters_active() or self.query.text:
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

    def _column_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for index, column in enumerate(COLUMNS):
            action = QAction(self.model.headerData(index, Qt.Orientation.Horizontal), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(index))
            action.setEnabled(column.key != "name")
            action.toggled.connect(lambda on, i=index: self.set_column_visible(i, on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))

    def set_column_visible(self, index: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(index, not visible)
        self._save_header()

    def _settings(self) -> QSettings:
        return QSettings(str(self.ctx.data_dir / STATE_FILE), QSettings.Format.IniFormat)

    def _save_header(self) -> None:
        self._settings().setValue("accounts/header", self.table.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        state = self._settings().value("accounts/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.data(self.model.index(r, 0), ROW_ID_ROLE) for r in rows]

    def select_account(self, account_id: str) -> None:
        row = self.model.row_of(account_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- detail -------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        account_id = self.model.data(index, ROW_ID_ROLE)
        if account_id:
            self.open_account(account_id)

    def open_record(self, entity: str, row_id: str) -> bool:
        if entity != "account":
            return False
        self.open_account(row_id)
        return True

    def open_account(self, account_id: str) -> None:
        def done(data: DetailData) -> None:
            self.detail.show_data(data)
            self.detail.show()

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
            dialog = self._contact_dialog
            if dialog is not None and dialog.contact_id is not None:
                for item in data.contacts:
                    if item["id"] == dialog.contact_id:
                        dialog.refresh(item)

        self.ctx.tasks.read(
            lambda s: load_detail(s, account_id), done, key="account-detail-refresh"
        )

    def close_detail(self) -> None:
        if self.detail.isVisible():
            self.detail.hide()
            self.table.setFocus()

    def new_account(self) -> None:
        self.deleted_button.setChecked(False)
        self.detail.start_new()
        self.detail.show()

    def _save(self, values: dict[str, Any], reason: str | None = None) -> None:
        account = self.detail.account
        if account is None:

            def create(uow: UnitOfWork) -> str:
                return accounts.create_account(uow, values, duplicate_reason=reason)

            def created(account_id: str) -> None:
                name = values.get("name", "")
                self._set_undo(
                    self.tr("create %1").replace("%1", name),
                    lambda uow: accounts.delete_account(uow, account_id),
                )
                self._pending_select = account_id
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

    def _build_deleted(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

        def cell(item: Record, column: int) -> str:
            if column == 0:
                return str(item["name"])
            return local_datetime(item["deleted_at"], self.ctx.zone)

        self.deleted_model = RecordTableModel([self.tr("Name"), self.tr("Deleted at")], cell, self)
        self.deleted_view = QTableView()
        self.deleted_view.setObjectName("deleted-view")
        self.deleted_view.setModel(self.deleted_model)
        self.deleted_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deleted_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.deleted_view)
        restore = QPushButton(self.tr("Restore"))
        restore.setObjectName("deleted-restore")
        restore.clicked.connect(self.restore_selected)
        layout.addWidget(restore, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _show_deleted(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        if on:
            self.ctx.tasks.read(
                accounts.recently_deleted, self.deleted_model.set_items, key="accounts-deleted"
            )

    def restore_selected(self) -> None:
        rows = self.deleted_view.selectionModel().selectedRows()
        ids = [self.deleted_model.items[r.row()]["id"] for r in rows]

        def restore(uow: UnitOfWork) -> None:
            for account_id in ids:
                accounts.restore_account(uow, account_id)

        self.ctx.tasks.write(restore)

    # -- contacts -----------------------------------------------------------------------

    def _edit_contact(self, item: Record | None) -> None:
        account = self.detail.account
        if account is None:
            return
        dialog = ContactDialog(item, self)
        dialog.setObjectName("contact-dialog")
        self._contact_dialog = dialog

        def finished(code: int) -> None:
            if self._contact_dialog is dialog:
                self._contact_dialog = None
            if code != QDialog.DialogCode.Accepted:
                return
            values = dialog.values()
            if item is None:
                self.ctx.tasks.write(
                    lambda uow: contacts.create_contact(uow, account["id"], values),
                    on_error=lambda e: self.notice.setText(str(e)),
                )
            else:
                self.ctx.tasks.write(
                    lambda uow: contacts.update_contact(uow, item["id"], values),
                    on_error=lambda e: self.notice.setText(str(e)),
                )

        dialog.finished.connect(finished)
        dialog.open()

    def _remove_contact(self, contact_id: str) -> None:
        self.ctx.tasks.write(lambda uow: contacts.delete_contact(uow, contact_id))
        self._set_undo(
            self.tr("removal of a contact"), lambda uow: contacts.restore_contact(uow, contact_id)
        )

    # -- handover -----------------------------------------------------------------------

    def hand_over(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.notice.setText(self.tr("Select the accounts to hand over first."))
            return

        def users(session: Session) -> list[tuple[str, str]]:
            return accounts.users(session, roles=("rep",))

        self.ctx.tasks.read(users, lambda found: self._ask_handover(ids, found))

    def _ask_handover(self, ids: list[str], users: list[tuple[str, str]]) -> None:
        dialog = HandoverDialog(len(ids), users, self)
        dialog.setObjectName("handover-dialog")

        def finished(code: int) -> None:
            if code != QDialog.DialogCode.Accepted:
                return
            target = dialog.target.currentData()
            reason = dialog.reason.toPlainText().strip()

            def done(result: accounts.HandoverResult) -> None:
                self.notice.setText(
                    self.tr(
                        "Handed over %1 accounts, %2 visits, %3 follow-ups, %4 quotes, "
                        "%5 complaints."
                    )
                    .replace("%1", str(result.accounts))
                    .replace("%2", str(result.visits))
                    .replace("%3", str(result.tasks))
                    .replace("%4", str(result.quotes))
                    .replace("%5", str(result.complaints))
                )

            self.ctx.tasks.write(
                lambda uow: accounts.handover(uow, ids, target),
                done,
                lambda e: self.notice.setText(str(e)),
                reason=reason,
            )

        dialog.finished.connect(finished)
        dialog.open()

    # -- refresh ------------------------------------------------------------------------

    def on_data_changed(self, entities: set[str]) -> None:
        if entities & {"account", "contact", "attachment", "policy", "visit", "task"}:
            if self.loaded:
                self.reload(keep_place=True)
                self._load_due_soon()
            self._refresh_detail()
            if self.deleted_button.isChecked():
                self._show_deleted(True)
