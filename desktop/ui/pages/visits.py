"""The Visits page: the week as a calendar (drag to move) and as an agenda, with
filters by rep, account and status, week navigation and "today"; plan a visit, open
one to check in and write the call report, export the week as iCalendar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import VISIT_STATUSES
from desktop.domain.services import visits
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.pages.base import Page, heading
from desktop.ui.pages.weekly import WeeklyReportTab
from desktop.ui.table_model import ROW_ID_ROLE, SORT_ROLE, setup_table
from desktop.ui.visits.calendar import WeekCalendar
from desktop.ui.visits.dialogs import ReportDialog, error_text
from desktop.ui.visits.models import AgendaModel, status_label
from desktop.ui.visits.planning import PlanVisitDialog

WATCHED = {"visit", "task", "account"}


def week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


class VisitsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = dt.datetime.now(ctx.zone).date()
        self.week_start = week_of(self.today)
        self.rows: list[visits.VisitRow] = []
        self.open_dialogs: list[QWidget] = []

        self.prev_button = QPushButton(self.tr("◀ Previous week"))
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.week_label = QLabel()
        self.week_label.setObjectName("week-label")
        self.rep_filter = QComboBox()
        self.rep_filter.setObjectName("rep-filter")
        self.rep_filter.addItem(self.tr("My visits"), ctx.user_id)
        if ctx.is_manager:
            self.rep_filter.addItem(self.tr("Everyone"), "*")
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in VISIT_STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.account_filter = QLineEdit()
        self.account_filter.setPlaceholderText(self.tr("Filter by account"))
        self.plan_button = QPushButton(self.tr("Plan a visit…"))
        self.plan_button.setObjectName("plan-visit")
        self.export_button = QPushButton(self.tr("Export calendar (.ics)…"))
        self.message = QLabel()
        self.message.setObjectName("visits-message")

        self.calendar = WeekCalendar(ctx.zone)
        scroll = QScrollArea()
        scroll.setWidget(self.calendar)
        scroll.setWidgetResizable(True)
        self.agenda = AgendaModel(ctx.zone, self)
        self.agenda_proxy = QSortFilterProxyModel(self)
        self.agenda_proxy.setSourceModel(self.agenda)
        self.agenda_proxy.setSortRole(SORT_ROLE)
        self.agenda_view = setup_table(
            QTableView(), self.agenda_proxy, "agenda", sortable=True, stretch_last=True
        )
        self.agenda_view.sortByColumn(AgendaModel.TIME, Qt.SortOrder.AscendingOrder)
        self.agenda_export = ListExport(
            self.agenda_view, ctx, lambda: self.tr("Agenda"), scope=self
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Week"))
        self.tabs.addTab(self.agenda_view, self.tr("Agenda"))
        self.weekly = WeeklyReportTab(ctx)
        self.tabs.addTab(self.weekly, self.tr("Weekly report"))

        nav = QHBoxLayout()
        for widget in (self.prev_button, self.today_button, self.next_button):
            nav.addWidget(widget)
        nav.addWidget(self.week_label, 1)
        nav.addWidget(self.plan_button)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Rep")))
        filters.addWidget(self.rep_filter)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.account_filter, 1)
        filters.addWidget(self.export_button)
        filters.addWidget(self.agenda_export.button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Visits")))
        layout.addLayout(nav)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        self.prev_button.clicked.connect(lambda: self.go_to_week(-1))
        self.next_button.clicked.connect(lambda: self.go_to_week(1))
        self.today_button.clicked.connect(self.go_to_today)
        self.rep_filter.currentIndexChanged.connect(self.reload)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.account_filter.textChanged.connect(self.reload)
        self.plan_button.clicked.connect(lambda: self.plan_visit())
        self.export_button.clicked.connect(self.export_ics)
        self.calendar.visit_moved.connect(self.move_visit)
        self.calendar.visit_activated.connect(self.open_visit)
        self.calendar.slot_requested.connect(self.plan_visit)
        self.agenda_view.doubleClicked.connect(self._open_from_agenda)

    # -- loading -------------------------------------------------------------------
    def activate(self) -> None:
        self.reload()

    def on_data_changed(self, entities: set[str]) -> None:
        if entities & WATCHED:
            self.reload()

    def _owner(self) -> str | None:
        value = self.rep_filter.currentData()
        return None if value == "*" else value

    @Slot()
    def reload(self) -> None:
        zone = self.ctx.zone
        start, _ = visits.local_day_bounds(self.week_start, zone)
        _, end = visits.local_day_bounds(self.week_start + dt.timedelta(days=6), zone)
        owner = self._owner()
        status = self.status_filter.currentData()
        text = self.account_filter.text().strip().lower()
        end_day = self.week_start + dt.timedelta(days=6)
        week = (
            self.tr("Week of %1 – %2")
            .replace("%1", self.week_start.isoformat())
            .replace("%2", end_day.isoformat())
        )
        if self.week_start == week_of(dt.datetime.now(zone).date()):
            week = self.tr("%1 (this week)").replace("%1", week)
        self.week_label.setText(week)

        def load(session):  # type: ignore[no-untyped-def]
            rows = visits.list_visits(
                session, start=start, end=end, owner_id=owner, statuses=[status] if status else None
            )
            return [r for r in rows if not text or text in r.account_name.lower()]

        self.ctx.tasks.read(load, self._show, key=f"visits-week-{id(self)}")
        self.weekly.set_week(self.week_start)

    def _show(self, rows: list[visits.VisitRow]) -> None:
        self.rows = rows
        self.calendar.set_week(self.week_start, rows, self.today)
        self.agenda.set_rows(rows)
        if rows:
            self.agenda_view.resizeColumnsToContents()
        else:  # an empty week keeps readable columns (not 50 px wide headers)
            for column in range(self.agenda.columnCount() - 1):
                self.agenda_view.setColumnWidth(column, 130)

    def go_to_week(self, step: int) -> None:
        self.week_start += dt.timedelta(days=7 * step)
        self.reload()

    @Slot()
    def go_to_today(self) -> None:
        self.today = dt.datetime.now(self.ctx.zone).date()
        self.week_start = week_of(self.today)
        self.reload()

    # -- actions -------------------------------------------------------------------
    def plan_visit(self, start: dt.datetime | None = None) -> PlanVisitDialog:
        if start is None:
            now = dt.datetime.now(self.ctx.zone)
            day = (
                max(self.today, self.week_start)
                if self.week_start <= self.today < (self.week_start + dt.timedelta(days=7))
                else self.week_start
            )
            start = dt.datetime.combine(day, dt.time(max(9, min(now.hour + 1, 17))), self.ctx.zone)
        dialog = PlanVisitDialog(self.ctx, start, self)
        self._keep(dialog)
        dialog.accepted.connect(lambda: self._planned(dialog))
        dialog.open()
        return dialog

    def _planned(self, dialog: PlanVisitDialog) -> None:
        """Show the week the visit is in; one recorded after the fact wants its report."""
        if dialog.saved_id is None:
            return
        self.show_visit_week(dialog.saved_id)
        if dialog.after_the_fact:
            self.open_visit(dialog.saved_id)

    def open_visit(self, visit_id: str) -> ReportDialog:
        dialog = ReportDialog(self.ctx, visit_id, self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _keep(self, dialog: QWidget) -> None:
        self.open_dialogs.append(dialog)
        dialog.finished.connect(lambda _=0: self._forget(dialog))  # type: ignore[attr-defined]

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)
        dialog.deleteLater()

    def _open_from_agenda(self, index: QModelIndex) -> None:
        self.open_visit(str(index.data(ROW_ID_ROLE)))

    def move_visit(self, visit_id: str, start: dt.datetime, allow_clash: bool = False) -> None:
        def failed(error: BaseException) -> None:
            if isinstance(error, visits.VisitClashError):
                names = ", ".join(c.account_name for c in error.clashes)
                self.message.setText(self.tr("Not moved: it clashes with %1.").replace("%1", names))
                answer = QMessageBox.question(
                    self,
                    self.tr("Visit clash"),
                    self.tr("The rep already has a visit then (%1). Move it anyway?").replace(
                        "%1", names
                    ),
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.move_visit(visit_id, start, allow_clash=True)
            else:
                self.message.setText(error_text(error))
            self.reload()

        local = start.astimezone(self.ctx.zone)
        self.ctx.tasks.write(
            lambda uow: visits.reschedule(uow, visit_id, start, allow_clash=allow_clash),
            lambda _: self.message.setText(
                self.tr("Moved to %1.").replace("%1", f"{local:%Y-%m-%d %H:%M}")
            ),
            failed,
        )

    @Slot()
    def export_ics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export calendar"), "visits.ics", self.tr("iCalendar (*.ics)")
        )
        if path:
            self.write_ics(path)

    def write_ics(self, path: str) -> None:
        from desktop.reports.ics import calendar_text, from_visit_rows

        zone = self.ctx.zone
        start, _ = visits.local_day_bounds(self.today, zone)
        owner = self._owner()

        def work(session):  # type: ignore[no-untyped-def]
            rows = visits.list_visits(session, start=start, owner_id=owner, statuses=["planned"])
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(calendar_text(from_visit_rows(rows), zone))
            return len(rows)

        self.ctx.tasks.read(
            work,
            lambda n: self.message.setText(
                self.tr("Wrote %1 planned visits to %2.").replace("%1", str(n)).replace("%2", path)
            ),
            lambda error: self.message.setText(error_text(error)),
        )

    def open_record(self, entity: str, row_id: str) -> bool:
        if entity != "visit":
            return False
        self.show_visit_week(row_id)
        self.open_visit(row_id)
        return True

    def show_visit_week(self, visit_id: str) -> None:
        """Move the calendar to the week the visit is in (opened from Today, say)."""
        zone = self.ctx.zone

        def shown(start: dt.datetime) -> None:
            self.today = dt.datetime.now(zone).date()
            monday = week_of(start.astimezone(zone).date())
            if monday != self.week_start:
                self.week_start = monday
                self.reload()

        self.ctx.tasks.read(
            lambda s: visits.get_visit(s, visit_id).row.start,
            shown,
            lambda error: self.message.setText(error_text(error)),
        )
