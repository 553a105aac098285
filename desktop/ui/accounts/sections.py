"""The account profile's sections: a list on the left, the chosen section beside it
(as the settings of a good desktop app), instead of a row of 15 tabs that needs scroll
arrows on a laptop. Every section's name is always whole and one click away.

It answers the ``QTabWidget`` calls the tabs are added with (``addTab``, ``insertTab``,
``setCurrentWidget``, ``tabText`` …), so a tab added by another area just appears in
the list. Keys: Ctrl+PgDown / Ctrl+PgUp the next / previous section, Alt+1 … Alt+9 (and
Alt+0 for the tenth) a section by its place; Up/Down in the list itself. The section
last chosen is shown again for the next account, and after the page is built again,
for the rest of the session."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QWidget,
)


class CurrentSection(QStackedWidget):
    """A stack as small as the section it shows (a plain stack is as wide as its widest
    page: one wide section would squeeze the accounts list for every section)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = self.layout()
        assert layout is not None
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page else QSize()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page else QSize()


class SectionScroll(QScrollArea):
    """The section, scrolling sideways only when it must: inside a splitter it asks for
    the section's whole width as long as the splitter's other panes keep their minimum
    (the accounts list its compact columns); past that, it scrolls."""

    def __init__(self, stack: CurrentSection, parent: QWidget | None = None) -> None:
        self._splitter: QSplitter | None = None
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(stack)
        self.stack = stack
        stack.currentChanged.connect(lambda _index: self.updateGeometry())

    def _pane(self) -> tuple[QSplitter, QWidget] | None:
        """The splitter above and its pane that holds this section."""
        child: QWidget = self
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QSplitter):
            child, parent = parent, parent.parentWidget()
        if parent is None:
            return None
        if parent is not self._splitter:  # its width changes what may be asked
            parent.installEventFilter(self)
            self._splitter = parent
        return parent, child

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._splitter and event.type() == QEvent.Type.Resize:
            self.updateGeometry()
            return False
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        wanted = self.stack.minimumSizeHint().width()
        found = self._pane()
        if found is None:
            return QSize(wanted, hint.height())
        splitter, pane = found
        others = sum(
            w.minimumWidth() + splitter.handleWidth()
            for i in range(splitter.count())
            if (w := splitter.widget(i)) is not pane and w.isVisible()
        )
        around = pane.width() - self.width()  # the section list and margins beside it
        room = splitter.width() - others - around
        return QSize(max(min(wanted, room), 0), hint.height())


# The section the user last chose, by navigator name: kept for the session only.
_LAST: dict[str, str] = {}
PADDING = 24  # the item's margins and the list's frame, beside the widest name


def forget_sections() -> None:
    """A new session (a test's fresh app) starts at each navigator's first section."""
    _LAST.clear()


def section_key(widget: QWidget) -> str:
    """What a section is called across accounts and page rebuilds."""
    return widget.objectName() or type(widget).__name__


