"""The sync interval chosen in Settings drives the running timer; a sync shows its
progress in the status bar and on the Sync page, and can be stopped there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.models import Account
from desktop.domain.services import records
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.sync.status import SyncProgress
from desktop.ui.testing import screenshot
from tests.gui.sync_helpers import (  # noqa: F401 (fixtures)
    LiveServer,
    WindowDevice,
    devices_fixture,
    live_server_fixture,
    memory_keyring_fixture,
    sync_and_wait,
)


def _choose_interval(qtbot: Any, device: WindowDevice, text: str) -> SettingsDialog:
    dialog = SettingsDialog(device.ctx, device.window)
    qtbot.addWidget(dialog)
    box = dialog.sync_interval
    index = box.findText(text)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    box.setCurrentIndex(index)
    dialog.save()
    assert not dialog.isVisible()
    return dialog


def test_the_interval_chosen_in_settings_restarts_the_timer(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any
) -> None:
    laptop = devices("laptop")  # every hour
    laptop.sign_in(qtbot, live_server, "alice")
    qtbot.waitUntil(lambda: laptop.sync.timer.isActive())
    assert laptop.sync.timer.interval() > 15 * 60_000

    dialog = SettingsDialog(laptop.ctx, laptop.window)
    qtbot.addWidget(dialog)
    assert dialog.sync_interval.currentText() == "Every 60 minutes"
    screenshot(dialog, "settings_sync_interval_en")
    dialog.reject()

    _choose_interval(qtbot, laptop, "Every minute")
    assert laptop.ctx.settings.get("sync_interval_s") == 60
    assert laptop.sync.timer.isActive()
    assert 0 <= laptop.sync.timer.interval() <= 60_000

    _choose_interval(qtbot, laptop, "Only when I press Sync")
    assert laptop.ctx.settings.get("sync_interval_s") == 0
    assert not laptop.sync.timer.isActive()
    # Syncing by hand still works and does not start the timer again.
    sync_and_wait(qtbot, laptop)
    assert not laptop.sync.timer.isActive()

    _choose_interval(qtbot, laptop, "Every 15 minutes")
    assert laptop.sync.timer.isActive()
    assert 60_000 < laptop.sync.timer.interval() <= 15 * 60_000
    # The choice is kept for the next start.
    reopened = SettingsDialog(laptop.ctx, laptop.window)
    qtbot.addWidget(reopened)
    assert reopened.sync_interval.currentText() == "Every 15 minutes"


def test_the_interval_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    texts = [dialog.sync_interval.itemText(i) for i in range(dialog.sync_interval.count())]
    assert "每 5 分钟" in texts
    assert "仅在我点击同步时" in texts
    dialog.show()
    screenshot(dialog, "settings_sync_interval_zh_CN")


def _make_accounts(device: WindowDevice, count: int) -> None:
    owner = device.ctx.user_id

    def create(uow: Any) -> None:
        for n in range(count):
            records.create(
                uow, Account, {"name": f"进度测试客户 {n:04d}", "tier": "C", "owner_id": owner}
            )

    device.tasks.write(create)
    device.tasks.wait_idle()


def test_the_progress_bar_moves_while_changes_are_sent(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any
) -> None:
    laptop = devices("laptop")
    laptop.sign_in(qtbot, live_server, "alice")
    page = laptop.window.show_page("sync")
    status_bar = laptop.window.sync_progress
    assert not status_bar.isVisible()
    assert not page.progress.isVisible()
    _make_accounts(laptop, 450)  # three pushes of 200

    seen: list[tuple[int, int, str, bool]] = []

    def record(progress: SyncProgress | None) -> None:
        if progress is not None:
            bar = page.progress.bar
            seen.append(
                (bar.value(), bar.maximum(), page.progress.text.text(), status_bar.isVisible())
            )
            if 0 < bar.value() < bar.maximum() and len(seen) < 3:
                screenshot(laptop.window, "sync_progress_en")

    laptop.sync.progress_changed.connect(record)
    sync_and_wait(qtbot, laptop)
    sending = [s for s in seen if s[1] == 450]
    assert sending, seen
    values = [s[0] for s in sending]
    assert values == sorted(values)
    assert any(0 < v < 450 for v in values)  # it moved: part sent, then all
    assert values[-1] == 450
    assert any(text == "Sending 450 of 450" for _v, _m, text, _shown in sending), seen
    assert all(shown for *_rest, shown in seen)
    # Done: the bars go away.
    assert not status_bar.isVisible()
    assert not page.progress.isVisible()
    assert laptop.sync.status.pending == 0


def test_a_sync_can_be_stopped_on_the_sync_page(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any
) -> None:
    laptop = devices("laptop")
    laptop.sign_in(qtbot, live_server, "alice")
    page = laptop.window.show_page("sync")
    _make_accounts(laptop, 600)
    laptop.sync.sync_now()
    assert page.progress.isVisible()
    assert page.progress.stop_button is not None
    qtbot.mouseClick(page.progress.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not laptop.sync.status.syncing, timeout=20_000)
    assert laptop.sync.status.cancelled
    assert "Sync stopped" in laptop.sync.status_text()
    qtbot.waitUntil(lambda: laptop.sync.status.pending > 0)  # the rest waits
    assert not page.progress.isVisible()
    # The next sync sends the rest; nothing is lost or sent twice.
    sync_and_wait(qtbot, laptop)
    assert laptop.sync.status.pending == 0
    assert not laptop.sync.status.cancelled


def test_the_progress_in_chinese(qtbot: Any, chinese: None, main_window: Any) -> None:
    page = main_window.show_page("sync")
    main_window.sync.progress_changed.emit(SyncProgress("push", 200, 450))
    assert page.progress.text.text() == "正在发送 200 / 450"
    assert page.progress.stop_button.text() == "停止"
    assert main_window.sync_progress.isVisible()
    screenshot(main_window, "sync_progress_zh_CN")
    main_window.sync.progress_changed.emit(SyncProgress("pull", 1000, 0))
    assert page.progress.text.text() == "已收到 1,000 条更改"
    main_window.sync.progress_changed.emit(None)
    assert not page.progress.isVisible()


def test_an_attached_file_reaches_the_managers_window(
    qtbot: Any, live_server: LiveServer, memory_keyring: Any, devices: Any, tmp_path: Any
) -> None:
    from desktop.domain.services import attachments

    laptop, office = devices("laptop"), devices("office")
    laptop.sign_in(qtbot, live_server, "alice")
    office.sign_in(qtbot, live_server, "boss")
    source = tmp_path / "营业执照.png"
    source.write_bytes(b"\x89PNG licence scan" * 4000)
    owner = laptop.ctx.user_id
    files = attachments.store_root(laptop.root)

    def create(uow: Any) -> None:
        account = records.create(uow, Account, {"name": "附件客户", "owner_id": owner})
        uow.session.flush()
        attachments.attach(
            uow, files, source, parent_entity="account", parent_id=account, account_id=account
        )

    laptop.tasks.write(create)
    texts: list[str] = []
    laptop.sync.progress_changed.connect(
        lambda p: (
            texts.append(laptop.window.show_page("sync").progress.text.text())
            if p is not None
            else None
        )
    )
    sync_and_wait(qtbot, laptop)
    assert "Uploading files…" in texts
    assert laptop.sync.status.error == ""
    sync_and_wait(qtbot, office)
    (copy,) = [p for p in attachments.store_root(office.root).rglob("*") if p.is_file()]
    assert copy.read_bytes() == source.read_bytes()


def test_the_file_progress_in_chinese(qtbot: Any, chinese: None, main_window: Any) -> None:
    page = main_window.show_page("sync")
    main_window.sync.progress_changed.emit(SyncProgress("upload", 1, 3))
    assert page.progress.text.text() == "正在上传文件…"
    main_window.sync.progress_changed.emit(SyncProgress("download", 0, 2))
    assert page.progress.text.text() == "正在下载文件…"
