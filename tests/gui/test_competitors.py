"""Competitors as a user keeps them: the shared list from the Pipeline page, an
account's incumbents on its Competitors tab, and the names "Mark lost" offers."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.domain.models import Account, Incumbent
from desktop.domain.services import competitors
from desktop.ui.testing import screenshot
from tests.gui.pipeline_helpers import open_pipeline, press, type_into
from tests.gui.test_account_tabs import open_account, show_tab


@pytest.fixture
def page(qtbot: Any, app_context: Any) -> Any:
    widget = open_pipeline(qtbot, app_context)
    yield widget
    app_context.tasks.wait_idle()


def test_add_a_competitor_to_the_shared_list(qtbot: Any, page: Any, app_context: Any) -> None:
    qtbot.mouseClick(page.competitors_button, Qt.MouseButton.LeftButton)
    dialog = page.competitors_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 8)  # the demo's list
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    qtbot.waitUntil(form.isVisible)
    type_into(qtbot, form.name, "ABB")  # already on the list
    qtbot.mouseClick(press(form, QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already on the list" in form.error.text())
    form.name.clear()
    type_into(qtbot, form.name, "埃斯顿")
    type_into(qtbot, form.strengths, "机器人价格低")
    qtbot.mouseClick(press(form, QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 9)
    assert "埃斯顿" in [dialog.model.index(r, 0).data() for r in range(9)]
    screenshot(dialog, "pipeline_competitors_en")
    dialog.accept()


def test_mark_lost_offers_the_deal_s_own_competitors_first(qtbot: Any, page: Any) -> None:
    column = next(c for s, c in page.board.columns.items() if s == "proposal")
    row = next(i for i, c in enumerate(column.model.cards) if c.competitors)
    card = column.model.cards[row]
    column.view.setCurrentIndex(column.model.index(row))
    qtbot.mouseClick(page.lost_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    offered = [dialog.lost_to.itemText(i) for i in range(dialog.lost_to.count())]
    own = card.competitors.splitlines()
    assert offered[: len(own)] == own
    assert "汇川技术" in offered  # and the rest of the shared list
    dialog.reject()


def test_record_and_remove_an_incumbent(qtbot: Any, main_window: Any, app_context: Any) -> None:
    from desktop.ui.pipeline.competitors import AccountCompetitorsTab

    main_window.resize(1500, 900)
    with app_context.db.sessions() as session:
        with_none = select(Incumbent.account_id)
        account_id = session.scalar(
            select(Account.id).where(Account.id.not_in(with_none)).order_by(Account.name)
        )
    page_ = open_account(qtbot, main_window, account_id)
    tab = show_tab(qtbot, page_, AccountCompetitorsTab)
    assert tab.model.rowCount() == 0
    assert tab.summary.text().startswith("No incumbents recorded")
    tab.competitor.setCurrentIndex(tab.competitor.findText("汇川技术"))
    type_into(qtbot, tab.supplies, "PLC")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.summary.text() == "Incumbents: 汇川技术"
    with app_context.db.sessions() as session:
        [row] = competitors.incumbents(session, account_id)
        assert (row.name, row.supplies) == ("汇川技术", "PLC")
    screenshot(main_window, "pipeline_incumbents_en")
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
