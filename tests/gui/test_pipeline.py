"""The Pipeline page as a user drives it: drag a card to another stage, edit one, mark
one lost (the reason is required), create one, switch to the list; in both languages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.domain.models import Opportunity
from desktop.ui.testing import screenshot
from tests.gui.pipeline_helpers import open_pipeline, press, type_into


@pytest.fixture
def page(qtbot: Any, app_context: Any) -> Any:
    widget = open_pipeline(qtbot, app_context)
    yield widget
    app_context.tasks.wait_idle()


def stored(ctx: Any, opportunity_id: str) -> Opportunity:
    with ctx.db.sessions() as session:
        row = session.get(Opportunity, opportunity_id)
        session.expunge(row)
        return row  # type: ignore[no-any-return]


def drag(qtbot: Any, page: Any, source: str, row: int, target: str) -> str:
    """Press on card ``row`` of ``source``, move over ``target``'s column, release: as a
    mouse does (the pressed view keeps the mouse until it is released)."""
    column = page.board.columns[source]
    card_id = column.model.cards[row].id
    viewport = column.view.viewport()
    start = column.card_rect_center(row)
    goal = page.board.columns[target]
    over = viewport.mapFromGlobal(goal.mapToGlobal(goal.rect().center()))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(12, 0))
    qtbot.mouseMove(viewport, over)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=over)
    return card_id


def test_dragging_a_card_to_another_stage_moves_it(qtbot: Any, page: Any, app_context: Any) -> None:
    source = next(s for s in ("lead", "qualified", "proposal") if page.board.columns[s].model.cards)
    header_before = page.board.columns["negotiation"].header.text()
    card_id = drag(qtbot, page, source, 0, "negotiation")
    qtbot.waitUntil(lambda: stored(app_context, card_id).stage == "negotiation")
    assert stored(app_context, card_id).probability == 75  # the stage's default
    column = page.board.columns["negotiation"]
    qtbot.waitUntil(lambda: card_id in {c.id for c in column.model.cards})
    assert card_id not in {c.id for c in page.board.columns[source].model.cards}
    assert column.header.text() != header_before  # the count and the amounts moved too
    screenshot(page, "pipeline_board_en")


def test_a_short_press_and_release_on_a_card_moves_nothing(qtbot: Any, page: Any) -> None:
    column = next(c for c in page.board.columns.values() if c.model.cards)
    viewport = column.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=column.card_rect_center(0))
    assert page.selected_id() == column.model.cards[0].id
    assert not page.ctx.tasks.busy


def test_dropping_on_lost_asks_why_and_needs_a_reason(
    qtbot: Any, page: Any, app_context: Any
) -> None:
    source = next(s for s in ("lead", "qualified", "proposal") if page.board.columns[s].model.cards)
    card_id = drag(qtbot, page, source, 0, "lost")
    dialog = page.dialog
    assert dialog is not None
    assert dialog.objectName() == "lost-dialog"
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() == "Say why the opportunity was lost.")
    assert dialog.isVisible()
    assert stored(app_context, card_id).stage == source
    type_into(qtbot, dialog.reason.lineEdit(), "价格高于对手")
    type_into(qtbot, dialog.lost_to.lineEdit(), "西门子")
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    row = stored(app_context, card_id)
    assert (row.stage, row.probability, row.lost_reason, row.lost_to) == (
        "lost",
        0,
        "价格高于对手",
        "西门子",
    )
    lost = page.board.columns["lost"]
    qtbot.waitUntil(lambda: card_id in {c.id for c in lost.model.cards})
    assert (
        "Lost to 西门子" in lost.model.index([c.id for c in lost.model.cards].index(card_id)).data()
    )


def test_edit_a_card_and_a_refused_probability_keeps_what_was_typed(
    qtbot: Any, page: Any, app_context: Any
) -> None:
    column = page.board.columns["proposal"]
    qtbot.waitUntil(lambda: bool(column.model.cards))
    card_id = column.model.cards[0].id
    # A double click as the window receives it: a click, then the second press.
    where = column.card_rect_center(0)
    qtbot.mouseClick(column.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(column.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    dialog.next_step.clear()
    type_into(qtbot, dialog.next_step, "周五前发技术方案")
    dialog.amount.clear()
    type_into(qtbot, dialog.amount, "¥1,250,000")
    dialog.probability.setValue(5)  # below proposal's 20 %
    save = press(dialog, QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "20% to 80%" in dialog.error.text())
    assert dialog.isVisible()
    assert dialog.next_step.text() == "周五前发技术方案"
    dialog.probability.setValue(60)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    row = stored(app_context, card_id)
    assert (row.next_step, row.amount, row.probability) == (
        "周五前发技术方案",
        Decimal("1250000.00"),
        60,
    )


def test_a_new_opportunity_for_an_account_appears_on_the_board(
    qtbot: Any, page: Any, app_context: Any
) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    picker = dialog.account
    qtbot.waitUntil(lambda: len(picker.found) > 2)
    account = picker.found[2].name
    third = picker.list.visualRect(picker.model.index(2))
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=third.center())
    assert picker.chosen is not None
    type_into(qtbot, dialog.name, "数据中心三期")
    qtbot.keyClicks(dialog.amount, "880000")
    dialog.stage.setCurrentIndex(dialog.stage.findData("qualified"))
    assert dialog.probability.value() == 25  # the stage's default
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    column = page.board.columns["qualified"]
    qtbot.waitUntil(lambda: "数据中心三期" in {c.name for c in column.model.cards})
    card = next(c for c in column.model.cards if c.name == "数据中心三期")
    assert (card.account_name, card.amount, card.probability) == (account, Decimal(880000), 25)
    with app_context.db.sessions() as session:
        assert session.scalar(select(Opportunity.owner_id).where(Opportunity.id == card.id))


def test_the_list_shows_the_same_opportunities(qtbot: Any, page: Any) -> None:
    qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.table
    shown = sum(len(c.model.cards) for c in page.board.columns.values())
    qtbot.waitUntil(lambda: page.proxy.rowCount() == shown)  # read on the worker
    page.table.selectRow(0)
    assert page.selected_id() == page.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    screenshot(page, "pipeline_list_en")


def test_the_board_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    from desktop.ui.pages.pipeline import PipelinePage

    widget = PipelinePage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: bool(widget.board.columns["proposal"].model.cards))
    assert widget.board.columns["proposal"].header.text().startswith("<b>方案</b>")
    assert widget.new_button.text() == "新建商机…"
    screenshot(widget, "pipeline_board_zh_CN")
    app_context.tasks.wait_idle()


def test_a_new_opportunity_from_the_account_s_tab(
    qtbot: Any, main_window: Any, app_context: Any
) -> None:
    from desktop.ui.pipeline.account_tab import AccountOpportunitiesTab
    from tests.gui.test_account_tabs import account_with, open_account, show_tab

    main_window.resize(1500, 900)
    account_id = account_with(app_context.db, Opportunity)
    page = open_account(qtbot, main_window, account_id)
    tab = show_tab(qtbot, page, AccountOpportunitiesTab)
    before = tab.model.rowCount()
    assert before >= 1
    assert tab.table.isColumnHidden(1)  # the account: it is this account's tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    qtbot.waitUntil(dialog.isVisible)
    type_into(qtbot, dialog.name, "备件年框")
    type_into(qtbot, dialog.amount, "66000")
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1)
    with app_context.db.sessions() as session:
        made = session.scalars(select(Opportunity).where(Opportunity.name == "备件年框")).one()
        assert (made.account_id, made.stage, made.probability) == (account_id, "lead", 10)
    assert "备件年框" in [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    screenshot(main_window, "pipeline_account_tab_en")


def test_a_crowded_column_shows_the_soonest_cards_and_says_the_list_has_the_rest(
    qtbot: Any, app_context: Any, monkeypatch: Any
) -> None:
    from desktop.ui.pages import pipeline

    monkeypatch.setattr(pipeline, "BOARD_CARDS", 1)
    page = open_pipeline(qtbot, app_context)
    stage, total = max(page.pipeline.totals.items(), key=lambda item: item[1].count)
    assert total.count > 1, "the demo has a stage with several opportunities"
    column = page.board.columns[stage]
    assert len(column.model.cards) == 1
    assert f"· {total.count}<br>" in column.header.text()  # the header counts them all
    assert column.more.isVisible()
    assert column.more.text().startswith(f"{total.count - 1:,} more")
    screenshot(page, "pipeline_board_capped_en")
    qtbot.mouseClick(page.list_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() > len(page.pipeline.cards))
    assert sum(1 for c in page.listed if c.stage == stage) == total.count
    page.ctx.tasks.wait_idle()


def test_a_crowded_column_says_so_in_chinese(
    qtbot: Any, chinese: None, app_context: Any, monkeypatch: Any
) -> None:
    from desktop.ui.pages import pipeline

    monkeypatch.setattr(pipeline, "BOARD_CARDS", 1)
    page = open_pipeline(qtbot, app_context)
    stage, total = max(page.pipeline.totals.items(), key=lambda item: item[1].count)
    more = page.board.columns[stage].more
    assert more.text().startswith(f"另有 {total.count - 1:,} 个")
    assert more.width() >= more.minimumSizeHint().width()  # wrapped, not cut
    screenshot(page, "pipeline_board_capped_zh_CN")
    page.ctx.tasks.wait_idle()
