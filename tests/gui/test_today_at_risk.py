"""Today lists the accounts at risk (their health score under the threshold) with the
score and the first reason, in English and Chinese; a click opens the account."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.domain.health import at_risk
from desktop.domain.models import Order, User
from desktop.domain.services import followups
from tests.gui.test_today_manager import start
from tests.seed import seeded
from tests.visits_data import add_account

SHOTS = Path("/work/shots/health")


def neglected_account(ctx: Any) -> str:
    """An account of 张伟 (王芳's team) never visited, owed for a year, no orders since."""
    with ctx.db.sessions() as session:
        rep = session.scalar(select(User.id).where(User.username == "zhangwei"))
    account = add_account(ctx.db, "无锡久安化工有限公司", owner_id=rep)
    today = dt.datetime.now(ctx.zone).date()
    with seeded(ctx.db.sessions, rep) as uow:
        uow.add(
            Order(
                number="SO-TEST-RISK-1",
                account_id=account,
                owner_id=rep,
                order_date=today - dt.timedelta(days=400),
                payment_due=today - dt.timedelta(days=370),
                amount=Decimal("12000.00"),
            )
        )
        # A follow-up keeps it from the public pool when the window starts.
        followups.add_task(uow, title="催款", due_date=today, owner_id=rep, account_id=account)
    return account


def _at_risk_row(page: Any) -> int:
    return next(r for r, i in enumerate(page.model.items) if i.section == "at_risk")


def _shoot(window: Any, name: str) -> None:
    window.resize(1366, 768)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / f"{name}.png"))


def test_today_lists_accounts_at_risk_and_opens_one(qtbot: Any, app_context: Any) -> None:
    account = neglected_account(app_context)
    window, page = start(qtbot, app_context)
    row = next(r for r, i in enumerate(page.model.items) if i.record_id == account)
    assert row == _at_risk_row(page)  # the demo's only account at risk
    item = page.model.items[row]
    assert (item.section, item.owner_name) == ("at_risk", "张伟")
    assert item.entity == "account"
    assert at_risk(int(item.detail))
    model = page.model
    assert model.index(row, model.SECTION).data().startswith("Accounts at risk (")
    assert model.index(row, model.DETAIL).data() == "Health 25: No decision maker met in 120 days"
    assert model.index(row, model.STATUS).data() == "At risk"
    _shoot(window, "today_en")

    page.table.scrollTo(model.index(row, model.TITLE))
    rect = page.table.visualRect(model.index(row, model.TITLE))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    accounts = window.page("accounts")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is accounts)
    _shoot(window, "opened_account_en")


def test_today_accounts_at_risk_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    neglected_account(app_context)
    window, page = start(qtbot, app_context)
    row = _at_risk_row(page)
    model = page.model
    assert model.index(row, model.SECTION).data().startswith("风险客户 (")
    assert model.index(row, model.DETAIL).data() == "健康度 25：120 天内未见过决策者"
    assert model.index(row, model.STATUS).data() == "有风险"
    _shoot(window, "today_zh")