class SectionNavigator(QWidget):
    currentChanged = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.list = QListWidget()
        self.list.setObjectName(f"{name}-list")
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.list.setStyleSheet(
            "QListWidget { background: palette(window); outline: 0; }"
            "QListWidget::item { padding: 3px 6px; }"
        )
        self.stack = CurrentSection()
        # A section wider than a small laptop leaves (a wide table's buttons) scrolls
        # sideways in its place rather than squeezing the accounts list beside it.
        self.scroll = SectionScroll(self.stack)
        self.scroll.setObjectName(f"{name}-scroll")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.list)
        layout.addWidget(self.scroll, 1)
        self.list.currentRowChanged.connect(self._row_chosen)
        # The keys work wherever the focus is in the window while the sections show.
        for keys, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | keys), self)
            shortcut.setWhatsThis(
                self.tr("Next section of the profile")
                if step > 0
                else self.tr("Previous section of the profile")
            )
            shortcut.activated.connect(lambda s=step: self.step(s))
        for number in range(10):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setWhatsThis(
                self.tr("Section %1 of the profile").replace("%1", str(number or 10))
            )
            shortcut.activated.connect(lambda n=number: self._jump((n - 1) % 10))
        self._remember = True

    # -- the QTabWidget calls -----------------------------------------------------------

    def addTab(self, widget: QWidget, title: str) -> int:
        return self.insertTab(self.count(), widget, title)

    def insertTab(self, index: int, widget: QWidget, title: str) -> int:
        index = self.count() if index < 0 or index > self.count() else index
        shown = self.currentWidget()
        self._remember = False
        self.stack.insertWidget(index, widget)
        item = QListWidgetItem(title)
        self.list.insertItem(index, item)
        self._number()
        self._fit_width()
        if shown is not None:
            self.list.setCurrentRow(self.indexOf(shown))
        elif self.count() == 1:
            self.list.setCurrentRow(0)
        if _LAST.get(self.objectName()) == section_key(widget):
            self.list.setCurrentRow(index)  # the section chosen last, back again
        self._remember = True
        return index

    def removeTab(self, index: int) -> None:
        widget = self.widget(index)
        if widget is not None:
            self.stack.removeWidget(widget)
            self.list.takeItem(index)
            self._number()

    def count(self) -> int:
        return self.stack.count()

    def widget(self, index: int) -> QWidget | None:
        return self.stack.widget(index)

    def indexOf(self, widget: QWidget) -> int:
        return self.stack.indexOf(widget)

    def currentIndex(self) -> int:
        return self.stack.currentIndex()

    def currentWidget(self) -> QWidget | None:
        return self.stack.currentWidget()

    def setCurrentIndex(self, index: int) -> None:
        if 0 <= index < self.count():
            self.list.setCurrentRow(index)

    def setCurrentWidget(self, widget: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(widget))

    def tabText(self, index: int) -> str:
        item = self.list.item(index)
        return item.text() if item is not None else ""

    def setTabText(self, index: int, title: str) -> None:
        if (item := self.list.item(index)) is not None:
            item.setText(title)
            self._fit_width()

    def setTabToolTip(self, index: int, tip: str) -> None:
        if (item := self.list.item(index)) is not None:
            item.setToolTip(tip)

    def isTabEnabled(self, index: int) -> bool:
        item = self.list.item(index)
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def setTabEnabled(self, index: int, enabled: bool) -> None:
        if (item := self.list.item(index)) is not None:
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if enabled else Qt.ItemFlag.NoItemFlags)

    # -- choosing -----------------------------------------------------------------------

    def show_for_now(self, index: int) -> None:
        """Show a section without making it the one remembered (a new account's form)."""
        self._remember = False
        self.setCurrentIndex(index)
        self._remember = True

    def restore(self) -> None:
        """The section chosen last (for another account) again, when it is there."""
        key = _LAST.get(self.objectName())
        for index in range(self.count()):
            widget = self.widget(index)
            if widget is not None and section_key(widget) == key and self.isTabEnabled(index):
                self.setCurrentIndex(index)
                return

    def step(self, by: int) -> None:
        """The next (1) or previous (-1) enabled section, round the end."""
        if not self.isVisible() or self.count() == 0:
            return
        index = self.currentIndex()
        for _ in range(self.count()):
            index = (index + by) % self.count()
            if self.isTabEnabled(index):
                self.setCurrentIndex(index)
                return

    def _jump(self, index: int) -> None:
        if self.isVisible() and index < self.count() and self.isTabEnabled(index):
            self.setCurrentIndex(index)

    def _row_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        widget = self.stack.widget(row)
        if self._remember and widget is not None:
            _LAST[self.objectName()] = section_key(widget)
        self.currentChanged.emit(row)

    # -- looks --------------------------------------------------------------------------

    def _number(self) -> None:
        for row in range(self.list.count()):
            if row < 10:
                item = self.list.item(row)
                item.setToolTip(f"Alt+{(row + 1) % 10}")

    def _fit_width(self) -> None:
        """As wide as the longest name: never cut, never wider than it needs."""
        metrics = self.list.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.list.item(r).text()) for r in range(self.list.count())),
            default=0,
        )
        self.list.setFixedWidth(widest + PADDING)
