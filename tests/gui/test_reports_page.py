"""The Reports page as a manager uses it: dashboard, exports with progress, import preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.domain.models import Account
from desktop.ui.testing import screenshot


def _year() -> int:
    return dt.date.today().year


def test_dashboard_shows_figures_charts_and_filters(qtbot: Any, main_window: Any) -> None:
    page = main_window.show_page("reports")
    tab = page.dashboard
    tab.period.setText(str(_year()))
    tab.period.editingFinished.emit()
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.period.key == str(_year()))
    qtbot.waitUntil(lambda: tab.team.count() == 3)  # all teams + the demo's two
    assert "Target" in tab.figures.text()
    assert len(tab.by_month.categories) == 12
    assert tab.pipeline.maximum() > 0
    assert list(tab.coverage.categories) == ["A", "B", "C"]
    # The demo's receivables, open by days past due (回款 ageing).
    assert tab.receivables.categories == [
        "Not yet due",
        "0–30 days",
        "31–90 days",
        "91–180 days",
        "Over 180 days",
    ]
    assert tab.receivables.maximum() > 0
    everyone = tab.model.rowCount()
    assert everyone >= 6
    main_window.resize(1400, 900)
    screenshot(main_window, "reports_dashboard_en")
    tab.team.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.model.rowCount() < everyone)
    assert tab.rep.count() == tab.model.rowCount() + 1


def test_meeting_pack_and_accounts_export_with_progress(
    qtbot: Any, main_window: Any, tmp_path: Path
) -> None:
    page = main_window.show_page("reports")
    page.tabs.setCurrentIndex(1)
    tab = page.exports
    assert tab.language.currentData() == "en"  # the interface's language
    tab.period.setText(f"{_year()}-Q1")
    tab.language.setCurrentIndex(tab.language.findData("zh_CN"))
    pack = tmp_path / "pack.xlsx"
    tab.export_meeting_pack(pack)
    assert tab.cancel_button.isVisible()
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    assert "Wrote 11 sheets" in tab.status.text()
    assert load_workbook(pack).sheetnames[0] == "摘要"

    accounts = tmp_path / "accounts.xlsx"
    tab.export_accounts(accounts)
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    with main_window.ctx.db.sessions() as s:
        total = s.scalar(select(func.count()).select_from(Account))
    assert tab.status.text().startswith(f"Wrote {total} accounts")
    sheet = load_workbook(accounts).active
    assert sheet.max_row == total + 1  # type: ignore[union-attr]
    screenshot(main_window, "reports_exports_en")


def test_cancelled_export_leaves_no_file(qtbot: Any, main_window: Any, tmp_path: Path) -> None:
    tab = main_window.show_page("reports").exports
    target = tmp_path / "cancelled.xlsx"
    job = tab.export_accounts(target)
    job.cancel()
    tab.cancel()
    qtbot.waitUntil(lambda: tab.job is None, timeout=20000)
    # A small list may finish before the cancel is seen; either way no half file exists.
    assert not (tmp_path / "cancelled.xlsx.part").exists()
    cancelled = tab.status.text() == "Export cancelled; no file was written."
    assert cancelled != target.exists()


def test_reports_page_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    page = window.show_page("reports")
    qtbot.waitUntil(lambda: page.dashboard.data is not None, timeout=10000)
    assert page.tabs.tabText(0) == "仪表板"
    screenshot(window, "reports_dashboard_zh_CN")
    page.tabs.setCurrentIndex(1)
    # The meeting pack's headers follow the interface; English is offered beside.
    assert page.exports.language.currentData() == "zh_CN"
    assert page.exports.language.findData("en") >= 0
    screenshot(window, "reports_exports_zh_CN")
