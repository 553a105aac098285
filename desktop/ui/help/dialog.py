"""What the Help dialogs share: a modeless window with one body and a Close button."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    """Stays open beside the window (the user reads it while working); deleted on close."""

    def __init__(self, parent: QWidget | None, name: str, width: int, height: int) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._size = QSize(width, height)
        self.resize(self._size)
        self._layout = QVBoxLayout(self)

    def sizeHint(self) -> QSize:
        """Room to read (a text browser alone would ask for a postcard)."""
        return self._size

    def set_body(self, body: QWidget) -> None:
        self._layout.addWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self._layout.addWidget(buttons)
