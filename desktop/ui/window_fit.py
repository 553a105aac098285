"""Where the main window opens: inside the screen's available area, never past it.

A window manager's frame is outside the widget's geometry and not known before the
window is shown, so ``FRAME`` pixels are kept free above the window for its title bar
and ``BORDER`` on the other sides.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

PREFERRED = QSize(1280, 800)
MINIMUM = QSize(800, 500)  # set explicitly, so a page's size hint never grows the window
FRAME = 32
BORDER = 4


def fit_geometry(available: QRect, saved: QRect | None = None) -> QRect:
    """The saved geometry when it still lies inside ``available``, else the preferred
    size shrunk to the available area and centred in it."""
    room = available.adjusted(BORDER, FRAME, -BORDER, -BORDER)
    if saved is not None and saved.isValid() and room.contains(saved):
        return QRect(saved)
    size = PREFERRED.boundedTo(room.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(room.center())
    return rect


def geometry_text(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()},{rect.width()},{rect.height()}"


def parse_geometry(text: str) -> QRect | None:
    try:
        x, y, width, height = (int(part) for part in text.split(","))
    except ValueError:
        return None
    return QRect(x, y, width, height)
