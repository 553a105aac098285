"""The task list (任务): every open follow-up of mine (a manager may show the team's)
in sections with their counts: overdue, today, this week, contracts to renew, later.
Select a follow-up to complete it, give it a new date, or hand it to someone else; a
double click opens the visit it came from (or its account). A contract to renew opens
on its account's Contracts tab, and "Start renewal" makes its renewal opportunity."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import followups, task_list, visits
from desktop.domain.services.task_list import TaskItem, TaskList
from desktop.ui.context import AppContext
from desktop.ui.format import ERROR_COLOR, show_as_error
from desktop.ui.pages.base import Page, heading
from desktop.ui.pipeline.renewal import start_renewal
from desktop.ui.table_model import ROW_ID_ROLE, TableModel
from desktop.ui.visits.dialogs import error_text

WATCHED = {"task", "account", "user", "contract", "policy"}


def bucket_label(bucket: str) -> str:
    return {
        "overdue": QCoreApplication.translate("TaskList", "Overdue"),
        "today": QCoreApplication.translate("TaskList", "Today"),
        "this_week": QCoreApplication.translate("TaskList", "This week"),
        "renewals": QCoreApplication.translate("TaskList", "Contracts to renew"),
        "later": QCoreApplication.translate("TaskList", "Later"),
    }.get(bucket, bucket)


class TaskListModel(TableModel[TaskItem]):
    """Section (with its count) | client | what | due | owner | status."""

    SECTION, CLIENT, WHAT, DUE, OWNER, STATUS = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.today = dt.date.today()

    def headers(self) -> list[str]:
        return [
            self.tr("Section"),
            self.tr("Client"),
            self.tr("What"),
            self.tr("Due"),
            self.tr("Owner"),
            self.tr("Status"),
        ]

    def show(self, found: TaskList, today: dt.date) -> None:
        self.counts, self.today = found.counts, today
        self.set_rows(found.items)

    def status(self, item: TaskItem) -> str:
        due = item.task.due_date
        if due is None:
            return self.tr("No date")
        days = (due - self.today).days
        if item.is_renewal:
            return self.tr("Ends in %1 days").replace("%1", str(days))
        if days < 0:
            return self.tr("%1 days late").replace("%1", str(-days))
        if days == 0:
            return self.tr("Due today")
        return self.tr("In %1 days").replace("%1", str(days))

    def display(self, row: TaskItem, column: int) -> Any:
        task = row.task
        return [
            f"{bucket_label(row.bucket)} ({self.counts.get(row.bucket, 0)})",
            task.account_name,
            task.title,
            task.due_date.isoformat() if task.due_date else "",
            task.owner_name,
            self.status(row),
        ][column]

    def role_data(self, row: TaskItem, column: int, role: int) -> Any:
        late = row.bucket == "overdue" and column in (self.SECTION, self.STATUS)
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return QBrush(QColor(ERROR_COLOR))
        return None


class TasksPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scope = QComboBox()
        self.scope.setObjectName("task-scope")
        self.scope.addItem(self.tr("My follow-ups"), False)
        if ctx.is_manager:
            self.scope.addItem(self.tr("My team's follow-ups"), True)
        self.summary = QLabel()
        self.summary.setObjectName("task-summary")
        self.model = TaskListModel(self)
        self.table = QTableView()
        self.table.setObjectName("task-list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TaskListModel.WHAT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 130), (1, 220), (3, 100), (4, 90), (5, 110)):
            self.table.setColumnWidth(column, width)
        self.complete_button = QPushButton(self.tr("Mark done"))
        self.complete_button.setObjectName("task-complete")
        self.due = QDateEdit(QDate.currentDate().addDays(1))
        self.due.setObjectName("task-due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.reschedule_button = QPushButton(self.tr("Move to this date"))
        self.reschedule_button.setObjectName("task-reschedule")
        self.owner = QComboBox()
        self.owner.setObjectName("task-owner")
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reassign_button = QPushButton(self.tr("Hand over"))
        self.reassign_button.setObjectName("task-reassign")
        self.renew_button = QPushButton(self.tr("Start renewal"))
        self.renew_button.setObjectName("task-start-renewal")
        self.renew_button.setToolTip(
            self.tr("An opportunity for the contract's renewal, on the Pipeline page")
        )
        self.message = QLabel()
        self.message.setObjectName("task-message")
        self.error = show_as_error(QLabel())
        self.error.setObjectName("task-error")

        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.summary, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.complete_button)
        actions.addSpacing(16)
        actions.addWidget(self.due)
        actions.addWidget(self.reschedule_button)
        actions.addSpacing(16)
        actions.addWidget(self.owner)
        actions.addWidget(self.reassign_button)
        actions.addWidget(self.renew_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Tasks")))
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.error)

        self.scope.currentIndexChanged.connect(self.reload)
        self.complete_button.clicked.connect(self.complete)
        self.reschedule_button.clicked.connect(self.reschedule)
        self.reassign_button.clicked.connect(self.reassign)
        self.renew_button.clicked.connect(self.renew)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._open)
        self._selection_changed()
        ctx.tasks.read(visits.people, self._set_people)

    def activate(self) -> None:
        self.reload()

    def on_data_changed(self, entities: set[str]) -> None:
        if entities & WATCHED:
            self.reload()

    @Slot()
    def reload(self) -> None:
        today = dt.datetime.now(self.ctx.zone).date()
        user, team = self.ctx.user_id, bool(self.scope.currentData())
        self.ctx.tasks.read(
            lambda s: task_list.task_list(s, user, today, team=team),
            lambda found: self._show(found, today),
            key=f"task-list-{id(self)}",
        )

    def _show(self, found: TaskList, today: dt.date) -> None:
        selected = self.selected_id()
        self.model.show(found, today)
        self.summary.setText(
            " · ".join(f"{bucket_label(bucket)} {count}" for bucket, count in found.counts.items())
        )
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def _open(self, index: Any) -> None:
        """A double click opens what the follow-up is about: its visit, else its account."""
        item = self.model.row_at(index.row())
        if item is None:
            return
        if item.is_renewal:
            self.ctx.events.open_record.emit("contract", item.id)
        elif item.task.visit_id:
            self.ctx.events.open_record.emit("visit", item.task.visit_id)
        elif item.task.account_id:
            self.ctx.events.open_record.emit("account", item.task.account_id)

    def _set_people(self, people: list[visits.Choice]) -> None:
        self.owner.clear()
        for person in people:
            self.owner.addItem(person.name, person.id)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(ROW_ID_ROLE)) if rows else None

    def selected_item(self) -> TaskItem | None:
        task_id = self.selected_id()
        row = self.model.row_of(task_id) if task_id else -1
        return self.model.rows[row] if row >= 0 else None

    @Slot()
    def _selection_changed(self) -> None:
        item = self.selected_item()
        follow_up = item is not None and not item.is_renewal
        for button in (self.complete_button, self.reschedule_button, self.reassign_button):
            button.setEnabled(follow_up)
        self.renew_button.setVisible(item is not None and item.is_renewal)

    def _write(self, work: Any, done_text: str) -> None:
        def done(_: object) -> None:
            self.error.clear()
            self.message.setText(done_text)

        self.ctx.tasks.write(work, done, lambda e: self.error.setText(error_text(e)))

    @Slot()
    def renew(self) -> None:
        item = self.selected_item()
        if item is not None and item.is_renewal:
            start_renewal(self.ctx, item.id, self.error.setText)

    @Slot()
    def complete(self) -> None:
        task_id = self.selected_id()
        if task_id is not None:
            title = self.model.rows[self.model.row_of(task_id)].task.title
            self._write(
                lambda uow: followups.complete(uow, task_id),
                self.tr("Done: %1").replace("%1", title),
            )

    @Slot()
    def reschedule(self) -> None:
        task_id = self.selected_id()
        if task_id is None:
            return
        chosen = self.due.date()
        due = dt.date(chosen.year(), chosen.month(), chosen.day())
        self._write(
            lambda uow: followups.reschedule(uow, task_id, due),
            self.tr("Moved to %1.").replace("%1", due.isoformat()),
        )

    @Slot()
    def reassign(self) -> None:
        task_id, owner = self.selected_id(), self.owner.currentData()
        if task_id is None or owner is None:
            return
        due = self.model.rows[self.model.row_of(task_id)].task.due_date
        self._write(
            lambda uow: followups.reschedule(uow, task_id, due, owner),
            self.tr("Handed over to %1.").replace("%1", self.owner.currentText()),
        )
