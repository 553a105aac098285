"""The Visits page (placeholder until its issue lands)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext
from desktop.ui.pages.base import PlaceholderPage


class VisitsPage(PlaceholderPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("VisitsPage", "Visits"), parent)
