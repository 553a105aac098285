"""Sync in the app against a real server on a loopback port: sign-in, offline edits,
the timer bringing changes to a second device, the token only in the keyring."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop.domain.models import Account
from desktop.domain.services import records
from desktop.ui.testing import screenshot
from tests.gui.sync_helpers import (  # noqa: F401 (fixtures)
    LiveServer,
    WindowDevice,
    devices_fixture,
    files_containing,
    live_server_fixture,
    memory_keyring_fixture,
)
from tests.sync.memory_keyring import MemoryKeyring


def status_text(device: WindowDevice) -> str:
    return device.window.findChild(QLabel, "status-sync").text()


def test_sign_in_offline_edit_and_the_timer_brings_it_to_another_device(
    qtbot: Any, live_server: LiveServer, memory_keyring: MemoryKeyring, devices: Any
) -> None:
    laptop = devices("laptop", interval_s=1)
    desk = devices("desk", interval_s=1)
    laptop.sign_in(qtbot, live_server, "alice")
    desk.sign_in(qtbot, live_server, "boss")

    # Signed in: the device works as alice, the status bar says so.
    assert laptop.ctx.user_id == live_server.users["alice"]
    user_label = laptop.window.findChild(QLabel, "status-user").text()
    assert "Signed in: Alice" in user_label
    assert "Online" in status_text(laptop)
    token = memory_keyring.store[("Fieldbook", f"{live_server.url}|alice")]
    screenshot(laptop.window, "sync_page_signed_in_en")

    # The server goes away; the rep keeps working.
    live_server.stop()
    alice = laptop.ctx.user_id
    laptop.tasks.write(
        lambda uow: records.create(
            uow, Account, {"name": "离线科技有限公司", "tier": "B", "owner_id": alice}
        )
    )
    laptop.sync.sync_now()
    qtbot.waitUntil(
        lambda: "Offline" in status_text(laptop) and "1 pending" in status_text(laptop),
        timeout=20_000,
    )
    assert "Server unreachable" in status_text(laptop)
    page = laptop.window.pages["sync"]
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 1)
    assert page.pending_model.index(0, page.pending_model.RECORD).data() == "离线科技有限公司"
    screenshot(laptop.window, "sync_offline_pending_en")

    # The network comes back: nobody touches anything, the change reaches the desk,
    # and the desk's open lists are told which entities to reload.
    refreshed: list[set[str]] = []
    desk.tasks.changed.connect(refreshed.append)
    live_server.start()

    def on_desk() -> bool:
        with desk.db.sessions() as s:
            return (
                s.scalar(select(Account.id).where(Account.name == "离线科技有限公司")) is not None
            )

    qtbot.waitUntil(on_desk, timeout=30_000)
    qtbot.waitUntil(lambda: any("account" in entities for entities in refreshed))
    qtbot.waitUntil(
        lambda: "0 pending" in status_text(laptop) and "Online" in status_text(laptop),
        timeout=20_000,
    )

    # The token went to the keyring and nowhere else.
    assert ("set", "Fieldbook", f"{live_server.url}|alice") in memory_keyring.calls
    for device in (laptop, desk):
        device.tasks.wait_idle()
        assert files_containing(device.root, token) == []
        assert files_containing(device.root, "correct horse") == []

    # Sign out forgets it.
    laptop.sync.sign_out()
    qtbot.waitUntil(lambda: ("Fieldbook", f"{live_server.url}|alice") not in memory_keyring.store)
    assert "Not signed in" in laptop.window.findChild(QLabel, "status-user").text()


def test_the_sync_page_in_chinese(
    qtbot: Any, chinese: None, live_server: LiveServer, memory_keyring: MemoryKeyring, devices: Any
) -> None:
    import datetime as dt

    from desktop.domain.services.sync_issues import Issue
    from desktop.ui.sync.dialogs import ConflictDialog

    laptop = devices("laptop")
    page = laptop.window.show_page("sync")
    dialog = page.open_sign_in()
    assert dialog.windowTitle() == "登录同步服务器"
    screenshot(dialog, "sync_sign_in_zh_CN")
    dialog.reject()
    laptop.sign_in(qtbot, live_server, "alice")
    live_server.stop()
    alice = laptop.ctx.user_id
    laptop.tasks.write(
        lambda uow: records.create(
            uow, Account, {"name": "华东电力", "tier": "A", "owner_id": alice}
        )
    )
    laptop.sync.sync_now()
    qtbot.waitUntil(
        lambda: "离线" in status_text(laptop) and "1 条待发送" in status_text(laptop),
        timeout=20_000,
    )
    assert "无法连接服务器" in status_text(laptop)
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 1)
    assert page.tabs.tabText(0) == "待发送（1）"
    screenshot(laptop.window, "sync_offline_pending_zh_CN")

    issue = Issue(
        id=1,
        kind="conflict",
        entity="account",
        row_id="0000",
        record_name="华东电力",
        field="notes",
        mine="我：已约周三",
        theirs="经理：下周拜访",
        current="经理：下周拜访",
        reason="changed on the server since you edited it",
        changed_by="王芳",
        changed_at=dt.datetime(2026, 3, 2, 6, 30, tzinfo=dt.UTC),
        state="open",
        created_at=dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC),
        record_exists=True,
    )
    conflict = ConflictDialog(laptop.ctx, issue, parent=laptop.window)
    conflict.show()
    assert conflict.mine_button.text() == "保留我的"
    screenshot(conflict, "sync_conflict_dialog_zh_CN")
    conflict.reject()
