"""Words for sync lists: record types, operations, field names and values as a person
writes them (names for ids, money with ¥, times in the user's zone, translated
codes), and the server's reasons explained with what the rep can do next."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from desktop.domain.models import SYNCED
from desktop.domain.money import HUNDRED, format_money
from desktop.domain.services.sync_issues import field_kind
from desktop.ui import labels, rule_text


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


@dataclass(frozen=True)
class Explanation:
    why: str  # what happened, in the user's language
    next: str  # what the rep can do now


_ENTITIES_BY_LABEL = {model.label: name for name, model in SYNCED.items()}


def _entity(label: str) -> str:
    """The server names a record by its English label ("quote line"): the user's word."""
    entity = _ENTITIES_BY_LABEL.get(label)
    return entity_label(entity).lower() if entity is not None else label


def _handed_over() -> str:
    return QCoreApplication.translate(
        "SyncLabels",
        "The account was handed over to someone else. Ask your manager to hand it "
        "back, or send your change to the new owner (Copy my change).",
    )


def _no_access() -> str:
    return QCoreApplication.translate(
        "SyncLabels",
        "You no longer have access to this record (it was handed over or you changed "
        "team). Ask your manager; your change can be copied.",
    )


def _ask_manager() -> str:
    return QCoreApplication.translate(
        "SyncLabels", "Only a manager or administrator may make this change. Ask them to make it."
    )


def _removed() -> str:
    return QCoreApplication.translate(
        "SyncLabels",
        "The record (or one it refers to) was removed on the server. Copy your "
        "change if you still need it.",
    )


def _update_app() -> str:
    return QCoreApplication.translate(
        "SyncLabels",
        "This Fieldbook and the server are different versions. Update Fieldbook (or ask "
        "your administrator to update the server), then choose Apply again.",
    )


def _fix_and_save() -> str:
    return QCoreApplication.translate(
        "SyncLabels", "Correct the value on the record and save again, or copy your change."
    )


def _fallback() -> str:
    return QCoreApplication.translate(
        "SyncLabels", "Copy your change if you still need it and tell your administrator."
    )


