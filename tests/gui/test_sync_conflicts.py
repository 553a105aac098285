"""Conflicts made on a second device and settled in the dialog; rejected edits explained;
quote numbers of one rep's two devices never collide."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from desktop.domain.models import Account, Quote
from desktop.domain.services import numbering, records
from desktop.domain.services.device import get_meta
from desktop.domain.uow import unit_of_work
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


def _notes(db: Any, account_id: str) -> str:
    with db.sessions() as s:
        return str(s.scalar(select(Account.notes).where(Account.id == account_id)))


def test_a_conflict_from_another_device_is_settled_in_the_dialog(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any, tmp_path: Path
) -> None:
    laptop = devices("laptop")
    laptop.sign_in(qtbot, live_server, "alice")
    alice = laptop.ctx.user_id
    made: dict[str, str] = {}
    laptop.tasks.write(
        lambda uow: made.setdefault(
            "id",
            records.create(
                uow, Account, {"name": "冲突测试有限公司", "tier": "A", "owner_id": alice}
            ),
        )
    )
    sync_and_wait(qtbot, laptop)
    account_id = made["id"]

    # The manager changes the notes on the desk; the rep changes them on the laptop.
    desk = PlainDevice(live_server, tmp_path / "desk", "boss")
    try:
        desk.sync()
        with unit_of_work(desk.db.sessions, desk.user_id) as uow:
            records.update(uow, Account, account_id, {"notes": "经理：下周拜访"})
        desk.sync()
        laptop.tasks.write(
            lambda uow: records.update(uow, Account, account_id, {"notes": "我：已约周三"})
        )
        sync_and_wait(qtbot, laptop)
        assert laptop.sync.status.issues == 1
        assert "1 to settle" in laptop.sync.status_text()

        page = laptop.window.show_page("sync")
        page.tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 1)
        model = page.conflict_model
        assert model.index(0, model.RECORD).data() == "冲突测试有限公司"
        assert model.index(0, model.FIELD).data() == "Notes"
        assert model.index(0, model.MINE).data() == "我：已约周三"
        assert model.index(0, model.THEIRS).data() == "经理：下周拜访"
        assert model.index(0, model.BY).data() == "Boss"
        assert model.index(0, model.WHEN).data()
        assert page.tabs.tabText(1) == "Conflicts (1)"
        # Until settled, the device shows the server's value.
        assert _notes(laptop.db, account_id) == "经理：下周拜访"
        screenshot(laptop.window, "sync_conflicts_en")

        page.conflict_view.selectRow(0)
        dialog = page._open_conflict(QModelIndex())
        assert dialog is not None
        assert dialog.mine_label.text() == "我：已约周三"
        assert dialog.theirs_label.text() == "经理：下周拜访"
        screenshot(dialog, "sync_conflict_dialog_en")
        qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        # "Keep mine" is a new edit: it reaches the server and the other device.
        qtbot.waitUntil(
            lambda: laptop.sync.status.pending == 0 and not laptop.sync.status.syncing,
            timeout=20_000,
        )
        desk.sync()
        assert _notes(desk.db, account_id) == "我：已约周三"
        assert _notes(laptop.db, account_id) == "我：已约周三"
        qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 0)
        assert laptop.sync.status.issues == 0

        # The losing value stays restorable: settled conflicts list it, keep theirs applies it.
        page.show_settled.setChecked(True)
        qtbot.waitUntil(lambda: page.conflict_model.rowCount() == 1)
        assert model.index(0, model.STATE).data() == "Kept mine"
        assert model.index(0, model.THEIRS).data() == "经理：下周拜访"
        page.conflict_view.selectRow(0)
        dialog = page._open_conflict(QModelIndex())
        qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _notes(laptop.db, account_id) == "经理：下周拜访")
    finally:
        desk.close()


def test_an_edit_to_an_account_handed_over_is_explained(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any, tmp_path: Path
) -> None:
    laptop = devices("laptop")
    laptop.sign_in(qtbot, live_server, "alice")
    alice = laptop.ctx.user_id
    made: dict[str, str] = {}
    laptop.tasks.write(
        lambda uow: made.setdefault(
            "id", records.create(uow, Account, {"name": "移交客户", "tier": "B", "owner_id": alice})
        )
    )
    sync_and_wait(qtbot, laptop)
    desk = PlainDevice(live_server, tmp_path / "desk", "boss")
    try:
        desk.sync()
        with unit_of_work(desk.db.sessions, desk.user_id) as uow:
            records.update(uow, Account, made["id"], {"owner_id": live_server.users["bob"]})
        desk.sync()
    finally:
        desk.close()
    laptop.tasks.write(
        lambda uow: records.update(uow, Account, made["id"], {"notes": "交接前的记录"})
    )
    sync_and_wait(qtbot, laptop)
    page = laptop.window.show_page("sync")
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.rejected_model.rowCount() == 1)
    model = page.rejected_model
    assert model.index(0, model.WHY).data() == "You no longer have access to this account."
    advice = model.index(0, model.NEXT).data()
    assert "handed over" in advice or "no longer have access" in advice
    assert "交接前的记录" in model.index(0, model.MINE).data()
    screenshot(laptop.window, "sync_rejected_en")
    page.rejected_view.selectRow(0)
    page._copy_rejected()
    from PySide6.QtWidgets import QApplication

    assert "交接前的记录" in QApplication.clipboard().text()


def test_two_devices_of_one_rep_number_quotes_differently(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any
) -> None:
    first = devices("first")
    first.sign_in(qtbot, live_server, "alice")
    second = devices("second")
    second.sign_in(qtbot, live_server, "alice")
    numbers = []
    for device in (first, second):
        with device.db.sessions() as s, s.begin():
            numbers.append(numbering.allocate(s, "Q", 2026, device.ctx.user_id, Quote.number))
        with device.db.sessions() as s:
            numbers.append(get_meta(s, numbering.NUMBER_TAG))
    first_number, first_tag, second_number, second_tag = numbers
    assert (first_tag, second_tag) == ("", "B")
    assert first_number == "Q-2026-AL-0001"
    assert second_number == "Q-2026-ALB-0001"
    # Signing in again keeps each device's tag.
    second.sync.sign_out()
    second.sign_in(qtbot, live_server, "alice")
    with second.db.sessions() as s:
        assert get_meta(s, numbering.NUMBER_TAG) == "B"
    assert dt.date.today()  # numbers carry the year they are made in; 2026 fixed above
