"""Failures in the window: a message box with one sentence, never a stack; the app goes
on and what the user typed stays. A full disk during a save, a bug in a slot or a
task, a damaged database at start-up, the day's backup (made, or failing)."""

from __future__ import annotations

import argparse
import errno
import hashlib
import logging
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit
from sqlalchemy import event, func, select

from desktop.domain.models import Account
from desktop.settings import Settings
from desktop.store.backups import backup, backups_dir, list_backups
from desktop.ui.failure import DAMAGED_DIALOG, FAILURE_DIALOG
from desktop.ui.testing import screenshot


def box_named(qtbot: Any, name: str) -> QMessageBox:
    def shown() -> QMessageBox | None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.objectName() == name
                and widget.isVisible()
            ):
                return widget
        return None

    qtbot.waitUntil(lambda: shown() is not None)
    box = shown()
    assert box is not None
    return box


def close_box(qtbot: Any, box: QMessageBox) -> None:
    button = box.button(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())


def fill_the_disk(db: Any) -> Any:
    """From now on SQLite may not grow the file by one page: its own SQLITE_FULL
    ("database or disk is full") comes out of the real write path. Returns the
    listener, for ``free_the_disk``."""

    def limit(connection: sqlite3.Connection, record: Any) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", limit)
    db.engine.dispose()  # every connection from now on is a new, limited one
    return limit


def free_the_disk(db: Any, limit: Any) -> None:
    event.remove(db.engine, "connect", limit)
    db.engine.dispose()


def test_a_full_disk_during_a_save_keeps_the_form_and_loses_nothing(
    qtbot: Any, main_window: Any, app_context: Any
) -> None:
    page = main_window.show_page("accounts")
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    detail = page.detail
    assert detail.isVisible()
    name = detail.findChild(QLineEdit, "account-name")
    qtbot.keyClicks(name, "Full Disk Trading Co")
    # 18,000 characters (the rule book allows 20,000): pages the full disk does not have
    notes = "这是一段很长的拜访记录。" * 1500
    detail.findChild(QPlainTextEdit, "account-notes").setPlainText(notes)
    limit = fill_the_disk(app_context.db)

    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)

    box = box_named(qtbot, FAILURE_DIALOG)
    assert box.text().startswith("The disk is full, so this was not saved")
    assert "what you typed is still here" in box.text()
    assert "Traceback" not in box.text() + box.detailedText()
    assert "INSERT" not in box.text() + box.detailedText()  # no SQL, no customer data
    screenshot(box, "failure_disk_full_en")
    close_box(qtbot, box)
    assert page.notice.text() == box.text()
    # The form still holds what was typed; the window goes on; nothing was lost.
    assert name.text() == "Full Disk Trading Co"
    assert detail.findChild(QPlainTextEdit, "account-notes").toPlainText() == notes
    assert main_window.isVisible()
    assert detail.isVisible()
    with app_context.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 40
    raw = sqlite3.connect(app_context.db.path)
    assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()

    # Space is freed: the same form saves with the next click.
    free_the_disk(app_context.db, limit)
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 41)
    with app_context.db.sessions() as session:
        saved = session.scalars(select(Account).where(Account.name == "Full Disk Trading Co"))
        assert [a.notes for a in saved] == [notes]


