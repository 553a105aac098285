"""The Quotes page as a rep and a manager use it: list, new quote, product picker, live
totals with 大写, guardrail reasons at once, the workflow buttons and the PDF."""

from __future__ import annotations

import subprocess
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qt_compat import qt_api

from desktop.domain.models import Account, User
from desktop.ui.quotes.models import LinesModel, QuoteListModel
from desktop.ui.testing import screenshot
from tests.programs import pdftotext


@pytest.fixture
def page(qtbot: Any, app_context: Any) -> Any:
    from desktop.ui.pages.quotes import QuotesPage

    widget = QuotesPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0)
    yield widget
    app_context.tasks.wait_idle()


def test_list_shows_latest_revisions_and_filters(qtbot: Any, page: Any) -> None:
    model = page.model
    assert model.headers() == ["Number", "Rev.", "Account", "Status", "Total", "Valid until"]
    # One per demo account, and the three the demo manager's team asks her to approve.
    assert model.rowCount() == 40 + 3
    first = model.index(0, QuoteListModel.NUMBER).data()
    assert first.startswith("Q-")
    assert model.index(0, QuoteListModel.TOTAL).data().startswith("¥")
    page.status.setCurrentIndex(page.status.findData("accepted"))
    qtbot.waitUntil(lambda: model.rowCount() < 40)
    assert {model.index(r, QuoteListModel.STATUS).data() for r in range(model.rowCount())} == {
        "Accepted"
    }
    qt_api.QtWidgets.QApplication.processEvents()
    screenshot(page, "quotes_list_en")


def _account_named(page: Any, name: str) -> str:
    with page.ctx.db.sessions() as session:
        account = Account(name=name, tier="C")
        from desktop.domain.uow import UnitOfWork

        uow = UnitOfWork(session, page.ctx.user_id)
        uow.add(account)
        session.commit()
        return account.id


def _approve_as_an_admin(page: Any, quote_id: str) -> None:
    """The demo device works as a team's manager; her own quote goes to an admin."""
    from sqlalchemy import select

    from desktop.domain.services import quotes
    from desktop.domain.uow import unit_of_work

    with page.ctx.db.sessions() as session:
        admin = session.scalar(select(User.id).where(User.role == "admin"))
    with unit_of_work(page.ctx.db.sessions, admin) as uow:
        quotes.approve(uow, quote_id, "同意，下不为例")


def _add_product(qtbot: Any, editor: Any, text: str) -> None:
    before = editor.lines.rowCount()
    editor.product_search.setText(text)
    qtbot.waitUntil(lambda: editor.products.rowCount() > 0)
    editor.add_selected_product()
    qtbot.waitUntil(lambda: editor.lines.rowCount() == before + 1)


