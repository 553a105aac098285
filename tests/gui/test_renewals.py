"""Renewal reminders and contract review with real clicks: a manager's Today lists his
team's contracts to renew (naming the rep); "Start renewal" makes the renewal
opportunity and shows it on the Pipeline board, and clicking it again does not make a
second; "Open" shows the contract on its account's Contracts tab. The task list has
the same contracts under "Contracts to renew", where the follow-up buttons are off.
The Approvals inbox has a Contracts tab: returning a contract without a note is refused
in words, with a note it goes back to the rep, and signing it records the manager."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.domain.models import Account, Contract, Opportunity, User
from desktop.domain.services import contracts
from desktop.domain.uow import unit_of_work
from desktop.ui.testing import screenshot
from tests.gui.pipeline_helpers import type_into


def click_row(qtbot: Any, table: Any, row: int, double: bool = False) -> None:
    index = table.model().index(row, 1)
    table.scrollTo(index)
    where = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def renewal_rows(page: Any) -> list[int]:
    return [r for r, item in enumerate(page.model.items) if item.section == "renewals"]


def renewals_of(ctx: Any, contract_id: str) -> int:
    with ctx.db.sessions() as s:
        number = s.scalar(select(Contract.number).where(Contract.id == contract_id))
        return int(
            s.scalar(
                select(func.count())
                .select_from(Opportunity)
                .where(Opportunity.name.contains(number))
            )
            or 0
        )


def test_renewals_on_today(qtbot: Any, main_window: Any, app_context: Any) -> None:
    main_window.resize(1366, 768)
    page = main_window.show_page("today")
    qtbot.waitUntil(lambda: bool(renewal_rows(page)))
    rows = renewal_rows(page)
    model = page.model
    first = model.items[rows[0]]
    assert model.index(rows[0], model.SECTION).data().startswith("Contracts to renew (")
    assert first.owner_name  # the team's, naming the rep
    days = (first.when - dt.datetime.now(app_context.zone).date()).days
    assert model.index(rows[0], model.STATUS).data() == f"Ends in {days} days"
    screenshot(main_window, "renewals/today_en")

    click_row(qtbot, page.table, rows[0])
    assert page.renew_button.isVisible()
    assert renewals_of(app_context, first.record_id) == 0
    qtbot.mouseClick(page.renew_button, Qt.MouseButton.LeftButton)
    pipeline = main_window.page("pipeline")
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is pipeline)
    qtbot.waitUntil(lambda: pipeline.board.selected_id() is not None)
    with app_context.db.sessions() as s:
        deal = s.get(Opportunity, pipeline.board.selected_id())
        number = s.scalar(select(Contract.number).where(Contract.id == first.record_id))
        assert deal is not None
        assert number in deal.name
        assert deal.account_id == first.account_id

    main_window.show_page("today")
    qtbot.waitUntil(lambda: page.model.items and page.model.items[rows[0]] == first)
    click_row(qtbot, page.table, rows[0])
    qtbot.mouseClick(page.renew_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is pipeline)
    app_context.tasks.wait_idle()
    assert renewals_of(app_context, first.record_id) == 1  # the same one, shown again

    main_window.show_page("today")
    qtbot.waitUntil(lambda: page.model.items and page.model.items[rows[0]] == first)
    click_row(qtbot, page.table, rows[0])
    assert not page.done_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    accounts = main_window.page("accounts")
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is accounts)
    from desktop.ui.pipeline.contracts_tab import AccountContractsTab

    qtbot.waitUntil(lambda: isinstance(accounts.detail.tabs.currentWidget(), AccountContractsTab))
    tab = accounts.detail.tabs.currentWidget()
    qtbot.waitUntil(
        lambda: (
            tab.table.currentIndex().isValid()
            and tab.model.rows[tab.table.currentIndex().row()].id == first.record_id
        )
    )


def test_renewals_on_the_task_list(qtbot: Any, main_window: Any, app_context: Any) -> None:
    main_window.resize(1366, 768)
    page = main_window.show_page("tasks")
    page.scope.setCurrentIndex(1)  # the team's
    qtbot.waitUntil(lambda: any(item.is_renewal for item in page.model.rows))
    row = next(r for r, item in enumerate(page.model.rows) if item.is_renewal)
    item = page.model.rows[row]
    assert page.model.index(row, 0).data().startswith("Contracts to renew (")
    assert "Contracts to renew" in page.summary.text()
    click_row(qtbot, page.table, row)
    assert page.renew_button.isVisible()
    for button in (page.complete_button, page.reschedule_button, page.reassign_button):
        assert not button.isEnabled()
    screenshot(main_window, "renewals/tasks_en")
    qtbot.mouseClick(page.renew_button, Qt.MouseButton.LeftButton)
    pipeline = main_window.page("pipeline")
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is pipeline)
    app_context.tasks.wait_idle()
    assert renewals_of(app_context, item.id) == 1

    main_window.show_page("tasks")
    qtbot.waitUntil(lambda: page.model.row_of(item.id) >= 0)
    click_row(qtbot, page.table, page.model.row_of(item.id), double=True)
    accounts = main_window.page("accounts")
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is accounts)
    qtbot.waitUntil(
        lambda: accounts.detail.account and accounts.detail.account["id"] == item.task.account_id
    )


def under_review(ctx: Any) -> tuple[str, str]:
    """A contract a rep of the manager's team submitted for review."""
    today = dt.datetime.now(ctx.zone).date()
    with ctx.db.sessions() as s:
        team = s.scalar(select(User.team_id).where(User.id == ctx.user_id))
        rep, account = s.execute(
            select(User.id, Account.id)
            .join(Account, Account.owner_id == User.id)
            .where(User.role == "rep", User.team_id == team)
            .order_by(User.display_name, Account.name)
            .limit(1)
        ).one()
    with unit_of_work(ctx.db.sessions, rep) as uow:
        contract = contracts.create_contract(
            uow,
            account,
            {
                "title": "2027 年度框架协议",
                "start_on": today,
                "end_on": today + dt.timedelta(days=364),
                "value": 880000,
                "payment_terms": "预付30%，验收后付70%",
            },
            today,
        )
    with unit_of_work(ctx.db.sessions, rep) as uow:
        contracts.submit_for_review(uow, contract)
    return contract, rep


