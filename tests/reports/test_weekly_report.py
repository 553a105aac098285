"""The weekly report's documents: the Excel keeps what the rep typed as text (never a
formula) and carries the week's visits and follow-ups; the HTML escapes user text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from desktop.domain.services import followups, weekly
from desktop.domain.uow import unit_of_work
from desktop.reports.weekly_report import render_html, write_xlsx
from desktop.store.migrate import Database
from tests.visits_data import add_account, add_user, at, done_visit, plan

MONDAY = dt.date(2026, 3, 2)


def make_week(db: Database) -> str:
    rep = add_user(db)
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    done_visit(db, account, rep, at("2026-03-03"), notes='=HYPERLINK("x") 客户要样机')
    plan(db, account, rep, at("2026-03-12"), purpose="商务谈判")
    with unit_of_work(db.sessions, rep) as uow:
        followups.add_task(uow, title="-寄样机", due_date=MONDAY, owner_id=rep)
        weekly.save_draft(
            uow, rep, MONDAY, summary="=cmd|' /C calc'!A0\n完成一次拜访", next_week_plan="+谈价格"
        )
    return rep


def test_excel_keeps_user_text_as_text_and_lists_the_week(db: Database, tmp_path: Path) -> None:
    rep = make_week(db)
    with db.sessions() as session:
        view = weekly.week_view(session, rep, MONDAY)
    path = write_xlsx(view, tmp_path / "周报.xlsx")
    book = load_workbook(path)
    first = book[book.sheetnames[0]]
    values = {row[0].value: row[1] for row in first.iter_rows(min_row=2)}
    summary = values["Summary"]
    assert summary.value == "=cmd|' /C calc'!A0\n完成一次拜访"
    assert summary.data_type == "s"
    assert values["Next week's plan"].value == "+谈价格"
    assert values["Next week's plan"].data_type == "s"
    assert values["Week"].value == "2026-03-02 – 2026-03-08"
    visits_sheet = book["Visits"]
    (visit,) = list(visits_sheet.iter_rows(min_row=2, values_only=True))
    assert visit[0] == dt.datetime(2026, 3, 3)
    assert visit[2] == "上海华测电子有限公司"
    assert visit[7] == '=HYPERLINK("x") 客户要样机'
    notes_cell = visits_sheet.cell(row=2, column=8)
    assert notes_cell.data_type == "s"
    follow_ups = list(book["Follow-ups"].iter_rows(min_row=2, values_only=True))
    assert follow_ups[0][0] == "-寄样机"
    assert follow_ups[0][3] == "Overdue"
    (upcoming,) = list(book["Visits planned next week"].iter_rows(min_row=2, values_only=True))
    assert upcoming[3] == "商务谈判"


def test_html_escapes_user_text_and_uses_given_labels(db: Database) -> None:
    rep = make_week(db)
    with unit_of_work(db.sessions, rep) as uow:
        weekly.save_draft(uow, rep, MONDAY, summary="<b>好</b>", next_week_plan="")
    with db.sessions() as session:
        view = weekly.week_view(session, rep, MONDAY)
    html = render_html(view, {"summary": "本周总结", "title": "周报"})
    assert "&lt;b&gt;好&lt;/b&gt;" in html
    assert "本周总结" in html
    assert "周报 · 张伟" in html
    assert "2026-03-02 – 2026-03-08" in html
