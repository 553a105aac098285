"""The demo opens as its manager (王芳): Today is full on the first start (her own
visits and follow-ups, her team's approval requests, overdue follow-ups, deliveries,
receivables and complaints, each naming the rep), lists a quote waiting for her
approval from a rep of her team and not one from another team, and opens it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from desktop.domain.models import Account, Quote, User
from desktop.ui.testing import screenshot
from tests.seed import seeded


def pending_quote(ctx: Any, username: str, number: str) -> str:
    """A quote of the rep ``username`` that waits for approval."""
    with ctx.db.sessions() as session:
        rep = session.scalar(select(User.id).where(User.username == username))
        account = session.scalar(
            select(Account.id).where(Account.owner_id == rep).order_by(Account.name).limit(1)
        )
    today = dt.datetime.now(ctx.zone).date()
    with seeded(ctx.db.sessions, rep) as uow:
        quote_id: str = uow.add(
            Quote(
                number=number,
                account_id=account,
                owner_id=rep,
                status="pending_approval",
                total=Decimal("120000.00"),
                justification="年度框架价",
                issued_on=today,
                valid_until=today + dt.timedelta(days=30),
            )
        ).id
    return quote_id


def start(qtbot: Any, ctx: Any) -> tuple[Any, Any]:
    """The window as it opens (on Today) and its Today page, once the items are in."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 820)
    window.show()
    page = window.pages["today"]
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.view_data is not None)
    return window, page


def test_first_start_shows_a_full_today_for_the_demo_manager(
    qtbot: Any, qtmodeltester: Any, app_context: Any
) -> None:
    assert app_context.user_role == "manager"
    window, page = start(qtbot, app_context)
    qtmodeltester.check(page.model)
    sections = {item.section for item in page.model.items}
    assert {"visits", "overdue", "due_today", "approvals", "team_overdue"} <= sections
    assert page.empty_label.isHidden()
    assert page.table.isVisible()
    # Her own visits come first; a team member's item names the rep.
    assert page.model.items[0].section == "visits"
    assert not page.model.items[0].owner_name
    approval = next(i for i in page.model.items if i.section == "approvals")
    row = page.model.items.index(approval)
    model = page.model
    waiting = len([i for i in page.model.items if i.section == "approvals"])
    assert model.index(row, model.SECTION).data() == f"Quotes waiting for your approval ({waiting})"
    assert model.index(row, model.OWNER).data() in {"张伟", "李军", "赵敏"}
    assert model.index(row, model.STATUS).data() == "Pending approval"
    assert not page.table.isColumnHidden(model.OWNER)
    # The columns fit: short ones to their contents, the details take the rest.
    header = page.table.horizontalHeader()
    assert header.sectionSize(model.DETAIL) > header.sectionSize(model.STATUS)
    for column in (model.WHEN, model.TITLE, model.STATUS):
        assert header.sectionSize(column) >= page.table.sizeHintForColumn(column) - 1
    assert page.target_label.text().startswith("Team target ")
    screenshot(window, "today/manager_en")


def test_a_pending_approval_from_the_team_opens_the_quote(qtbot: Any, app_context: Any) -> None:
    ours = pending_quote(app_context, "zhangwei", "Q-TEST-ZW-0001")  # 王芳's team
    theirs = pending_quote(app_context, "liuna", "Q-TEST-LN-0001")  # 陈杰's team
    window, page = start(qtbot, app_context)
    assert page.select_item(ours)
    assert all(item.record_id != theirs for item in page.model.items)
    item = page.model.items[page.table.currentIndex().row()]
    assert (item.section, item.owner_name) == ("approvals", "张伟")
    assert item.detail.startswith("Q-TEST-ZW-0001 A · ¥120,000.00")
    assert page.open_button.isEnabled()
    assert not page.done_button.isEnabled()

    qtbot.mouseClick(page.open_button, qtbot_left())
    quotes_page = window.page("quotes")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is quotes_page)
    qtbot.waitUntil(lambda: quotes_page.editor.view is not None)
    assert quotes_page.editor.view.quote["id"] == ours


def test_manager_today_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    window, page = start(qtbot, app_context)
    assert page.model.headerData(page.model.OWNER, horizontal()) == "销售"
    approval = next(i for i in page.model.items if i.section == "approvals")
    row = page.model.items.index(approval)
    assert page.model.index(row, page.model.SECTION).data().startswith("待您审批的报价 (")
    screenshot(window, "today/manager_zh")


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
