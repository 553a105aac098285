"""Help menu: the keyboard-shortcut sheet and the user guide, opened as a user does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop.ui.help.guide import GuideDialog
from desktop.ui.help.shortcuts import ShortcutSheet

SHOTS = Path("/work/shots/help")
# A popup menu on the offscreen platform: it cannot raise or grab, and says so.
menu_popup = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing"
)


def _shot(window: Any, dialog: QWidget, name: str) -> None:
    """What the user sees at 1366x768: the window with the dialog over its middle."""
    window.resize(1366, 768)
    QApplication.processEvents()
    image = window.grab()
    painter = QPainter(image)
    over = dialog.grab()
    painter.drawPixmap(
        (image.width() - over.width()) // 2, (image.height() - over.height()) // 2, over
    )
    painter.end()
    SHOTS.mkdir(parents=True, exist_ok=True)
    image.save(str(SHOTS / f"{name}.png"))


def _open(qtbot: Any, kind: type[QWidget]) -> Any:
    found: list[Any] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)]
        return any(w.isVisible() for w in found)

    qtbot.waitUntil(shown)
    return next(w for w in found if w.isVisible())


def _click_help_item(qtbot: Any, window: Any, name: str) -> None:
    """Open the Help menu with the mouse and click the item ``name``."""
    bar = window.menuBar()
    help_entry = bar.actions()[-1]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(help_entry).center())
    menu: QMenu = help_entry.menu()
    qtbot.waitUntil(menu.isVisible)
    item = next(a for a in menu.actions() if a.objectName() == name)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())


def _go_action(window: Any, label: str) -> QAction:
    go = window.menuBar().actions()[1].menu()
    return next(a for a in go.actions() if a.text() == label)


def test_help_menu_lists_guide_shortcuts_and_about(main_window: Any) -> None:
    menu = main_window.menuBar().actions()[-1].menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&User guide…", "&Keyboard shortcuts…", "&About Fieldbook"]


@menu_popup
def test_shortcut_sheet_from_the_menu_lists_the_real_shortcuts(
    qtbot: Any, main_window: Any
) -> None:
    _click_help_item(qtbot, main_window, "help-shortcuts")
    sheet = _open(qtbot, ShortcutSheet)
    rows = sheet.rows()
    native = QKeySequence.SequenceFormat.NativeText
    assert ("Go", "Today", QKeySequence("Ctrl+1").toString(native)) in rows
    assert ("Help", "Keyboard shortcuts", "Ctrl+/") in rows
    assert ("Anywhere in the window", "Sync now", "F5, Ctrl+R") in rows
    # Pages not opened yet are in it too: the Accounts page's own shortcuts.
    assert ("Accounts page", "Search accounts", "Ctrl+F") in rows
    assert ("Accounts page", "Export to Excel", "Ctrl+E") in rows
    # No two actions of one group share a key: the new shortcuts clash with nothing.
    by_group: dict[tuple[str, str], str] = {}
    for group, text, keys in rows:
        for key in keys.split(", "):
            assert (group, key) not in by_group, (group, key, text, by_group.get((group, key)))
            by_group[(group, key)] = text
    # Each QShortcut says what it does (its whatsThis), or the sheet could not list it.
    assert all(s.whatsThis() for s in main_window.findChildren(QShortcut))
    # The Help keys are used nowhere else in the window, on no page.
    every_key = [key for _g, _t, keys in rows for key in keys.split(", ")]
    assert every_key.count("F1") == 1
    assert every_key.count("Ctrl+/") == 1
    _shot(main_window, sheet, "shortcuts_en")


def test_shortcut_sheet_follows_a_changed_shortcut(qtbot: Any, main_window: Any) -> None:
    _go_action(main_window, "Today").setShortcut(QKeySequence("Ctrl+Shift+T"))
    qtbot.keyClick(main_window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    sheet = _open(qtbot, ShortcutSheet)
    today = [keys for group, text, keys in sheet.rows() if (group, text) == ("Go", "Today")]
    native = QKeySequence.SequenceFormat.NativeText
    assert today == [QKeySequence("Ctrl+Shift+T").toString(native)]


def test_f1_opens_the_guide_in_english_with_working_links(qtbot: Any, main_window: Any) -> None:
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    guide = _open(qtbot, GuideDialog)
    browser = guide.browser
    assert guide.windowTitle() == "Fieldbook user guide"
    assert "Sync and conflicts" in browser.toPlainText()
    assert "使用指南" not in browser.toPlainText()
    _shot(main_window, guide, "guide_en")
    # Follow the contents' "Sync and conflicts" link with the mouse: the page scrolls there.
    qtbot.waitUntil(lambda: browser.viewport().isVisible())
    scroll = browser.verticalScrollBar()
    assert scroll.value() == 0
    assert scroll.maximum() > 0
    cursor = browser.document().find("Sync and conflicts")
    rect = browser.cursorRect(cursor)
    qtbot.mouseClick(
        browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() - QPoint(20, 0)
    )
    qtbot.waitUntil(lambda: scroll.value() > 0)
    top = browser.cursorForPosition(QPoint(5, 5))
    top.select(top.SelectionType.LineUnderCursor)
    assert "Sync and conflicts" in top.selectedText() or scroll.value() == scroll.maximum()


@menu_popup
def test_guide_and_sheet_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    _click_help_item(qtbot, window, "help-guide")
    guide = _open(qtbot, GuideDialog)
    assert "Fieldbook 使用指南" in guide.browser.toPlainText()
    assert guide.windowTitle() == "Fieldbook 使用指南"
    _shot(window, guide, "guide_zh_CN")
    guide.close()
    window.activateWindow()  # back to the window, as closing the guide does on a desktop
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    sheet = _open(qtbot, ShortcutSheet)
    assert sheet.windowTitle() == "键盘快捷键"
    rows = sheet.rows()
    assert ("客户页", "搜索客户", "Ctrl+F") in rows
    assert ("帮助", "使用指南", "F1") in rows  # "帮助(&H)" without its mnemonic
    assert any(text == "今日" and keys == "Ctrl+1" for _g, text, keys in rows)
    _shot(window, sheet, "shortcuts_zh_CN")


def test_every_language_has_its_guide_shipped_in_the_package() -> None:
    import tomllib
    from importlib import resources

    from desktop.ui.help.guide import guide_html
    from desktop.ui.i18n import LANGUAGES

    assert "使用指南" in guide_html("zh_CN")
    assert "user guide" in guide_html("en")
    assert guide_html("fr") == guide_html("en")  # no French guide: English
    for language in LANGUAGES:  # a new interface language needs its own guide
        assert (resources.files("desktop.ui.help") / f"guide_{language}.html").is_file()
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    assert "*.html" in pyproject["tool"]["setuptools"]["package-data"]["desktop.ui.help"]
