"""The keyboard-shortcut sheet, read from the window's own QActions and QShortcuts when
it opens, so it always says what the code does."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.ui.help.dialog import HelpDialog
from desktop.ui.pages import PAGES
from desktop.ui.pages.base import Page

Group = tuple[str, list[tuple[str, str]]]


def _label(text: str) -> str:
    """Menu text as a user reads it: no mnemonic ("&Go", "转到(&G)"), no trailing ellipsis."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")


def _keys(sequences: list[QKeySequence]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in sequences if not s.isEmpty())


def _page_of(obj: object) -> Page | None:
    widget = obj if isinstance(obj, QWidget) else getattr(obj, "parent", lambda: None)()
    while isinstance(widget, QWidget):
        if isinstance(widget, Page):
            return widget
        widget = widget.parentWidget()
    return None


def collect_shortcuts(window: QMainWindow) -> list[Group]:
    """(group title, [(what, keys)]) for every shortcut of the window: the menus first,
    then the window-wide ones, then each page's (every page is built for this)."""
    if getattr(window, "attached", False):
        for key, *_ in PAGES:
            window.page(key)  # type: ignore[attr-defined]
    groups: dict[str, list[tuple[str, str]]] = {}
    seen: set[int] = set()

    def add(group: str, text: str, keys: str) -> None:
        entries = groups.setdefault(group, [])
        if keys and text and (text, keys) not in entries:
            entries.append((text, keys))

    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        for action in menu.actions():
            seen.add(id(action))
            add(_label(menu_action.text()), _label(action.text()), _keys(action.shortcuts()))
    anywhere = QCoreApplication.translate("Help", "Anywhere in the window")
    labels = {page_key: label for page_key, _m, _c, label in PAGES}
    for label in labels.values():  # the pages in navigation order, then the window
        groups[_page_title(label)] = []
    groups[anywhere] = []
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.shortcuts():
            continue
        page = _page_of(action)
        group = anywhere if page is None else _page_title(labels[_key(page)])
        add(group, _label(action.text()), _keys(action.shortcuts()))
    for shortcut in window.findChildren(QShortcut):
        page = _page_of(shortcut)
        group = anywhere if page is None else _page_title(labels[_key(page)])
        add(group, shortcut.whatsThis(), _keys([shortcut.key()]))
    return [(title, entries) for title, entries in groups.items() if entries]


def _key(page: Page) -> str:
    return page.objectName().removeprefix("page-")


def _page_title(label: str) -> str:
    return QCoreApplication.translate("Help", "%1 page").replace(
        "%1", QCoreApplication.translate("Navigation", label)
    )


class ShortcutSheet(HelpDialog):
    def __init__(self, window: QMainWindow) -> None:
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
