"""The pipeline board: one column per stage, a card per opportunity; drag a card to
another column to move it.

Each column is a ``QListView`` over a ``CardsModel`` (ids and plain cards loaded off
the GUI thread), so thousands of cards cost one model each, not a widget each. The
drag is the board's own mouse handling across its columns (press on a card, move past
the drag distance, release over another column): it never leaves the window, it shows
the target column while it goes, and a test drives it with ordinary mouse events.
The board only says what was dropped where (``moved``); the page decides and writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import OPPORTUNITY_STAGES
from desktop.domain.services.opportunities import Card, StageTotal
from desktop.ui.format import local_date, money
from desktop.ui.labels import stage_label
from desktop.ui.table_model import ROW_ID_ROLE

VIEW_STYLE = "QListView { background: palette(window); border: none; }"
TARGET_STYLE = "QFrame#stage-column { background: #dbe7fb; border-radius: 6px; }"
Index = QModelIndex | QPersistentModelIndex
CARD_ROLE = Qt.ItemDataRole.UserRole + 10
GREY = QColor("#666666")
LOST_RED = QColor("#b3261e")


class CardsModel(QAbstractListModel):
    """The cards of one stage: plain ``Card`` rows, shown as three lines each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cards: list[Card] = []

    def set_cards(self, cards: Sequence[Card]) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card_text(card)
        if role == CARD_ROLE:
            return card
        if role == ROW_ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.next_step or card.lost_reason or None
        return None


def card_lines(card: Card) -> list[str]:
    """The card's name, account, figures and (lost to a competitor) who won it."""
    due = local_date(card.close_date) if card.close_date else "—"
    figures = f"{money(card.amount)} · {card.probability}% · {due}"
    lines = [card.name, card.account_name, figures]
    if card.stage == "lost" and card.lost_to:
        lines.append(
            QApplication.translate("PipelineBoard", "Lost to %1").replace("%1", card.lost_to)
        )
    return lines


def card_text(card: Card) -> str:
    return "\n".join(card_lines(card))


class CardDelegate(QStyledItemDelegate):
    """A card: a framed box, the name in bold, each line elided on its own."""

    LINES = 4
    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = option.fontMetrics.height() * self.LINES + 2 * self.PAD + 8
        return QSize(option.rect.width() or 200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CARD_ROLE)
        if card is None:
            return
        box = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#2f6fde" if selected else "#c8ccd2"), 2 if selected else 1))
        painter.setBrush(option.palette.base())
        painter.drawRoundedRect(box, 5, 5)
        bold = QFont(option.font)
        bold.setBold(True)
        fonts = ((bold, QFontMetrics(bold)), (option.font, option.fontMetrics))
        pens = (option.palette.text().color(), GREY, LOST_RED)
        height = option.fontMetrics.height()
        inner = box.adjusted(self.PAD, self.PAD - 2, -self.PAD, 0)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for number, text in enumerate(card_lines(card)):
            font, metrics = fonts[number > 0]
            painter.setFont(font)
            painter.setPen(pens[2] if number == 3 else pens[1] if number == 1 else pens[0])
            line = inner.adjusted(0, number * height, 0, 0)
            line.setHeight(height)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, line.width())
            painter.drawText(line, align, shown)
        painter.restore()


class StageColumn(QFrame):
    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName("stage-column")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.header = QLabel()
        self.header.setObjectName(f"stage-header-{stage}")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.model = CardsModel(self)
        self.view = QListView()
        self.view.setObjectName(f"stage-{stage}")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setStyleSheet(VIEW_STYLE)
        layout.addWidget(self.view, 1)
        self.more = QLabel()  # "the soonest 200 of 5,123": the list shows them all
        self.more.setObjectName(f"stage-more-{stage}")
        self.more.setWordWrap(True)
        self.more.hide()
        layout.addWidget(self.more)
        self.set_total(StageTotal(stage, 0, Decimal(0), Decimal(0)))

    def show_cards(self, cards: Sequence[Card], total: StageTotal) -> None:
        self.model.set_cards(cards)
        self.set_total(total)
        hidden = total.count - len(cards)
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self.more.setText(
                QApplication.translate(
                    "PipelineBoard", "%1 more: the List view shows every one"
                ).replace("%1", f"{hidden:,}")
            )

    def set_total(self, total: StageTotal) -> None:
        weighted = QApplication.translate("PipelineBoard", "weighted %1")
        self.header.setText(
            f"<b>{stage_label(self.stage)}</b> · {total.count}<br>{money(total.amount)}<br>"
            + weighted.replace("%1", money(total.weighted))
        )

    def card_rect_center(self, row: int) -> QPoint:
        """Where card ``row`` is, in the view's viewport (for tests and the drag)."""
        return self.view.visualRect(self.model.index(row)).center()


