"""The account's Health tab: the score and every point's reason, in English and
Chinese; it follows a write that changes a reason (a complaint past its SLA)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.domain.models import Account, Complaint
from desktop.domain.services import health
from desktop.ui.accounts.health_tab import HealthTab
from desktop.ui.testing import screenshot
from tests.gui.test_account_tabs import open_account


@pytest.fixture
def window(main_window: Any) -> Any:
    main_window.resize(1366, 768)
    return main_window


def show_health(qtbot: Any, window: Any, account_id: str) -> HealthTab:
    page = open_account(qtbot, window, account_id)
    tab: HealthTab = page.health
    page.detail.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded_for == account_id)
    return tab


def first_tier_a(app_context: Any) -> str:
    with app_context.db.sessions() as session:
        found = session.scalar(
            select(Account.id).where(Account.tier == "A").order_by(Account.id).limit(1)
        )
    assert found is not None
    return found


def test_the_breakdown_explains_the_score_and_follows_a_new_complaint(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    account_id = first_tier_a(app_context)
    now = dt.datetime.now(dt.UTC)
    with app_context.db.sessions() as session:
        expected = health.account_health(session, account_id, now, now.date())
    tab = show_health(qtbot, window, account_id)
    assert tab.health == expected
    assert tab.score_label.text().startswith(f"Health {expected.score} / 100 · ")
    assert expected.score == max(
        0, min(100, expected.base + sum(r.points for r in expected.reasons))
    )
    assert len(tab.lines) == len(expected.reasons) > 0
    screenshot(window, "health/breakdown_en")
    before = expected.score

    def two_late_complaints(uow: Any) -> None:
        for title in ("设备宕机", "备件未到"):
            uow.add(
                Complaint(
                    account_id=account_id,
                    title=title,
                    severity="critical",
                    status="open",
                    opened_at=now - dt.timedelta(days=5),
                    sla_due_at=now - dt.timedelta(days=1),
                )
            )

    app_context.tasks.write(two_late_complaints)
    qtbot.waitUntil(lambda: any("complaints past their SLA" in line for line in tab.lines))
    [line] = [x for x in tab.lines if "complaints past their SLA" in x]
    assert line.startswith("−")
    assert tab.health is not None
    assert tab.health.score < before or before == 0


def test_health_in_chinese(qtbot: Any, chinese: None, window: Any, app_context: Any) -> None:
    tab = show_health(qtbot, window, first_tier_a(app_context))
    page = window.page("accounts")
    assert page.detail.tabs.tabText(3) == "健康度"
    assert tab.score_label.text().startswith("健康度 ")
    assert all("天" in line or "%" in line or "¥" in line or "投诉" in line for line in tab.lines)
    QApplication.processEvents()
    screenshot(window, "health/breakdown_zh")


def test_a_manager_sets_coverage_and_weights_in_settings_and_the_account_follows(
    qtbot: Any, window: Any, app_context: Any
) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QTabWidget

    from desktop.domain.services import stakeholders
    from desktop.ui.settings_dialog import SettingsDialog

    account_id = first_tier_a(app_context)
    tab = show_health(qtbot, window, account_id)
    base_line = tab.breakdown.text()
    assert "Starting score: 70" in base_line
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.resize(900, 760)
    dialog.show()
    rules = dialog.key_account_rules
    dialog.findChild(QTabWidget, "settings-tabs").setCurrentWidget(rules)
    qtbot.waitUntil(lambda: rules.save_button.isEnabled())
    technical = rules.roles[("A", "technical")]
    assert not technical.isChecked()
    qtbot.mouseClick(technical, Qt.MouseButton.LeftButton, pos=QPoint(6, technical.height() // 2))
    days = rules.days["A"]
    days.selectAll()
    qtbot.keyClicks(days, "45")
    base = rules.weights["base"]
    base.selectAll()
    qtbot.keyClicks(base, "60")
    screenshot(dialog, "health/key_account_rules_en")
    qtbot.mouseClick(rules.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rules.message.text().startswith("Saved"))
    with app_context.db.sessions() as session:
        assert stakeholders.coverage_rules(session)["A"] == {
            "roles": ["decision_maker", "finance", "technical"],
            "days": 45,
        }
    qtbot.waitUntil(lambda: "Starting score: 60" in tab.breakdown.text())
    dialog.reject()
