"""Layout helpers that keep pages inside a laptop screen."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


def scrolled(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that follows its width, asks for no height
    of its own and scrolls the rest: it takes what its neighbours leave (beside the
    quote's totals, say), so a long text never decides how tall the window must be."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
    return area