def test_a_bug_in_a_background_task_is_one_sentence_and_logged(
    qtbot: Any, main_window: Any, app_context: Any, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(uow: Any) -> None:
        raise ZeroDivisionError("招商银行 13800138000")

    with caplog.at_level(logging.ERROR):
        app_context.tasks.write(broken)
        box = box_named(qtbot, FAILURE_DIALOG)
    assert box.text().startswith("Something went wrong inside Fieldbook and this was not done")
    assert "招商银行" not in box.text() + box.detailedText()
    assert "ZeroDivisionError" in box.detailedText()
    assert "Traceback" not in box.text() + box.detailedText()
    close_box(qtbot, box)
    [record] = [r for r in caplog.records if r.exc_info]
    assert record.exc_info is not None
    assert record.exc_info[0] is ZeroDivisionError
    # A second failure while nothing is shown is told again; two at once, once.
    app_context.tasks.write(broken)
    app_context.tasks.write(broken)
    app_context.tasks.wait_idle()
    shown = [w for w in QApplication.topLevelWidgets() if w.objectName() == FAILURE_DIALOG]
    assert len([w for w in shown if w.isVisible()]) == 1
    close_box(qtbot, box_named(qtbot, FAILURE_DIALOG))


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_sentence_and_the_app_goes_on(
    qtbot: Any, main_window: Any, data_dir: Path, monkeypatch: Any
) -> None:
    from desktop.app import install_exception_hook
    from desktop.logfile import log_file, setup_logging

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    handler = setup_logging(data_dir)
    install_exception_hook(data_dir)

    def clicked() -> None:
        raise KeyError("13800138000")

    try:
        QTimer.singleShot(0, clicked)  # PySide hands the exception to sys.excepthook
        box = box_named(qtbot, FAILURE_DIALOG)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert box.text().startswith("Something went wrong inside Fieldbook. Your saved data is safe.")
    assert "13800138000" not in box.text() + box.detailedText()
    assert "Traceback" not in box.text() + box.detailedText()
    [report] = list((data_dir / "crash-reports").iterdir())
    assert str(report) in box.text()
    close_box(qtbot, box)
    assert main_window.isVisible()
    log = log_file(data_dir).read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "in clicked" in log


class App:
    quit_called = False

    def quit(self) -> None:
        self.quit_called = True


def test_a_damaged_database_at_start_names_the_backup_and_is_never_touched(
    qtbot: Any, db: Any, data_dir: Path, monkeypatch: Any
) -> None:
    from desktop.app import EXIT_DAMAGED, open_data
    from desktop.ui import failure
    from desktop.ui.main_window import MainWindow

    good = backup(db.path, backups_dir(data_dir))
    db.dispose()
    with db.path.open("r+b") as raw:
        raw.write(b"\x00\xff" * 50)
    digest = hashlib.sha256(db.path.read_bytes()).hexdigest()
    opened: list[str] = []
    monkeypatch.setattr(
        failure.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    app = App()
    window = MainWindow(data_dir=data_dir)
    qtbot.addWidget(window)
    window.show()
    state: dict[str, Any] = {}

    open_data(app, window, argparse.Namespace(demo=False), data_dir, Settings(data_dir), state)

    box = box_named(qtbot, DAMAGED_DIALOG)
    assert box.text().startswith(f"The database file {db.path} is damaged; it was left as it is.")
    assert f"The newest backup is {good}" in box.text()
    screenshot(box, "failure_damaged_database_en")
    [folder] = [b for b in box.buttons() if b.objectName() == "open-backups"]
    qtbot.mouseClick(folder, Qt.MouseButton.LeftButton)
    assert opened == [str(backups_dir(data_dir))]
    box = box_named(qtbot, DAMAGED_DIALOG)  # still there: the user reads the name
    assert not app.quit_called
    [quit_button] = [b for b in box.buttons() if b.objectName() == "damaged-close"]
    assert quit_button.text() == "Quit"
    qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.quit_called)
    assert state == {"exit": EXIT_DAMAGED}
    assert not window.attached
    assert hashlib.sha256(db.path.read_bytes()).hexdigest() == digest
    assert [b.path for b in list_backups(backups_dir(data_dir))] == [good]


def test_the_window_takes_the_days_backup_off_the_gui_thread(
    qtbot: Any, demo_db: Any, data_dir: Path, monkeypatch: Any
) -> None:
    from desktop.app import open_data
    from desktop.ui import daily_backup
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(daily_backup, "START_DELAY_MS", 0)

    demo_db.dispose()
    window = MainWindow(data_dir=data_dir)
    qtbot.addWidget(window)
    window.show()
    state: dict[str, Any] = {}
    open_data(App(), window, argparse.Namespace(demo=False), data_dir, Settings(data_dir), state)
    try:
        assert window.attached
        qtbot.waitUntil(lambda: len(list_backups(backups_dir(data_dir))) == 1)
        state["tasks"].wait_idle()
        [made] = list_backups(backups_dir(data_dir))
        copy = sqlite3.connect(made.path)
        assert copy.execute("SELECT count(*) FROM account").fetchone() == (40,)
        copy.close()
    finally:
        state["tasks"].shutdown()
        state["db"].dispose()


def test_a_failed_daily_backup_is_told_once_and_work_goes_on(
    qtbot: Any, demo_db: Any, data_dir: Path, monkeypatch: Any
) -> None:
    from desktop.app import open_data
    from desktop.ui import daily_backup
    from desktop.ui.main_window import MainWindow

    def no_room(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(daily_backup, "daily_backup", no_room)
    monkeypatch.setattr(daily_backup, "START_DELAY_MS", 0)
    demo_db.dispose()
    window = MainWindow(data_dir=data_dir)
    qtbot.addWidget(window)
    window.show()
    state: dict[str, Any] = {}
    open_data(App(), window, argparse.Namespace(demo=False), data_dir, Settings(data_dir), state)
    try:
        box = box_named(qtbot, FAILURE_DIALOG)
        assert box.text() == (
            "Today's backup of your data could not be made (the disk is full); your work "
            "is not affected, and Fieldbook tries again at the next start."
        )
        close_box(qtbot, box)
        assert window.attached
        assert window.stack.currentWidget() is window.pages["today"]
    finally:
        state["tasks"].shutdown()
        state["db"].dispose()


def test_the_sentences_read_in_chinese(chinese: None, data_dir: Path) -> None:
    from desktop.ui.failure import sentence

    assert sentence(OSError(errno.ENOSPC, "No space left"), data_dir).startswith("磁盘已满")
    text = sentence(sqlite3.DatabaseError("file is not a database"), data_dir)
    assert text.startswith(f"数据库文件 {data_dir / 'fieldbook.sqlite3'} 已损坏")


def test_an_extreme_quantity_in_a_quote_is_said_never_raised(qtbot: Any, app_context: Any) -> None:
    from desktop.domain.models import Quote
    from desktop.ui.pages.quotes import QuotesPage
    from desktop.ui.quotes.models import LinesModel

    page = QuotesPage(app_context)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    with app_context.db.sessions() as session:
        quote = session.scalars(select(Quote).where(Quote.status == "draft")).first()
        assert quote is not None
        quote_id, number = quote.id, quote.number
    editor = page.editor
    editor.load(quote_id)
    qtbot.waitUntil(lambda: editor.view is not None and editor.view.quote["id"] == quote_id)
    lines = editor.lines
    assert lines.rowCount() > 0

    # Typed: the totals say so, nothing raises, and a sane figure brings them back.
    assert lines.setData(lines.index(0, LinesModel.QTY), "1e400")
    assert editor.error_label.text() == (
        "A line's amount is too large to price: correct its quantity or price."
    )
    assert editor.totals_label.text() == ""
    assert lines.setData(lines.index(0, LinesModel.QTY), "2")
    assert editor.error_label.text() == ""
    assert "¥" in editor.totals_label.text()

    # Pulled from a server as it is: opening the quote names it.
    raw = sqlite3.connect(app_context.db.path)
    raw.execute("UPDATE quote_line SET quantity = '1e400' WHERE quote_id = ?", (quote_id,))
    raw.commit()
    raw.close()
    editor.load(quote_id)
    qtbot.waitUntil(lambda: "cannot be priced" in editor.error_label.text())
    assert editor.error_label.text().startswith(f"quote {number} revision ")
    assert not any(
        w.objectName() == FAILURE_DIALOG and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    app_context.tasks.wait_idle()
