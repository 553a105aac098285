"""The Complaints page (投诉/反馈): aging and SLA at a glance, log, work and resolve.

Rows past their SLA are red, those with under a quarter of their SLA time left amber.
The SLA clock counts working days only (critical runs around the clock); see
``desktop.domain.services.complaints``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.models import COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES
from desktop.domain.services import complaints
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_picker import AccountPicker
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import show_as_error
from desktop.ui.labels import complaint_label
from desktop.ui.pages.base import Page, heading
from desktop.ui.reports.models import Kind, RowsModel
from desktop.ui.rule_text import error_message
from desktop.ui.table_model import ROW_ID_ROLE, SORT_ROLE, setup_table

SLA_COLOURS = {"breached": "#F8CBAD", "near_breach": "#FFE699", "missed": "#F8CBAD"}


def load(
    session: Session, open_only: bool, owner_ids: list[str] | None
) -> list[complaints.ComplaintView]:
    return complaints.complaint_views(session, owner_ids=owner_ids, open_only=open_only)


class ComplaintsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.views: list[complaints.ComplaintView] = []
        self.loaded = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Complaints")))
        top.addStretch(1)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Open"), True)
        self.scope.addItem(self.tr("All"), False)
        self.scope.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.scope)
        self.new_button = QPushButton(self.tr("New complaint…"))
        self.new_button.clicked.connect(self.ask_new)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("complaints-summary")
        layout.addWidget(self.summary)
        self.model = RowsModel(
            [
                (self.tr("Account"), Kind.TEXT),
                (self.tr("Title"), Kind.TEXT),
                (self.tr("Category"), Kind.TEXT),
                (self.tr("Severity"), Kind.TEXT),
                (self.tr("Status"), Kind.TEXT),
                (self.tr("Opened"), Kind.DATETIME),
                (self.tr("SLA due"), Kind.DATETIME),
                (self.tr("Age (days)"), Kind.INT),
                (self.tr("SLA"), Kind.TEXT),
            ],
            ctx.zone,
            self,
        )
        self.model.colour = lambda values, column: SLA_COLOURS.get(values[9])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = setup_table(
            QTableView(),
            self.proxy,
            "complaints-list",
            sortable=True,
            single=True,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch=1,
        )
        layout.addWidget(self.view, 1)
        self.export = ListExport(self.view, ctx, lambda: self.tr("Complaints"), scope=self)
        top.addWidget(self.export.button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton(self.tr("Start work"))
        self.start_button.clicked.connect(lambda: self.set_status("in_progress"))
        self.resolve_button = QPushButton(self.tr("Resolve…"))
        self.resolve_button.clicked.connect(self.ask_resolve)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(lambda: self.set_status("closed"))
        for button in (self.start_button, self.resolve_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def activate(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.refresh()

    def on_data_changed(self, entities: set[str]) -> None:
        if "complaint" in entities:
            self.refresh()

    def _owners(self) -> list[str] | None:
        return None if self.ctx.is_manager or self.ctx.user_id is None else [self.ctx.user_id]

    def refresh(self) -> None:
        open_only, owners = bool(self.scope.currentData()), self._owners()
        self.ctx.tasks.read(lambda s: load(s, open_only, owners), self._show, key="complaints")

    def open_record(self, entity: str, row_id: str) -> bool:
        """Show one complaint (from an account's Complaints tab, say), closed ones too."""
        if entity != "complaint":
            return False
        self.loaded = True
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(self.scope.findData(False))  # "All"
        self.scope.blockSignals(False)
        owners = self._owners()

        def shown(views: list[complaints.ComplaintView]) -> None:
            self._show(views)
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                if index.data(ROW_ID_ROLE) == row_id:
                    self.view.selectRow(row)
                    self.view.scrollTo(index)

        self.ctx.tasks.read(lambda s: load(s, False, owners), shown, key="complaints")
        return True

    def _show(self, views: list[complaints.ComplaintView]) -> None:
        self.views = views
        w = complaint_label
        self.model.set_rows(
            [
                (
                    v.id,
                    [
                        v.account_name,
                        v.title,
                        w(v.category),
                        w(v.severity),
                        w(v.status),
                        v.opened_at,
                        v.sla_due_at,
                        v.age_days,
                        w(v.sla_state),
                        v.sla_state,
                    ],
                )
                for v in views
            ]
        )
        breached = sum(1 for v in views if v.sla_state == "breached")
        near = sum(1 for v in views if v.sla_state == "near_breach")
        self.summary.setText(
            self.tr("{0} complaints, {1} past SLA, {2} close to breach").format(
                len(views), breached, near
            )
        )

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ID_ROLE) if rows else None

    def set_status(self, status: str, resolution: str | None = None) -> None:
        complaint_id = self.selected_id()
        if complaint_id is None:
            return
        changes: dict[str, Any] = {"status": status}
        if resolution is not None:
            changes["resolution"] = resolution
        self.ctx.tasks.write(
            lambda uow: complaints.update_complaint(uow, complaint_id, changes),
            on_error=lambda error: self.summary.setText(error_message(error)),
        )

    def ask_resolve(self) -> None:
        if self.selected_id() is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Resolve"), self.tr("How was it resolved?")
        )
        if ok:
            self.set_status("resolved", text)

    def ask_new(self) -> ComplaintDialog:
        owner = None if self.ctx.is_manager else self.ctx.user_id
        dialog = ComplaintDialog(self.ctx, self, owner_id=owner)
        dialog.accepted.connect(lambda: self.log(dialog.values()))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def log(self, values: dict[str, Any]) -> None:
        def work(uow: UnitOfWork) -> str:
            return complaints.log_complaint(uow, values, self.ctx.zone)

        self.ctx.tasks.write(
            work, on_error=lambda error: self.summary.setText(error_message(error))
        )


class ComplaintDialog(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, owner_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New complaint"))
        form = QFormLayout(self)
        self.account = AccountPicker(ctx, self, owner_id=owner_id)
        self.title = QLineEdit()
        self.category = QComboBox()
        for c in COMPLAINT_CATEGORIES:
            self.category.addItem(complaint_label(c), c)
        self.severity = QComboBox()
        for s in COMPLAINT_SEVERITIES:
            self.severity.addItem(complaint_label(s), s)
        self.severity.setCurrentIndex(1)
        self.description = QPlainTextEdit()
        self.error = QLabel()
        show_as_error(self.error)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.error)
        self.account.picked.connect(lambda _choice: self.error.clear())
        self.title.textChanged.connect(lambda _text: self.error.clear())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if self.account.chosen is None:
            self.error.setText(self.tr("Choose the account from the list"))
            return
        if not self.title.text().strip():
            self.error.setText(self.tr("Give the complaint a title"))
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "account_id": self.account.chosen.id if self.account.chosen else None,
            "title": self.title.text().strip(),
            "category": self.category.currentData(),
            "severity": self.severity.currentData(),
            "description": self.description.toPlainText(),
        }
