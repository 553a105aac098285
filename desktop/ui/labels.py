"""Translated words for stored codes that several screens show, written once.

Complaint categories, severities, statuses and SLA states (the Complaints page, the
account's Complaints tab, the visit briefing, the rules), and opportunity stages (the
dashboard, the quote editor). All are translated in one context, "Labels", so a word
has one Chinese text everywhere. Workbooks, which the CLI writes without Qt, take
their words from ``desktop.reports.labels`` instead; a test keeps the two in step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def complaint_label(code: str) -> str:
    """A complaint's category, severity, status or SLA state; "" for no SLA."""
    translate = QCoreApplication.translate
    words = {
        # categories
        "quality": translate("Labels", "Quality"),
        "delivery": translate("Labels", "Delivery"),
        "service": translate("Labels", "Service"),
        "price": translate("Labels", "Price"),
        "other": translate("Labels", "Other"),
        # severities
        "low": translate("Labels", "Low"),
        "medium": translate("Labels", "Medium"),
        "high": translate("Labels", "High"),
        "critical": translate("Labels", "Critical"),
        # statuses
        "open": translate("Labels", "Open"),
        "in_progress": translate("Labels", "In progress"),
        "resolved": translate("Labels", "Resolved"),
        "closed": translate("Labels", "Closed"),
        # SLA states
        "on_track": translate("Labels", "On track"),
        "near_breach": translate("Labels", "Close to breach"),
        "breached": translate("Labels", "Past SLA"),
        "met": translate("Labels", "Met"),
        "missed": translate("Labels", "Missed"),
        "none": "",
    }
    return words.get(code, code)


def stage_label(stage: str) -> str:
    """An opportunity's stage."""
    translate = QCoreApplication.translate
    stages = {
        "lead": translate("Labels", "Lead"),
        "qualified": translate("Labels", "Qualified"),
        "proposal": translate("Labels", "Proposal"),
        "negotiation": translate("Labels", "Negotiation"),
        "won": translate("Labels", "Won"),
        "lost": translate("Labels", "Lost"),
    }
    return stages.get(stage, stage)
