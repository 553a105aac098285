"""The Sync page: server, sign-in state and what is waiting to be sent."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.domain.services.device import pending_outbox
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page, heading


class SyncPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sync")))
        form = QFormLayout()
        server = str(ctx.settings.get("server_url")) or self.tr("No server set (Settings)")
        self.server_label = QLabel(server)
        self.state_label = QLabel(self.tr("Offline: not signed in"))
        self.pending_label = QLabel("…")
        form.addRow(self.tr("Server:"), self.server_label)
        form.addRow(self.tr("State:"), self.state_label)
        form.addRow(self.tr("Changes waiting to be sent:"), self.pending_label)
        layout.addLayout(form)
        layout.addStretch(1)

    def activate(self) -> None:
        self._load_pending()

    def on_data_changed(self, entities: set[str]) -> None:
        if self.isVisible():
            self._load_pending()

    def _load_pending(self) -> None:
        def count(session: Session) -> int:
            return pending_outbox(session)

        self.ctx.tasks.read(
            count, lambda n: self.pending_label.setText(str(n)), key="sync-page-pending"
        )
