"""The account profile's sections: a list on the left that names every section whole,
a click or a key away (Ctrl+PgDown/PgUp, Alt+number), the one chosen last shown again
for the next account and after the page is built again; a tab another area adds just
appears in the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.ui.table_model import ROW_ID_ROLE
from tests.gui.test_accounts import open_accounts_page


def open_row(qtbot: Any, page: Any, row: int) -> str:
    """Click a row of the list and press Enter: its profile opens."""
    table = page.table
    rect = table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_Return)
    account_id = str(page.model.index(row, 0).data(ROW_ID_ROLE))
    qtbot.waitUntil(
        lambda: (
            page.detail.isVisible()
            and page.detail.account is not None
            and page.detail.account["id"] == account_id
        )
    )
    return account_id


def click_section(qtbot: Any, page: Any, title: str) -> None:
    sections = page.detail.tabs.list
    item = sections.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    rect = sections.visualItemRect(item)
    qtbot.mouseClick(sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_click_on_a_section_shows_it(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    open_row(qtbot, page, 0)
    tabs = page.detail.tabs
    assert tabs.count() >= 13
    assert tabs.currentWidget() is page.detail.profile
    click_section(qtbot, page, "Contacts")
    assert tabs.currentWidget() is page.detail.contacts
    assert page.detail.contacts.isVisible()
    assert not page.detail.profile.isVisible()
    # Every name is whole: the list is as wide as its longest name.
    metrics = tabs.list.fontMetrics()
    for row in range(tabs.count()):
        text = tabs.tabText(row)
        assert metrics.horizontalAdvance(text) < tabs.list.viewport().width(), text


def test_keys_move_between_sections_from_anywhere_in_the_page(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    open_row(qtbot, page, 0)
    tabs = page.detail.tabs
    page.table.setFocus()  # the focus is in the list, not in the profile
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 2
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == tabs.count() - 1  # round the end
    qtbot.keyClick(
        page.detail.profile.inputs["name"], Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier
    )
    assert tabs.currentIndex() == 4
    qtbot.keyClick(page.table, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentWidget() is page.detail.profile
    # In the list itself the arrows move.
    tabs.list.setFocus()
    qtbot.keyClick(tabs.list, Qt.Key.Key_Down)
    assert tabs.currentIndex() == 1


def test_the_section_chosen_last_stays_for_the_next_account_and_page(
    qtbot: Any, app_context: Any
) -> None:
    page = open_accounts_page(qtbot, app_context)
    open_row(qtbot, page, 0)
    click_section(qtbot, page, "Contacts")
    open_row(qtbot, page, 3)
    assert page.detail.tabs.currentWidget() is page.detail.contacts
    # A new account starts on its form, with the other sections closed to it …
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.detail.tabs.currentWidget() is page.detail.profile
    assert not page.detail.tabs.isTabEnabled(1)
    # … and the next account opened is shown at the section chosen last.
    open_row(qtbot, page, 1)
    assert page.detail.tabs.currentWidget() is page.detail.contacts
    page.close()
    app_context.tasks.wait_idle()

    again = open_accounts_page(qtbot, app_context)
    open_row(qtbot, again, 2)
    assert again.detail.tabs.currentWidget() is again.detail.contacts
    app_context.tasks.wait_idle()


def test_a_tab_another_area_adds_is_listed_and_reachable(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    extra = QLabel("the account plan")
    page.detail.tabs.insertTab(2, extra, "Account plan and receivables")
    page.detail.add_tab(QLabel("pack"), "Review pack")
    open_row(qtbot, page, 0)
    tabs = page.detail.tabs
    assert tabs.tabText(2) == "Account plan and receivables"
    assert tabs.tabText(tabs.count() - 1) == "Review pack"
    assert tabs.currentWidget() is page.detail.profile  # (adding did not move the user)
    qtbot.keyClick(page.table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert tabs.currentWidget() is extra
    assert extra.isVisible()
    width = tabs.list.fontMetrics().horizontalAdvance("Account plan and receivables")
    assert width < tabs.list.viewport().width()
    app_context.tasks.wait_idle()