class Board(QWidget):
    """Columns by stage. ``moved(opportunity_id, stage)`` when a card is dropped on
    another column; ``opened(opportunity_id)`` on a double click."""

    moved = Signal(str, str)
    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipeline-board")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.columns: dict[str, StageColumn] = {}
        for stage in OPPORTUNITY_STAGES:
            column = StageColumn(stage, self)
            column.view.viewport().installEventFilter(self)
            column.view.doubleClicked.connect(
                lambda index: self.opened.emit(index.data(ROW_ID_ROLE))
            )
            column.view.selectionModel().selectionChanged.connect(
                lambda *_, c=column: self._only(c)
            )
            self.columns[stage] = column
            row.addWidget(column, 1)
        # (card id, its column, where the press was, global)
        self._pressed: tuple[str, StageColumn, QPoint] | None = None
        self._dragging: str | None = None
        self._target: StageColumn | None = None

    def show_cards(self, cards: Sequence[Card], totals: dict[str, StageTotal]) -> None:
        by_stage: dict[str, list[Card]] = {stage: [] for stage in OPPORTUNITY_STAGES}
        for card in cards:
            by_stage.setdefault(card.stage, []).append(card)
        for stage, column in self.columns.items():
            column.show_cards(by_stage[stage], totals[stage])

    def selected_id(self) -> str | None:
        """The one selected card (a selection in one column clears the others)."""
        for column in self.columns.values():
            indexes = column.view.selectionModel().selectedIndexes()
            if indexes:
                return str(indexes[0].data(ROW_ID_ROLE))
        return None

    def _only(self, chosen: StageColumn) -> None:
        if not chosen.view.selectionModel().hasSelection():
            return
        for column in self.columns.values():
            if column is not chosen:
                column.view.clearSelection()

    def select(self, opportunity_id: str) -> bool:
        """Select the card and scroll to it; False when no column shows it."""
        for column in self.columns.values():
            column.view.clearSelection()
        for column in self.columns.values():
            for row, card in enumerate(column.model.cards):
                if card.id == opportunity_id:
                    column.view.setCurrentIndex(column.model.index(row))
                    column.view.scrollTo(column.model.index(row))
                    return True
        return False

    # -- the drag ---------------------------------------------------------------------

    def _column_at(self, global_pos: QPoint) -> StageColumn | None:
        for column in self.columns.values():
            if column.rect().contains(column.mapFromGlobal(global_pos)):
                return column
        return None

    def _highlight(self, column: StageColumn | None) -> None:
        if column is self._target:
            return
        if self._target is not None:
            self._target.setStyleSheet("")
        self._target = column
        if column is not None:
            column.setStyleSheet(TARGET_STYLE)

    def _end_drag(self) -> None:
        self._highlight(None)
        self._pressed = self._dragging = None
        self.unsetCursor()
        for column in self.columns.values():
            column.view.viewport().unsetCursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.MouseButtonRelease,
        ) or not isinstance(event, QMouseEvent):
            return False
        source = next((c for c in self.columns.values() if c.view.viewport() is watched), None)
        if source is None:
            return False
        global_pos = event.globalPosition().toPoint()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            index = source.view.indexAt(event.position().toPoint())
            self._pressed = (
                (str(index.data(ROW_ID_ROLE)), source, global_pos) if index.isValid() else None
            )
            return False
        if kind == QEvent.Type.MouseMove and self._pressed is not None:
            if not event.buttons() & Qt.MouseButton.LeftButton:
                self._end_drag()
                return False
            card_id, origin, start = self._pressed
            if self._dragging is None:
                if (global_pos - start).manhattanLength() < QApplication.startDragDistance():
                    return False
                self._dragging = card_id
                origin.view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            self._highlight(self._column_at(global_pos))
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._dragging and self._pressed:
            card_id, origin, _start = self._pressed
            target = self._column_at(global_pos)
            self._end_drag()
            if target is not None and target is not origin:
                self.moved.emit(card_id, target.stage)
            return True
        if kind == QEvent.Type.MouseButtonRelease:
            self._pressed = None
        return False
