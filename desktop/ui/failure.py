"""The window's one path for failures that are nobody's input error: a full disk, a
damaged database, no permission, a bug. One clear sentence in a message box (the
technical part under "Show Details…", never a stack), the traceback in the log, and
the app keeps running with what the user typed still on the screen.

The wording is the window's own (``tr()``); what happened is decided once, Qt-free,
by ``desktop.store.failures.classify``. The boxes are non-modal to the event loop
(``open()``, not ``exec()``): work queued behind a failure still finishes, and a test
finds the box by its object name and clicks it closed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.logfile import log_file
from desktop.store.backups import backups_dir
from desktop.store.engine import DB_FILENAME
from desktop.store.failures import Failure, Kind, access_target, classify, restore_source

FAILURE_DIALOG = "failure-dialog"
DAMAGED_DIALOG = "damaged-dialog"

# Exceptions a page's own error handler is not written for: program errors and the
# database's own. Everything else (DomainError, ValueError, an export's OSError...)
# stays the page's business, as before.
_NOT_A_PAGES_BUSINESS: tuple[type[BaseException], ...] = (
    AttributeError,
    TypeError,
    NameError,
    AssertionError,
    ArithmeticError,
    ImportError,
    RuntimeError,
    MemoryError,
)


def is_system_failure(error: BaseException) -> bool:
    """True for what the failure box tells rather than a page: see the module text."""
    from sqlalchemy.exc import SQLAlchemyError

    if classify(error).kind is not Kind.UNEXPECTED:
        return True
    return isinstance(error, (*_NOT_A_PAGES_BUSINESS, SQLAlchemyError))


def sentence(error: BaseException, data_dir: Path) -> str:
    """What happened and what to do, in one sentence (two for a damaged file)."""
    failure = classify(error)
    if failure.kind is Kind.DISK_FULL:
        return QCoreApplication.translate(
            "Failure",
            "The disk is full, so this was not saved; nothing was lost and what you typed "
            "is still here: free some space, then try again.",
        )
    if failure.kind is Kind.DAMAGED:
        return damaged_sentence(data_dir)
    if failure.kind is Kind.TOO_NEW:
        return str(failure.error)
    if failure.kind is Kind.NO_ACCESS:
        target = access_target(failure, data_dir)
        return QCoreApplication.translate(
            "Failure", "Fieldbook may not read or write %1; check its permissions, then try again."
        ).replace("%1", str(target))
    return QCoreApplication.translate(
        "Failure",
        "Something went wrong inside Fieldbook and this was not done; your saved data is "
        "safe, and the details are in %1.",
    ).replace("%1", str(log_file(data_dir)))


def damaged_sentence(data_dir: Path) -> str:
    path = data_dir / DB_FILENAME
    newest = restore_source(data_dir)
    if newest is None:
        return QCoreApplication.translate(
            "Failure",
            "The database file %1 is damaged, and there is no backup to go back to. "
            "It was left as it is: move it away to start with an empty database, then sync.",
        ).replace("%1", str(path))
    return (
        QCoreApplication.translate(
            "Failure",
            "The database file %1 is damaged; it was left as it is. The newest backup is "
            "%2 (from %3): to use it, quit Fieldbook, move the damaged file away and copy "
            "the backup in its place.",
        )
        .replace("%1", str(path))
        .replace("%2", str(newest.path))
        .replace("%3", newest.taken.astimezone().strftime("%Y-%m-%d %H:%M"))
    )


def _details(failure: Failure, data_dir: Path, extra: str = "") -> str:
    lines = [f"{type(failure.error).__name__} ({failure.kind.value})"]
    lines.append(
        QCoreApplication.translate("Failure", "Log file: %1").replace("%1", str(log_file(data_dir)))
    )
    if extra:
        lines.append(extra)
    return "\n".join(lines)


def open_box(parent: QWidget | None, name: str, text: str, details: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, "Fieldbook", text, parent=parent)
    box.setObjectName(name)
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box


def _showing(name: str) -> bool:
    return any(w.objectName() == name and w.isVisible() for w in QApplication.topLevelWidgets())


def show_failure(
    parent: QWidget | None, error: BaseException, data_dir: Path, extra: str = ""
) -> QMessageBox | None:
    """Tell ``error`` in a box (the caller has logged its stack); None while one is
    already shown (a failure repeated by every queued write is told once)."""
    failure = classify(error)
    if _showing(FAILURE_DIALOG) or _showing(DAMAGED_DIALOG):
        return None
    if failure.kind is Kind.DAMAGED:
        return show_damaged(parent, data_dir, on_closed=None)
    return open_box(
        parent, FAILURE_DIALOG, sentence(error, data_dir), _details(failure, data_dir, extra)
    )


def show_damaged(
    parent: QWidget | None, data_dir: Path, on_closed: Callable[[], None] | None
) -> QMessageBox:
    """Say the database is damaged and which backup to use; offer to open the backups
    folder (the box stays) and to quit (``on_closed``)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, "Fieldbook", damaged_sentence(data_dir), parent=parent
    )
    box.setObjectName(DAMAGED_DIALOG)
    folder = box.addButton(
        QCoreApplication.translate("Failure", "Open Backups Folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    folder.setObjectName("open-backups")
    done = box.addButton(
        QCoreApplication.translate("Failure", "Quit")
        if on_closed is not None
        else QCoreApplication.translate("Failure", "Close"),
        QMessageBox.ButtonRole.RejectRole,
    )
    done.setObjectName("damaged-close")

    def finished(_code: int) -> None:
        if box.clickedButton() is folder:
            backups = backups_dir(data_dir)
            backups.mkdir(parents=True, exist_ok=True, mode=0o700)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups)))
            box.open()  # a message box closes on any button: this one stays until Quit
            return
        box.deleteLater()
        if on_closed is not None:
            on_closed()

    box.finished.connect(finished)
    box.open()
    return box


def show_crash(error: BaseException, data_dir: Path, report: Path | None) -> QMessageBox | None:
    """An exception nothing caught: the crash sentence, the report's path as details."""
    failure = classify(error)
    if failure.kind is not Kind.UNEXPECTED:
        return show_failure(QApplication.activeWindow(), error, data_dir)
    if _showing(FAILURE_DIALOG) or _showing(DAMAGED_DIALOG):
        return None
    text = QCoreApplication.translate(
        "Crash",
        "Something went wrong inside Fieldbook. Your saved data is safe.\n"
        "A report without customer data was saved to:\n%1",
    ).replace("%1", str(report) if report else str(log_file(data_dir)))
    return open_box(QApplication.activeWindow(), FAILURE_DIALOG, text, _details(failure, data_dir))
