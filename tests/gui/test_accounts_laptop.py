"""The Accounts page on a 1366x768 laptop: with a profile open the list keeps name,
tier, status and owner whole beside it; closing the profile brings back the user's
own columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.ui.accounts.list_view import COMPACT
from desktop.ui.accounts.model import COLUMNS
from desktop.ui.testing import screenshot
from tests.gui.test_accounts import open_accounts_page

PAGE_WIDTH = 1366 - 170  # the window's width less the navigation


def shown_keys(page: Any) -> list[str]:
    header = page.table.horizontalHeader()
    return [c.key for i, c in enumerate(COLUMNS) if not header.isSectionHidden(i)]


def test_the_list_keeps_its_four_columns_beside_a_profile(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context, height=700)
    page.resize(PAGE_WIDTH, 700)
    before = shown_keys(page)
    assert len(before) > 4
    table = page.table
    rect = table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.isVisible() and page.detail.account is not None)

    assert shown_keys(page) == [k for k in before if k in COMPACT]
    assert {"name", "tier", "status", "owner"} <= set(shown_keys(page))
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)  # nothing cut off
    header = table.horizontalHeader()
    for index, column in enumerate(COLUMNS):
        if column.key in shown_keys(page):
            title = page.model.headerData(index, Qt.Orientation.Horizontal)
            assert header.sectionSize(index) >= header.fontMetrics().horizontalAdvance(title)
    assert page.detail.width() >= PAGE_WIDTH // 2  # the profile gets the larger part
    screenshot(page, "layout/accounts_profile_beside_the_list")

    qtbot.mouseClick(page.detail.profile.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.detail.isVisible())
    assert shown_keys(page) == before
    page.close()
    app_context.tasks.wait_idle()
    # The compact columns were never saved as the user's choice.
    again = open_accounts_page(qtbot, app_context, height=700)
    assert shown_keys(again) == before
    app_context.tasks.wait_idle()
