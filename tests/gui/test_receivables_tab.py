"""回款 as a rep works it: an order's payment plan on the account's Receivables tab; a
partial payment recorded through the dialog (typed amount spread oldest due first)
lowers the open amount on the tab, and Today's overdue instalment goes once paid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from desktop.domain.models import Account, Order
from desktop.domain.services import receivables
from desktop.domain.uow import unit_of_work
from desktop.ui.receivables.account_tab import AccountInstalmentsTab
from desktop.ui.testing import screenshot
from tests.gui.test_account_tabs import open_account, show_tab


def planned_account(ctx: Any) -> tuple[str, str, str]:
    """The user's new account with an order of 100,000: a 30,000 advance 40 days
    overdue and a 70,000 acceptance instalment due in 20 days."""
    today = dt.datetime.now(ctx.zone).date()
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        account = uow.add(Account(name="回款测试有限公司", owner_id=ctx.user_id, tier="A")).id
        order = uow.add(
            Order(
                number="SO-TEST-0100",
                account_id=account,
                owner_id=ctx.user_id,
                order_date=today - dt.timedelta(days=60),
                amount=Decimal(100000),
            )
        ).id
        advance, acceptance = receivables.add_instalments(
            uow,
            "order",
            order,
            [
                {"kind": "advance", "due_on": today - dt.timedelta(days=40), "percent": 30},
                {
                    "kind": "on_acceptance",
                    "due_on": today + dt.timedelta(days=20),
                    "amount": Decimal(70000),
                    "condition": "验收后 30 天",
                },
            ],
        )
    return account, advance, acceptance


def edit_share(qtbot: Any, dialog: Any, row: int, text: str) -> None:
    """Type over what the payment pays on a row, as a user does: the cell, then keys."""
    table = dialog.table
    table.setFocus()
    rect = table.visualItemRect(table.item(row, dialog.SHARE))
    # A real double-click starts with a press: QTest's double-click alone is not one.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    (editor,) = [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def today_items(window: Any, qtbot: Any, advance: str) -> list[Any]:
    page = window.show_page("today")
    page.reload()
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy)
    return [i for i in page.model.items if i.section == "receivables" and i.record_id == advance]


def test_a_partial_payment_lowers_the_open_amount_and_today(
    qtbot: Any, main_window: Any, app_context: Any
) -> None:
    window = main_window
    window.resize(1366, 768)
    account, advance, acceptance = planned_account(app_context)
    (item,) = today_items(window, qtbot, advance)
    assert (item.status, item.detail) == ("overdue", "SO-TEST-0100 · ¥30,000.00")
    # Opening the instalment on Today shows its account.
    today = window.page("today")
    row = today.model.items.index(item)
    view = today.table
    where = view.visualRect(today.model.index(row, today.model.TITLE)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    accounts_page = window.page("accounts")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is accounts_page)
    qtbot.waitUntil(
        lambda: (
            accounts_page.detail.account is not None
            and accounts_page.detail.account["id"] == account
        )
    )

    page = open_account(qtbot, window, account)
    tab = show_tab(qtbot, page, AccountInstalmentsTab)
    model = tab.model
    row = model.row_of(advance)
    assert model.index(row, model.OPEN).data() == "¥30,000.00"
    assert model.index(row, model.DAYS).data() == "40"
    assert model.index(row, model.BUCKET).data() == "31–90 days"
    assert model.index(model.row_of(acceptance), model.KIND).data() == "On acceptance"
    assert tab.summary.text().startswith("Planned ¥100,000.00 · paid ¥0.00 · open ¥100,000.00")
    screenshot(window, "receivables/tab_en")

    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    qtbot.keyClicks(dialog.amount, "20,000")
    # Spread oldest due first: all of it pays the overdue advance.
    assert dialog.table.item(0, dialog.SHARE).text() == "20000.00"
    assert dialog.table.item(1, dialog.SHARE).text() == ""
    screenshot(dialog, "receivables/payment_dialog_en")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: model.index(model.row_of(advance), model.OPEN).data() == "¥10,000.00")
    assert model.index(model.row_of(advance), model.PAID).data() == "¥20,000.00"
    assert "paid ¥20,000.00" in tab.summary.text()

    (item,) = today_items(window, qtbot, advance)
    assert item.detail == "SO-TEST-0100 · ¥10,000.00"

    # More than is open on the advance: the rule book's refusal, in the dialog.
    page = open_account(qtbot, window, account)
    tab = show_tab(qtbot, page, AccountInstalmentsTab)
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    qtbot.keyClicks(dialog.amount, "20000")
    edit_share(qtbot, dialog, 0, "15000")
    edit_share(qtbot, dialog, 1, "")
    assert dialog.table.item(1, dialog.SHARE).text() == ""
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert dialog.error.text() == "Only ¥10,000.00 is still open on this instalment."
    assert dialog.amount.text() == "20000"  # nothing typed is lost
    assert dialog.table.item(0, dialog.SHARE).text() == "15000"
    dialog.reject()
    QApplication.processEvents()
    assert today_items(window, qtbot, advance)[0].status == "overdue"


def test_receivables_in_chinese_on_a_laptop(
    qtbot: Any, chinese: None, main_window: Any, app_context: Any
) -> None:
    window = main_window
    window.resize(1366, 768)
    account, advance, _ = planned_account(app_context)
    page = open_account(qtbot, window, account)
    tab = show_tab(qtbot, page, AccountInstalmentsTab)
    assert page.detail.tabs.tabText(page.detail.tabs.indexOf(tab)) == "回款"
    model = tab.model
    row = model.row_of(advance)
    assert model.index(row, model.KIND).data() == "预付款 30%"
    assert model.index(row, model.BUCKET).data() == "31–90 天"
    assert tab.summary.text().startswith("计划 ¥100,000.00 · 已收 ¥0.00 · 未收 ¥100,000.00")
    screenshot(window, "receivables/tab_zh_CN")
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    plan = tab.dialog
    qtbot.keyClicks(plan.percent, "120")
    save = plan.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert plan.error.text() == "百分比请输入 0 到 100 之间的数字。"
    plan.percent.clear()
    qtbot.keyClicks(plan.amount, "1")  # the plan is already the order's whole value
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(plan.error.text()) and "回款计划" in plan.error.text())
    assert plan.error.text() == "回款计划（¥100,001.00）将超过该订单的金额（¥100,000.00）。"
    screenshot(plan, "receivables/instalment_dialog_zh_CN")
    plan.reject()
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    qtbot.keyClicks(tab.dialog.amount, "50000")
    screenshot(tab.dialog, "receivables/payment_dialog_zh_CN")
    tab.dialog.reject()
    reports = window.show_page("reports")
    qtbot.waitUntil(lambda: reports.dashboard.data is not None)
    assert reports.dashboard.receivables.categories[0] == "未到期"
    screenshot(window, "receivables/dashboard_zh_CN")
