"""Every page and the main dialogs fit a 1366x768 and a 1280x720 laptop, in English and
Chinese: the window never needs more than the screen, no visible button or label is cut.

The tests' screen is 1366x768 (tests/conftest.py); the smaller screen is checked by
resizing the window to it. Screenshots: screenshots/layout/<lang>_<size>_<page>.png.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QTabBar,
    QTableView,
    QTabWidget,
    QWidget,
)

from desktop.ui.accounts.sections import SectionNavigator
from desktop.ui.pages import PAGES
from desktop.ui.testing import screenshot
from desktop.ui.window_fit import FRAME, fit_geometry

SCREENS = (QSize(1366, 768), QSize(1280, 720), QSize(1024, 768))


def room(screen: QSize) -> QSize:
    """What a window may take of ``screen``: all of it but a title bar."""
    return QSize(screen.width(), screen.height() - FRAME)


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's viewport, where being larger than the view is the point."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_widgets(top: QWidget) -> list[str]:
    """Visible buttons whose text does not fit, labels narrower than their text, and
    either of them reaching past the window's edge."""
    problems = []
    frame = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0 or _scrolled(widget):
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            text = widget.text().replace("&", "")
            needed = widget.fontMetrics().horizontalAdvance(text) + (
                widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
            )
            if needed + 6 > widget.width():
                problems.append(f"button {text!r}: {widget.width()} px for {needed} px of text")
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            if widget.property("elided"):
                continue  # shortened on purpose, with the whole text in its tooltip
            hint = widget.minimumSizeHint().width()
            if widget.width() < hint:
                problems.append(f"label {widget.text()[:40]!r}: {widget.width()} px of {hint}")
        else:
            continue
        corner = widget.mapTo(top, QPoint(0, 0))
        if not frame.contains(QRect(corner, widget.size()).adjusted(0, 0, -1, -1)):
            problems.append(f"{type(widget).__name__} {widget.text()[:40]!r} past the edge")
    return problems


def crowded_tabs(top: QWidget) -> list[str]:
    """Visible tab bars that need scroll arrows or cut a tab's name, and section lists
    that need scrolling or cut a section's name."""
    problems = []
    for bar in top.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        if needed > bar.width():
            problems.append(f"tab bar needs scroll arrows: {needed} px in {bar.width()}")
        for i in range(bar.count()):
            if bar.tabRect(i).width() < bar.tabSizeHint(i).width():
                problems.append(f"tab {bar.tabText(i)!r} is cut")
    for navigator in top.findChildren(SectionNavigator):
        sections = navigator.list
        if not navigator.isVisible():
            continue
        if sections.verticalScrollBar().isVisible():
            problems.append(f"sections need scrolling in {sections.height()} px")
        room_for_text = sections.viewport().width() - 12  # (the item's padding)
        for row in range(sections.count()):
            text = sections.item(row).text()
            if sections.fontMetrics().horizontalAdvance(text) > room_for_text:
                problems.append(f"section {text!r} is cut")
            if not sections.viewport().rect().contains(sections.visualItemRect(sections.item(row))):
                problems.append(f"section {text!r} is out of sight")
    return problems


def settle(window: Any) -> None:
    window.ctx.tasks.wait_idle()
    QApplication.processEvents()
    window.ctx.tasks.wait_idle()
    QApplication.processEvents()


def check(window: QWidget, screen: QSize, name: str) -> list[str]:
    """Size ``window`` to the screen's room, look, save the screenshot; the problems."""
    fits = room(screen)
    problems = []
    needed = window.minimumSizeHint().expandedTo(window.layout().totalMinimumSize())
    if needed.width() > fits.width() or needed.height() > fits.height():
        problems.append(f"needs {needed.width()}x{needed.height()}")
    window.resize(fits)
    QApplication.processEvents()
    if window.width() > fits.width() or window.height() > fits.height():
        problems.append(f"grew to {window.width()}x{window.height()}")
    problems += cut_widgets(window)
    screenshot(window, f"layout/{name}")
    return [f"{name}: {p}" for p in problems]


@pytest.fixture(params=["en", "zh_CN"])
def language(request: Any, qapp: Any) -> Iterator[str]:
    from desktop.ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)


def click_nav(qtbot: Any, window: Any, row: int) -> None:
    item = window.nav.item(row)
    window.nav.scrollToItem(item)
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.nav.currentRow() == row