def test_rep_builds_a_quote_and_sees_totals_and_reasons_at_once(
    qtbot: Any, page: Any, tmp_path: Path
) -> None:
    account_id = _account_named(page, "恒通精密制造有限公司")
    page.create_quote(account_id)
    editor = page.editor
    qtbot.waitUntil(
        lambda: editor.view is not None and editor.view.quote["account_id"] == account_id
    )
    assert editor.title.text().endswith("rev. A · Draft")
    _add_product(qtbot, editor, "FB-SRV-01")
    # Tier C has no price list: list price 38000, 13 % tax.
    lines = editor.lines
    assert lines.index(0, LinesModel.PRICE).data() == "¥38,000.00"
    assert lines.setData(lines.index(0, LinesModel.QTY), "2")
    assert "¥85,880.00" in editor.totals_label.text()
    assert editor.capital_label.text() == "In words: 捌万伍仟捌佰捌拾元整"
    assert editor.reasons_label.text() == ""
    # 10 % off is beyond tier C's 8 %: the reason shows before anything is saved.
    assert lines.setData(lines.index(0, LinesModel.DISCOUNT), "10")
    assert "discount 10% exceeds the 8% allowed for tier C" in editor.reasons_label.text()
    assert editor.reasons_label.text().startswith("Needs a manager's approval")
    assert "color" in editor.reasons_label.styleSheet()  # to do: in red
    assert "¥77,292.00" in editor.totals_label.text()
    assert not lines.setData(lines.index(0, LinesModel.DISCOUNT), "abc")
    assert editor.error_label.text() == "“abc” is not a number."
    # A negative quantity is refused with a message; the quantity stays what it was.
    assert not lines.setData(lines.index(0, LinesModel.QTY), "-3")
    assert editor.error_label.text() == "-3 cannot be negative."
    assert lines.index(0, LinesModel.QTY).data() == "2"
    assert lines.setData(lines.index(0, LinesModel.QTY), "2")
    assert editor.error_label.text() == ""
    screenshot(page, "quotes_editor_reasons_en")
    editor.trigger("save")
    qtbot.waitUntil(lambda: editor.buttons["request_approval"].isVisibleTo(editor))
    assert not editor.buttons["send"].isVisibleTo(editor)
    editor.justification.setText("竞争对手报价更低")
    editor.trigger("request_approval")
    qtbot.waitUntil(lambda: "Pending approval" in editor.title.text())
    # The demo device works as a manager, but nobody approves their own quote: an
    # admin does, and the editor shows it once it reloads.
    qtbot.waitUntil(lambda: editor.approval.isVisibleTo(editor))
    assert not editor.approval.approve_button.isVisibleTo(editor)
    _approve_as_an_admin(page, editor.view.quote["id"])
    editor.load(editor.view.quote["id"])
    qtbot.waitUntil(lambda: "Approved" in editor.title.text())
    # Approved: the reasons are no longer an error in red.
    assert editor.reasons_label.text().startswith("Approved beyond the guardrails")
    assert "color" not in editor.reasons_label.styleSheet()
    editor.trigger("send")
    qtbot.waitUntil(lambda: "Sent" in editor.title.text())
    assert not (lines.flags(lines.index(0, LinesModel.QTY)) & Qt.ItemFlag.ItemIsEditable)
    assert not editor.discount.isEnabled()
    number = editor.view.quote["number"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.rows[0]["number"] == number)
    editor.trigger("revise")
    qtbot.waitUntil(lambda: "rev. B · Draft" in editor.title.text())
    assert editor.revisions_label.text() == "Revisions: A, B"
    qtbot.waitUntil(
        lambda: [r["revision"] for r in page.model.rows if r["number"] == number] == ["B"]
    )
    written: list[Path] = []
    editor.export_pdf(tmp_path / "quote.pdf", written.append)
    qtbot.waitUntil(lambda: bool(written))
    # Success is said plainly, not in the error red.
    assert editor.error_label.text().startswith("Saved ")
    assert "color" not in editor.error_label.styleSheet()
    text = subprocess.run(
        [pdftotext(), str(written[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert number in text
    assert "恒通精密制造有限公司" in text


def test_editor_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    from desktop.ui.pages.quotes import QuotesPage

    page = QuotesPage(app_context)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.editor.view is not None)
    assert page.model.headers()[0] == "报价单号"
    assert page.editor.capital_label.text().startswith("大写：")
    screenshot(page, "quotes_editor_zh_CN")
    app_context.tasks.wait_idle()


def test_orders_tab_records_payments_and_deliveries(qtbot: Any, page: Any) -> None:
    from desktop.ui.quotes.orders import OrdersModel

    page.tabs.setCurrentWidget(page.orders)
    view = page.orders
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    assert view.summary.text().startswith("Outstanding ¥")
    # Pick an order with money still outstanding.
    row = next(r for r, o in enumerate(view.model.rows) if o["outstanding"] > 0)
    order = view.model.rows[row]
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: order["number"] in view.detail.text())
    view.payment_amount.setText("1000.50")
    view.record_payment()
    expected = money_text(order["paid"] + D("1000.50"))
    qtbot.waitUntil(lambda: expected in view.model.index(row, OrdersModel.PAID).data())
    view.payment_amount.setText(str(order["outstanding"] + 1))
    view.record_payment()
    qtbot.waitUntil(lambda: "outstanding" in view.error.text())
    view.delivery_text.setText("第一批到货")
    view.delivery_final.setChecked(True)
    view.record_delivery()
    qtbot.waitUntil(lambda: "第一批到货" in view.detail.text())
    assert view.model.index(row, OrdersModel.DELIVERY).data() == "Delivered"
    screenshot(page, "quotes_orders_en")


def money_text(value: D) -> str:
    from desktop.domain.money import format_money

    return format_money(value)


def test_manager_edits_the_catalog_and_a_price_list(qtbot: Any, page: Any) -> None:
    from desktop.ui.quotes.catalog import ProductsModel

    view = page.catalog
    page.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 12 and view.price_list.count() == 3)
    view.price_list.setCurrentIndex(view.price_list.findText("A类客户价格表"))
    qtbot.waitUntil(lambda: bool(view.model.list_prices))
    view.table.selectRow(0)
    sku = view.model.rows[0]["sku"]
    assert view.edits["sku"].text() == sku
    view.list_price_edit.setText("999.90")
    view.set_list_price()
    qtbot.waitUntil(lambda: view.model.index(0, ProductsModel.LIST_PRICE).data() == "¥999.90")
    view.new_product()
    for name, text in (
        ("sku", "FB-NEW-01"),
        ("name", "边缘网关"),
        ("unit", "台"),
        ("list_price", "4999"),
        ("category", "硬件"),
    ):
        view.edits[name].setText(text)
    view.save_product()
    qtbot.waitUntil(lambda: view.model.rowCount() == 13)
    view.new_product()
    view.edits["sku"].setText("FB-NEW-01")
    view.edits["name"].setText("重复")
    view.edits["list_price"].setText("1")
    view.save_product()
    qtbot.waitUntil(lambda: "already exists" in view.error.text())
    screenshot(page, "quotes_catalog_en")
