"""A small column chart drawn with QPainter: grouped or stacked bars and a legend.

QtCharts lives in the PySide6-Addons wheel (about 150 MB more to install and to
freeze); the dashboard needs four plain column charts, so we draw them ourselves.
Values arrive as Decimal or int and are turned into floats here only to place pixels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen
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
        return _maximum(self.categories, self.series, self.stacked)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        colors = Colors(palette.base().color(), palette.text().color(), palette.mid().color())
        paint_bars(
            painter,
            QRectF(self.rect()),
            self.font(),
            colors,
            self.title,
            self.categories,
            self.series,
            stacked=self.stacked,
            no_data=self.tr("No data"),
        )
        painter.end()


@dataclass(frozen=True)
class Colors:
    background: QColor
    text: QColor
    grid: QColor


def paint_bars(
    painter: QPainter,
    rect: QRectF,
    font: QFont,
    colors: Colors,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    stacked: bool = False,
    no_data: str = "",
) -> None:
    """The chart in ``rect`` of any paint device (a widget, or a QImage on a worker for
    a printed report): title on top, legend along the bottom, bars, axis labels."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.fillRect(rect, colors.background)
    metrics = QFontMetricsF(font, painter.device())
    line = metrics.height()
    text_pen = QPen(colors.text)
    painter.setPen(text_pen)
    area = rect.adjusted(line / 2, line / 3, -line / 2, -line / 3)
    if title:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            title,
        )
        painter.setFont(font)
        area.setTop(area.top() + line + 4)
    # legend along the bottom
    legend_top = area.bottom() - line
    x = area.left()
    for index, (name, _) in enumerate(series):
        painter.fillRect(
            QRectF(x, legend_top + line / 4, line / 2, line / 2),
            QColor(PALETTE[index % len(PALETTE)]),
        )
        painter.drawText(QPointF(x + line * 0.7, legend_top + line * 0.8), name)
        x += line * 1.5 + metrics.horizontalAdvance(name)
    area.setBottom(legend_top - 4)
    if not categories or not series:
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, no_data)
        return
    top_value = _nice_ceiling(_maximum(categories, series, stacked))
    # The widest of the five labels (37.5M is wider than 50M).
    labels = [compact(top_value * step / 4) for step in range(5)]
    axis_width = max(*(metrics.horizontalAdvance(text) for text in labels), line * 1.5) + 6
    plot = QRectF(
        area.left() + axis_width,
        area.top() + line / 2,
        area.width() - axis_width,
        area.height() - line * 1.6,
    )
    grid_pen = QPen(colors.grid)
    grid_pen.setWidthF(max(0.5, line / 30))
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
    slot = plot.width() / len(categories)
    bars = 1 if stacked else len(series)
    bar_width = slot * 0.7 / bars
    for ci, category in enumerate(categories):
        left = plot.left() + slot * ci + slot * 0.15
        base = plot.bottom()
        for si, (_, values) in enumerate(series):
            value = values[ci] if ci < len(values) else 0.0
            height = plot.height() * value / top_value if top_value else 0
            color = QColor(PALETTE[si % len(PALETTE)])
            if stacked:
                bar = QRectF(left, base - height, bar_width, height)
                base -= height
            else:
                bar = QRectF(left + bar_width * si, plot.bottom() - height, bar_width, height)
            painter.fillRect(bar, color)
        painter.setPen(text_pen)
        label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, slot)
        painter.drawText(
            QRectF(plot.left() + slot * ci, plot.bottom() + 2, slot, line),
            Qt.AlignmentFlag.AlignCenter,
            label,
        )


def _maximum(
    categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], stacked: bool
) -> float:
    if not series or not categories:
        return 0.0
    if stacked:
        return max(
            sum(values[i] if i < len(values) else 0.0 for _, values in series)
            for i in range(len(categories))
        )
    return max(max(values, default=0.0) for _, values in series)


def bar_chart_png(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number | None]]],
    *,
    family: str,
    width: int = 1860,
    height: int = 680,
) -> bytes:
    """The chart as a PNG for print (a QImage: safe on a worker thread), drawn in
    ``family`` (the bundled CJK font, so Chinese labels print on any machine)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(11811)  # 300 dpi: the font's points scale with it
    image.setDotsPerMeterY(11811)
    font = QFont(family)
    font.setPointSizeF(9)
    painter = QPainter(image)
    try:
        paint_bars(
            painter,
            QRectF(0, 0, width, height),
            font,
            Colors(QColor("white"), QColor("#222222"), QColor("#bbbbbb")),
            title,
            categories,
            [(name, [float(v or 0) for v in values]) for name, values in series],
        )
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())
