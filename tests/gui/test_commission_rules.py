"""Settings → Rules → Commission rates and stage defaults: a manager sets a category's
rate, its rate for one tier and an accelerator; a rate out of range is refused in her
words beside the grid and nothing is saved. The tab's one Save writes them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from sqlalchemy import select

from desktop.domain.models import Policy
from desktop.ui.pipeline.commission_box import CommissionBox
from desktop.ui.testing import screenshot
from tests.gui.test_rules import manager, open_rules  # noqa: F401 (the manager fixture)


def commission_policy(ctx: Any) -> Any:
    with ctx.db.sessions() as session:
        return session.scalar(select(Policy.value).where(Policy.key == "commission"))


def test_a_manager_sets_commission_rates(qtbot: Any, manager: Any) -> None:  # noqa: F811
    from desktop.domain.models import Product
    from desktop.domain.services import records
    from desktop.domain.uow import unit_of_work

    with unit_of_work(manager.db.sessions, manager.user_id) as uow:
        records.create(
            uow,
            Product,
            {"sku": "SRV", "name": "服务器", "list_price": Decimal(1000), "category": "硬件"},
        )
    dialog = open_rules(qtbot, manager)
    box = dialog.findChild(CommissionBox, "commission-box")
    save = dialog.rules_tab.save_button
    cell = box.cells[("硬件", "B")]
    box.default.clear()
    qtbot.keyClicks(box.default, "1")
    qtbot.keyClicks(box.cells[("硬件", "")], "3")
    qtbot.keyClicks(cell, "250")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "between 0 and 100" in box.message.text())
    assert "need fixing" in dialog.rules_tab.message.text()
    assert cell.text() == "250"  # what was typed stays
    manager.tasks.wait_idle()
    assert commission_policy(manager) is None  # nothing saved
    cell.clear()
    qtbot.keyClicks(cell, "4")
    qtbot.keyClicks(box.above, "100")
    qtbot.keyClicks(box.multiplier, "1.5")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: commission_policy(manager) is not None)
    assert commission_policy(manager) == {
        "default": "1",
        "categories": {"硬件": "3"},
        "tiers": {"B": {"硬件": "4"}},
        "accelerator": {"above_pct": "100", "multiplier": "1.5"},
    }
    qtbot.waitUntil(lambda: dialog.rules_tab.message.text().startswith("Rules saved"))
    assert box.message.text() == ""  # the fixed rate's message went
    scroll = dialog.findChild(QScrollArea)
    scroll.ensureWidgetVisible(box)
    screenshot(dialog, "commission_rules_en")


def test_a_manager_changes_a_stage_s_default_probability(qtbot: Any, manager: Any) -> None:  # noqa: F811
    from desktop.domain.services import opportunities
    from desktop.ui.pipeline.stages_box import StagesBox

    dialog = open_rules(qtbot, manager)
    box = dialog.findChild(StagesBox, "stages-box")
    save = dialog.rules_tab.save_button
    spin = box.spins["lead"]
    assert spin.value() == 10
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "55")  # above a lead's 40 %
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "from 0% to 40%" in box.message.text())
    assert spin.value() == 55  # kept as typed, not clamped
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "15")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rules_tab.message.text().startswith("Rules saved"))
    assert box.message.text() == ""
    with manager.db.sessions() as session:
        assert opportunities.stage_defaults(session)["lead"] == 15
