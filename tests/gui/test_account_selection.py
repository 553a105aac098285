"""The accounts list and the open profile agree: moving in the list shows the account
moved to (asking before unsaved typing is dropped); a search, a filter, a sort keep the
profile's row selected and in sight, and when they leave it out nothing is selected and
the profile says so."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.models import Account
from tests.gui.test_account_sections import open_row
from tests.gui.test_accounts import open_accounts_page, type_search


def shown(page: Any) -> str | None:
    account = page.detail.account
    return str(account["id"]) if account is not None else None


def agree(page: Any) -> bool:
    """The profile's account is the one row selected (and the current one), in sight."""
    account_id = shown(page)
    row = page.model.row_of(account_id) if account_id else -1
    if row < 0 or page.selected_ids() != [account_id]:
        return False
    view = page.table.viewport().rect()
    rect: QRect = page.table.visualRect(page.model.index(row, 0))
    return page.table.currentIndex().row() == row and view.intersects(rect)


def test_down_and_up_in_the_list_show_the_account_moved_to(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    first = open_row(qtbot, page, 0)
    second = page.model.ids()[1]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown(page) == second)
    assert agree(page)
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: shown(page) == first)
    assert agree(page)
    # A click on another row shows it too.
    rect = page.table.visualRect(page.model.index(4, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: shown(page) == page.model.ids()[4])
    assert agree(page)
    app_context.tasks.wait_idle()


def test_sorting_keeps_the_profiles_row_selected_and_in_sight(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context, height=500)
    account_id = open_row(qtbot, page, 1)
    header = page.table.horizontalHeader()
    before = page.model.ids()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QRect(header.sectionViewportPosition(0), 0, header.sectionSize(0), 10).center(),
    )
    qtbot.waitUntil(lambda: page.model.ids() != before)
    assert page.model.row_of(account_id) > 30  # (now near the end of the list)
    qtbot.waitUntil(lambda: agree(page))
    assert shown(page) == account_id
    assert not page.follows.hint.isVisible()
    app_context.tasks.wait_idle()


def test_a_search_that_leaves_the_account_out_clears_the_selection_and_says_so(
    qtbot: Any, app_context: Any
) -> None:
    page = open_accounts_page(qtbot, app_context)
    account_id = open_row(qtbot, page, 0)
    type_search(qtbot, page, "huawei")
    qtbot.waitUntil(lambda: page.follows.hint.isVisible())
    assert account_id not in page.model.ids()
    assert page.selected_ids() == []
    assert not page.table.currentIndex().isValid()
    assert shown(page) == account_id  # the profile stays open
    # Down in the list now picks the first row, and the profile follows.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown(page) == page.model.ids()[0])
    assert agree(page)
    assert not page.follows.hint.isVisible()
    # Clearing the search brings every account back, the shown one selected.
    huawei = shown(page)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)
    qtbot.waitUntil(lambda: agree(page))
    assert shown(page) == huawei
    app_context.tasks.wait_idle()


def test_show_in_the_list_clears_the_search_and_filters(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    account_id = open_row(qtbot, page, 0)
    page.filters.tier_filter.setFocus()
    qtbot.keyClick(page.filters.tier_filter, Qt.Key.Key_End)  # the last tier
    type_search(qtbot, page, "huawei")
    qtbot.waitUntil(lambda: page.follows.hint.isVisible())
    qtbot.mouseClick(page.follows.hint.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)
    qtbot.waitUntil(lambda: agree(page))
    assert shown(page) == account_id
    assert page.search.text() == ""
    assert page.filters.tier_filter.currentIndex() == 0
    assert not page.follows.hint.isVisible()
    app_context.tasks.wait_idle()


def test_a_filter_keeps_or_clears_the_selection_with_the_profile(
    qtbot: Any, app_context: Any
) -> None:
    page = open_accounts_page(qtbot, app_context)
    with app_context.db.sessions() as session:
        tiers = {a.id: a.tier for a in session.query(Account)}
    ids = page.model.ids()
    row = next(r for r, i in enumerate(ids) if tiers[i] == "A")
    account_id = open_row(qtbot, page, row)
    tier = page.filters.tier_filter
    tier.setFocus()
    qtbot.keyClick(tier, Qt.Key.Key_Down)  # tier A: the account stays in the list
    qtbot.waitUntil(lambda: page.model.rowCount() < 40)
    qtbot.waitUntil(lambda: agree(page))
    assert shown(page) == account_id
    qtbot.keyClick(tier, Qt.Key.Key_Down)  # tier B: it leaves the list
    qtbot.waitUntil(lambda: page.follows.hint.isVisible())
    assert page.selected_ids() == []
    assert shown(page) == account_id
    qtbot.keyClick(tier, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: agree(page))
    assert not page.follows.hint.isVisible()
    app_context.tasks.wait_idle()


def test_moving_away_from_unsaved_typing_asks_first(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    first = open_row(qtbot, page, 0)
    short_name = page.detail.profile.inputs["short_name"]
    short_name.clear()
    qtbot.keyClicks(short_name, "Typed")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.follows.box is not None and page.follows.box.isVisible())
    box = page.follows.box
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.follows.box is None)
    assert shown(page) == first
    assert agree(page)
    assert short_name.text() == "Typed"

    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.follows.box is not None and page.follows.box.isVisible())
    box = page.follows.box
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(page) == page.model.ids()[1])
    assert agree(page)
    assert short_name.text() != "Typed"
    QApplication.processEvents()
    app_context.tasks.wait_idle()


def test_with_the_profile_closed_moving_only_selects(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    open_row(qtbot, page, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert not page.detail.isVisible()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    app_context.tasks.wait_idle()
    QApplication.processEvents()
    assert not page.detail.isVisible()
    assert page.selected_ids() == [page.model.ids()[1]]
