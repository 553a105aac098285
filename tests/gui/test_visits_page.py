"""The Visits and Today pages as a rep uses them: plan, clash warning, drag to move,
check in, write the call report, complete a follow-up, see Today update."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.domain.models import Account
from desktop.domain.services import followups, visits
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from desktop.ui.context import AppContext
from desktop.ui.testing import screenshot
from tests.programs import pdftotext
from tests.visits_data import SHANGHAI, add_account, add_contact, add_user, done_visit

LOCAL_TODAY = dt.datetime.now(SHANGHAI).date()
FIRST_ACCOUNT = "上海华测电子有限公司"


def today_at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(LOCAL_TODAY, dt.time(hour, minute), SHANGHAI)


def this_minute() -> dt.datetime:
    """Now in Shanghai to the minute: a visit planned then may be checked in at once,
    whatever the hour the tests run (check-in opens 2 hours before a visit)."""
    return dt.datetime.now(SHANGHAI).replace(second=0, microsecond=0)


@pytest.fixture
def rep_ctx(qapp: object, data_dir: Path, db: Database) -> Iterator[AppContext]:
    from desktop.settings import Settings
    from desktop.ui.context import AppContext, AppEvents
    from desktop.ui.tasks import TaskRunner

    rep = add_user(db, signed_in=True)
    tasks = TaskRunner(db, lambda: rep)
    ctx = AppContext(
        data_dir=data_dir,
        db=db,
        settings=Settings(data_dir),
        tasks=tasks,
        events=AppEvents(),
        user_id=rep,
        user_name="张伟",
        user_role="rep",
    )
    account = add_account(db, FIRST_ACCOUNT, owner_id=rep)
    add_contact(db, account, "李明")
    add_account(db, "杭州云帆科技有限公司", owner_id=rep, tier="B")
    yield ctx
    tasks.wait_idle()
    tasks.shutdown()


@pytest.fixture
def account(rep_ctx: AppContext) -> str:
    """The rep's account with a contact (made by ``rep_ctx``)."""
    with rep_ctx.db.sessions() as session:
        return str(session.scalar(select(Account.id).where(Account.name == FIRST_ACCOUNT)))


def make_page(qtbot: Any, ctx: AppContext, cls_path: str) -> Any:
    module, cls = cls_path.rsplit(".", 1)
    page = getattr(__import__(module, fromlist=[cls]), cls)(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 860)
    page.show()
    page.activate()
    return page


def plan_through_dialog(qtbot: Any, page: Any, search: str, start: dt.datetime) -> Any:
    dialog = page.plan_visit(start)
    qtbot.keyClicks(dialog.picker.search, search)
    qtbot.waitUntil(lambda: len(dialog.picker.model.choices) == 1)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.picker.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.account_id is not None)
    assert dialog.isVisible()  # Enter picked the account; it did not save
    dialog.purpose.setText("年度续约洽谈")
    return dialog


