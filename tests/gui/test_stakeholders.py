"""The Stakeholders tab (关键人地图) as a rep uses it: tick who attended in the call report
and see "last met" change on the chart; drag a contact's box onto another to put them
under that person (a loop is refused in words); set attitude, strength and buying
roles beside the chart; the tier's coverage gaps show as dashed boxes and a line."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from desktop.domain.models import Account, Contact
from desktop.domain.services import contacts, visits
from desktop.domain.uow import unit_of_work
from desktop.ui.accounts.org_chart import ContactBox, GapBox
from desktop.ui.accounts.stakeholders_tab import StakeholdersTab
from desktop.ui.testing import screenshot
from tests.gui.test_account_tabs import open_account


@pytest.fixture
def window(main_window: Any) -> Any:
    main_window.resize(1366, 768)
    return main_window


@pytest.fixture
def people(app_context: Any) -> dict[str, str]:
    """A tier-A demo account with three fresh contacts and no others."""
    db = app_context.db
    with db.sessions() as session:
        account = session.scalar(
            select(Account.id).where(Account.tier == "A").order_by(Account.name).limit(1)
        )
    assert account is not None
    with unit_of_work(db.sessions, app_context.user_id) as uow:
        for old in uow.session.scalars(select(Contact.id).where(Contact.account_id == account)):
            contacts.delete_contact(uow, old)
        made = {
            name: contacts.create_contact(
                uow, account, {"name": name, "title": title, "role": role}
            )
            for name, title, role in (
                ("王建国", "总经理", "decision_maker"),
                ("李芳", "财务总监", "influencer"),
                ("赵强", "采购经理", "user"),
            )
        }
    return {"account": account, **made}


def show_chart(qtbot: Any, window: Any, account_id: str) -> StakeholdersTab:
    page = open_account(qtbot, window, account_id)
    tab: StakeholdersTab = page.stakeholders
    page.detail.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_for == account_id)
    return tab


def box_of(tab: StakeholdersTab, name: str) -> ContactBox:
    [box] = [b for b in tab.scene.boxes.values() if b.person.name == name]
    return box


def lines(box: ContactBox) -> list[str]:
    return [child.text() for child in box.childItems()]  # type: ignore[attr-defined]


def point_of(tab: StakeholdersTab, box: ContactBox) -> QPoint:
    return tab.view.mapFromScene(box.sceneBoundingRect().center())


def test_attendees_ticked_in_the_report_change_last_met_on_the_chart(
    qtbot: Any, window: Any, app_context: Any, people: dict[str, str]
) -> None:
    tab = show_chart(qtbot, window, people["account"])
    assert "Never met" in lines(box_of(tab, "李芳"))
    # This minute: checked in at once, on the same local day whatever the hour (a visit
    # planned on a day that has passed is refused; check-in opens 2 hours before it).
    start = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    with unit_of_work(app_context.db.sessions, app_context.user_id) as uow:
        visit_id = visits.plan_visit(
            uow,
            account_id=people["account"],
            owner_id=app_context.user_id,
            planned_start=start,
            purpose="预算沟通",
        )
    visits_page = window.show_page("visits")
    dialog = visits_page.open_visit(visit_id)
    picker = dialog.attendees
    qtbot.waitUntil(lambda: picker.loaded)
    names = [picker.contacts.index(r).data() for r in range(picker.contacts.rowCount())]
    row = next(r for r, text in enumerate(names) if text.startswith("李芳"))
    view = picker.contact_list
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(picker.contacts.index(row)).center(),
    )
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert picker.chosen() == ([people["李芳"]], [])
    dialog.notes.setPlainText("财务总监确认了明年的预算")
    dialog.outcome.setFocus()  # the outcome has no default: the user picks one
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Down)
    assert dialog.outcome.currentData() == "positive"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    tab = show_chart(qtbot, window, people["account"])
    today = start.astimezone(app_context.zone).date().isoformat()
    qtbot.waitUntil(lambda: f"Last met {today}" in lines(box_of(tab, "李芳")))
    assert "Never met" in lines(box_of(tab, "王建国"))


def test_drag_a_contact_under_another_and_a_loop_is_refused(
    qtbot: Any, window: Any, app_context: Any, people: dict[str, str]
) -> None:
    tab = show_chart(qtbot, window, people["account"])
    viewport = tab.view.viewport()

    def drag(name: str, onto: str) -> None:
        start, goal = point_of(tab, box_of(tab, name)), point_of(tab, box_of(tab, onto))
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(viewport, start + QPoint(15, 15))
        qtbot.mouseMove(viewport, goal)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=goal)

    drag("赵强", "李芳")
    qtbot.waitUntil(lambda: box_of(tab, "赵强").person.reports_to_id == people["李芳"])
    drag("李芳", "王建国")
    qtbot.waitUntil(lambda: box_of(tab, "李芳").person.reports_to_id == people["王建国"])
    # Three levels now: the buyer's box is below the CFO's, below the GM's.
    ys = [box_of(tab, n).pos().y() for n in ("王建国", "李芳", "赵强")]
    assert ys == sorted(ys)
    assert len(set(ys)) == 3
    screenshot(window, "stakeholders/chart_en")
    # The GM under the buyer would make a loop: refused, said, nothing moves.
    drag("王建国", "赵强")
    qtbot.waitUntil(lambda: tab.message.text() != "")
    assert tab.message.text() == (
        "A contact cannot report to themselves or to someone who reports to them: "
        "that makes a loop."
    )
    assert box_of(tab, "王建国").person.reports_to_id is None
    with app_context.db.sessions() as session:
        assert session.get(Contact, people["王建国"]).reports_to_id is None  # type: ignore[union-attr]


def test_attitude_strength_and_roles_beside_the_chart_and_coverage_gaps(
    qtbot: Any, window: Any, app_context: Any, people: dict[str, str]
) -> None:
    tab = show_chart(qtbot, window, people["account"])
    # Tier A wants a decision maker and finance met within 90 days: nobody was met,
    # and nobody plays finance.
    gaps = sorted(g.gap.role for g in tab.scene.items() if isinstance(g, GapBox))
    assert gaps == ["decision_maker", "finance"]
    assert tab.summary.text().startswith("Tier A wants Decision maker, Finance met within 90 days")
    assert tab.summary.text().endswith(
        "Gaps: Decision maker: not met within 90 days; Finance: nobody in this role"
    )
    # The same line above the account's tabs; clicking it opens the chart.
    line = tab.coverage_line
    assert line is not None
    qtbot.waitUntil(lambda: "Finance: nobody in this role" in line.label.text())
    page = window.page("accounts")
    page.detail.tabs.setCurrentIndex(0)
    label = line.label
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(20, label.height() // 2))
    assert page.detail.tabs.currentWidget() is tab
    qtbot.mouseClick(
        tab.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(tab, box_of(tab, "李芳"))
    )
    assert tab.save_button.isEnabled()
    assert not tab.roles["influencer"].isEnabled()  # her role in the decision
    tab.attitude.setCurrentIndex(tab.attitude.findData("supportive"))
    tab.strength.setCurrentIndex(tab.strength.findData(4))
    finance = tab.roles["finance"]
    qtbot.mouseClick(finance, Qt.MouseButton.LeftButton, pos=QPoint(6, finance.height() // 2))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "finance" in box_of(tab, "李芳").person.roles)
    cfo = box_of(tab, "李芳")
    assert "Supportive ●●●●○" in lines(cfo)
    assert cfo.brush().color().name() == "#dcf2d6"
    # Finance is played now, though not met yet.
    qtbot.waitUntil(
        lambda: (
            sorted((g.gap.role, g.gap.state) for g in tab.scene.gap_boxes)
            == [("decision_maker", "not_met"), ("finance", "not_met")]
        )
    )
    still = tab.selected()  # the same contact stays selected after the redraw
    assert still is not None
    assert still.id == people["李芳"]


def test_chart_in_chinese(
    qtbot: Any, chinese: None, window: Any, app_context: Any, people: dict[str, str]
) -> None:
    with unit_of_work(app_context.db.sessions, app_context.user_id) as uow:
        contacts.update_contact(
            uow,
            people["李芳"],
            {"reports_to_id": people["王建国"], "attitude": "supportive", "strength": 4},
        )
        contacts.update_contact(
            uow,
            people["赵强"],
            {"reports_to_id": people["李芳"], "attitude": "opposed", "strength": 2},
        )
        contacts.update_contact(uow, people["王建国"], {"attitude": "neutral", "strength": 3})
    tab = show_chart(qtbot, window, people["account"])
    page = window.page("accounts")
    assert page.detail.tabs.tabText(2) == "关键人"
    assert "从未见面" in lines(box_of(tab, "李芳"))
    QApplication.processEvents()
    screenshot(window, "stakeholders/chart_zh")
