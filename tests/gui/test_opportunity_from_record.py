"""A new opportunity from where the rep learnt of it, with real clicks: from a call report
the dialog has the visit's account, the contact met, the competitors mentioned and the
next step typed so far; from a quote it has the quote's account, contact and total, and
once saved it is the quote's opportunity (saving the quote links them)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.domain.models import Opportunity, Quote, Visit
from desktop.ui.testing import screenshot
from tests.gui.pipeline_helpers import press, type_into
from tests.gui.test_quote_opportunity import linked_opportunity, open_quote, page  # noqa: F401


def opened_dialog(qtbot: Any, parent: Any) -> Any:
    from desktop.ui.pipeline.dialogs import OpportunityDialog

    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(OpportunityDialog)))
    return next(d for d in parent.findChildren(OpportunityDialog) if d.isVisible())


def test_an_opportunity_from_a_call_report(qtbot: Any, app_context: Any) -> None:
    from desktop.ui.visits.dialogs import ReportDialog

    with app_context.db.sessions() as s:
        visit = s.scalars(
            select(Visit)
            .where(Visit.status == "planned", Visit.purpose != "")
            .order_by(Visit.planned_start)
        ).first()
        assert visit is not None
        assert visit.contact_ids
        visit_id, account_id, purpose = visit.id, visit.account_id, visit.purpose
        contact = visit.contact_ids[0]
    report = ReportDialog(app_context, visit_id)
    qtbot.addWidget(report)
    report.show()
    qtbot.waitUntil(lambda: report.detail is not None)
    type_into(qtbot, report.competitors, "西门子, ABB")
    type_into(qtbot, report.next_steps, "提交技术方案")
    qtbot.mouseClick(report.opportunity_button, Qt.MouseButton.LeftButton)
    dialog = opened_dialog(qtbot, report)
    assert dialog.windowTitle() == "New opportunity"
    assert dialog.name.text() == purpose
    assert dialog.contact.currentData() == contact
    assert dialog.competitors.text() == "西门子、ABB"
    assert dialog.next_step.text() == "提交技术方案"
    assert dialog.source.currentText() == "Visit"
    type_into(qtbot, dialog.amount, "350000")
    screenshot(dialog, "renewals/opportunity_from_visit_en")
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: report.message.text() == "Opportunity saved.")
    assert not dialog.isVisible()
    with app_context.db.sessions() as s:
        deal = s.scalars(select(Opportunity).where(Opportunity.name == purpose)).one()
        assert (deal.account_id, deal.contact_id, deal.amount, deal.stage) == (
            account_id,
            contact,
            Decimal(350000),
            "lead",
        )
        assert (deal.competitors, deal.next_step, deal.owner_id) == (
            "西门子\nABB",
            "提交技术方案",
            app_context.user_id,
        )
    assert report.competitors.text() == "西门子, ABB"  # the report keeps what was typed


def test_an_opportunity_from_a_quote(qtbot: Any, page: Any, app_context: Any) -> None:  # noqa: F811
    with app_context.db.sessions() as s:
        quote = s.scalars(
            select(Quote).where(Quote.status == "draft").order_by(Quote.number)
        ).first()
        assert quote is not None
        quote_id, account_id, total, number = quote.id, quote.account_id, quote.total, quote.number
    editor = open_quote(qtbot, page, quote_id)
    assert editor.new_opportunity.isEnabled()
    qtbot.mouseClick(editor.new_opportunity, Qt.MouseButton.LeftButton)
    dialog = opened_dialog(qtbot, editor)
    assert dialog.amount.text() == f"{total:,.2f}"
    assert number in dialog.name.text()
    assert dialog.stage.currentData() == "proposal"
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with app_context.db.sessions() as s:
        deal = s.scalars(select(Opportunity).where(Opportunity.name.contains(number))).one()
        assert (deal.account_id, deal.amount, deal.stage) == (account_id, total, "proposal")
        deal_id = deal.id
    qtbot.waitUntil(lambda: editor.opportunity.currentData() == deal_id)
    qtbot.mouseClick(editor.buttons["save"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: linked_opportunity(app_context, quote_id) == deal_id)


def sent_quote_of_an_open_deal(ctx: Any) -> tuple[str, str]:
    """A sent, still valid quote of an open opportunity: (quote id, opportunity id)."""
    import datetime as dt

    from desktop.domain.models import OPEN_OPPORTUNITY_STAGES

    today = dt.datetime.now(ctx.zone).date()
    with ctx.db.sessions() as s:
        quote_id, deal_id = s.execute(
            select(Quote.id, Opportunity.id)
            .join(Opportunity, Opportunity.id == Quote.opportunity_id)
            .where(
                Quote.status == "sent",
                Quote.is_latest.is_(True),
                Quote.valid_until >= today,
                Opportunity.stage.in_(OPEN_OPPORTUNITY_STAGES),
            )
            .order_by(Quote.number)
            .limit(1)
        ).one()
    return quote_id, deal_id


def test_a_declined_quote_offers_to_mark_its_opportunity_lost(
    qtbot: Any,
    page: Any,  # noqa: F811
    app_context: Any,
) -> None:
    quote_id, deal_id = sent_quote_of_an_open_deal(app_context)
    editor = open_quote(qtbot, page, quote_id)
    reject = editor.buttons["reject"]
    qtbot.waitUntil(reject.isVisible)
    type_into(qtbot, editor.note, "价格高于对手")
    qtbot.mouseClick(reject, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(editor.lost_dialogs) and editor.lost_dialogs[-1].isVisible())
    dialog = editor.lost_dialogs[-1]
    assert dialog.reason.currentText() == "价格高于对手"  # the rejection's note
    type_into(qtbot, dialog.lost_to.lineEdit(), "汇川技术")
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with app_context.db.sessions() as s:
        deal = s.get(Opportunity, deal_id)
        assert deal is not None
        assert (deal.stage, deal.lost_reason, deal.lost_to) == ("lost", "价格高于对手", "汇川技术")
        assert s.get(Quote, quote_id).status == "rejected"  # type: ignore[union-attr]
