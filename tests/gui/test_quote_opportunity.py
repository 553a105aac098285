"""The quote editor's opportunity picker: it offers the account's opportunities, shows
the linked one, and saves a change (accepting the quote then marks that opportunity won,
tested in tests/unit/test_quotes.py)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.models import Opportunity, Quote
from desktop.domain.services import opportunities
from desktop.ui.testing import screenshot


@pytest.fixture
def page(qtbot: Any, app_context: Any) -> Any:
    from desktop.ui.pages.quotes import QuotesPage

    widget = QuotesPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    widget.activate()
    yield widget
    app_context.tasks.wait_idle()


def draft_with_opportunity(ctx: Any) -> tuple[str, str, str]:
    """(quote id, its opportunity id, the opportunity's name) of a demo draft."""
    with ctx.db.sessions() as session:
        quote_id, opportunity_id, name = session.execute(
            select(Quote.id, Quote.opportunity_id, Opportunity.name)
            .join(Opportunity, Opportunity.id == Quote.opportunity_id)
            .where(Quote.status == "draft")
            .order_by(Quote.number)
            .limit(1)
        ).one()
    return quote_id, opportunity_id, name


def linked_opportunity(ctx: Any, quote_id: str) -> str | None:
    with ctx.db.sessions() as session:
        return session.get(Quote, quote_id).opportunity_id  # type: ignore[union-attr]


def open_quote(qtbot: Any, page: Any, quote_id: str) -> Any:
    page.open_record("quote", quote_id)
    editor = page.editor
    qtbot.waitUntil(lambda: editor.quote_id == quote_id)
    return editor


def test_editor_links_the_quote_to_an_opportunity(qtbot: Any, page: Any, app_context: Any) -> None:
    quote_id, opportunity_id, name = draft_with_opportunity(app_context)
    editor = open_quote(qtbot, page, quote_id)
    combo = editor.opportunity
    assert combo.isEnabled()
    assert combo.currentData() == opportunity_id
    assert combo.currentText().startswith(f"{name} · ")
    assert combo.itemText(0) == "(none)"
    screenshot(page, "quote_opportunity_en")

    combo.setCurrentIndex(0)
    editor.trigger("save")
    qtbot.waitUntil(lambda: linked_opportunity(app_context, quote_id) is None)

    # A second opportunity on the account, chosen in the editor.
    account_id = editor.view.quote["account_id"]
    new_id = app_context.tasks.write(
        lambda uow: opportunities.create_opportunity(
            uow, account_id, {"name": "二期扩容", "stage": "negotiation", "amount": "500000"}
        )
    ).result()
    editor = open_quote(qtbot, page, quote_id)
    qtbot.waitUntil(lambda: editor.opportunity.findData(new_id) > 0)
    editor.opportunity.setCurrentIndex(editor.opportunity.findData(new_id))
    assert editor.opportunity.currentText() == "二期扩容 · Negotiation · ¥500,000.00"
    editor.trigger("save")
    qtbot.waitUntil(lambda: linked_opportunity(app_context, quote_id) == new_id)
    editor = open_quote(qtbot, page, quote_id)
    assert editor.opportunity.currentData() == new_id  # shown again after a reload


def test_opportunity_picker_in_chinese(
    qtbot: Any, chinese: None, page: Any, app_context: Any
) -> None:
    quote_id, _, _ = draft_with_opportunity(app_context)
    editor = open_quote(qtbot, page, quote_id)
    assert editor.opportunity.itemText(0) == "（无）"
    assert any(s in editor.opportunity.currentText() for s in ("线索", "已确认", "方案", "谈判"))
    screenshot(page, "quote_opportunity_zh")
