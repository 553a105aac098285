"""The account's Contracts tab as a manager uses it: a new contract, submitted, signed
(after a refused step said in words), activated; the status column follows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from desktop.domain.models import Account, Contract, Quote, User
from desktop.ui.testing import screenshot
from tests.gui.pipeline_helpers import press, type_into
from tests.gui.test_account_tabs import open_account, show_tab


def test_a_contract_from_draft_to_active(qtbot: Any, main_window: Any, app_context: Any) -> None:
    from desktop.ui.pipeline.contracts_tab import AccountContractsTab, ContractsModel

    main_window.resize(1500, 900)
    with app_context.db.sessions() as session:
        account_id = session.scalar(
            select(Account.id)
            .join(User, User.id == Account.owner_id)
            .where(User.role == "rep", Account.id.not_in(select(Contract.account_id)))
            .order_by(Account.name)
        )
    page = open_account(qtbot, main_window, account_id)
    tab = show_tab(qtbot, page, AccountContractsTab)
    assert tab.summary.text() == "No contracts yet."
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    type_into(qtbot, dialog.title, "2027 年度框架协议")
    type_into(qtbot, dialog.value, "1,200,000")
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)

    def status() -> str:
        return str(tab.model.index(0, ContractsModel.STATUS).data())

    assert status() == "Draft"
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)  # not submitted yet
    qtbot.waitUntil(lambda: "cannot go from" in tab.summary.text())
    for button, shown in (
        (tab.submit_button, "Under review"),
        (tab.sign_button, "Signed"),
        (tab.activate_button, "Active"),
    ):
        tab.table.selectRow(0)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=shown: status() == s)
    with app_context.db.sessions() as session:
        row = session.scalars(select(Contract).where(Contract.account_id == account_id)).one()
        assert (row.status, row.decided_by, row.value) == ("active", app_context.user_id, 1200000)
    screenshot(main_window, "pipeline_contracts_en")


def test_a_contract_from_an_accepted_quote(qtbot: Any, main_window: Any, app_context: Any) -> None:
    from desktop.ui.pipeline.contracts_tab import AccountContractsTab

    main_window.resize(1366, 768)
    with app_context.db.sessions() as session:
        quote = session.scalars(
            select(Quote)
            .where(Quote.status == "accepted", Quote.is_latest.is_(True))
            .where(Quote.id.not_in(select(Contract.quote_id).where(Contract.quote_id.is_not(None))))
            .order_by(Quote.number)
        ).first()
        assert quote is not None
        quote_id, account_id, total = quote.id, quote.account_id, quote.total
    page = open_account(qtbot, main_window, account_id)
    tab = show_tab(qtbot, page, AccountContractsTab)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    assert dialog.quote.currentData() is None
    index = dialog.quote.findData(quote_id)
    assert index > 0
    for _ in range(index):
        qtbot.keyClick(dialog.quote, Qt.Key.Key_Down)
    assert dialog.quote.currentData() == quote_id
    assert dialog.value.text() == f"{total:,.2f}"
    type_into(qtbot, dialog.title, "年度框架协议")
    screenshot(dialog, "pipeline_contract_from_quote_en")
    qtbot.mouseClick(press(dialog, QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with app_context.db.sessions() as session:
        row = session.scalars(select(Contract).where(Contract.quote_id == quote_id)).one()
        assert (row.account_id, row.value, row.title) == (account_id, total, "年度框架协议")
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is not dialog and tab.dialog.isVisible())
    assert tab.dialog.quote.findData(quote_id) < 0  # one contract per quote
    cancel = press(tab.dialog, QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
