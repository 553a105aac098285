"""Words for sync lists: record types, operations, values, and what to do after a rejection."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication


def entity_label(entity: str) -> str:
    names = {
        "account": QCoreApplication.translate("SyncLabels", "Account"),
        "account_team_member": QCoreApplication.translate("SyncLabels", "Account team member"),
        "contact": QCoreApplication.translate("SyncLabels", "Contact"),
        "attachment": QCoreApplication.translate("SyncLabels", "Attachment"),
        "change_record": QCoreApplication.translate("SyncLabels", "History entry"),
        "team": QCoreApplication.translate("SyncLabels", "Team"),
        "user": QCoreApplication.translate("SyncLabels", "User"),
        "product": QCoreApplication.translate("SyncLabels", "Product"),
        "price_list": QCoreApplication.translate("SyncLabels", "Price list"),
        "price_list_item": QCoreApplication.translate("SyncLabels", "Price list item"),
        "opportunity": QCoreApplication.translate("SyncLabels", "Opportunity"),
        "quote": QCoreApplication.translate("SyncLabels", "Quote"),
        "quote_line": QCoreApplication.translate("SyncLabels", "Quote line"),
        "sales_order": QCoreApplication.translate("SyncLabels", "Order"),
        "delivery": QCoreApplication.translate("SyncLabels", "Delivery"),
        "payment": QCoreApplication.translate("SyncLabels", "Payment"),
        "sales_target": QCoreApplication.translate("SyncLabels", "Sales target"),
        "complaint": QCoreApplication.translate("SyncLabels", "Complaint"),
        "policy": QCoreApplication.translate("SyncLabels", "Rule"),
        "visit": QCoreApplication.translate("SyncLabels", "Visit"),
        "task": QCoreApplication.translate("SyncLabels", "Follow-up"),
        "weekly_report": QCoreApplication.translate("SyncLabels", "Weekly report"),
    }
    return names.get(entity, entity.replace("_", " "))


def op_label(op: str) -> str:
    names = {
        "insert": QCoreApplication.translate("SyncLabels", "New"),
        "update": QCoreApplication.translate("SyncLabels", "Changed"),
        "delete": QCoreApplication.translate("SyncLabels", "Deleted"),
        "restore": QCoreApplication.translate("SyncLabels", "Restored"),
    }
    return names.get(op, op)


def field_label(field: str | None) -> str:
    if not field:
        return ""
    if field == "deleted_at":
        return QCoreApplication.translate("SyncLabels", "(deleted)")
    return field.removesuffix("_id").replace("_", " ")


def value_text(value: Any) -> str:
    """A wire value as a person reads it; empty shows as a dash."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncLabels", "(empty)")
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SyncLabels", "yes")
        return QCoreApplication.translate("SyncLabels", "no")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def state_label(state: str) -> str:
    names = {
        "open": QCoreApplication.translate("SyncLabels", "To settle"),
        "mine": QCoreApplication.translate("SyncLabels", "Kept mine"),
        "theirs": QCoreApplication.translate("SyncLabels", "Kept the server's"),
        "edited": QCoreApplication.translate("SyncLabels", "Edited"),
        "dismissed": QCoreApplication.translate("SyncLabels", "Read"),
    }
    return names.get(state, state)


def rejection_advice(reason: str) -> str:
    """What the rep can do next after the server refused an edit."""
    text = reason.lower()
    if "already belongs to another rep" in text or "hand an account over" in text:
        return QCoreApplication.translate(
            "SyncLabels",
            "The account was handed over to someone else. Ask your manager to hand it "
            "back, or send your change to the new owner (Copy my change).",
        )
    if "public pool" in text:
        return QCoreApplication.translate(
            "SyncLabels",
            "The account is in the public pool. Claim it on the Accounts page, then "
            "choose Apply again.",
        )
    if "outside your accounts" in text:
        return QCoreApplication.translate(
            "SyncLabels",
            "You no longer have access to this record (it was handed over or you changed "
            "team). Ask your manager; your change can be copied.",
        )
    if "only a manager" in text or "only an administrator" in text:
        return QCoreApplication.translate(
            "SyncLabels",
            "Only a manager or administrator may make this change. Ask them to make it.",
        )
    if "unique" in text:
        return QCoreApplication.translate(
            "SyncLabels",
            "Another record already has this value. Change it on the record and save again.",
        )
    if "does not exist" in text or "refers to a row" in text:
        return QCoreApplication.translate(
            "SyncLabels",
            "The record (or one it refers to) was removed on the server. Copy your "
            "change if you still need it.",
        )
    return QCoreApplication.translate(
        "SyncLabels",
        "Copy your change if you still need it and tell your administrator.",
    )
