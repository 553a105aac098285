"""What the Pipeline and competitor GUI tests share: the page as a user opens it,
typing as a user types (Chinese through the input method), a dialog's buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton


def open_pipeline(qtbot: Any, ctx: Any) -> Any:
    from desktop.ui.pages.pipeline import PipelinePage

    widget = PipelinePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: sum(len(c.model.cards) for c in widget.board.columns.values()) > 0)
    return widget


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    """Type as a user does: ASCII as keys, Chinese as an input method commits it."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def press(dialog: Any, which: QDialogButtonBox.StandardButton) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(which)  # type: ignore[no-any-return]
