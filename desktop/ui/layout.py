"""Layout helpers that keep pages inside a laptop screen."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget


def scrolled(content: QWidget, grow: bool = True) -> QScrollArea:
    """``content`` in a frameless scroll area that follows its width and scrolls
    vertically: a long form no longer decides how tall the window must be.

    With ``grow=False`` the area asks for no height of its own; it takes what its
    neighbours leave (beside the totals, above the lines) and scrolls the rest.
    """
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    if not grow:
        area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
    return area
