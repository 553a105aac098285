"""The account's Health tab: the score (0-100) and every point's reason, in the user's
language (the reasons are codes with parameters, ``desktop.domain.health``)."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.domain.health import Health
from desktop.domain.services import health
from desktop.ui.account_tabs import AccountView
from desktop.ui.accounts.detail import AccountDetail
from desktop.ui.accounts.health_words import GOOD, reason_line, reason_words, verdict
from desktop.ui.context import AppContext
from desktop.ui.format import ERROR_COLOR


class HealthTab(AccountView):
    watched = frozenset(
        {
            "account",
            "visit",
            "visit_attendee",
            "contact",
            "sales_order",
            "payment",
            "complaint",
            "policy",
        }
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.health: Health | None = None
        self.lines: list[str] = []  # the breakdown as shown, one reason a line
        self.score_label = QLabel()
        self.score_label.setObjectName("health-score")
        font = QFont(self.score_label.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.score_label.setFont(font)
        self.breakdown = QLabel()
        self.breakdown.setObjectName("health-breakdown")
        self.breakdown.setTextFormat(Qt.TextFormat.RichText)
        self.breakdown.setWordWrap(True)
        self.breakdown.setAlignment(Qt.AlignmentFlag.AlignTop)
        hint = QLabel(
            self.tr(
                "Rule-based: every point has its reason. Managers set the weights in the rules."
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.score_label)
        layout.addWidget(self.breakdown, 1)
        layout.addWidget(hint)

    def title(self) -> str:
        return self.tr("Health")

    def loader(self, account_id: str) -> Any:
        now = dt.datetime.now(dt.UTC)
        today = now.astimezone(self.ctx.zone).date()
        return lambda session: health.account_health(session, account_id, now, today)

    def show_result(self, result: Health) -> None:
        self.show_health(result)

    def show_health(self, result: Health) -> None:
        self.health = result
        word, colour = verdict(result.score)
        self.score_label.setText(
            self.tr("Health %1 / 100 · %2").replace("%1", str(result.score)).replace("%2", word)
        )
        self.score_label.setStyleSheet(f"color: {colour}")
        self.lines = [reason_line(r) for r in result.reasons]
        rows = [
            f'<tr><td style="color: {GOOD if r.points > 0 else ERROR_COLOR}; '
            f'padding-right: 12px" align="right"><b>{"+" if r.points > 0 else "−"}'
            f"{abs(r.points)}</b></td><td>{html.escape(reason_words(r))}</td></tr>"
            for r in result.reasons
        ]
        start = self.tr("Starting score: %1").replace("%1", str(result.base))
        self.breakdown.setText(
            f"<p>{html.escape(start)}</p><table cellspacing='4'>{''.join(rows)}</table>"
        )


def add_health(ctx: AppContext, detail: AccountDetail) -> HealthTab:
    """Put the Health tab on the account detail, after the stakeholders."""
    tab = HealthTab(ctx)
    detail.tabs.insertTab(3, tab, tab.title())
    detail.account_shown.connect(tab.set_account)
    return tab