def test_plan_a_visit_shows_it_in_the_week_and_warns_on_a_clash(
    qtbot: Any, rep_ctx: AppContext
) -> None:
    page = make_page(qtbot, rep_ctx, "desktop.ui.pages.visits.VisitsPage")
    dialog = plan_through_dialog(qtbot, page, "huace", today_at(10))
    qtbot.waitUntil(lambda: len(dialog.contacts.choices) == 1)
    dialog.contacts.setData(
        dialog.contacts.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    dialog.save()
    qtbot.waitUntil(lambda: len(page.rows) == 1)
    (row,) = page.rows
    assert row.account_name == "上海华测电子有限公司"
    assert row.start == today_at(10)
    assert row.location == "上海市浦东新区张江路88号"
    assert page.agenda.rowCount() == 1
    screenshot(page, "visits_week_en")

    clash = plan_through_dialog(qtbot, page, "yunfan", today_at(10, 30))
    clash.save()
    qtbot.waitUntil(lambda: clash.warning.isVisible())
    assert "上海华测电子有限公司" in clash.warning.text()
    assert clash.save_button.text() == "Plan anyway"
    screenshot(clash, "visits_clash_warning_en")
    clash.save()
    qtbot.waitUntil(lambda: len(page.rows) == 2)


def test_drag_a_visit_to_reschedule_it(qtbot: Any, rep_ctx: AppContext, account: str) -> None:
    with unit_of_work(rep_ctx.db.sessions, rep_ctx.user_id) as uow:
        visit_id = visits.plan_visit(
            uow, account_id=account, owner_id=rep_ctx.user_id, planned_start=today_at(10)
        )
    page = make_page(qtbot, rep_ctx, "desktop.ui.pages.visits.VisitsPage")
    qtbot.waitUntil(lambda: len(page.rows) == 1)
    calendar = page.calendar
    grab = calendar.block_rect(page.rows[0]).center().toPoint()
    target = grab + (calendar.point_for(today_at(14, 30)) - calendar.point_for(today_at(10)))
    qtbot.mousePress(calendar, Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(calendar, grab + (target - grab) / 2)
    qtbot.mouseMove(calendar, target)
    qtbot.mouseRelease(calendar, Qt.MouseButton.LeftButton, pos=target)
    qtbot.waitUntil(lambda: page.rows and page.rows[0].start == today_at(14, 30))
    qtbot.waitUntil(lambda: "Moved to" in page.message.text())
    with rep_ctx.db.sessions() as session:
        assert visits.get_visit(session, visit_id).row.start == today_at(14, 30)


def test_check_in_and_write_the_report_then_today_updates(
    qtbot: Any, rep_ctx: AppContext, account: str
) -> None:
    with unit_of_work(rep_ctx.db.sessions, rep_ctx.user_id) as uow:
        visit_id = visits.plan_visit(
            uow,
            account_id=account,
            owner_id=rep_ctx.user_id,
            planned_start=this_minute(),
            purpose="产品演示",
        )
    today_page = make_page(qtbot, rep_ctx, "desktop.ui.pages.today.TodayPage")
    qtbot.waitUntil(lambda: bool(today_page.model.items))
    assert [(i.section, i.title) for i in today_page.model.items] == [
        ("visits", "上海华测电子有限公司"),
        ("coverage", "杭州云帆科技有限公司"),
    ]

    page = make_page(qtbot, rep_ctx, "desktop.ui.pages.visits.VisitsPage")
    dialog = page.open_visit(visit_id)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    assert dialog.checkin_state.text() == "Not checked in"
    dialog.checkin_location.setText("31.2304, 121.4737")
    qtbot.mouseClick(dialog.checkin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Checked in at" in dialog.checkin_state.text())
    assert "31.230400,121.473700" in dialog.checkin_state.text()

    # The outcome and the report are required before the visit counts as done.
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error.text() == "Choose the outcome of the visit."
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("positive"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "Write what happened" in dialog.error.text()
    dialog.notes.setPlainText("客户确认下季度采购计划，要求提供报价")
    dialog.competitors.setText("华为")
    dialog.followup_title.setText("发送正式报价")
    dialog.followup_due.setDate(dialog.followup_due.date().addDays(-8))  # yesterday
    qtbot.mouseClick(dialog.add_followup_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in dialog.followups.choices] == ["发送正式报价"]
    screenshot(dialog, "visits_report_en")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with rep_ctx.db.sessions() as session:
        detail = visits.get_visit(session, visit_id)
    assert detail.row.status == "done"
    assert [t.title for t in detail.follow_ups] == ["发送正式报价"]

    # Today shows the overdue follow-up; marking it done takes it off the list.
    qtbot.waitUntil(lambda: any(i.section == "overdue" for i in today_page.model.items))
    screenshot(today_page, "today_en")
    (task,) = [i for i in today_page.model.items if i.section == "overdue"]
    assert today_page.select_item(task.record_id)
    assert today_page.done_button.isEnabled()
    qtbot.mouseClick(today_page.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(i.section != "overdue" for i in today_page.model.items))
    with rep_ctx.db.sessions() as session:
        assert followups.overdue(session, LOCAL_TODAY, rep_ctx.user_id) == []


def test_today_item_opens_its_record(qtbot: Any, rep_ctx: AppContext, account: str) -> None:
    with unit_of_work(rep_ctx.db.sessions, rep_ctx.user_id) as uow:
        visit_id = visits.plan_visit(
            uow, account_id=account, owner_id=rep_ctx.user_id, planned_start=today_at(9)
        )
    page = make_page(qtbot, rep_ctx, "desktop.ui.pages.today.TodayPage")
    qtbot.waitUntil(lambda: bool(page.model.items))
    opened: list[tuple[str, str]] = []
    rep_ctx.events.open_record.connect(lambda e, i: opened.append((e, i)))
    page.open_item(page.model.index(0, 0))
    assert opened == [("visit", visit_id)]


def test_reminder_before_a_visit_and_overdue_summary(
    qtbot: Any, rep_ctx: AppContext, account: str
) -> None:
    with unit_of_work(rep_ctx.db.sessions, rep_ctx.user_id) as uow:
        visits.plan_visit(
            uow, account_id=account, owner_id=rep_ctx.user_id, planned_start=today_at(15)
        )
        followups.add_task(
            uow,
            title="回访设备安装",
            owner_id=rep_ctx.user_id,
            due_date=LOCAL_TODAY - dt.timedelta(days=3),
        )
    rep_ctx.reminders = True
    from desktop.ui.pages.today import TodayPage

    page = TodayPage(rep_ctx)
    qtbot.addWidget(page)
    page.now = lambda: today_at(14, 50)  # type: ignore[method-assign]
    page.show()
    assert page.reminder_timer.isActive()
    page.activate()
    qtbot.waitUntil(lambda: "At 15:00: visit to 上海华测电子有限公司" in page.reminder_label.text())
    page.check_reminders()  # announced once only
    page.reminder_label.setText("")
    page.check_reminders()
    # wait_idle returns once the second check's result has reached its callback (it
    # raises if it never does): nothing was announced again.
    rep_ctx.tasks.wait_idle()
    assert page.reminder_label.text() == ""
    page.show_overdue_summary()
    qtbot.waitUntil(lambda: "回访设备安装" in page.reminder_label.text())
    assert "Overdue follow-ups: 1 " in page.reminder_label.text()
    page.close()
    assert not page.reminder_timer.isActive()


def test_pages_in_chinese(qtbot: Any, chinese: None, rep_ctx: AppContext, account: str) -> None:
    done_visit(rep_ctx.db, account, rep_ctx.user_id, today_at(9))
    with unit_of_work(rep_ctx.db.sessions, rep_ctx.user_id) as uow:
        visits.plan_visit(
            uow,
            account_id=account,
            owner_id=rep_ctx.user_id,
            planned_start=today_at(14),
            visit_type="video",
        )
    page = make_page(qtbot, rep_ctx, "desktop.ui.pages.visits.VisitsPage")
    qtbot.waitUntil(lambda: len(page.rows) == 2)
    assert page.tabs.tabText(0) == "周视图"
    screenshot(page, "visits_week_zh_CN")
    today_page = make_page(qtbot, rep_ctx, "desktop.ui.pages.today.TodayPage")
    qtbot.waitUntil(lambda: bool(today_page.model.items))
    screenshot(today_page, "today_zh_CN")


def save_briefing(qtbot: Any, ctx: AppContext, account: str, target: Path) -> Any:
    """The briefing of a visit planned for today, saved from the visit's dialog; the
    dialog, and the PDF's text."""
    done_visit(
        ctx.db, account, ctx.user_id, today_at(8) - dt.timedelta(days=7), notes="客户希望下次带样品"
    )
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        visit_id = visits.plan_visit(
            uow,
            account_id=account,
            owner_id=ctx.user_id,
            planned_start=today_at(16),
            purpose="送样品",
        )
    page = make_page(qtbot, ctx, "desktop.ui.pages.visits.VisitsPage")
    dialog = page.open_visit(visit_id)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    with qtbot.waitSignal(dialog.briefing_saved):
        dialog.save_briefing(target)
    assert target.stat().st_size > 1000
    text = subprocess.run(
        [pdftotext(), str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    return dialog, text


def test_briefing_pdf_from_a_planned_visit(
    qtbot: Any, rep_ctx: AppContext, account: str, tmp_path: Path
) -> None:
    """A tier-A account wants a decision maker and a finance contact met within 90
    days: 李明 decides but attended no visit, and nobody is in finance."""
    dialog, text = save_briefing(qtbot, rep_ctx, account, tmp_path / "briefing.pdf")
    assert "Briefing saved" in dialog.error.text()
    assert "Stakeholder gaps" in text
    assert "Missing: Decision maker (not met within 90 days)" in text
    assert "Missing: Finance (nobody in this role)" in text


def test_briefing_pdf_in_chinese_names_the_gaps(
    qtbot: Any, chinese: None, rep_ctx: AppContext, account: str, tmp_path: Path
) -> None:
    _, text = save_briefing(qtbot, rep_ctx, account, tmp_path / "简报.pdf")
    flat = "".join(text.split())
    assert "关键人缺口" in flat
    assert "缺：决策者（90天内未见）" in flat
    assert "缺：财务（无人担任）" in flat
    assert "Missing" not in text


# The offscreen platform cannot size or raise a tooltip window; it says so, harmlessly.
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_a_calendar_block_says_its_purpose_and_shows_it_all_on_hover(
    qtbot: Any, rep_ctx: AppContext, account: str
) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    purpose = "年度框架协议续签与明年预算确认"
    with unit_of_work(rep_ctx.db.sessions, rep_ctx.user_id) as uow:
        visits.plan_visit(
            uow,
            account_id=account,
            owner_id=rep_ctx.user_id,
            planned_start=today_at(10),
            purpose=purpose,
        )
    page = make_page(qtbot, rep_ctx, "desktop.ui.pages.visits.VisitsPage")
    qtbot.waitUntil(lambda: len(page.rows) == 1)
    calendar = page.calendar
    visit = page.rows[0]
    lines = calendar.block_lines(visit)
    assert lines[0] == f"10:00 {FIRST_ACCOUNT}"
    assert lines[1] == purpose  # under the client, before type and status
    # A day column is narrower than these words: the tooltip says them whole.
    at = calendar.block_rect(visit).center().toPoint()
    QApplication.sendEvent(calendar, QHelpEvent(QEvent.Type.ToolTip, at, calendar.mapToGlobal(at)))
    qtbot.waitUntil(lambda: purpose in QToolTip.text())
    assert FIRST_ACCOUNT in QToolTip.text()
    empty = QPoint(2, calendar.height() - 2)  # the hour gutter: no block
    QApplication.sendEvent(
        calendar, QHelpEvent(QEvent.Type.ToolTip, empty, calendar.mapToGlobal(empty))
    )
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
