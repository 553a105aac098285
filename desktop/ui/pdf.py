"""HTML -> A4 PDF with Qt (QTextDocument + QPdfWriter), Chinese as real text.

The bundled CJK font (resources/fonts, a GB2312 subset of WenQuanYi Micro Hei) is
registered with Qt before rendering, so a machine with no Chinese font installed
still prints 中文 as selectable, searchable text. Table header rows (``<thead>``)
repeat at the top of every page. Used by the quote PDF and the visit briefing.

Needs a QGuiApplication (the CLI makes an offscreen one: ``ensure_gui_app``).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from desktop.paths import resource_path

FONT_FILE = "WenQuanYiMicroHei-GB2312.ttf"
FONT_FAMILY = "WenQuanYi Micro Hei"
MARGIN_MM = 15
RESOLUTION = 300  # dots per inch of the PDF's layout grid

_registered: str | None = None


def ensure_gui_app() -> QGuiApplication:
    """A QGuiApplication for rendering; offscreen when there is no display (the CLI)."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def register_bundled_font() -> str:
    """Load the bundled CJK font once; returns its family name."""
    global _registered
    if _registered is not None:
        return _registered
    path = resource_path("fonts", FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise OSError(f"could not load the bundled font {path}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    _registered = families[0] if families else FONT_FAMILY
    return _registered


def render_pdf(html: str, path: Path, title: str, watermark: str = "") -> Path:
    """Render ``html`` onto A4 pages at ``path`` (written atomically) and return it;
    ``watermark`` (a draft's 草稿, say) is written large and pale across every page."""
    ensure_gui_app()
    family = register_bundled_font()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    # Qt writes into memory and Python writes the file, so a full disk or a folder
    # without permission raises (QPdfWriter on a file would fail silently).
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Fieldbook")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    font = QFont(family)
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setHtml(html)
    if watermark:
        _print_with_watermark(document, writer, watermark, family)
    else:
        # With no page size of its own, the document is laid out on the writer's
        # printable area at the writer's resolution, so point sizes print at their size.
        document.print_(writer)
    del writer  # finishes the document
    buffer.close()
    try:
        partial.write_bytes(bytes(data.data()))
        os.replace(partial, path)
    except OSError as exc:  # named by the file the user chose, not the partial one
        raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    finally:
        partial.unlink(missing_ok=True)
    return path


def _print_with_watermark(
    document: QTextDocument, writer: QPdfWriter, text: str, family: str
) -> None:
    """What ``QTextDocument.print_`` does (2 cm inside the printable area, header rows
    repeated, the page number at the foot), with ``text`` painted under each page."""
    painter = QPainter(writer)
    try:
        dpi = writer.logicalDpiY()
        margin = int(2 / 2.54 * dpi)
        # The frame's margin is in the screen's dots; the layout scales it to the writer's.
        screen = QGuiApplication.primaryScreen()
        source_dpi = screen.logicalDotsPerInchY() if screen is not None else 96
        document.documentLayout().setPaintDevice(writer)
        frame = document.rootFrame().frameFormat()
        frame.setMargin(int(2 / 2.54 * source_dpi))
        document.rootFrame().setFrameFormat(frame)
        width, height = writer.width(), writer.height()
        document.setPageSize(QSizeF(width, height))
        ascent = QFontMetrics(document.defaultFont(), writer).ascent()
        mark = QFont(family)
        mark.setPixelSize(int(width / max(4, len(text) * 0.9)))
        mark.setBold(True)
        for number in range(document.pageCount()):
            if number:
                writer.newPage()
            painter.save()
            painter.setPen(QColor(200, 40, 40, 60))
            painter.setFont(mark)
            painter.translate(width / 2, height / 2)
            painter.rotate(-35)
            painter.drawText(
                QRectF(-width, -height / 4, 2 * width, height / 2),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
            painter.restore()
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, width, height))
            painter.restore()
            painter.setFont(document.defaultFont())
            painter.drawText(
                QPointF(width - margin, height - margin + ascent + 5 * dpi / 72),
                str(number + 1),
            )
    finally:
        painter.end()
