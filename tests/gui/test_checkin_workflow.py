"""A rep's visit from plan to follow-up, with real clicks and keys: a check-in a day
ahead is refused with a clear message; one within the window is taken; the call
report's follow-up, due next week, is on the task list and is completed there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.store.migrate import Database
from desktop.ui.context import AppContext
from desktop.ui.testing import screenshot
from desktop.ui.visits.planning import to_qdatetime
from tests.visits_data import SHANGHAI, add_account, add_contact, add_user, page_context


@pytest.fixture
def ctx(qapp: object, data_dir: Path, db: Database) -> Iterator[AppContext]:
    rep = add_user(db, signed_in=True)
    context = page_context(db, data_dir, rep, "张伟", "rep")
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    add_contact(db, account, "李明")
    yield context
    context.tasks.wait_idle()
    context.tasks.shutdown()


def plan(qtbot: Any, page: Any, start: dt.datetime) -> str:
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = page.open_dialogs[-1]
    dialog.start.setDateTime(to_qdatetime(start, page.ctx))
    qtbot.keyClicks(dialog.picker.search, "huace")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.account_id is not None)
    qtbot.keyClicks(dialog.purpose, "Renewal")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_id is not None)
    return str(dialog.saved_id)


def open_from_agenda(qtbot: Any, page: Any, visit_id: str) -> Any:
    tabs = page.tabs
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center()
    )
    qtbot.waitUntil(lambda: page.agenda.row_of(visit_id) >= 0)
    proxy = page.agenda_proxy
    index = proxy.mapFromSource(page.agenda.index(page.agenda.row_of(visit_id), 0))
    center = page.agenda_view.visualRect(index).center()
    qtbot.mouseClick(page.agenda_view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(page.agenda_view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    dialog = page.open_dialogs[-1]
    qtbot.waitUntil(lambda: dialog.detail is not None)
    return dialog


def test_plan_check_in_refused_early_then_report_and_follow_up_on_the_task_list(
    qtbot: Any, ctx: AppContext
) -> None:
    from desktop.ui.pages.tasks import TasksPage
    from desktop.ui.pages.visits import VisitsPage

    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    now = dt.datetime.now(SHANGHAI).replace(second=0, microsecond=0)

    ahead = plan(qtbot, page, now + dt.timedelta(hours=26))
    early = open_from_agenda(qtbot, page, ahead)
    qtbot.mouseClick(early.checkin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: early.error.text().startswith("Too early to check in"))
    assert "2 hours before the visit" in early.error.text()
    assert early.checkin_state.text() == "Not checked in"
    screenshot(early, "checkin_refused_en")
    early.reject()

    soon = plan(qtbot, page, now + dt.timedelta(hours=1))
    report = open_from_agenda(qtbot, page, soon)
    qtbot.keyClicks(report.checkin_location, "31.2304, 121.4737")
    qtbot.mouseClick(report.checkin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: report.checkin_state.text().startswith("Checked in at"))
    assert "on time" in report.checkin_state.text()
    assert report.error.text() == ""
    # The outcome has no default: saving without one asks for it.
    qtbot.keyClicks(report.notes, "Client agreed to a trial")
    save = report.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert report.error.text() == "Choose the outcome of the visit."
    report.outcome.setFocus()
    qtbot.keyClick(report.outcome, Qt.Key.Key_Down)
    assert report.outcome.currentData() == "positive"
    qtbot.keyClicks(report.followup_title, "Send the samples")
    next_week = QDate.currentDate().addDays(8 - QDate.currentDate().dayOfWeek())  # Monday
    report.followup_due.setDate(next_week.addDays(1))
    qtbot.mouseClick(report.add_followup_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: report not in page.open_dialogs)  # saved and closed

    tasks = TasksPage(ctx)
    qtbot.addWidget(tasks)
    tasks.resize(1366, 768)
    tasks.show()
    tasks.activate()
    qtbot.waitUntil(lambda: tasks.model.rowCount() == 1)
    item = tasks.model.rows[0]
    assert (item.task.title, item.bucket) == ("Send the samples", "later")
    assert tasks.model.index(0, 0).data() == "Later (1)"
    assert tasks.model.index(0, 1).data() == "上海华测电子有限公司"
    assert "Later 1" in tasks.summary.text()
    screenshot(tasks, "task_list_en")
    cell = tasks.table.visualRect(tasks.model.index(0, 2)).center()
    qtbot.mouseClick(tasks.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    with qtbot.waitSignal(ctx.events.open_record) as opened:  # it opens its visit
        qtbot.mouseDClick(tasks.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == ["visit", soon]
    qtbot.mouseClick(tasks.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseClick(tasks.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tasks.model.rowCount() == 0)
    assert tasks.message.text() == "Done: Send the samples"


def test_a_visit_on_a_past_day_is_recorded_after_the_fact_only_when_asked(
    qtbot: Any, ctx: AppContext
) -> None:
    from desktop.ui.pages.visits import VisitsPage, week_of
    from desktop.ui.visits.dialogs import ReportDialog

    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    past = dt.datetime.now(SHANGHAI).replace(hour=10, minute=0, second=0, microsecond=0)
    past -= dt.timedelta(days=9)
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = page.open_dialogs[-1]
    dialog.start.setDateTime(to_qdatetime(past, ctx))
    qtbot.keyClicks(dialog.picker.search, "huace")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.account_id is not None)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.warning.isVisible())
    assert "has passed" in dialog.warning.text()
    assert dialog.saved_id is None  # not saved silently as planned
    assert dialog.save_button.text() == "Record as done"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(d, ReportDialog) for d in page.open_dialogs))
    report = next(d for d in page.open_dialogs if isinstance(d, ReportDialog))
    qtbot.waitUntil(lambda: report.detail is not None)
    assert report.checkin_state.text().startswith("Recorded later")
    assert not report.checkin_button.isEnabled()
    # The page shows the visit's own week, and does not call it this week.
    qtbot.waitUntil(lambda: page.week_start == week_of(past.date()))
    assert page.week_label.text() == (
        f"Week of {page.week_start.isoformat()} – "
        f"{(page.week_start + dt.timedelta(days=6)).isoformat()}"
    )
    report.reject()
