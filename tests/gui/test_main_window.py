"""The main window: navigation, status bar, settings and about, as a user sees them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from desktop.domain.models.types import utcnow
from desktop.domain.services import health_cache
from desktop.settings import Settings
from desktop.ui.pages import PAGES
from desktop.ui.testing import screenshot


def test_navigation_shows_every_page(qtbot: Any, main_window: Any) -> None:
    labels = [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    assert labels == [
        "Today",
        "Accounts",
        "Tasks",
        "Visits",
        "Quotes",
        "Approvals",
        "Pipeline",
        "Targets",
        "Complaints",
        "Reports",
        "Sync",
    ]
    for row, (key, *_rest) in enumerate(PAGES):
        main_window.nav.setCurrentRow(row)
        assert main_window.stack.currentWidget() is main_window.pages[key]
        assert main_window.pages[key].isVisible()
    screenshot(main_window, "main_window_en")


def test_status_bar_shows_data_folder_user_and_sync_state(main_window: Any) -> None:
    ctx = main_window.ctx
    data = main_window.findChild(QLabel, "status-data-dir")
    assert str(ctx.data_dir) in data.text()
    user = main_window.findChild(QLabel, "status-user")
    assert "Not signed in" in user.text()
    assert "王芳" in user.text()  # the demo data's manager this device works as
    assert main_window.findChild(QLabel, "status-sync").text() == "Offline"


def test_sync_page_counts_pending_changes(qtbot: Any, main_window: Any) -> None:
    from desktop.domain.models import Account
    from desktop.domain.services import records

    page = main_window.show_page("sync")
    qtbot.waitUntil(lambda: page.pending_label.text() == "0")
    main_window.ctx.tasks.write(
        lambda uow: records.create(uow, Account, {"name": "新客户有限公司", "tier": "B"})
    )
    # One account + no history for an insert: one pending change arrives on screen.
    qtbot.waitUntil(lambda: page.pending_label.text() == "1")


def test_window_in_chinese(qtbot: Any, chinese: None, app_context: Any) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == [
        "今日",
        "客户",
        "任务",
        "拜访",
        "报价",
        "审批",
        "商机",
        "目标",
        "投诉",
        "报表",
        "同步",
    ]
    screenshot(window, "main_window_zh_CN")


def test_settings_keep_what_they_hold_and_not_the_server(qtbot: Any, app_context: Any) -> None:
    """The server lives with the database's sign-in (Sync → Sign in, which refuses plain
    http: test_sync_errors); Settings no longer keeps a second copy of it."""
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    assert not hasattr(dialog, "server_url")
    dialog.company_name.setText("示例科技有限公司")
    dialog.save()
    assert dialog.result() == 1
    reread = Settings(app_context.data_dir)
    assert reread.get("server_url") == ""
    assert reread.get("company_name") == "示例科技有限公司"


def test_about_shows_version(qtbot: Any, app_context: Any) -> None:
    from desktop import __version__
    from desktop.ui.about import AboutDialog

    dialog = AboutDialog(app_context)
    qtbot.addWidget(dialog)
    title = dialog.findChild(QLabel, "about-title")
    assert __version__ in title.text()
    assert dialog.windowFlags() & Qt.WindowType.Dialog


def test_window_paints_first_then_opens_the_data(qtbot: Any, demo_db: Any, data_dir: Any) -> None:
    import argparse

    from desktop.app import open_data
    from desktop.ui.main_window import MainWindow

    demo_db.dispose()
    window = MainWindow(data_dir=data_dir)
    qtbot.addWidget(window)
    window.show()
    assert not window.attached
    assert window.statusBar().currentMessage() == "Opening your data…"
    assert not window.settings_action.isEnabled()
    state: dict[str, Any] = {}
    args = argparse.Namespace(demo=False)
    open_data(None, window, args, data_dir, Settings(data_dir), state)
    try:
        assert window.attached
        assert window.settings_action.isEnabled()
        assert window.stack.currentWidget() is window.pages["today"]
        assert "王芳" in window.findChild(QLabel, "status-user").text()
        qtbot.waitUntil(lambda: window.findChild(QTimer, "daily-backup") is not None)
        # The demo's accounts came without health scores: a pass scores them all soon
        # after the first page, on workers, and then checks hourly.
        qtbot.waitUntil(lambda: window.findChild(QTimer, "health-upkeep-start") is not None)
        hourly = window.findChild(QTimer, "health-upkeep")
        qtbot.waitUntil(hourly.isActive, timeout=10_000)

        def scored() -> bool:
            with state["db"].sessions() as session:
                return not health_cache.stale(session, utcnow())

        qtbot.waitUntil(scored, timeout=10_000)
    finally:
        for name in ("daily-backup", "health-upkeep-start", "health-upkeep"):
            timer = window.findChild(QTimer, name)
            if timer is not None:
                timer.stop()  # the day's backup is tested in tests/gui/test_failures.py
        state["tasks"].wait_idle()
        state["tasks"].shutdown()
        state["db"].dispose()


def test_a_database_from_a_newer_fieldbook_is_explained_and_the_app_closes(
    qtbot: Any, data_dir: Any, db: Any, monkeypatch: Any
) -> None:
    import argparse
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from desktop.app import open_data
    from desktop.ui.main_window import MainWindow

    db.dispose()
    raw = sqlite3.connect(db.path)
    raw.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    raw.commit()
    raw.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    class App:
        quit_called = False

        def quit(self) -> None:
            self.quit_called = True

    app = App()
    window = MainWindow(data_dir=data_dir)
    qtbot.addWidget(window)
    state: dict[str, Any] = {}
    open_data(app, window, argparse.Namespace(demo=False), data_dir, Settings(data_dir), state)
    assert state == {"exit": 1}
    assert app.quit_called
    assert len(shown) == 1
    assert "newer Fieldbook" in shown[0]
    assert not window.attached
