"""About Fieldbook: version, libraries, where the data lives."""

from __future__ import annotations

import platform

import PySide6
import sqlalchemy
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop import __version__
from desktop.ui.context import AppContext


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Fieldbook"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>Fieldbook {__version__}</h2>")
        title.setObjectName("about-title")
        layout.addWidget(title)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Client profiles, visits, quotes and targets for key-account teams, "
                    "offline first."
                )
            )
        )
        details = QLabel(
            self.tr("Data folder: %1").replace("%1", str(ctx.data_dir))
            + "<br>"
            + f"Python {platform.python_version()} · Qt {qVersion()} · "
            + f"PySide6 {PySide6.__version__} · SQLAlchemy {sqlalchemy.__version__}"
        )
        details.setWordWrap(True)
        layout.addWidget(details)
        layout.addWidget(QLabel(self.tr("Open source under the MIT licence.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
