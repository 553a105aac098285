"""The user guide: one HTML page per language, shipped in this package."""

from __future__ import annotations

from importlib import resources

from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.ui.help.dialog import HelpDialog
from desktop.ui.i18n import interface_language


def guide_html(language: str) -> str:
    """The guide in ``language`` (zh_CN or en); English when there is none in it."""
    folder = resources.files("desktop.ui.help")
    page = folder / f"guide_{language}.html"
    if not page.is_file():
        page = folder / "guide_en.html"
    return page.read_text(encoding="utf-8")


class GuideDialog(HelpDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, "user-guide", 720, 640)
        self.setWindowTitle(self.tr("Fieldbook user guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide-text")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html(interface_language()))
        self.set_body(self.browser)
