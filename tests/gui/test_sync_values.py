"""Conflicts and rejected edits read as the rep would write them: field names in the
user's language, people and accounts by name, money with ¥, times in the user's zone,
stored codes as words, and the server's reasons explained (English and Chinese)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QLabel

from desktop.domain.models import Account, Opportunity
from desktop.domain.services import records
from desktop.domain.services.sync_issues import Issue
from desktop.domain.uow import unit_of_work
from desktop.ui.i18n import install_translators, remove_translators
from desktop.ui.sync.dialogs import ConflictDialog
from desktop.ui.sync.labels import value_text
from desktop.ui.sync.reasons import explain
from desktop.ui.testing import screenshot
from tests.gui.sync_helpers import (  # noqa: F401 (fixtures)
    LiveServer,
    PlainDevice,
    WindowDevice,
    devices_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    sync_and_wait,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _by_field(page: Any) -> dict[str, list[str]]:
    model = page.conflict_model
    rows: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        cells = [model.index(row, c).data() for c in range(model.columnCount())]
        rows[cells[model.FIELD]] = cells
    return rows


def test_conflicts_show_names_money_and_reasons_in_english_and_chinese(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any, tmp_path: Path
) -> None:
    laptop = devices("laptop")
    laptop.sign_in(qtbot, live_server, "alice")
    alice = laptop.ctx.user_id
    made: dict[str, str] = {}

    def create(uow: Any) -> None:
        account = records.create(uow, Account, {"name": "华东电力", "tier": "A", "owner_id": alice})
        made["account"] = account
        made["deal"] = records.create(
            uow,
            Opportunity,
            {
                "account_id": account,
                "name": "配电柜改造",
                "owner_id": alice,
                "amount": Decimal("1000.00"),
                "stage": "lead",
                "probability": 40,  # inside the limits of every open stage it moves to
            },
        )

    laptop.tasks.write(create)
    sync_and_wait(qtbot, laptop)

    # The manager hands the deal to Bob, raises the amount and writes a note; the rep,
    # offline from that, gives it to the manager, sets another amount and another note.
    desk = PlainDevice(live_server, tmp_path / "desk", "boss")
    try:
        desk.sync()
        with unit_of_work(desk.db.sessions, desk.user_id) as uow:
            records.update(
                uow,
                Opportunity,
                made["deal"],
                {
                    "owner_id": live_server.users["bob"],
                    "amount": Decimal("2000.00"),
                    "notes": "经理：预算已批",
                    "stage": "negotiation",
                    "probability": 50,
                },
            )
        desk.sync()
    finally:
        desk.close()
    boss = live_server.users["boss"]
    laptop.tasks.write(
        lambda uow: records.update(
            uow,
            Opportunity,
            made["deal"],
            {
                "owner_id": boss,
                "amount": Decimal("1234.50"),
                "notes": "我：周三签约",
                "stage": "proposal",
                "probability": 50,
            },
        )
    )
    sync_and_wait(qtbot, laptop)
    page = laptop.window.show_page("sync")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 4)
    rows = _by_field(page)
    model = page.conflict_model
    assert set(rows) == {"Owner", "Amount", "Notes", "Stage"}
    assert rows["Owner"][model.MINE] == "Boss"
    assert rows["Owner"][model.THEIRS] == "Bob"
    assert rows["Amount"][model.MINE] == "¥1,234.50"
    assert rows["Amount"][model.THEIRS] == "¥2,000.00"
    assert rows["Stage"][model.MINE] == "Proposal"
    assert rows["Stage"][model.THEIRS] == "Negotiation"
    assert rows["Notes"][model.RECORD] == "配电柜改造"
    screenshot(laptop.window, "sync_conflict_values_en")

    def open_dialog(field: str) -> ConflictDialog:
        for row in range(model.rowCount()):
            if model.index(row, model.FIELD).data() == field:
                page.conflict_view.selectRow(row)
        dialog = page._open_conflict(QModelIndex())
        assert dialog is not None
        return dialog

    dialog = open_dialog("Amount")
    assert dialog.mine_label.text() == "¥1,234.50"
    assert dialog.theirs_label.text() == "¥2,000.00"
    assert "changed this on the server after you had edited it" in dialog.reason_label.text()
    # Money is typed as a number; the typed value box is there.
    assert dialog.value.text() == "1234.50"
    assert dialog.edit_button.isVisibleTo(dialog)
    screenshot(dialog, "sync_conflict_money_en")
    dialog.reject()
    dialog = open_dialog("Owner")
    assert dialog.mine_label.text() == "Boss"
    assert dialog.theirs_label.text() == "Bob"
    # An owner is chosen, never typed as an id.
    assert not dialog.edit_button.isVisibleTo(dialog)
    screenshot(dialog, "sync_conflict_owner_en")
    dialog.reject()

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        page.reload()
        qtbot.waitUntil(lambda: "备注" in _by_field(page))
        rows = _by_field(page)
        assert set(rows) == {"负责人", "金额", "备注", "阶段"}
        assert rows["负责人"][model.THEIRS] == "Bob"
        assert rows["金额"][model.MINE] == "¥1,234.50"
        assert rows["阶段"][model.THEIRS] == "谈判"
        dialog = open_dialog("备注")
        field = dialog.findChildren(QLabel)
        assert any(label.text() == "备注" for label in field)
        assert dialog.mine_label.text() == "我：周三签约"
        assert "在您修改之后" in dialog.reason_label.text()
        screenshot(dialog, "sync_conflict_dialog_values_zh_CN")
        dialog.reject()
        dialog = open_dialog("金额")
        assert dialog.mine_label.text() == "¥1,234.50"
        screenshot(dialog, "sync_conflict_money_zh_CN")
        dialog.reject()
        screenshot(laptop.window, "sync_conflict_values_zh_CN")
    finally:
        remove_translators(app, translators)


def _issue(**changes: Any) -> Issue:
    values: dict[str, Any] = {
        "id": 1,
        "kind": "conflict",
        "entity": "visit",
        "row_id": "0000",
        "record_name": "季度回访",
        "field": "planned_start",
        "mine": "2026-03-02T06:30:00+00:00",
        "theirs": "2026-03-03T01:00:00+00:00",
        "current": None,
        "reason": "changed on the server since you edited it",
        "changed_by": "Boss",
        "changed_at": dt.datetime(2026, 3, 2, 6, 30, tzinfo=dt.UTC),
        "state": "open",
        "created_at": dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC),
        "record_exists": True,
        "names": {},
    }
    values.update(changes)
    return Issue(**values)


@pytest.mark.parametrize(
    ("entity", "field", "wire", "names", "shown"),
    [
        ("visit", "planned_start", "2026-03-02T06:30:00+00:00", {}, "2026-03-02 14:30"),
        ("visit", "contact_ids", ["c1", "c2"], {"c1": "张伟", "c2": "李娜"}, "张伟, 李娜"),
        ("visit", "visit_type", "phone", {}, "Phone"),
        ("quote", "status", "pending_approval", {}, "Pending approval"),
        ("quote", "discount_pct", "5.00", {}, "5%"),
        ("product", "tax_rate", "0.13", {}, "13%"),
        ("account", "status", "dormant", {}, "Dormant"),
        ("contact", "role", "decision_maker", {}, "Decision maker"),
        ("contact", "is_primary", True, {}, "yes"),
        ("account", "parent_id", "gone", {}, "(a record not on this device)"),
        ("account", "notes", None, {}, "(empty)"),
        ("payment", "method", "transfer", {}, "Bank transfer"),
    ],
)
def test_values_read_as_the_user_writes_them(
    qapp: Any, entity: str, field: str, wire: Any, names: dict[str, str], shown: str
) -> None:
    assert value_text(entity, field, wire, names, SHANGHAI) == shown


@pytest.mark.parametrize(
    ("reason", "why", "advice"),
    [
        (
            "account '移交客户' already belongs to another rep",
            "The account 移交客户 now belongs to another rep.",
            "handed over",
        ),
        (
            "account '公海客户' is in the public pool: claim it first",
            "The account 公海客户 is in the public pool.",
            "Claim it",
        ),
        (
            "you may not change this quote line: it is outside your accounts",
            "This quote line belongs to an account you do not have access to.",
            "no longer have access",
        ),
        (
            "only a manager may change the product catalog",
            "Only a manager may change the product catalog.",
            "manager or administrator",
        ),
        (
            "opportunity 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b does not exist on the server",
            "This opportunity no longer exists on the server.",
            "removed on the server",
        ),
        (
            "invalid value for amount: expected a decimal as text",
            "The server did not accept the value of Amount.",
            "Correct the value",
        ),
        ("contact: missing name, account_id", "Required fields were empty: Name, Account.", "Fill"),
        ("account has no field 'colour'", "The server does not know the field Colour.", "Update"),
        (
            "only the account's owner or their manager may change its account team",
            "Only the account's owner or their manager may change its account team.",
            "Ask the account's owner",
        ),
        (
            "upload the file first: the server holds this content from someone else "
            "and you have not uploaded it",
            "The server holds this file from someone else, and it was not uploaded "
            "from your account.",
            "attach the file again",
        ),
        ("something new the server says", "something new the server says", "administrator"),
    ],
)
def test_the_servers_reasons_are_explained(qapp: Any, reason: str, why: str, advice: str) -> None:
    entity = reason.split(" ")[0].rstrip(":")
    explanation = explain(reason, entity)
    assert explanation.why == why
    assert advice in explanation.next


def test_reasons_in_chinese(qapp: Any, chinese: None) -> None:
    explanation = explain("account '移交客户' already belongs to another rep", "account")
    assert explanation.why == "客户“移交客户”现在归属另一位销售。"
    assert "移交" in explanation.next
    assert value_text("opportunity", "stage", "won", {}, SHANGHAI) == "赢单"
    team = explain("only the account's owner or their manager may change its account team")
    assert team.why == "只有客户负责人或其经理可以调整客户团队。"
    upload = explain("upload the file first: the server holds this content from someone else")
    assert "上传" in upload.why
    assert "上传" in upload.next


def test_a_visit_time_conflict_shows_local_times(qtbot: Any, app_context: Any) -> None:
    dialog = ConflictDialog(app_context, _issue())
    qtbot.addWidget(dialog)
    assert dialog.mine_label.text() == "2026-03-02 14:30"
    assert dialog.theirs_label.text() == "2026-03-03 09:00"
    assert not dialog.edit_button.isVisibleTo(dialog)
