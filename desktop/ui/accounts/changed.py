"""A form's record changed elsewhere (a pull, another window) while the user typed.

The form keeps the user's typing and updates only the fields the user did not touch;
``ChangedElsewhereBar`` says so and offers Reload (take the saved values, drop the
typing) or Keep editing (hide the bar; Save writes the typed fields over the new ones).
``typed_fields`` finds the fields whose shown value differs from the record the form
was filled from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)


class ChangedElsewhereBar(QFrame):
    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changed-elsewhere")
        self.setStyleSheet(
            "QFrame#changed-elsewhere { background: #e8f0fe; color: #174ea6;"
            " border: 1px solid #aecbfa; border-radius: 4px; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setObjectName("changed-elsewhere-text")
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("changed-elsewhere-reload")
        self.reload_button.clicked.connect(self._reload)
        self.keep_button = QPushButton(self.tr("Keep editing"))
        self.keep_button.setObjectName("changed-elsewhere-keep")
        self.keep_button.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.reload_button)
        row.addWidget(self.keep_button)
        self.hide()

    def show_for(self, what: str) -> None:
        """``what``: "account", "contact" or "deleted" (the account, which then cannot be
        saved: Recently deleted brings it back)."""
        if what == "contact":
            text = self.tr("This contact was changed elsewhere — your typing is kept.")
        elif what == "deleted":
            text = self.tr(
                "This account was deleted elsewhere. Recently deleted can bring it back."
            )
        else:
            text = self.tr("This account was changed elsewhere — your typing is kept.")
        self.label.setText(text)
        self.reload_button.setVisible(what != "deleted")
        self.keep_button.setVisible(what != "deleted")
        self.show()

    def _reload(self) -> None:
        self.hide()
        self.reload_requested.emit()


def typed_fields(
    keys: Iterable[str],
    shown: Mapping[str, Any],
    base: Mapping[str, Any],
    differs: Callable[[Any, Any, str], bool],
) -> set[str]:
    """The fields whose value on screen differs from the record the form was filled from."""
    return {key for key in keys if differs(base.get(key), shown.get(key), key)}


def ask_to_discard(
    parent: QWidget, title: str, text: str, answered: Callable[[bool], None]
) -> QMessageBox:
    """Ask before typing is dropped (Discard / Keep editing, the safe one the default);
    ``answered(True)`` when the user discards. The box is open (not modal-blocking)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    discard = box.button(QMessageBox.StandardButton.Discard)
    discard.setText(QCoreApplication.translate("Discard", "Discard"))
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Discard", "Keep editing")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def finished(_result: int) -> None:
        box.deleteLater()  # answered: the next question is a new box
        answered(box.clickedButton() is discard)

    box.finished.connect(finished)
    box.open()
    return box


class AskingDialog(QDialog):
    """A form dialog whose Cancel and Escape ask before dropping typed text: what
    ``values()`` returns against ``_base``, the values it was filled with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: dict[str, Any] = {}
        self.discard_box: QMessageBox | None = None

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def discard_question(self) -> tuple[str, str]:
        """The question's title and text (a form may name what it holds)."""
        return (
            QCoreApplication.translate("AskingDialog", "Discard what you typed?"),
            QCoreApplication.translate(
                "AskingDialog", "What you typed here has not been saved. Discard it?"
            ),
        )

    def event(self, event: QEvent) -> bool:
        # Escape belongs to this dialog (asking before dropping the typing), not to the
        # page's Escape shortcut behind it (the accounts page closes the account).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def reject(self) -> None:
        """Cancel or Escape: typing is never dropped without asking."""
        if self.values() == self._base or self.discard_box is not None:
            super().reject()
            return

        def answered(discard: bool) -> None:
            self.discard_box = None
            if discard:
                QDialog.reject(self)

        self.discard_box = ask_to_discard(self, *self.discard_question(), answered)