# The reasons the server sends (server/push.py), as patterns over its English text;
# each gives the translated reason (with the pattern's groups) and the advice.
Reason = Callable[[re.Match[str], str], Explanation]
REASONS: list[tuple[re.Pattern[str], Reason]] = [
    (
        re.compile(r"changed on the server since you edited it"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "Someone changed this on the server after you had edited it."
            ),
            QCoreApplication.translate(
                "SyncLabels", "Choose which value to keep: yours, the server's, or one you type."
            ),
        ),
    ),
    (
        re.compile(r"deleted on the server; your edit is kept and can be restored"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels",
                "The record was deleted on the server while you edited it; your edit is kept.",
            ),
            QCoreApplication.translate(
                "SyncLabels",
                "Keep mine brings the record back with your edit; keep the server's leaves it deleted.",
            ),
        ),
    ),
    (
        re.compile(r"account (?P<q>['\"])(?P<name>.*)(?P=q) already belongs to another rep"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "The account %1 now belongs to another rep."
            ).replace("%1", m["name"]),
            _handed_over(),
        ),
    ),
    (
        re.compile(r"account (?P<q>['\"])(?P<name>.*)(?P=q) is in the public pool: claim it first"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "The account %1 is in the public pool."
            ).replace("%1", m["name"]),
            QCoreApplication.translate(
                "SyncLabels",
                "The account is in the public pool. Claim it on the Accounts page, then "
                "choose Apply again.",
            ),
        ),
    ),
    (
        re.compile(r"only a manager can hand an account over to someone else"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "Only a manager can hand an account over to another rep."
            ),
            _ask_manager(),
        ),
    ),
    (
        re.compile(r"a manager can hand accounts only to users of their team"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "A manager can hand accounts only to people in their own team."
            ),
            QCoreApplication.translate(
                "SyncLabels", "Choose someone in your team, or ask an administrator."
            ),
        ),
    ),
    (
        re.compile(r"you may not (change|create) this (?P<label>.+): it is outside your accounts"),
        lambda m, e: Explanation(
            QCoreApplication.translate("SyncLabels", "You no longer have access to this account.")
            if m["label"] == "account"
            else QCoreApplication.translate(
                "SyncLabels", "This %1 belongs to an account you do not have access to."
            ).replace("%1", _entity(m["label"])),
            _no_access(),
        ),
    ),
    (
        re.compile(r"this change would move the (?P<label>.+) outside your accounts"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels",
                "This change would move the %1 to an account you do not have access to.",
            ).replace("%1", _entity(m["label"])),
            QCoreApplication.translate(
                "SyncLabels", "Choose one of your own accounts, or ask your manager."
            ),
        ),
    ),
    (
        re.compile(r"only an administrator may change (?P<label>.+)s"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "Only an administrator may change a %1."
            ).replace("%1", _entity(m["label"])),
            _ask_manager(),
        ),
    ),
    (
        re.compile(r"only a manager may change the (?P<label>.+) catalog"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "Only a manager may change the %1 catalog."
            ).replace("%1", _entity(m["label"])),
            _ask_manager(),
        ),
    ),
    (
        re.compile(r"only the account's owner or their manager may change its account team"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels",
                "Only the account's owner or their manager may change its account team.",
            ),
            QCoreApplication.translate(
                "SyncLabels", "Ask the account's owner or your manager to make the change."
            ),
        ),
    ),
    (
        re.compile(r"upload the file first: .*", re.DOTALL),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels",
                "The server holds this file from someone else, and it was not uploaded "
                "from your account.",
            ),
            QCoreApplication.translate(
                "SyncLabels",
                "Sync again once the file has been uploaded from this computer; if the "
                "attachment still fails, attach the file again.",
            ),
        ),
    ),
    (
        re.compile(r"(?P<label>.+) (?P<id>[0-9a-fA-F-]{36}) does not exist on the server"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "This %1 no longer exists on the server."
            ).replace("%1", _entity(m["label"])),
            _removed(),
        ),
    ),
    (
        re.compile(r"(?P<label>.+) has no field '(?P<field>\w+)'"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "The server does not know the field %1."
            ).replace("%1", field_label(e, m["field"])),
            _update_app(),
        ),
    ),
    (
        re.compile(r"unknown entity '(?P<entity>\w+)'"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "The server does not know this kind of record (%1)."
            ).replace("%1", entity_label(m["entity"])),
            _update_app(),
        ),
    ),
    (
        re.compile(r"invalid value for (?P<field>\w+): .*", re.DOTALL),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "The server did not accept the value of %1."
            ).replace("%1", field_label(e, m["field"])),
            _fix_and_save(),
        ),
    ),
    (
        re.compile(r"(?P<label>[a-z ]+): missing (?P<fields>[\w, ]+)"),
        lambda m, e: Explanation(
            QCoreApplication.translate("SyncLabels", "Required fields were empty: %1.").replace(
                "%1",
                ", ".join(field_label(e, f.strip()) for f in m["fields"].split(",")),
            ),
            QCoreApplication.translate("SyncLabels", "Fill them in on the record and save again."),
        ),
    ),
    (
        re.compile(r"another row already has this value \(it must be unique\)"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "Another record already has this value, and it must be unique."
            ),
            QCoreApplication.translate(
                "SyncLabels",
                "Another record already has this value. Change it on the record and save again.",
            ),
        ),
    ),
    (
        re.compile(r"it refers to a row that does not exist on the server"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncLabels", "It refers to a record that does not exist on the server."
            ),
            _removed(),
        ),
    ),
    (
        re.compile(r"a required field is empty"),
        lambda m, e: Explanation(
            QCoreApplication.translate("SyncLabels", "A required field is empty."),
            QCoreApplication.translate("SyncLabels", "Fill it in on the record and save again."),
        ),
    ),
    (
        re.compile(r"the server refused the row as inconsistent"),
        lambda m, e: Explanation(
            QCoreApplication.translate("SyncLabels", "The server found the record inconsistent."),
            _fallback(),
        ),
    ),
]


def explain(
    reason: str, entity: str = "", code: str = "", params: Mapping[str, Any] | None = None
) -> Explanation:
    """The server's reason in the user's language, with what to do next.

    A rejection names the rule it broke (``code``, protocol 3); the server's English
    texts from before are matched whole, anything else is shown as it came.
    """
    text = reason.strip()
    for pattern, explanation in REASONS:
        match = pattern.fullmatch(text)
        if match is not None:
            return explanation(match, entity)
    if code and rule_text.known(code):
        return Explanation(rule_text.rule_text(code, params, entity), _next_step(code))
    return Explanation(text, _fallback())


def _next_step(code: str) -> str:
    if code in ("role_required", "own_approval", "decided_by_other"):
        return _ask_manager()
    if code in (
        "status_change",
        "locked",
        "quote_locked",
        "unknown_entity",
        "unknown_field",
        "too_large",
        "bad_data",
    ):
        return _fallback()
    return _fix_and_save()
