"""The Accounts page's public-pool (公海) warning: this user's accounts that go back to
the pool within a week unless visited or followed up, each a link to the account."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.models.types import utcnow
from desktop.domain.services import pool
from desktop.ui.context import AppContext


class PoolBanner(QLabel):
    """Hidden while nothing is due; ``linkActivated`` gives the account id."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("pool-banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(
            "QLabel#pool-banner { background: #fff4e5; color: #663c00;"
            " border: 1px solid #f0c36d; border-radius: 4px; padding: 6px; }"
        )
        self.hide()

    def returned_text(self, total: int) -> str:
        """What the notice says after the daily return moved ``total`` accounts."""
        return self.tr(
            "%n account(s) went back to the public pool (no visit or follow-up in time).",
            "",
            total,
        )

    def load(self) -> None:
        user_id = self.ctx.user_id
        if user_id is None:
            return
        self.ctx.tasks.read(
            lambda s: pool.due_soon(s, utcnow(), owner_ids=[user_id]),
            self.show_due,
            key="accounts-due-soon",
        )

    def show_due(self, due: list[pool.PoolDue]) -> None:
        if not due:
            self.hide()
            return
        now = utcnow()
        links = [
            '<a href="{}">{}</a> ({})'.format(
                d.account_id,
                html.escape(d.name),
                self.tr("%n day(s) left", "", d.days_left(now)),
            )
            for d in due[:5]
        ]
        more = len(due) - len(links)
        text = (
            self.tr(
                "%n of your accounts go back to the public pool within a week unless visited "
                "or followed up:",
                "",
                len(due),
            )
            + " "
            + "、".join(links)
        )
        if more > 0:
            text += " " + self.tr("and %n more", "", more)
        self.setText(text)
        self.show()
