"""The Targets and Complaints pages with the demo data, as a manager sees them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.domain.models import Account, Complaint
from desktop.domain.services import targets
from desktop.ui.table_model import ROW_ID_ROLE
from desktop.ui.testing import screenshot


def test_targets_grid_and_annual_split(qtbot: Any, main_window: Any) -> None:
    page = main_window.show_page("targets")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    assert page.model.headerData(6, Qt.Orientation.Horizontal) == "01"
    first = page.lines[0]
    assert page.model.index(0, 0).data() == first.owner_name
    assert page.model.index(0, 1).data() == f"¥{first.target:,.2f}"
    assert "target" in page.model.index(0, 6).data(
        Qt.ItemDataRole.ToolTipRole
    )  # the tooltip names target and actual
    main_window.resize(1400, 800)
    screenshot(main_window, "targets_en")

    year = dt.date.today().year + 1
    page.year.setValue(year)
    page.save_annual_target(first.owner_id, year, Decimal("1200000"), "china_b2b")
    qtbot.waitUntil(lambda: any(a.target == Decimal(1200000) for a in page.lines), timeout=10000)
    with main_window.ctx.db.sessions() as s:
        assert targets.target_for(s, first.owner_id, f"{year}-02") == Decimal(
            48000
        )  # 4 % in February


def test_complaints_list_log_and_resolve(qtbot: Any, main_window: Any) -> None:
    page = main_window.show_page("complaints")
    qtbot.waitUntil(lambda: page.summary.text() != "", timeout=10000)
    before = page.model.rowCount()
    with main_window.ctx.db.sessions() as s:
        account_id = s.scalar(select(Account.id).order_by(Account.name).limit(1))
    page.log(
        {
            "account_id": account_id,
            "title": "=交付延迟",
            "category": "delivery",
            "severity": "high",
            "description": "",
        }
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=10000)
    titles = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert "=交付延迟" in titles
    screenshot(main_window, "complaints_en")

    row = titles.index("=交付延迟")
    new_id = page.model.index(row, 0).data(ROW_ID_ROLE)
    proxy_row = next(
        r
        for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data(ROW_ID_ROLE) == new_id
    )
    page.view.selectRow(proxy_row)
    page.set_status("resolved", "补发货物")
    qtbot.waitUntil(lambda: page.model.rowCount() == before, timeout=10000)  # open list only
    with main_window.ctx.db.sessions() as s:
        row_db = s.get(Complaint, new_id)
        assert row_db is not None
        assert (row_db.status, row_db.resolution) == ("resolved", "补发货物")
        assert row_db.resolved_at is not None


def test_pages_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    targets_page = window.show_page("targets")
    qtbot.waitUntil(lambda: targets_page.model.rowCount() > 0, timeout=10000)
    assert targets_page.model.headerData(1, Qt.Orientation.Horizontal) == "目标"
    screenshot(window, "targets_zh_CN")
    complaints_page = window.show_page("complaints")
    qtbot.waitUntil(lambda: complaints_page.summary.text() != "", timeout=10000)
    assert complaints_page.new_button.text() == "新建投诉…"
    screenshot(window, "complaints_zh_CN")
