"""The keyboard-shortcut sheet, read from the window's own QActions and QShortcuts when
it opens, so it always says what the code does."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from desktop.ui.help.dialog import HelpDialog
from desktop.ui.pages import PAGES

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

Group = tuple[str, list[tuple[str, str]]]


def _label(text: str) -> str:
    """Menu text as a user reads it: no mnemonic ("&Go", "转到(&G)"), no trailing ellipsis."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")


def _keys(sequences: list[QKeySequence]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in sequences if not s.isEmpty())


def _owner(obj: QObject, pages: dict[int, str]) -> str | None:
    """The key of the page ``obj`` sits in (None: the window itself)."""
    widget = obj if isinstance(obj, QWidget) else obj.parent()
    while isinstance(widget, QWidget):
        if id(widget) in pages:
            return pages[id(widget)]
        widget = widget.parentWidget()
    return None


def collect_shortcuts(window: MainWindow) -> list[Group]:
    """(group title, [(what, keys)]) for every shortcut of the window: the menus first,
    then each page's in navigation order (every page is built for this), then the
    window-wide ones. A QShortcut says what it does in its whatsThis."""
    if window.attached:
        for key, *_ in PAGES:
            window.page(key)
    pages = {id(page): key for key, page in window.pages.items()}
    groups: dict[str | None, tuple[str, list[tuple[str, str]]]] = {}

    def add(group: str | None, text: str, keys: str) -> None:
        entries = groups[group][1]
        if keys and (text, keys) not in entries:
            entries.append((text, keys))

    in_menus: set[int] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        title = _label(menu_action.text())
        groups[title] = (title, [])
        for action in menu.actions():
            in_menus.add(id(action))
            add(title, _label(action.text()), _keys(action.shortcuts()))
    for key, _module, _cls, label in PAGES:
        title = QCoreApplication.translate("Help", "%1 page").replace(
            "%1", QCoreApplication.translate("Navigation", label)
        )
        groups[key] = (title, [])
    groups[None] = (QCoreApplication.translate("Help", "Anywhere in the window"), [])
    for action in window.findChildren(QAction):
        if id(action) not in in_menus:
            add(_owner(action, pages), _label(action.text()), _keys(action.shortcuts()))
    for shortcut in window.findChildren(QShortcut):
        add(_owner(shortcut, pages), shortcut.whatsThis(), _keys([shortcut.key()]))
    return [(title, entries) for title, entries in groups.values() if entries]


class ShortcutSheet(HelpDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "shortcut-sheet", 520, 600)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcut-list")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        for title, entries in collect_shortcuts(window):
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for text, keys in entries:
                QTreeWidgetItem(group, [text, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.set_body(self.tree)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the sheet shows: (group, action, keys) per line."""
        shown = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                shown.append((group.text(0), child.text(0), child.text(1)))
        return shown
