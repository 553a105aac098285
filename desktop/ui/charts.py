"""A small column chart drawn with QPainter: grouped or stacked bars and a legend.

QtCharts lives in the PySide6-Addons wheel (about 150 MB more to install and to
freeze); the dashboard needs four plain column charts, so we draw them ourselves.
Values arrive as Decimal or int and are turned into floats here only to place pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47")
Number = Decimal | int | float


def compact(value: float) -> str:
    """Axis labels: 1.2M, 350k, 12."""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        return f"{value / 1_000_000:.1f}M".replace(".0M", "M")
    if magnitude >= 10_000:
        return f"{value / 1000:.0f}k"
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if factor * step >= value:
            return float(factor * step)
    return float(10 * step)


class BarChart(QWidget):
    """Column chart: categories along x, one bar per series (or stacked)."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self.stacked = False
        self.label: Callable[[float], str] = compact
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[Number | None]]],
        *,
        stacked: bool = False,
    ) -> None:
        self.categories = list(categories)
        self.series = [(name, [float(v or 0) for v in values]) for name, values in series]
        self.stacked = stacked
        self.update()

    def maximum(self) -> float:
        if not self.series or not self.categories:
            return 0.0
        if self.stacked:
            return max(sum(s[1][i] for s in self.series) for i in range(len(self.categories)))
        return max(max(values, default=0.0) for _, values in self.series)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        text_pen = QPen(palette.text().color())
        painter.setPen(text_pen)
        area = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        if self.title:
            bold = self.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(
                QRectF(area.left(), area.top(), area.width(), line),
                Qt.AlignmentFlag.AlignCenter,
                self.title,
            )
            painter.setFont(self.font())
            area.setTop(area.top() + line + 4)
        # legend along the bottom
        legend_top = area.bottom() - line
        x = area.left()
        for index, (name, _) in enumerate(self.series):
            painter.fillRect(
                QRectF(x, legend_top + line / 4, line / 2, line / 2),
                QColor(PALETTE[index % len(PALETTE)]),
            )
            painter.drawText(QPointF(x + line * 0.7, legend_top + line * 0.8), name)
            x += line * 1.5 + metrics.horizontalAdvance(name)
        area.setBottom(legend_top - 4)
        if not self.categories or not self.series:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No data"))
            painter.end()
            return
        top_value = _nice_ceiling(self.maximum())
        # The widest of the five labels (37.5M is wider than 50M).
        labels = [compact(top_value * step / 4) for step in range(5)]
        axis_width = max(*(metrics.horizontalAdvance(text) for text in labels), 24) + 6
        plot = QRectF(
            area.left() + axis_width,
            area.top() + line / 2,
            area.width() - axis_width,
            area.height() - line * 1.6,
        )
        grid_pen = QPen(palette.mid().color())
        grid_pen.setWidthF(0.5)
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(area.left(), y - line / 2, axis_width - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                labels[step],
            )
        slot = plot.width() / len(self.categories)
        bars = 1 if self.stacked else len(self.series)
        bar_width = slot * 0.7 / bars
        for ci, category in enumerate(self.categories):
            left = plot.left() + slot * ci + slot * 0.15
            base = plot.bottom()
            for si, (_, values) in enumerate(self.series):
                value = values[ci] if ci < len(values) else 0.0
                height = plot.height() * value / top_value if top_value else 0
                color = QColor(PALETTE[si % len(PALETTE)])
                if self.stacked:
                    rect = QRectF(left, base - height, bar_width, height)
                    base -= height
                else:
                    rect = QRectF(left + bar_width * si, plot.bottom() - height, bar_width, height)
                painter.fillRect(rect, color)
            painter.setPen(text_pen)
            label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, slot)
            painter.drawText(
                QRectF(plot.left() + slot * ci, plot.bottom() + 2, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        painter.end()
