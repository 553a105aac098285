"""The Today page: today's visits in time order, overdue and due-today follow-ups,
accounts due for a visit, and (when those features are there) expiring quotes, late
deliveries, complaints near their SLA and this month's target progress. A manager
also sees what they act on for their team: quotes waiting for their approval, the
reps' overdue follow-ups, the team's late deliveries, receivables and complaints
(each naming its rep), and the team's target. Each row opens its record; one's own
follow-up can be marked done right here.

While the window is open (and the app set ``ctx.reminders``) a reminder
timer announces visits 15 minutes before they
start; at start a summary of overdue follow-ups is shown once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import contracts, followups, reminders, today
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.pages.base import Page, heading
from desktop.ui.pipeline.renewal import start_renewal
from desktop.ui.table_model import ROW_ID_ROLE, setup_table
from desktop.ui.visits.models import TodayModel

WATCHED = {
    "visit",
    "task",
    "account",
    "quote",
    "sales_order",
    "payment",  # money received: an overdue receivable may be settled
    "complaint",
    "contract",  # a renewal due
    "sales_target",
    "policy",  # a manager changed the rules (visit cadence, health weights)
    "contact",  # a decision maker (account health)
    "account_health",  # a full pass scored accounts (after a first download)
}
REMINDER_INTERVAL_MS = 60_000
TITLE_MAX_WIDTH = 320  # a long account name is elided; the details get the room


class TodayPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view_data: today.TodayView | None = None
        self.announced: set[str] = set()
        self.title = heading(self.tr("Today"))
        self.date_label = QLabel()
        self.target_label = QLabel()
        self.target_label.setObjectName("target-progress")
        self.reminder_label = QLabel()
        self.reminder_label.setObjectName("reminder")
        self.reminder_label.setWordWrap(True)
        self.reminder_label.setStyleSheet(
            "QLabel#reminder { background: #fff4ce; padding: 6px; border-radius: 4px; }"
        )
        self.reminder_label.hide()
        self.model = TodayModel(ctx.zone, self)
        self.table = setup_table(QTableView(), self.model, "today-items", single=True, wrap=False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        columns = self.table.horizontalHeader()
        columns.setStretchLastSection(False)
        fit = QHeaderView.ResizeMode.ResizeToContents
        for column in (TodayModel.SECTION, TodayModel.WHEN, TodayModel.OWNER, TodayModel.STATUS):
            columns.setSectionResizeMode(column, fit)
        # Names are sized to their contents at each load, within reason; the details
        # take the rest of the width.
        columns.setSectionResizeMode(TodayModel.TITLE, QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(TodayModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        self.open_button = QPushButton(self.tr("Open"))
        self.done_button = QPushButton(self.tr("Mark follow-up done"))
        self.done_button.setObjectName("complete-follow-up")
        self.renew_button = QPushButton(self.tr("Start renewal"))
        self.renew_button.setObjectName("today-start-renewal")
        self.renew_button.setToolTip(
            self.tr("An opportunity for the contract's renewal, on the Pipeline page")
        )
        self.empty_label = QLabel(self.tr("Nothing needs you today."))
        self.empty_label.setObjectName("today-empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(
            "QLabel#today-empty { color: palette(mid); font-size: 15pt; padding: 48px; }"
        )
        self.empty_label.hide()

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.date_label)
        header.addStretch(1)
        header.addWidget(self.target_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.renew_button)
        buttons.addStretch(1)
        self.export = ListExport(self.table, ctx, lambda: self.tr("Today"), scope=self)
        buttons.addWidget(self.export.button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.reminder_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.table.doubleClicked.connect(self.open_item)
        self.open_button.clicked.connect(lambda: self.open_item(self.table.currentIndex()))
        self.done_button.clicked.connect(self.complete_selected)
        self.renew_button.clicked.connect(self.renew_selected)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

        self.reminder_timer = QTimer(self)
        self.reminder_timer.setObjectName("visit-reminders")
        self.reminder_timer.setInterval(REMINDER_INTERVAL_MS)
        self.reminder_timer.timeout.connect(self.check_reminders)
        # The app turns reminders on (ctx.reminders = True); tests and
        # embedded uses get no timer unless they ask for one.
        if ctx.reminders:
            self.reminder_timer.start()
        self._summary_shown = False

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    # -- loading -------------------------------------------------------------------
    def activate(self) -> None:
        self.reload()
        if not self._summary_shown:
            self._summary_shown = True
            self.ctx.tasks.write(contracts.expire_ended)  # reminders end with the term
            self.show_overdue_summary()
        self.check_reminders()

    def on_data_changed(self, entities: set[str]) -> None:
        if entities & WATCHED:
            self.reload()

    @Slot()
    def reload(self) -> None:
        user, now, zone = self.ctx.user_id, self.now(), self.ctx.zone
        self.ctx.tasks.read(
            lambda s: today.build(s, user, now, zone), self._show, key=f"today-{id(self)}"
        )

    def _show(self, view: today.TodayView) -> None:
        self.view_data = view
        self.date_label.setText(view.day.isoformat())
        self.model.set_items(view.items)
        self.table.setColumnHidden(TodayModel.OWNER, not self.model.has_owners())
        self.table.resizeColumnToContents(TodayModel.TITLE)
        title_width = self.table.columnWidth(TodayModel.TITLE)
        self.table.setColumnWidth(TodayModel.TITLE, min(max(title_width, 160), TITLE_MAX_WIDTH))
        self.empty_label.setVisible(not view.items)
        self.table.setVisible(bool(view.items))
        if view.target is not None and view.target.target > 0:
            pct = view.target.percent
            template = (
                self.tr("Team target %1: %2 of %3 (%4)")
                if view.target.team
                else self.tr("Target %1: %2 of %3 (%4)")
            )
            self.target_label.setText(
                template.replace("%1", view.target.period)
                .replace("%2", f"¥{view.target.actual:,.0f}")
                .replace("%3", f"¥{view.target.target:,.0f}")
                .replace("%4", "–" if pct is None else f"{pct}%")
            )
        else:
            self.target_label.clear()
        self._update_buttons()

    def _current(self) -> today.TodayItem | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.items):
            return None
        return self.model.items[index.row()]

    def _update_buttons(self, *_: object) -> None:
        item = self._current()
        self.open_button.setEnabled(item is not None and item.entity != "more")
        # A manager sees their reps' follow-ups; only the rep marks theirs done.
        self.done_button.setEnabled(
            item is not None and item.entity == "task" and not item.owner_name
        )
        self.renew_button.setVisible(item is not None and item.section == "renewals")

    # -- actions -------------------------------------------------------------------
    def select_item(self, record_id: str) -> bool:
        for row, item in enumerate(self.model.items):
            if item.record_id == record_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    @Slot(QModelIndex)
    def open_item(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = self.model.items[index.row()]
        if item.entity == "more":
            return
        if item.entity in ("task", "instalment"):  # an instalment is seen on its account
            if item.account_id:
                self.ctx.events.open_record.emit("account", item.account_id)
            return
        entity = "sales_order" if item.entity == "order" else item.entity
        self.ctx.events.open_record.emit(entity, str(index.data(ROW_ID_ROLE)))

    @Slot()
    def complete_selected(self) -> None:
        item = self._current()
        if item is None or item.entity != "task" or item.owner_name:
            return
        task_id = item.record_id
        self.ctx.tasks.write(lambda uow: followups.complete(uow, task_id))

    @Slot()
    def renew_selected(self) -> None:
        item = self._current()
        if item is not None and item.section == "renewals":
            start_renewal(self.ctx, item.record_id, self._remind)

    def open_record(self, entity: str, row_id: str) -> bool:
        if entity != "task":
            return False
        self.reload()
        return True

    # -- reminders -------------------------------------------------------------------
    def show_overdue_summary(self) -> None:
        user, now, zone = self.ctx.user_id, self.now(), self.ctx.zone

        def shown(summary: reminders.OverdueSummary) -> None:
            if summary.count:
                self._remind(
                    self.tr("Overdue follow-ups: %1 (oldest due %2): %3")
                    .replace("%1", str(summary.count))
                    .replace("%2", str(summary.oldest_due))
                    .replace("%3", "; ".join(summary.titles))
                )

        self.ctx.tasks.read(lambda s: reminders.overdue_summary(s, user, now, zone), shown)

    @Slot()
    def check_reminders(self) -> None:
        user, now, announced = self.ctx.user_id, self.now(), set(self.announced)

        def shown(rows: list[object]) -> None:
            for row in rows:
                self.announced.add(row.id)  # type: ignore[attr-defined]
                local = row.start.astimezone(self.ctx.zone)  # type: ignore[attr-defined]
                self._remind(
                    self.tr("At %1: visit to %2")
                    .replace("%1", f"{local:%H:%M}")
                    .replace("%2", row.account_name)
                )  # type: ignore[attr-defined]

        self.ctx.tasks.read(
            lambda s: reminders.starting_soon(s, user, now, announced=announced), shown
        )

    def _remind(self, text: str) -> None:
        self.reminder_label.setText(text)
        self.reminder_label.show()
        if self.ctx.tray is not None:
            self.ctx.tray.showMessage(self.tr("Fieldbook"), text)

    def stop_timers(self) -> None:
        self.reminder_timer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_timers()
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden because the window closed (not because another page is shown).
        if self.window() is self or not self.window().isVisible():
            self.stop_timers()
        super().hideEvent(event)
