"""Win/loss on the Reports page with real clicks and keys: the year's closed deals of the
demo by competitor (named rivals from the shared list), lost reason, rep and product
category, with the totals above; a team narrows them; a period that is none is said in
words and the last figures stay."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from desktop.store.demo.deals import COMPETITORS, LOST_REASONS
from desktop.ui.testing import screenshot


def column(model: Any, number: int = 0) -> list[str]:
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_win_loss_by_competitor_reason_rep_and_category(
    qtbot: Any, main_window: Any, app_context: Any
) -> None:
    main_window.resize(1366, 768)
    page = main_window.show_page("reports")
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    tab = page.winloss
    assert page.tabs.currentWidget() is tab
    year = str(dt.date.today().year)
    tab.period.selectAll()
    qtbot.keyClicks(tab.period, year)
    qtbot.keyClick(tab.period, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.totals.deals > 0)
    everyone = tab.data.totals
    assert tab.summary.text().startswith(f"<b>{everyone.deals}</b> deals closed")
    competitors, reasons, reps, categories = (
        box[1] for box in (tab.competitors, tab.reasons, tab.reps, tab.categories)
    )
    assert competitors.rowCount() > 0
    assert set(column(competitors)) <= set(COMPETITORS)
    assert set(column(reasons)) <= {*LOST_REASONS, "(no reason)"}
    assert sum(int(v) for v in column(reps, 1)) == everyone.won  # won per rep adds up
    assert categories.rowCount() > 0
    screenshot(main_window, "renewals/reports_winloss_en")

    tab.period.selectAll()
    qtbot.keyClicks(tab.period, f"{year}-Q5")
    qtbot.keyClick(tab.period, Qt.Key.Key_Return)
    assert tab.error.text() == f"“{year}-Q5” is not a period like 2026, 2026-Q3 or 2026-07."
    assert competitors.rowCount() > 0  # the last figures stay

    tab.period.selectAll()
    qtbot.keyClicks(tab.period, year)
    qtbot.keyClick(tab.period, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.error.text() == "")
    qtbot.waitUntil(lambda: tab.team.count() == 3)
    qtbot.keyClick(tab.team, Qt.Key.Key_Down)  # the first team
    assert tab.team.currentIndex() == 1
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.totals.deals < everyone.deals)
