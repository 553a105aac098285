"""Help menu: the keyboard-shortcut sheet and the user guide (shipped as package data)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from desktop.ui.main_window import MainWindow

GUIDE_KEYS = QKeySequence.StandardKey.HelpContents  # F1
SHEET_KEYS = "Ctrl+/"


def add_help_actions(window: MainWindow, menu: QMenu) -> None:
    """Put "User guide…" (F1) and "Keyboard shortcuts…" (Ctrl+/) into the Help menu."""
    guide = QAction(QCoreApplication.translate("Help", "&User guide…"), window)
    guide.setObjectName("help-guide")
    guide.setShortcut(QKeySequence(GUIDE_KEYS))
    sheet = QAction(QCoreApplication.translate("Help", "&Keyboard shortcuts…"), window)
    sheet.setObjectName("help-shortcuts")
    sheet.setShortcut(QKeySequence(SHEET_KEYS))

    def open_guide() -> None:
        from desktop.ui.help.guide import GuideDialog

        GuideDialog(window).show()

    def open_sheet() -> None:
        from desktop.ui.help.shortcuts import ShortcutSheet

        ShortcutSheet(window).show()

    guide.triggered.connect(open_guide)
    sheet.triggered.connect(open_sheet)
    menu.addAction(guide)
    menu.addAction(sheet)
    menu.addSeparator()
