"""The Sync page: sign-in, state, what waits to be sent, conflicts and rejected edits."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.services import sync_issues
from desktop.domain.services.device import pending_outbox
from desktop.domain.services.sync_issues import Issue, PendingChange
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page, heading
from desktop.ui.sync.controller import controller_for
from desktop.ui.sync.dialogs import ConflictDialog, SignInDialog, keyring_note
from desktop.ui.sync.labels import change_text
from desktop.ui.sync.models import ConflictModel, PendingModel, RejectedModel
from desktop.ui.sync.progress import SyncProgressBar
from desktop.ui.sync.reasons import explain
from desktop.ui.table_model import ROW_ID_ROLE, TableModel, setup_table


@dataclass(frozen=True)
class SyncLists:
    pending_count: int
    pending: list[PendingChange]
    conflicts: list[Issue]
    rejected: list[Issue]


def _table(model: TableModel[object], name: str) -> QTableView:
    view = setup_table(
        QTableView(),
        model,
        name,
        single=True,
        read_only=True,
        wrap=False,
        fit=QHeaderView.ResizeMode.Interactive,
        stretch_last=True,
    )
    view.horizontalHeader().setDefaultSectionSize(130)
    return view


class SyncPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.sync = controller_for(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sync")))

        form = QFormLayout()
        self.server_label = QLabel()
        self.account_label = QLabel()
        self.state_label = QLabel(self.tr("Offline: not signed in"))
        self.state_label.setObjectName("sync-state")
        self.state_label.setWordWrap(True)
        self.last_label = QLabel()
        self.pending_label = QLabel("…")
        self.pending_label.setObjectName("sync-pending")
        form.addRow(self.tr("Server:"), self.server_label)
        form.addRow(self.tr("Account:"), self.account_label)
        form.addRow(self.tr("State:"), self.state_label)
        form.addRow(self.tr("Last successful sync:"), self.last_label)
        form.addRow(self.tr("Changes waiting to be sent:"), self.pending_label)
        layout.addLayout(form)
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)
        layout.addWidget(self.keyring_label)

        buttons = QHBoxLayout()
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sync_button = QPushButton(self.tr("Sync now (F5)"))
        self.sign_in_button.clicked.connect(self.open_sign_in)
        self.sign_out_button.clicked.connect(self.sync.sign_out)
        self.sync_button.clicked.connect(self.sync.sync_now)
        for button in (self.sign_in_button, self.sign_out_button, self.sync_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.progress = SyncProgressBar(self.sync, cancel=True)
        layout.addWidget(self.progress)

        self.tabs = QTabWidget()
        self.pending_model = PendingModel(ctx.zone, self)
        self.pending_view = _table(self.pending_model, "pending-view")
        self.tabs.addTab(self.pending_view, "")

        conflicts = QWidget()
        column = QVBoxLayout(conflicts)
        self.conflict_model = ConflictModel(ctx.zone, self)
        self.conflict_view = _table(self.conflict_model, "conflict-view")
        self.conflict_view.doubleClicked.connect(self._open_conflict)
        column.addWidget(self.conflict_view, 1)
        row = QHBoxLayout()
        self.resolve_button = QPushButton(self.tr("Settle…"))
        self.resolve_button.clicked.connect(lambda: self._open_conflict(QModelIndex()))
        self.show_settled = QCheckBox(self.tr("Show settled conflicts and rejections"))
        self.show_settled.toggled.connect(lambda _on: self.reload())
        row.addWidget(self.resolve_button)
        row.addStretch(1)
        row.addWidget(self.show_settled)
        column.addLayout(row)
        self.tabs.addTab(conflicts, "")

        rejected = QWidget()
        column = QVBoxLayout(rejected)
        self.rejected_model = RejectedModel(ctx.zone, self)
        self.rejected_view = _table(self.rejected_model, "rejected-view")
        column.addWidget(self.rejected_view, 1)
        self.rejected_detail = QLabel()
        self.rejected_detail.setObjectName("rejected-detail")
        self.rejected_detail.setWordWrap(True)
        column.addWidget(self.rejected_detail)
        self.rejected_view.selectionModel().currentRowChanged.connect(self._show_rejected)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy my change"))
        self.again_button = QPushButton(self.tr("Apply again"))
        self.dismiss_button = QPushButton(self.tr("Mark as read"))
        self.copy_button.clicked.connect(self._copy_rejected)
        self.again_button.clicked.connect(lambda: self._rejected_action(sync_issues.apply_again))
        self.dismiss_button.clicked.connect(lambda: self._rejected_action(sync_issues.dismiss))
        for button in (self.copy_button, self.again_button, self.dismiss_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.tabs.addTab(rejected, "")
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._set_tab_titles(0, 0, 0)

        self.sync.status_changed.connect(self._show_status)
        self._show_status()

    # -- state ----------------------------------------------------------------------------
    @Slot()
    def _show_status(self) -> None:
        s = self.sync.status
        self.server_label.setText(
            s.server_url or str(self.ctx.settings.get("server_url")) or self.tr("No server set")
        )
        if s.signed_in:
            self.account_label.setText(
                self.tr("Signed in as %1").replace("%1", s.display_name or s.username)
            )
        else:
            self.account_label.setText(self.tr("Not signed in"))
        self.state_label.setText(self.sync.status_text())
        self.state_label.setToolTip(self.sync.status_detail())
        self.last_label.setText(
            self.sync.local_time(s.last_sync) if s.last_sync else self.tr("never")
        )
        self.keyring_label.setText(keyring_note(self.sync) if s.keyring_ok is not None else "")
        self.sign_in_button.setVisible(not s.signed_in)
        self.sign_out_button.setVisible(s.signed_in)
        self.sync_button.setEnabled(s.signed_in and not s.syncing)
        if self.isVisible() and not s.syncing:
            self.reload()

    def activate(self) -> None:
        self.reload()

    def on_data_changed(self, entities: set[str]) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        settled = self.show_settled.isChecked()

        def load(session: Session) -> SyncLists:
            return SyncLists(
                pending_count=pending_outbox(session),
                pending=sync_issues.pending_changes(session),
                conflicts=sync_issues.list_issues(session, "conflict", settled=settled),
                rejected=sync_issues.list_issues(session, "rejected", settled=settled),
            )

        self.ctx.tasks.read(load, self._show_lists, key="sync-page-lists")

    def _show_lists(self, lists: SyncLists) -> None:
        self.pending_label.setText(str(lists.pending_count))
        for model, view, rows in (
            (self.pending_model, self.pending_view, lists.pending),
            (self.conflict_model, self.conflict_view, lists.conflicts),
            (self.rejected_model, self.rejected_view, lists.rejected),
        ):
            selected = self._selected_id(view)
            model.set_rows(rows)  # type: ignore[attr-defined]
            if selected is not None:
                number = model.row_of(selected)  # type: ignore[attr-defined]
                if number >= 0:
                    view.selectRow(number)
        if (
            self.rejected_model.rowCount()
            and not self.rejected_view.selectionModel().hasSelection()
        ):
            self.rejected_view.selectRow(0)
        self._show_rejected()
        open_conflicts = sum(1 for i in lists.conflicts if i.state == "open")
        open_rejected = sum(1 for i in lists.rejected if i.state == "open")
        self._set_tab_titles(lists.pending_count, open_conflicts, open_rejected)

    @Slot()
    def _show_rejected(self) -> None:
        index = self.rejected_view.currentIndex()
        issue = self.rejected_model.row_at(index.row()) if index.isValid() else None
        if issue is None:
            self.rejected_detail.setText("")
            return
        explanation = explain(issue.reason, issue.entity, issue.code, issue.params)
        self.rejected_detail.setText(
            self.tr("Why: %1").replace("%1", explanation.why)
            + "\n"
            + self.tr("What you can do: %1").replace("%1", explanation.next)
        )

    def _set_tab_titles(self, pending: int, conflicts: int, rejected: int) -> None:
        self.tabs.setTabText(0, self.tr("Waiting to be sent (%1)").replace("%1", str(pending)))
        self.tabs.setTabText(1, self.tr("Conflicts (%1)").replace("%1", str(conflicts)))
        self.tabs.setTabText(2, self.tr("Rejected (%1)").replace("%1", str(rejected)))

    @staticmethod
    def _selected_id(view: QTableView) -> str | None:
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        return str(rows[0].data(ROW_ID_ROLE)) if rows else None

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def open_sign_in(self) -> SignInDialog:
        dialog = SignInDialog(self.ctx, self.sync, self)
        dialog.open()
        return dialog

    def _current(self, view: QTableView, model: TableModel[Issue]) -> Issue | None:
        rows = view.selectionModel().selectedRows()
        index = rows[0] if rows else view.currentIndex()
        if not index.isValid():
            return model.row_at(0) if model.rowCount() == 1 else None
        return model.row_at(index.row())

    @Slot(QModelIndex)
    def _open_conflict(self, index: QModelIndex) -> ConflictDialog | None:
        issue = (
            self.conflict_model.row_at(index.row())
            if index.isValid()
            else self._current(self.conflict_view, self.conflict_model)
        )
        if issue is None:
            self.message.setText(self.tr("Choose a conflict in the list first."))
            return None
        dialog = ConflictDialog(self.ctx, issue, self._settled, self)
        dialog.open()
        return dialog

    def _settled(self) -> None:
        self.message.setText(self.tr("Settled. The change goes to the server with the next sync."))
        self.reload()
        self.sync.sync_now()

    @Slot()
    def _copy_rejected(self) -> None:
        issue = self._current(self.rejected_view, self.rejected_model)
        if issue is None:
            self.message.setText(self.tr("Choose a rejected change in the list first."))
            return
        mine = issue.mine if isinstance(issue.mine, dict) else {}
        change = change_text(issue.entity, mine, issue.names, self.ctx.zone)
        lines = [issue.record_name or issue.row_id, *change.split("; ")]
        QApplication.clipboard().setText("\n".join(lines))
        self.message.setText(self.tr("Your change was copied."))

    def _rejected_action(self, action: object) -> None:
        issue = self._current(self.rejected_view, self.rejected_model)
        if issue is None:
            self.message.setText(self.tr("Choose a rejected change in the list first."))
            return
        issue_id = issue.id

        def failed(exc: BaseException) -> None:
            self.message.setText(self.tr("Not done: %1").replace("%1", str(exc)))

        self.ctx.tasks.write(
            lambda uow: action(uow, issue_id),  # type: ignore[operator]
            on_done=lambda _: self._settled(),
            on_error=failed,
        )
