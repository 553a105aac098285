"""The account's Plan tab as a manager uses it at 1366×768: an objective set with real
clicks and typing, its action added (a follow-up) and seen on the task list; the account
team edited; typed SWOT text is not dropped without asking."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from desktop.domain.models import Account, AccountPlan, AccountTeamMember, Order, User
from desktop.ui.accounts.plan_dialogs import ActionDialog, ObjectiveDialog
from desktop.ui.testing import screenshot
from tests.gui.pipeline_helpers import press, type_into
from tests.gui.test_account_tabs import open_account


def a_team_account(app_context: Any) -> str:
    """An account of a rep of the manager's team that has no plan yet."""
    with app_context.db.sessions() as session:
        me = session.get(User, app_context.user_id)
        return str(
            session.scalar(
                select(Account.id)
                .join(User, User.id == Account.owner_id)
                .where(
                    User.role == "rep",
                    User.team_id == me.team_id,
                    Account.id.not_in(select(AccountPlan.account_id)),
                )
                .order_by(Account.name)
            )
        )


def show_plan(qtbot: Any, main_window: Any, account_id: str) -> Any:
    page = open_account(qtbot, main_window, account_id)
    tab = page.plan
    page.detail.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_for == account_id)
    return tab


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_set_an_objective_add_its_action_and_see_it_on_the_task_list(
    qtbot: Any, main_window: Any, app_context: Any
) -> None:
    main_window.resize(1366, 768)
    account_id = a_team_account(app_context)
    tab = show_plan(qtbot, main_window, account_id)
    assert tab.objectives.rowCount() == 0
    assert tab.add_objective_button.isEnabled()  # the owner's manager may plan

    # A target of zero is refused in words; then 3 sites.
    click(qtbot, tab.add_objective_button)
    dialog = tab.findChild(ObjectiveDialog, "objective-dialog")
    qtbot.waitUntil(lambda: dialog.isVisible())
    type_into(qtbot, dialog.title_edit, "二期产线导入")
    type_into(qtbot, dialog.target, "0")
    click(qtbot, press(dialog, QDialogButtonBox.StandardButton.Save))
    assert dialog.error.text() == "Target must be more than zero."
    dialog.target.clear()
    type_into(qtbot, dialog.target, "3")
    dialog.unit.setCurrentIndex(dialog.unit.findData("sites"))
    click(qtbot, press(dialog, QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: tab.objectives.rowCount() == 1)
    assert tab.objectives.index(0, 0).data() == "二期产线导入"
    assert tab.objectives.index(0, 1).data() == "3 sites"
    assert tab.objectives.index(0, 3).data() == "Open"

    # Its action: a follow-up for me, with a due date.
    click(qtbot, tab.add_action_button)
    action = tab.findChild(ActionDialog, "action-dialog")
    qtbot.waitUntil(lambda: action.isVisible())
    type_into(qtbot, action.title_edit, "约见设备部李工")
    assert action.assignee.currentData() == app_context.user_id
    click(qtbot, press(action, QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: tab.actions.rowCount() == 1)
    assert tab.actions.index(0, 0).data() == "约见设备部李工"
    screenshot(main_window, "account_plan_objectives_en")

    # Mark it achieved.
    tab.objective_view.selectRow(0)
    click(qtbot, tab.achieved_button)
    qtbot.waitUntil(lambda: tab.objectives.index(0, 3).data() == "Achieved")

    tasks = main_window.show_page("tasks")
    qtbot.waitUntil(
        lambda: any(
            "约见设备部李工" in str(tasks.model.index(r, c).data())
            for r in range(tasks.model.rowCount())
            for c in range(tasks.model.columnCount())
        ),
        timeout=10000,
    )


def test_the_team_is_edited_and_typed_swot_text_is_kept(
    qtbot: Any, main_window: Any, app_context: Any
) -> None:
    main_window.resize(1366, 768)
    account_id = a_team_account(app_context)
    tab = show_plan(qtbot, main_window, account_id)
    tab.sections.setCurrentWidget(tab.team)
    team = tab.team
    before = team.model.rowCount()
    assert team.add_button.isEnabled()
    added = team.user.currentText()
    team.role.setCurrentIndex(team.role.findData("technical"))
    click(qtbot, team.add_button)
    qtbot.waitUntil(lambda: team.model.rowCount() == before + 1)
    names = [team.model.index(r, 0).data() for r in range(team.model.rowCount())]
    row = names.index(added)
    assert team.model.index(row, 1).data() == "Technical support"
    team.view.selectRow(row)
    team.role.setCurrentIndex(team.role.findData("sponsor"))
    click(qtbot, team.role_button)
    qtbot.waitUntil(lambda: team.model.index(row, 1).data() == "Executive sponsor")
    screenshot(main_window, "account_plan_team_en")
    team.view.selectRow(row)
    click(qtbot, team.remove_button)
    qtbot.waitUntil(lambda: team.model.rowCount() == before)
    with app_context.db.sessions() as session:
        live = session.scalars(
            select(AccountTeamMember.role).where(
                AccountTeamMember.account_id == account_id, AccountTeamMember.deleted_at.is_(None)
            )
        ).all()
        assert "sponsor" not in live

    # SWOT: typed text, then another year: asked; "Keep editing" keeps year and text.
    tab.sections.setCurrentIndex(2)
    qtbot.keyClicks(tab.swot["strengths"], "Long relationship")
    year = tab.year.value()
    tab.year.setFocus()
    qtbot.keyClick(tab.year, Qt.Key.Key_Up)
    box = tab.findChild(QMessageBox, "plan-discard-swot")
    qtbot.waitUntil(lambda: box.isVisible())
    assert tab.year.value() == year
    click(qtbot, box.button(QMessageBox.StandardButton.Cancel))
    qtbot.waitUntil(lambda: not box.isVisible())
    assert tab.year.value() == year
    assert tab.swot["strengths"].toPlainText() == "Long relationship"
    # Another account and back: the typing waits, said so.
    with app_context.db.sessions() as session:
        other = session.scalar(select(Account.id).where(Account.id != account_id).limit(1))
    show_plan(qtbot, main_window, str(other))
    assert tab.swot["strengths"].toPlainText() != "Long relationship"
    show_plan(qtbot, main_window, account_id)
    assert tab.swot["strengths"].toPlainText() == "Long relationship"
    assert tab.message.text() == "Your unsaved SWOT text is kept: save it or change it."
    click(qtbot, tab.save_swot_button)
    qtbot.waitUntil(lambda: tab.message.text() == "SWOT saved.")
    with app_context.db.sessions() as session:
        saved = session.scalar(
            select(AccountPlan.strengths).where(AccountPlan.account_id == account_id)
        )
    assert saved == "Long relationship"

    # More typing, next year, "Discard": the next year's (empty) plan shows.
    qtbot.keyClicks(tab.swot["threats"], "Price war")
    tab.year.setFocus()
    qtbot.keyClick(tab.year, Qt.Key.Key_Up)
    box = tab.findChild(QMessageBox, "plan-discard-swot")
    qtbot.waitUntil(lambda: box.isVisible())
    click(qtbot, box.button(QMessageBox.StandardButton.Discard))
    qtbot.waitUntil(
        lambda: tab.loaded_for == account_id and tab.shown_key == (account_id, year + 1)
    )
    assert tab.year.value() == year + 1
    assert tab.swot["threats"].toPlainText() == ""
    assert tab.swot["strengths"].toPlainText() == ""
    screenshot(main_window, "account_plan_swot_en")


def test_the_plan_of_a_key_account_in_chinese(
    qtbot: Any, main_window: Any, app_context: Any, chinese: None
) -> None:
    """The demo's key accounts have plans: objectives with actions, whitespace, SWOT."""
    main_window.resize(1366, 768)
    with app_context.db.sessions() as session:
        orders = select(func.count(Order.id)).where(Order.account_id == AccountPlan.account_id)
        account_id = session.scalar(
            select(AccountPlan.account_id).order_by(orders.scalar_subquery().desc()).limit(1)
        )
    tab = show_plan(qtbot, main_window, str(account_id))
    detail = main_window.show_page("accounts").detail
    assert detail.tabs.tabText(detail.tabs.indexOf(tab)) == "计划"
    assert tab.objectives.rowCount() == 3
    assert tab.figures.text().startswith("目标 ¥")
    statuses = {tab.objectives.index(r, 3).data() for r in range(3)}
    assert statuses <= {"进行中", "已达成"}
    screenshot(main_window, "account_plan_objectives_zh_CN")
    for index, name in ((1, "whitespace"), (2, "swot"), (3, "team")):
        tab.sections.setCurrentIndex(index)
        screenshot(main_window, f"account_plan_{name}_zh_CN")
    assert tab.swot["strengths"].toPlainText()
    states = {tab.whitespace.index(r, 4).data() for r in range(tab.whitespace.rowCount())}
    assert "向我们采购" in states
