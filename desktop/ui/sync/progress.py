"""A small bar that shows a running sync: what is being sent (n of total) or received."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.ui.sync.controller import SyncController
from desktop.ui.sync.status import SyncProgress


class SyncProgressBar(QWidget):
    """Hidden unless a sync runs; with ``cancel`` it has its words and Stop (the Sync
    page), without it is the bar alone (the status bar)."""

    def __init__(
        self, controller: SyncController, *, cancel: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setObjectName("sync-progress")
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(140)
        self.bar.setMaximumHeight(14)
        self.text = QLabel()
        self.text.setObjectName("sync-progress-text")
        row.addWidget(self.bar)
        row.addWidget(self.text)
        self.stop_button: QPushButton | None = None
        if cancel:
            self.stop_button = QPushButton(self.tr("Stop"))
            self.stop_button.setObjectName("sync-stop")
            self.stop_button.setToolTip(self.tr("Stop this sync; what has arrived so far is kept."))
            self.stop_button.clicked.connect(self._stop)
            row.addWidget(self.stop_button)
            row.addStretch(1)
        else:
            # In the status bar the bar alone, beside the state; its words as a tooltip.
            self.text.setVisible(False)
        self.setVisible(False)
        controller.progress_changed.connect(self.show_progress)

    @Slot(object)
    def show_progress(self, progress: SyncProgress | None) -> None:
        if progress is None:
            self.setVisible(False)
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            return
        if self.stop_button is not None:
            self.stop_button.setEnabled(True)
        if progress.phase == "push" and progress.total > 0:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
            self.text.setText(
                self.tr("Sending %1 of %2")
                .replace("%1", f"{progress.done:,}")
                .replace("%2", f"{progress.total:,}")
            )
        elif progress.phase in ("upload", "download") and progress.total > 0:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
            if progress.phase == "upload":
                self.text.setText(self.tr("Uploading files…"))
            else:
                self.text.setText(self.tr("Downloading files…"))
        elif progress.phase == "pull" and progress.done > 0:
            # How much is coming is not known: a moving bar and a count.
            self.bar.setRange(0, 0)
            self.text.setText(self.tr("Received %1 changes").replace("%1", f"{progress.done:,}"))
        else:
            self.bar.setRange(0, 0)
            self.text.setText(self.tr("Syncing…"))
        self.bar.setToolTip(self.text.text())
        self.setVisible(True)

    @Slot()
    def _stop(self) -> None:
        if self.stop_button is not None:
            self.stop_button.setEnabled(False)
        self.controller.cancel()
