"""The Accounts list's Health column: empty until the full pass scores the accounts
on a worker, then coloured by band with the reasons in its tooltip; a click on its
header sorts by health (lowest first, then highest first); "At risk" keeps the
accounts under the threshold; an edit scores its account again at once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from desktop.domain.health import AT_RISK_BELOW
from desktop.domain.models import AccountHealth, Complaint, Order
from desktop.domain.services import health
from desktop.ui.accounts.health_upkeep import HealthUpkeep
from desktop.ui.accounts.model import COLUMN_KEYS
from desktop.ui.testing import screenshot
from tests.gui.test_accounts import open_accounts_page

HEALTH = COLUMN_KEYS.index("health")


def shown(qtbot: Any, page: Any, column: int = HEALTH) -> list[str]:
    model = page.model

    def loaded() -> bool:
        return all(model.row_data(r) is not None for r in range(model.rowCount()))

    qtbot.waitUntil(loaded)
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def click_header(qtbot: Any, page: Any, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    before = page.query
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: page.query != before)
    page.ctx.tasks.wait_idle()


def fill_cache(qtbot: Any, ctx: Any, keep: bool = False) -> HealthUpkeep:
    upkeep = HealthUpkeep(ctx)
    with qtbot.waitSignal(upkeep.finished) as signal:
        upkeep.start()
    assert signal.args == [40]
    if not keep:
        upkeep.stop()
    ctx.tasks.wait_idle()
    return upkeep


def test_health_column_sorts_filters_and_follows_edits(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    assert set(shown(qtbot, page)) == {""}  # the demo's rows came without a pass
    fill_cache(qtbot, app_context)
    qtbot.waitUntil(lambda: all(shown(qtbot, page)))  # the page heard the pass
    with app_context.db.sessions() as session:
        rows = session.execute(select(AccountHealth.account_id, AccountHealth.score))
        scores: dict[str, int] = {}
        for account_id, score in rows:
            scores[account_id] = score
    assert len(scores) == 40
    click_header(qtbot, page, HEALTH)
    ascending = [int(v) for v in shown(qtbot, page)]
    assert ascending == sorted(scores.values())
    assert len(set(ascending)) > 3  # a spread of scores
    first = page.model.index(0, HEALTH)
    assert page.model.data(first, Qt.ItemDataRole.ToolTipRole).startswith(
        f"Health {ascending[0]}: "
    )
    screenshot(page, "accounts/health_sorted_en")
    click_header(qtbot, page, HEALTH)
    assert [int(v) for v in shown(qtbot, page)] == sorted(scores.values(), reverse=True)

    # An edit scores its account again in the write itself: three complaints past
    # their SLA take the healthiest account down the list.
    top = page.model.ids()[0]
    late_complaints(qtbot, app_context, top)
    qtbot.waitUntil(lambda: page.model.ids()[0] != top)
    with app_context.db.sessions() as session:
        assert session.get(AccountHealth, top).score == scores[top] - 12

    # "At risk": the least healthy, with three more, falls under the threshold.
    lowest = min(scores, key=lambda a: (scores[a], a))
    late_complaints(qtbot, app_context, lowest)
    qtbot.mouseClick(page.filters.at_risk_filter, Qt.MouseButton.LeftButton)
    with app_context.db.sessions() as session:
        rows = session.execute(select(AccountHealth.account_id, AccountHealth.score))
        at_risk = {a for a, score in rows if score < AT_RISK_BELOW}
    assert lowest in at_risk
    qtbot.waitUntil(lambda: set(page.model.ids()) == at_risk)
    assert all(int(v) < AT_RISK_BELOW for v in shown(qtbot, page))
    screenshot(page, "accounts/health_at_risk_en")
    qtbot.mouseClick(page.filters.at_risk_filter, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)
    app_context.tasks.wait_idle()


def late_complaints(qtbot: Any, ctx: Any, account_id: str) -> None:
    now = dt.datetime.now(dt.UTC)

    def add(uow: Any) -> None:
        for title in ("设备宕机", "备件未到", "发票错误"):
            uow.add(
                Complaint(
                    account_id=account_id,
                    title=title,
                    opened_at=now - dt.timedelta(days=5),
                    sla_due_at=now - dt.timedelta(days=1),
                )
            )

    ctx.tasks.write(add)
    ctx.tasks.wait_idle()


def test_abc_column_sorts_and_filters_by_class(qtbot: Any, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    upkeep = fill_cache(qtbot, app_context, keep=True)
    abc = COLUMN_KEYS.index("abc")
    qtbot.waitUntil(lambda: any(shown(qtbot, page, abc)))
    with app_context.db.sessions() as session:
        rows = session.execute(select(AccountHealth.account_id, AccountHealth.abc))
        classes: dict[str, str | None] = {}
        for account_id, klass in rows:
            classes[account_id] = klass
    click_header(qtbot, page, abc)
    expected = sorted(k for k in classes.values() if k) + [""] * sum(
        1 for k in classes.values() if not k
    )
    assert shown(qtbot, page, abc) == expected
    assert {"A", "B", "C"} <= set(expected)
    combo = page.filters.abc_filter
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Class A"
    assert combo.currentData() == "A"
    a_accounts = {a for a, k in classes.items() if k == "A"}
    qtbot.waitUntil(lambda: set(page.model.ids()) == a_accounts)
    assert set(shown(qtbot, page, abc)) == {"A"}
    assert page.model.data(page.model.index(0, abc), Qt.ItemDataRole.ToolTipRole) == (
        "Class A by share of the last 12 months' revenue"
    )
    screenshot(page, "accounts/abc_class_a_en")

    # A big order makes a C account an A one: the ranking runs on a worker after it.
    small = max(a for a, k in classes.items() if k == "C")

    def big_order(uow: Any) -> None:
        uow.add(
            Order(
                number="SO-BIG",
                account_id=small,
                order_date=dt.date.today(),
                amount=Decimal("900000000"),
            )
        )

    app_context.tasks.write(big_order)
    qtbot.waitUntil(lambda: small in page.model.ids())
    assert page.model.ids()[0] == small  # the biggest now; the others may move too
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)
    upkeep.stop()
    app_context.tasks.wait_idle()


def test_health_and_abc_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    page = open_accounts_page(qtbot, app_context)
    page.resize(1366 - 170, 768 - 60)
    fill_cache(qtbot, app_context)
    qtbot.waitUntil(lambda: all(shown(qtbot, page)))
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in (HEALTH, HEALTH + 1)]
    assert headers == ["健康度", "ABC 分类"]
    assert page.filters.at_risk_filter.text() == "有风险"
    assert page.filters.abc_filter.itemText(1) == "A 类"
    tip = page.model.data(page.model.index(0, HEALTH), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("健康度 ")
    screenshot(page, "accounts/health_abc_zh_CN")
    app_context.tasks.wait_idle()


def test_new_weights_score_every_account_again_on_a_worker(qtbot: Any, app_context: Any) -> None:
    """A manager changes the weights (Settings → Key accounts): the upkeep hears the
    policy change and scores all 40 accounts again; the list shows the new scores."""
    page = open_accounts_page(qtbot, app_context)
    upkeep = fill_cache(qtbot, app_context, keep=True)
    qtbot.waitUntil(lambda: all(shown(qtbot, page)))
    before = [int(v) for v in shown(qtbot, page)]
    with qtbot.waitSignal(upkeep.finished) as signal:
        app_context.tasks.write(lambda uow: health.set_weights(uow, {"base": 50}))
    assert signal.args == [40]
    qtbot.waitUntil(lambda: [int(v) for v in shown(qtbot, page)] == [b - 20 for b in before])
    upkeep.stop()
    app_context.tasks.wait_idle()
