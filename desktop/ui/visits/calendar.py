"""The week calendar: days across, hours down, visits as coloured blocks.

Drag a planned visit to move it (snapped to 15 minutes); click a visit to open it;
double-click an empty slot to plan a visit there. The widget only paints and reports;
the page does the writing.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.domain.services.visits import VisitRow
from desktop.ui.visits.models import status_label, type_label, visit_colour

FIRST_HOUR = 7
LAST_HOUR = 21
HOUR_HEIGHT = 48
GUTTER = 52
HEADER = 34
SNAP_MINUTES = 15


class WeekCalendar(QWidget):
    visit_moved = Signal(str, object)  # visit id, new start (aware UTC datetime)
    visit_activated = Signal(str)
    slot_requested = Signal(object)  # aware UTC datetime of the clicked slot

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week-calendar")
        self.zone = zone
        self.week_start = dt.date.today()
        self.today = dt.date.today()
        self.visits: list[VisitRow] = []
        self._drag: tuple[VisitRow, QPoint] | None = None
        self._drag_start: dt.datetime | None = None
        self.setMouseTracking(False)
        self.setMinimumHeight(HEADER + (LAST_HOUR - FIRST_HOUR) * HOUR_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(900, HEADER + (LAST_HOUR - FIRST_HOUR) * HOUR_HEIGHT)

    def set_week(self, week_start: dt.date, visits: list[VisitRow], today: dt.date) -> None:
        self.week_start, self.visits, self.today = week_start, visits, today
        self._drag = None
        self.update()

    # -- geometry ------------------------------------------------------------------
    def _day_width(self) -> float:
        return max(1.0, (self.width() - GUTTER) / 7)

    def _local(self, when: dt.datetime) -> dt.datetime:
        return when.astimezone(self.zone)

    def block_rect(self, visit: VisitRow, start: dt.datetime | None = None) -> QRectF:
        local = self._local(start or visit.start)
        day = (local.date() - self.week_start).days
        hours = local.hour + local.minute / 60 - FIRST_HOUR
        top = HEADER + max(0.0, hours) * HOUR_HEIGHT
        height = max(18.0, visit.minutes / 60 * HOUR_HEIGHT)
        left = GUTTER + day * self._day_width()
        return QRectF(left + 2, top + 1, self._day_width() - 4, height - 2)

    def point_for(self, when: dt.datetime) -> QPoint:
        """Where on the widget a local time is (for tests and drops)."""
        local = self._local(when)
        day = (local.date() - self.week_start).days
        x = GUTTER + (day + 0.5) * self._day_width()
        y = HEADER + (local.hour + local.minute / 60 - FIRST_HOUR) * HOUR_HEIGHT
        return QPoint(int(x), round(y))

    def time_at(self, point: QPoint) -> dt.datetime | None:
        if point.x() < GUTTER or point.y() < HEADER:
            return None
        day = int((point.x() - GUTTER) // self._day_width())
        if not 0 <= day < 7:
            return None
        minutes = (point.y() - HEADER) / HOUR_HEIGHT * 60 + FIRST_HOUR * 60
        minutes = int(round(minutes / SNAP_MINUTES) * SNAP_MINUTES)
        minutes = max(0, min(minutes, 24 * 60 - SNAP_MINUTES))
        local = dt.datetime.combine(
            self.week_start + dt.timedelta(days=day), dt.time(), self.zone
        ) + dt.timedelta(minutes=minutes)
        return local.astimezone(dt.UTC)

    def block_lines(self, visit: VisitRow, start: dt.datetime | None = None) -> list[str]:
        """What a visit's block says, line by line as room allows (each elided to the
        block's width when drawn): time and client, the purpose, type and status."""
        local = self._local(start or visit.start)
        lines = [f"{local:%H:%M} {visit.account_name}"]
        if visit.purpose:
            lines.append(visit.purpose)
        lines.append(f"{type_label(visit.visit_type)} · {status_label(visit.status)}")
        return lines

    def event(self, event: QEvent) -> bool:
        # A block too small for its words shows them all in its tooltip.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            visit = self.visit_at(event.pos())
            if visit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), "\n".join(self.block_lines(visit)), self)
            return True
        return super().event(event)

    def visit_at(self, point: QPoint) -> VisitRow | None:
        for visit in reversed(self.visits):
            if self.block_rect(visit).contains(point):
                return visit
        return None

    # -- mouse ---------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        visit = self.visit_at(event.position().toPoint())
        if visit is not None:
            self._drag = (visit, event.position().toPoint())
            self._drag_start = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        visit, origin = self._drag
        delta = event.position().toPoint() - origin
        if visit.status != "planned" or delta.manhattanLength() < 4:
            self._drag_start = None
            return
        anchor = self.point_for(visit.start)
        self._drag_start = self.time_at(anchor + delta)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        visit, _ = self._drag
        self.mouseMoveEvent(event)
        new_start = self._drag_start
        self._drag, self._drag_start = None, None
        self.update()
        if new_start is not None and new_start != visit.start:
            self.visit_moved.emit(visit.id, new_start)
        else:
            self.visit_activated.emit(visit.id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self.visit_at(point) is None:
            when = self.time_at(point)
            if when is not None:
                self.slot_requested.emit(when)

    # -- painting ------------------------------------------------------------------
    def _day_names(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        width = self._day_width()
        grid = QPen(QColor("#d9dde2"))
        today_index = (self.today - self.week_start).days
        if 0 <= today_index < 7:
            painter.fillRect(
                QRectF(GUTTER + today_index * width, 0, width, self.height()), QColor("#fff7e0")
            )
        painter.setPen(grid)
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = HEADER + (hour - FIRST_HOUR) * HOUR_HEIGHT
            painter.drawLine(GUTTER, y, self.width(), y)
            painter.setPen(palette.text().color())
            painter.drawText(
                QRectF(0, y - 8, GUTTER - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{hour:02d}:00",
            )
            painter.setPen(grid)
        for day in range(8):
            x = GUTTER + day * width
            painter.drawLine(int(x), 0, int(x), self.height())
        painter.setPen(palette.text().color())
        for day in range(7):
            date = self.week_start + dt.timedelta(days=day)
            label = f"{self._day_names()[date.weekday()]} {date.month}/{date.day}"
            font = painter.font()
            font.setBold(day == today_index)
            painter.setFont(font)
            painter.drawText(
                QRectF(GUTTER + day * width, 0, width, HEADER),
                int(Qt.AlignmentFlag.AlignCenter),
                label,
            )
        font = painter.font()
        font.setBold(False)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        for visit in self.visits:
            dragging = self._drag is not None and self._drag[0].id == visit.id
            start = self._drag_start if dragging and self._drag_start else visit.start
            rect = self.block_rect(visit, start)
            colour = visit_colour(visit.visit_type, visit.status)
            if dragging and self._drag_start:
                colour.setAlpha(170)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(QColor("white"))
            lines = self.block_lines(visit, start)
            text_rect = rect.adjusted(4, 2, -3, -2)
            y = text_rect.top()
            for line in lines:
                if y + metrics.height() > text_rect.bottom() + 2:
                    break
                painter.drawText(
                    QRectF(text_rect.left(), y, text_rect.width(), metrics.height()),
                    int(Qt.AlignmentFlag.AlignLeft),
                    metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(text_rect.width())),
                )
                y += metrics.height()
        painter.end()