def test_every_page_fits_a_laptop_screen(qtbot: Any, language: str, app_context: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.size() == SCREENS[0]
    assert available.contains(window.frameGeometry())
    problems = []
    for row, (key, *_rest) in enumerate(PAGES):
        click_nav(qtbot, window, row)
        settle(window)
        assert window.stack.currentWidget() is window.pages[key]
        for screen in SCREENS:
            size = f"{screen.width()}x{screen.height()}"
            problems += check(window, screen, f"{language}_{size}_{key}")
        if key == "quotes":
            problems += quote_states(qtbot, window, language)
        if key == "accounts":
            problems += account_open(qtbot, window, language)
    assert not problems, "\n".join(problems)


def account_open(qtbot: Any, window: Any, language: str) -> list[str]:
    """An account's profile open beside the list (the first row, then Enter)."""
    page = window.pages["accounts"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    rect = page.table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(page.detail.isVisible)
    settle(window)
    problems = []
    for screen in SCREENS:
        size = f"{screen.width()}x{screen.height()}"
        problems += check(window, screen, f"{language}_{size}_account_open")
        problems += [f"account profile at {size}: {p}" for p in crowded_tabs(page.detail)]
        if screen == SCREENS[0]:
            problems += [f"at {size}: {p}" for p in wide_sections(qtbot, window, page)]
    assert page.detail.tabs.count() >= 13
    return problems


def wide_sections(qtbot: Any, window: Any, page: Any) -> list[str]:
    """Every section of the profile (Ctrl+PgDown through them) shows whole beside the
    list at its compact width: none scrolls sideways."""
    tabs = page.detail.tabs
    problems = []
    window.activateWindow()  # (the keys are the window's while the sections show)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for step in range(1, tabs.count() + 1):
        qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentIndex() == step % tabs.count()
        settle(window)
        qtbot.wait(20)  # (the splitter gives a wide section its room)
        if tabs.scroll.horizontalScrollBar().isVisible():
            problems.append(f"section {tabs.tabText(tabs.currentIndex())!r} scrolls sideways")
    if page.table.width() < page.table.minimumWidth():
        problems.append("the list is narrower than its compact columns")
    assert tabs.currentWidget() is page.detail.profile  # round to the first again
    return problems


def quote_states(qtbot: Any, window: Any, language: str) -> list[str]:
    """The quote editor with a quote open: at 1366x768 its lines table shows 8 lines."""
    page = window.pages["quotes"]
    table = page.table
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    rect = table.visualRect(page.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.editor.quote_id is not None)
    settle(window)
    problems = []
    for screen in SCREENS:
        size = f"{screen.width()}x{screen.height()}"
        problems += check(window, screen, f"{language}_{size}_quote_open")
        if screen == SCREENS[0]:
            lines: QTableView = page.editor.table
            row_height = lines.verticalHeader().defaultSectionSize()
            shown = lines.viewport().height() // row_height
            if shown < 8:
                problems.append(f"quote lines: {shown} rows visible at {size}, not 8")
            header = page.editor.header_area
            if header.height() < header.minimumSizeHint().height():
                problems.append(f"quote header: its fields are cut at {size}")
    return problems


def test_main_dialogs_fit(qtbot: Any, language: str, app_context: Any) -> None:
    from desktop.ui.about import AboutDialog
    from desktop.ui.account_picker import AccountPickerDialog
    from desktop.ui.accounts.dialogs import ContactDialog
    from desktop.ui.help.guide import GuideDialog
    from desktop.ui.settings_dialog import SettingsDialog
    from desktop.ui.visits.planning import PlanVisitDialog

    problems = []
    for name, dialog in (
        ("settings", SettingsDialog(app_context)),
        ("about", AboutDialog(app_context)),
        ("guide", GuideDialog()),
        ("new_quote", AccountPickerDialog(app_context, "New quote")),
        ("contact", ContactDialog()),
        ("plan_visit", PlanVisitDialog(app_context, dt.datetime.now(app_context.zone))),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        app_context.tasks.wait_idle()
        QApplication.processEvents()
        for screen in SCREENS:
            fits = room(screen)
            needed = dialog.minimumSizeHint()
            size = f"{screen.width()}x{screen.height()}"
            if needed.width() > fits.width() or needed.height() > fits.height():
                problems.append(f"{name} at {size}: needs {needed.width()}x{needed.height()}")
            dialog.resize(dialog.sizeHint().boundedTo(fits))
            QApplication.processEvents()
            tabs = dialog.findChild(QTabWidget)
            for tab in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    bar = tabs.tabBar()
                    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
                    app_context.tasks.wait_idle()
                    QApplication.processEvents()
                problems += [f"{name} {tab} at {size}: {p}" for p in cut_widgets(dialog)]
                screenshot(dialog, f"layout/{language}_{size}_dialog_{name}_{tab}")
        dialog.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("available", "saved", "expected"),
    [
        # A 768 screen with a 40 px panel: the default 1280x800 shrinks to fit below a
        # title bar.
        (QRect(0, 0, 1366, 728), None, QRect(43, 32, 1280, 692)),
        (QRect(0, 0, 1920, 1040), None, QRect(320, 134, 1280, 800)),
        # The last geometry when it still fits; not when the screen got smaller.
        (QRect(0, 0, 1920, 1040), QRect(10, 40, 1500, 900), QRect(10, 40, 1500, 900)),
        (QRect(0, 0, 1366, 728), QRect(10, 40, 1500, 900), QRect(43, 32, 1280, 692)),
        (QRect(0, 0, 1024, 738), None, QRect(4, 32, 1016, 702)),
    ],
)
def test_window_opens_inside_the_screen(available: QRect, saved: QRect, expected: QRect) -> None:
    assert fit_geometry(available, saved) == expected


def test_window_reopens_where_it_was_when_that_fits(qtbot: Any, app_context: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(QRect(100, 80, 1000, 600))
    window.close()
    again = MainWindow(app_context)
    qtbot.addWidget(again)
    assert again.geometry() == QRect(100, 80, 1000, 600)


def test_a_tall_page_does_not_grow_the_window(qtbot: Any, main_window: Any) -> None:
    """A page that asks for more than the screen is cut (and the checks above say so);
    the window itself stays inside the screen."""
    main_window.resize(1024, 600)
    page = main_window.show_page("sync")
    QApplication.processEvents()
    tall = QLabel("tall")
    tall.setMinimumHeight(2000)
    page.layout().addWidget(tall)
    QApplication.processEvents()
    assert main_window.size() == QSize(1024, 600)
    assert "needs" in check(main_window, SCREENS[1], "tall_page")[0]
