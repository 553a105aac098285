"""The account's Health tab: the score (0-100) and every point's reason, in the user's
language (the reasons are codes with parameters, ``desktop.domain.health``)."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.domain.health import HEALTHY_FROM, Health, Reason, at_risk
from desktop.domain.services import health
from desktop.ui.account_tabs import AccountView
from desktop.ui.accounts.detail import AccountDetail
from desktop.ui.context import AppContext
from desktop.ui.format import ERROR_COLOR, money

GOOD, FAIR = "#2e7d32", "#8a5a00"


def reason_words(reason: Reason) -> str:
    """What one reason says, without its points."""
    p = reason.params
    texts = {
        "no_decision_maker": QCoreApplication.translate(
            "Health", "No decision maker met in %1 days"
        ),
        "decision_maker_met": QCoreApplication.translate(
            "Health", "A decision maker met %1 days ago"
        ),
        "never_visited": QCoreApplication.translate(
            "Health", "Never visited (the tier wants a visit every %1 days)"
        ),
        "visit_overdue": QCoreApplication.translate(
            "Health", "Last visit %1 days ago (the tier wants one every %2 days)"
        ),
        "visited": QCoreApplication.translate("Health", "Visited %1 days ago"),
        "overdue_long": QCoreApplication.translate("Health", "%1 overdue more than %2 days"),
        "overdue_short": QCoreApplication.translate("Health", "%1 overdue"),
        "complaints_past_sla": QCoreApplication.translate("Health", "%1 complaints past their SLA"),
        "orders_up": QCoreApplication.translate("Health", "Orders up %1 % year over year"),
        "orders_down": QCoreApplication.translate("Health", "Orders down %1 % year over year"),
        "first_orders": QCoreApplication.translate("Health", "First orders in a year: %1"),
    }
    values = {
        "no_decision_maker": [p.get("days")],
        "decision_maker_met": [p.get("days")],
        "never_visited": [p.get("cadence")],
        "visit_overdue": [p.get("days"), p.get("cadence")],
        "visited": [p.get("days")],
        "overdue_long": [_money(p.get("amount")), p.get("days")],
        "overdue_short": [_money(p.get("amount"))],
        "complaints_past_sla": [p.get("count")],
        "orders_up": [p.get("pct")],
        "orders_down": [p.get("pct")],
        "first_orders": [_money(p.get("amount"))],
    }
    text = texts.get(reason.code, reason.code)
    for number, value in enumerate(values.get(reason.code, []), start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def reason_line(reason: Reason) -> str:
    """'−15: No decision maker met in 120 days'."""
    sign = "+" if reason.points > 0 else "−"
    return f"{sign}{abs(reason.points)}: {reason_words(reason)}"


def verdict(score: int) -> tuple[str, str]:
    """The score's word and colour."""
    if score >= HEALTHY_FROM:
        return QCoreApplication.translate("Health", "Healthy"), GOOD
    if not at_risk(score):
        return QCoreApplication.translate("Health", "Needs attention"), FAIR
    return QCoreApplication.translate("Health", "At risk"), ERROR_COLOR


def _money(amount: object) -> str:
    return money(Decimal(str(amount))) if amount is not None else ""


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
