"""The words of an account's health (desktop.domain.health): each reason's text and
the score's verdict, in the user's language; the Health tab and Today use them."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from desktop.domain.health import HEALTHY_FROM, Reason, at_risk
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


def summary(score: int, reasons: list[Reason]) -> str:
    """The score, its verdict and every reason, one a line (the list's tooltip)."""
    head = QCoreApplication.translate("Health", "Health %1: %2").replace("%1", str(score))
    lines = [head.replace("%2", verdict(score)[0])]
    lines += [reason_line(r) for r in reasons]
    return "\n".join(lines)


def _money(amount: object) -> str:
    return money(Decimal(str(amount))) if amount is not None else ""
