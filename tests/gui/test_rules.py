"""Settings → Rules: a manager changes the team's rules (checked as typed) and the
app follows them; a rep has no Rules tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.domain.services import coverage, quotes
from desktop.store.migrate import Database
from desktop.ui.context import AppContext
from desktop.ui.testing import screenshot
from tests.visits_data import SHANGHAI, add_account, add_user, done_visit, page_context


@pytest.fixture
def manager(qapp: object, data_dir: Path, db: Database) -> Iterator[AppContext]:
    user = add_user(db, "wangfang", "王芳", "manager", signed_in=True)
    ctx = page_context(db, data_dir, user, "王芳", "manager")
    # Visited 20 days ago: inside a 30-day cadence, overdue under a 14-day one.
    account = add_account(db, "上海华测电子有限公司", tier="A", owner_id=user)
    today = dt.datetime.now(SHANGHAI).date()
    done_visit(
        db, account, user, dt.datetime.combine(today, dt.time(10), SHANGHAI) - dt.timedelta(days=20)
    )
    yield ctx
    ctx.tasks.wait_idle()
    ctx.tasks.shutdown()


def open_rules(qtbot: Any, ctx: AppContext) -> Any:
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(760, 900)
    dialog.show()
    tabs = dialog.findChild(type(dialog.rules_tab.parent().parent()), "settings-tabs")
    tabs.setCurrentWidget(dialog.rules_tab)
    qtbot.waitUntil(lambda: dialog.rules_tab.save_button.isEnabled())
    return dialog


def test_manager_shortens_the_a_cadence_and_today_lists_the_account(
    qtbot: Any, manager: AppContext
) -> None:
    from desktop.ui.pages.today import TodayPage

    today = TodayPage(manager)
    qtbot.addWidget(today)
    today.show()
    today.activate()
    qtbot.waitUntil(lambda: today.view_data is not None)
    assert not today.view_data.section("coverage")

    dialog = open_rules(qtbot, manager)
    tab = dialog.rules_tab
    assert tab.fields["cadence.A"].text() == "30"
    screenshot(dialog, "settings_rules_en")

    # Wrong input is named beside the field and nothing is saved.
    tab.fields["cadence.A"].setText("0")
    tab.fields["discount.B"].setText("120")
    assert tab.errors["cadence.A"].text() == "Enter a whole number greater than 0."
    assert tab.errors["discount.B"].text() == "Enter a percentage from 0 to 100."
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "need fixing" in tab.message.text()
    screenshot(dialog, "settings_rules_errors_en")

    tab.fields["cadence.A"].setText("14")
    tab.fields["discount.B"].setText("12.5")
    assert tab.errors["cadence.A"].text() == ""
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Rules saved" in tab.message.text())
    qtbot.waitUntil(lambda: bool(today.view_data.section("coverage")))
    (due,) = today.view_data.section("coverage")
    assert due.title == "上海华测电子有限公司"
    assert due.status == "overdue"
    with manager.db.sessions() as session:
        assert coverage.cadence(session)["A"] == 14
        assert coverage.cadence(session)["B"] == 90
        b_account = add_account(manager.db, "杭州云帆科技有限公司", tier="B")
    with manager.db.sessions() as session:
        assert quotes.guardrails(session, b_account).tier_limit_pct == Decimal("12.5")
    dialog.reject()


def test_a_rep_has_no_rules_tab(qtbot: Any, qapp: object, data_dir: Path, db: Database) -> None:
    from desktop.ui.rules import RulesTab
    from desktop.ui.settings_dialog import SettingsDialog

    rep = add_user(db, signed_in=True)
    ctx = page_context(db, data_dir, rep, "张伟", "rep")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.findChild(RulesTab) is None
    assert not hasattr(dialog, "rules_tab")
    ctx.tasks.shutdown()


def test_rules_tab_in_chinese(qtbot: Any, chinese: None, manager: AppContext) -> None:
    dialog = open_rules(qtbot, manager)
    assert dialog.rules_tab.save_button.text() == "保存规则"
    screenshot(dialog, "settings_rules_zh")
    dialog.reject()


def test_the_rules_tab_has_one_save_button_and_sets_the_check_in_rules(
    qtbot: Any, manager: AppContext
) -> None:
    from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLineEdit, QTabWidget

    from desktop.domain.services import rules

    dialog = open_rules(qtbot, manager)
    tabs = dialog.findChild(QTabWidget, "settings-tabs")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert tabs.currentIndex() == 1  # open_rules shows the Rules tab
    assert not save.isVisible()
    assert dialog.rules_tab.save_button.isVisible()
    tabs.setCurrentIndex(0)
    assert save.isVisible()
    tabs.setCurrentIndex(1)
    hours = dialog.findChild(QLineEdit, "rule-checkin_hours")
    assert hours.text() == "2"  # the default window
    hours.clear()
    qtbot.keyClicks(hours, "30")
    assert dialog.rules_tab.errors["checkin_hours"].text() == "Hours: a whole number from 0 to 24."
    hours.clear()
    qtbot.keyClicks(hours, "1")
    assert dialog.rules_tab.errors["checkin_hours"].text() == ""
    qtbot.mouseClick(dialog.findChild(QCheckBox, "rule-location.A"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rules_tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rules_tab.message.text().startswith("Rules saved"))
    with manager.db.sessions() as session:
        visits_policy = rules.load(session).visits
    assert visits_policy.hours_before == 1
    assert visits_policy.needs_location("A")
    assert not visits_policy.needs_location("B")


def test_one_save_checks_every_box_then_writes_them_all(qtbot: Any, manager: AppContext) -> None:
    """A wrong cadence, stage default and commission rate: one click on the tab's only
    Save names each in its box, keeps the typing and writes nothing; fixed, one click
    writes all three, and says so in plain (not red) text."""
    from PySide6.QtWidgets import QPushButton

    from desktop.domain.services import commission, opportunities
    from desktop.ui.format import ERROR_STYLE

    dialog = open_rules(qtbot, manager)
    tab = dialog.rules_tab
    buttons = [b.text() for b in tab.findChildren(QPushButton) if b.isVisibleTo(tab)]
    assert buttons == ["Save rules"]
    cadence = tab.fields["cadence.A"]
    spin = tab.stages.spins["lead"]
    rate = tab.commission.default

    def type_in(*typed: str) -> None:
        for edit, text in zip((cadence, spin.lineEdit(), rate), typed, strict=True):
            edit.selectAll()
            qtbot.keyClicks(edit, text)

    type_in("0", "55", "abc")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.errors["cadence.A"].text() == "Enter a whole number greater than 0."
    assert "from 0% to 40%" in tab.stages.message.text()
    assert "is not a number" in tab.commission.message.text()
    assert "need fixing" in tab.message.text()
    assert tab.message.styleSheet() == ERROR_STYLE
    assert (cadence.text(), spin.value(), rate.text()) == ("0", 55, "abc")
    manager.tasks.wait_idle()
    with manager.db.sessions() as session:
        assert coverage.cadence(session)["A"] == 30
        assert opportunities.stage_defaults(session)["lead"] == 10

    type_in("21", "25", "2.5")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text().startswith("Rules saved"))
    assert tab.message.styleSheet() == ""
    assert tab.stages.message.text() == tab.commission.message.text() == ""
    with manager.db.sessions() as session:
        assert coverage.cadence(session)["A"] == 21
        assert opportunities.stage_defaults(session)["lead"] == 25
        assert commission.rates_editor(session).rates.default == Decimal("2.5")
    dialog.reject()
