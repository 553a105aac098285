"""What all pages share: the context, a heading, and refresh on data changes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.context import AppContext


class Page(QWidget):
    """A main-window page. Subclasses build their widgets in __init__ and load data in
    ``activate`` (called each time the page is shown) through ``ctx.tasks``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.tasks.changed.connect(self.on_data_changed)

    def activate(self) -> None:
        """The page became visible."""

    def on_data_changed(self, entities: set[str]) -> None:
        """A write touched these entities; refresh what shows them."""

    def open_record(self, entity: str, row_id: str) -> bool:
        """Show one record; return False if this page cannot."""
        return False


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label
