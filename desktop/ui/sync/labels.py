"""Words for sync lists: record types, operations, field names and values as a person
writes them (names for ids, money with ¥, times in the user's zone, translated
codes). The server's reasons are explained in ``desktop.ui.sync.reasons``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from desktop.domain.money import HUNDRED, format_money
from desktop.domain.services.sync_issues import field_kind
from desktop.ui import labels


def entity_label(entity: str) -> str:
    names = {
        "account": QCoreApplication.translate("SyncLabels", "Account"),
        "account_team_member": QCoreApplication.translate("SyncLabels", "Account team member"),
        "account_plan": QCoreApplication.translate("SyncLabels", "Account plan"),
        "plan_objective": QCoreApplication.translate("SyncLabels", "Plan objective"),
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
        "instalment": QCoreApplication.translate("SyncLabels", "Instalment"),
        "payment_allocation": QCoreApplication.translate("SyncLabels", "Payment allocation"),
        "sales_target": QCoreApplication.translate("SyncLabels", "Sales target"),
        "complaint": QCoreApplication.translate("SyncLabels", "Complaint"),
        "policy": QCoreApplication.translate("SyncLabels", "Rule"),
        "visit": QCoreApplication.translate("SyncLabels", "Visit"),
        "visit_attendee": QCoreApplication.translate("SyncLabels", "Visit attendee"),
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


def field_label(entity: str, field: str | None) -> str:
    if not field:
        return ""
    if field == "deleted_at":
        return QCoreApplication.translate("SyncLabels", "(deleted)")
    return labels.field_label(entity, field)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def value_text(
    entity: str,
    field: str | None,
    value: Any,
    names: Mapping[str, str],
    zone: ZoneInfo,
) -> str:
    """A wire value as the user would write it: a name for an id, ¥ for money, a time
    in the user's zone, a translated word for a stored code; empty shows as such."""
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("SyncLabels", "(empty)")
    name = field or ""
    kind = field_kind(entity, name)
    try:
        if kind in ("ref", "refs"):
            ids = value if isinstance(value, list) else [value]
            return ", ".join(
                names.get(str(i))
                or QCoreApplication.translate("SyncLabels", "(a record not on this device)")
                for i in ids
            )
        if kind == "money":
            return format_money(Decimal(str(value)))
        if kind == "decimal":
            number = Decimal(str(value))
            if name == "tax_rate":
                return _number(number * HUNDRED) + "%"
            return _number(number) + ("%" if name.endswith("_pct") else "")
        if kind == "datetime":
            when = dt.datetime.fromisoformat(str(value)).astimezone(zone)
            return when.strftime("%Y-%m-%d %H:%M")
        if kind == "int" and name == "probability":
            return f"{value}%"
    except (ValueError, TypeError, InvalidOperation):
        return str(value)  # junk on the wire: show it as it is
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncLabels", "yes")
            if value
            else QCoreApplication.translate("SyncLabels", "no")
        )
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    word = labels.value_label(entity, name, str(value))
    return str(value) if word is None else word


def change_text(
    entity: str, fields: Mapping[str, Any], names: Mapping[str, str], zone: ZoneInfo
) -> str:
    """A rejected change, field by field: "Notes: …; Owner: Alice"."""
    return "; ".join(
        f"{field_label(entity, k)}: {value_text(entity, k, v, names, zone)}"
        for k, v in sorted(fields.items())
    )


def state_label(state: str) -> str:
    names = {
        "open": QCoreApplication.translate("SyncLabels", "To settle"),
        "mine": QCoreApplication.translate("SyncLabels", "Kept mine"),
        "theirs": QCoreApplication.translate("SyncLabels", "Kept the server's"),
        "edited": QCoreApplication.translate("SyncLabels", "Edited"),
        "dismissed": QCoreApplication.translate("SyncLabels", "Read"),
    }
    return names.get(state, state)