def test_a_contract_reviewed_in_the_approvals_inbox(
    qtbot: Any, main_window: Any, app_context: Any
) -> None:
    contract, _rep = under_review(app_context)
    main_window.resize(1366, 768)
    page = main_window.show_page("approvals")
    tabs = page.tabs
    qtbot.waitUntil(lambda: tabs.tabText(1) != "Contracts")
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    review = page.contracts
    qtbot.waitUntil(lambda: review.model.row_of(contract) >= 0)
    click_row(qtbot, review.table, review.model.row_of(contract))
    qtbot.waitUntil(lambda: "2027 年度框架协议" in review.title.text())
    assert "预付30%" in review.facts.text()
    assert "Submitted by" in review.history.text()
    screenshot(main_window, "renewals/approvals_contracts_en")

    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Write a note" in review.error.text())
    type_into(qtbot, review.note, "付款条件写清楚")
    qtbot.mouseClick(review.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.model.row_of(contract) < 0)
    with app_context.db.sessions() as s:
        row = s.get(Contract, contract)
        assert row is not None
        assert (row.status, row.decision_note, row.decided_by) == (
            "draft",
            "付款条件写清楚",
            app_context.user_id,
        )
        owner = row.owner_id
    with unit_of_work(app_context.db.sessions, owner) as uow:
        contracts.submit_for_review(uow, contract)  # the rep again, arriving by sync
    app_context.tasks.changed.emit({"contract"})
    qtbot.waitUntil(lambda: review.model.row_of(contract) >= 0)
    click_row(qtbot, review.table, review.model.row_of(contract))
    qtbot.waitUntil(lambda: "Returned by" in review.history.text())
    qtbot.mouseClick(review.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.model.row_of(contract) < 0)
    with app_context.db.sessions() as s:
        row = s.get(Contract, contract)
        assert row is not None
        assert (row.status, row.decided_by) == ("signed", app_context.user_id)


def test_a_contract_to_review_on_the_managers_today(
    qtbot: Any, main_window: Any, app_context: Any
) -> None:
    page = main_window.show_page("today")
    qtbot.waitUntil(lambda: any(i.section == "contract_reviews" for i in page.model.items))
    row = next(r for r, i in enumerate(page.model.items) if i.section == "contract_reviews")
    item = page.model.items[row]
    model = page.model
    assert model.index(row, model.SECTION).data() == "Contracts waiting for your review (1)"
    assert model.index(row, model.STATUS).data() == "Under review"
    click_row(qtbot, page.table, row)
    assert not page.renew_button.isVisible()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    accounts = main_window.page("accounts")
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is accounts)
    qtbot.waitUntil(
        lambda: (
            accounts.detail.account is not None and accounts.detail.account["id"] == item.account_id
        )
    )
