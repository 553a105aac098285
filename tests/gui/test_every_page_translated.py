"""Every page in Chinese and in pseudo-translation, screenshotted into
screenshots/pages/<mode>/ so clipped layouts can be seen, and checked for strings that
never went through tr(): in pseudo mode every button, tab and group title is bracketed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QTabBar,
    QWidget,
)

from desktop.ui.accounts.sections import SectionNavigator
from desktop.ui.i18n import PseudoTranslator, install_translators, remove_translators
from desktop.ui.pages import PAGES
from desktop.ui.testing import screenshot


@pytest.fixture(params=["zh_CN", "pseudo"])
def mode(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    if request.param == "pseudo":
        translators = [PseudoTranslator(qapp)]
        qapp.installTranslator(translators[0])
    else:
        translators = install_translators(qapp, "zh_CN")
    yield request.param
    remove_translators(qapp, translators)


def chrome_texts(page: QWidget) -> list[str]:
    """Texts the program wrote (not data): buttons, tabs, group titles, table headers."""
    texts = [b.text() for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
    for bar in page.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    for sections in page.findChildren(SectionNavigator):  # tabs listed on the left
        texts += [sections.tabText(i) for i in range(sections.count())]
    texts += [g.title() for g in page.findChildren(QGroupBox)]
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        header = getattr(view, "horizontalHeader", None)
        if model is None or header is None or not view.isVisibleTo(page):
            continue
        texts += [
            str(model.headerData(i, Qt.Orientation.Horizontal) or "")
            for i in range(model.columnCount())
            if not header().isSectionHidden(i)
        ]
    return [t.replace("&", "") for t in texts if t and any(c.isalpha() for c in t)]


def test_every_page(qtbot: Any, mode: str, app_context: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    untranslated: dict[str, list[str]] = {}
    for key, *_ in PAGES:
        page = window.show_page(key)
        qtbot.wait(50)
        app_context.tasks.wait_idle()
        QApplication.processEvents()
        screenshot(window, f"pages/{mode}/{key}")
        if mode == "pseudo":
            missing = [t for t in chrome_texts(page) if not t.startswith("[")]
            if missing:
                untranslated[key] = missing
    assert untranslated == {}
