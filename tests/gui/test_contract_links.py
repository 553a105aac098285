"""A contract's documents and orders, and a quote's competitors, as a user works them:
an order placed under a contract from the Orders tab shows on the contract's window with
"ordered ÷ value"; a scanned contract is attached, removed and brought back; competitors
typed on a quote are saved one name a line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from sqlalchemy import select, update

from desktop.domain.models import Contract, Order, Quote
from desktop.domain.services import contracts, orders
from desktop.domain.uow import unit_of_work
from desktop.ui.testing import screenshot
from tests.gui.pipeline_helpers import type_into
from tests.gui.test_account_tabs import open_account, show_tab
from tests.gui.test_opportunity_from_record import sent_quote_of_an_open_deal
from tests.gui.test_quote_opportunity import open_quote, page  # noqa: F401

SHOTS = Path("/work/shots/links")


def _shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(screenshot(widget, f"links/{name}"), SHOTS / f"{name}.png")


def _order_without_contract(ctx: Any) -> tuple[str, str, str]:
    """An order from a quote, its account given a new contract: (order, contract, number)."""
    with ctx.db.sessions() as s:
        order = s.scalars(
            select(Order)
            .where(Order.quote_id.is_not(None), Order.contract_id.is_(None))
            .order_by(Order.number)
        ).first()
        assert order is not None
        order_id, account_id = order.id, order.account_id
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        values = {"title": "采购框架协议", "value": order.amount * 4}
        contract = contracts.create_contract(uow, account_id, values, dt.date(2026, 1, 5))
    with ctx.db.sessions() as s:
        row = s.get(Contract, contract)
        assert row is not None
        return order_id, contract, row.number


def _place_under_contract(qtbot: Any, window: Any, order_id: str, contract: str) -> None:
    shown = window.show_page("quotes")
    shown.tabs.setCurrentWidget(shown.orders)
    view = shown.orders
    qtbot.waitUntil(lambda: any(o["id"] == order_id for o in view.model.rows))
    row = next(r for r, o in enumerate(view.model.rows) if o["id"] == order_id)
    view.table.selectRow(row)
    picker = view.contract
    qtbot.waitUntil(lambda: picker.isEnabled() and picker.findData(contract) > 0)
    picker.setFocus()
    for _ in range(picker.findData(contract)):
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    _shot(window, "orders_contract_en")


def _contract_window(qtbot: Any, window: Any, ctx: Any, contract: str, shot: str) -> Any:
    from desktop.ui.pipeline.contracts_tab import AccountContractsTab

    with ctx.db.sessions() as s:
        account_id = s.scalar(select(Contract.account_id).where(Contract.id == contract))
    accounts = open_account(qtbot, window, account_id)
    tab = show_tab(qtbot, accounts, AccountContractsTab)
    row = next(r for r, c in enumerate(tab.model.rows) if c.id == contract)
    tab.table.selectRow(row)
    _shot(window, shot)
    qtbot.mouseClick(tab.details_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.details is not None and tab.details.links is not None)
    return tab.details


def test_an_order_under_a_contract_and_its_signed_scan(
    qtbot: Any, main_window: Any, app_context: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    main_window.resize(1366, 768)
    order_id, contract, number = _order_without_contract(app_context)
    _place_under_contract(qtbot, main_window, order_id, contract)

    def placed() -> bool:
        with app_context.db.sessions() as s:
            return s.scalar(select(Order.contract_id).where(Order.id == order_id)) == contract

    qtbot.waitUntil(placed)
    dialog = _contract_window(qtbot, main_window, app_context, contract, "contracts_tab_en")
    with app_context.db.sessions() as s:
        order = s.get(Order, order_id)
        assert order is not None
        order_number = order.number
    shown = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    assert order_number in shown
    assert dialog.ordered.text().endswith("(25.0 %)")

    scan = tmp_path / "签字合同.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    add = dialog.files.findChild(QPushButton, "file-add")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.files.model.rowCount() == 1)
    assert dialog.files.model.index(0, 0).data() == "签字合同.pdf"
    assert dialog.files.model.index(0, 1).data() == "Contract"
    _shot(dialog, "contract_detail_en")
    dialog.files.view.selectRow(0)
    remove = dialog.files.findChild(QPushButton, "file-remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.files.model.rowCount() == 0)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.files.model.rowCount() == 1)
    assert number in dialog.windowTitle()


@pytest.mark.usefixtures("chinese")
def test_the_contract_window_in_chinese(qtbot: Any, main_window: Any, app_context: Any) -> None:
    main_window.resize(1366, 768)
    order_id, contract, _ = _order_without_contract(app_context)
    with unit_of_work(app_context.db.sessions, app_context.user_id) as uow:
        orders.set_contract(uow, order_id, contract)
    dialog = _contract_window(qtbot, main_window, app_context, contract, "contracts_tab_zh_CN")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.ordered.text().startswith("已下单")
    _shot(dialog, "contract_detail_zh_CN")


def _typed_competitors(qtbot: Any, main_window: Any, app_context: Any, name: str) -> None:
    main_window.resize(1366, 768)
    shown = main_window.show_page("quotes")
    with app_context.db.sessions() as s:
        account_id = s.scalar(select(Quote.account_id).order_by(Quote.number).limit(1))
    shown.create_quote(account_id)
    editor = shown.editor
    qtbot.waitUntil(
        lambda: (
            editor.view is not None
            and editor.view.quote["revision"] == "A"
            and editor.view.quote["account_id"] == account_id
            and editor.isEnabled()
        )
    )
    editor.competitors.clear()
    type_into(qtbot, editor.competitors, "西门子, ABB、施耐德")
    qtbot.mouseClick(editor.buttons["save"], Qt.MouseButton.LeftButton)
    quote_id = editor.view.quote["id"]

    def saved() -> bool:
        with app_context.db.sessions() as s:
            return (
                s.scalar(select(Quote.competitors).where(Quote.id == quote_id))
                == "西门子\nABB\n施耐德"
            )

    qtbot.waitUntil(saved)
    qtbot.waitUntil(lambda: editor.competitors.text() == "西门子, ABB, 施耐德")
    _shot(main_window, name)


def test_competitors_typed_on_a_quote(qtbot: Any, main_window: Any, app_context: Any) -> None:
    _typed_competitors(qtbot, main_window, app_context, "quote_editor_en")


@pytest.mark.usefixtures("chinese")
def test_competitors_on_a_quote_in_chinese(qtbot: Any, main_window: Any, app_context: Any) -> None:
    _typed_competitors(qtbot, main_window, app_context, "quote_editor_zh_CN")


def test_a_declined_quote_offers_its_own_competitors_first(
    qtbot: Any,
    page: Any,  # noqa: F811
    app_context: Any,
) -> None:
    quote_id, _ = sent_quote_of_an_open_deal(app_context)
    with app_context.db.sessions() as s:
        # Named while it was a draft (a sent quote is locked): the test's setup.
        s.execute(update(Quote).where(Quote.id == quote_id).values(competitors="汇川技术\nABB"))
        s.commit()
    editor = open_quote(qtbot, page, quote_id)
    assert editor.competitors.text() == "汇川技术, ABB"
    reject = editor.buttons["reject"]
    qtbot.waitUntil(reject.isVisible)
    qtbot.mouseClick(reject, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(editor.lost_dialogs) and editor.lost_dialogs[-1].isVisible())
    offered = editor.lost_dialogs[-1].lost_to
    names = [offered.itemText(i) for i in range(offered.count())]
    assert [n for n in names if n.strip()][:2] == ["汇川技术", "ABB"]
    editor.lost_dialogs[-1].reject()
