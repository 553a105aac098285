"""The weekly report (周报) tab as a rep and a manager use it: write, save, submit and
see it locked; export to Excel (user text stays text) and PDF; a manager reads the
team's report and comments. Also: a visit opened from Today moves the calendar."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.domain.services import followups, visits, weekly
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from desktop.ui.context import AppContext
from desktop.ui.testing import screenshot
from tests.programs import pdftotext
from tests.visits_data import SHANGHAI, add_account, add_user, done_visit, page_context

LOCAL_TODAY = dt.datetime.now(SHANGHAI).date()
MONDAY = weekly.week_start(LOCAL_TODAY)
SUMMARY = "=cmd|' /C calc'!A0 本周拜访华测，客户确认二季度采购"


def today_at(hour: int) -> dt.datetime:
    return dt.datetime.combine(LOCAL_TODAY, dt.time(hour), SHANGHAI)


@pytest.fixture
def team(qapp: object, data_dir: Path, db: Database) -> Iterator[dict[str, Any]]:
    rep = add_user(db, signed_in=True)
    manager = add_user(db, "wangfang", "王芳", "manager")
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    done_visit(db, account, rep, today_at(9), notes="客户确认二季度采购三百台")
    with unit_of_work(db.sessions, rep) as uow:
        followups.add_task(
            uow, title="寄送样机", due_date=LOCAL_TODAY, owner_id=rep, account_id=account
        )
    contexts = {
        "rep": page_context(db, data_dir, rep, "张伟", "rep"),
        "manager": page_context(db, data_dir, manager, "王芳", "manager"),
    }
    yield {"rep": rep, "manager": manager, "account": account, **contexts}
    for ctx in contexts.values():
        ctx.tasks.wait_idle()
        ctx.tasks.shutdown()


def weekly_tab(qtbot: Any, ctx: AppContext) -> Any:
    from desktop.ui.pages.visits import VisitsPage

    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 860)
    page.show()
    page.activate()
    page.tabs.setCurrentWidget(page.weekly)
    tab = page.weekly
    qtbot.waitUntil(lambda: tab.view is not None)
    return page, tab


def pdf_text(path: Path) -> str:
    return subprocess.run(
        [pdftotext(), str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_rep_writes_submits_and_the_report_is_locked(
    qtbot: Any, team: dict[str, Any], tmp_path: Path
) -> None:
    page, tab = weekly_tab(qtbot, team["rep"])
    assert "上海华测电子有限公司" in tab.preview.toPlainText()
    assert "客户确认二季度采购三百台" in tab.preview.toPlainText()
    assert "寄送样机" in tab.preview.toPlainText()
    assert not tab.summary.isReadOnly()
    assert not tab.team_view.isVisibleTo(tab)  # a rep has no team list

    # Submitting with no summary is refused where the user looks.
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Write a summary before submitting."

    tab.summary.setPlainText(SUMMARY)
    tab.plan.setPlainText("拜访三家A类客户")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == "Draft saved.")
    qtbot.waitUntil(lambda: tab.view.report is not None and tab.view.report.summary == SUMMARY)
    assert tab.status_label.text() == "Draft"

    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.view.locked)
    assert tab.status_label.text() == "Submitted – locked"
    assert tab.summary.isReadOnly()
    assert tab.plan.isReadOnly()
    assert not tab.submit_button.isEnabled()
    assert not tab.save_button.isEnabled()
    assert tab.summary.toPlainText() == SUMMARY
    screenshot(page, "weekly_report_submitted_en")

    # Excel: the summary is there, as text, never a formula.
    xlsx = tmp_path / "weekly.xlsx"
    saved: list[str] = []
    tab.saved.connect(saved.append)
    tab.save_excel(xlsx)
    qtbot.waitUntil(lambda: saved == [str(xlsx)])
    sheet = load_workbook(xlsx).worksheets[0]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert cells["Summary"].value == SUMMARY
    assert cells["Summary"].data_type == "s"
    assert cells["Status"].value == "Submitted"

    pdf = tmp_path / "weekly.pdf"
    tab.save_pdf(pdf)
    flat = "".join(pdf_text(pdf).split())
    sunday = MONDAY + dt.timedelta(days=6)
    assert f"{MONDAY.isoformat()}–{sunday.isoformat()}" in flat
    assert "本周拜访华测，客户确认二季度采购" in flat
    assert "上海华测电子有限公司" in flat


def test_manager_reads_the_team_report_and_comments(
    qtbot: Any, qtmodeltester: Any, team: dict[str, Any]
) -> None:
    with unit_of_work(team["rep"].db.sessions, team["rep"].user_id) as uow:
        report = weekly.save_draft(
            uow, team["rep"].user_id, MONDAY, summary="完成一次拜访", next_week_plan="谈价格"
        )
        weekly.submit(uow, report)
    page, tab = weekly_tab(qtbot, team["manager"])
    qtbot.waitUntil(lambda: tab.team.rowCount() == 1)
    qtmodeltester.check(tab.team)
    assert tab.team.index(0, 0).data() == "张伟"
    assert tab.team.index(0, 1).data() == "Submitted"
    tab.team_view.clicked.emit(tab.team.index(0, 0))
    qtbot.waitUntil(lambda: tab.view.owner_id == team["rep"].user_id)
    assert "完成一次拜访" in tab.preview.toPlainText()
    assert tab.summary.isReadOnly()  # the manager does not edit the rep's words
    assert tab.comment_button.isEnabled()
    tab.comment.setPlainText("很好，下周重点跟进报价")
    qtbot.mouseClick(tab.comment_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.team.rowCount() == 1 and tab.team.rows[0].status == "commented")
    assert tab.team.index(0, 1).data() == "Commented"
    assert "很好，下周重点跟进报价" in tab.preview.toPlainText()
    screenshot(page, "weekly_report_manager_en")


def test_weekly_report_in_chinese(qtbot: Any, chinese: None, team: dict[str, Any]) -> None:
    with unit_of_work(team["rep"].db.sessions, team["rep"].user_id) as uow:
        weekly.save_draft(
            uow, team["rep"].user_id, MONDAY, summary="完成一次拜访", next_week_plan="谈价格"
        )
    page, tab = weekly_tab(qtbot, team["rep"])
    qtbot.waitUntil(lambda: "完成一次拜访" in tab.preview.toPlainText())
    assert tab.save_button.text() == "保存草稿"
    assert "本周数据" in tab.preview.toPlainText()
    screenshot(page, "weekly_report_zh")


def test_opening_a_visit_from_today_moves_the_calendar_to_its_week(
    qtbot: Any, team: dict[str, Any]
) -> None:
    ctx = team["rep"]
    later = today_at(10) + dt.timedelta(days=21)
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        visit_id = visits.plan_visit(
            uow, account_id=team["account"], owner_id=ctx.user_id, planned_start=later
        )
    from desktop.ui.pages.visits import VisitsPage

    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    assert page.week_start == MONDAY
    assert page.open_record("visit", visit_id)
    qtbot.waitUntil(lambda: page.week_start == MONDAY + dt.timedelta(days=21))
    qtbot.waitUntil(lambda: [r.id for r in page.rows] == [visit_id])
    for dialog in list(page.open_dialogs):
        dialog.reject()


def test_briefing_prints_missing_file_items_in_chinese(
    qtbot: Any, chinese: None, team: dict[str, Any], tmp_path: Path
) -> None:
    ctx = team["rep"]
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        visit_id = visits.plan_visit(
            uow, account_id=team["account"], owner_id=ctx.user_id, planned_start=today_at(16)
        )
    from desktop.ui.pages.visits import VisitsPage

    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.open_visit(visit_id)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    target = tmp_path / "简报.pdf"
    with qtbot.waitSignal(dialog.briefing_saved):
        dialog.save_briefing(target)
    dialog.reject()
    flat = "".join(pdf_text(target).split())
    # The A account has no credit code, no contacts and no business licence.
    assert "填写统一社会信用代码" in flat
    assert "至少3位联系人" in flat
    assert "上传营业执照" in flat
    assert "credit_code" not in flat
    assert "[积极]" in flat  # the last report's outcome, not "positive"
    assert "合作中" in flat  # the account's status, in the Accounts list's words
