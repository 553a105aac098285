"""The server's reasons for a conflict or a refusal, explained in the user's language
with what the rep can do next (``explain``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.models import SYNCED
from desktop.ui import rule_text
from desktop.ui.sync.labels import entity_label, field_label


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
        "SyncReasons",
        "The account was handed over to someone else. Ask your manager to hand it "
        "back, or send your change to the new owner (Copy my change).",
    )


def _no_access() -> str:
    return QCoreApplication.translate(
        "SyncReasons",
        "You no longer have access to this record (it was handed over or you changed "
        "team). Ask your manager; your change can be copied.",
    )


def _ask_manager() -> str:
    return QCoreApplication.translate(
        "SyncReasons", "Only a manager or administrator may make this change. Ask them to make it."
    )


def _removed() -> str:
    return QCoreApplication.translate(
        "SyncReasons",
        "The record (or one it refers to) was removed on the server. Copy your "
        "change if you still need it.",
    )


def _update_app() -> str:
    return QCoreApplication.translate(
        "SyncReasons",
        "This Fieldbook and the server are different versions. Update Fieldbook (or ask "
        "your administrator to update the server), then choose Apply again.",
    )


def _fix_and_save() -> str:
    return QCoreApplication.translate(
        "SyncReasons", "Correct the value on the record and save again, or copy your change."
    )


def _fallback() -> str:
    return QCoreApplication.translate(
        "SyncReasons", "Copy your change if you still need it and tell your administrator."
    )


# The reasons the server sends (server/push.py), as patterns over its English text;
# each gives the translated reason (with the pattern's groups) and the advice.
Reason = Callable[[re.Match[str], str], Explanation]
REASONS: list[tuple[re.Pattern[str], Reason]] = [
    (
        re.compile(r"changed on the server since you edited it"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "Someone changed this on the server after you had edited it."
            ),
            QCoreApplication.translate(
                "SyncReasons", "Choose which value to keep: yours, the server's, or one you type."
            ),
        ),
    ),
    (
        re.compile(r"deleted on the server; your edit is kept and can be restored"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons",
                "The record was deleted on the server while you edited it; your edit is kept.",
            ),
            QCoreApplication.translate(
                "SyncReasons",
                "Keep mine brings the record back with your edit; keep the server's leaves it deleted.",
            ),
        ),
    ),
    (
        re.compile(r"account (?P<q>['\"])(?P<name>.*)(?P=q) already belongs to another rep"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "The account %1 now belongs to another rep."
            ).replace("%1", m["name"]),
            _handed_over(),
        ),
    ),
    (
        re.compile(r"account (?P<q>['\"])(?P<name>.*)(?P=q) is in the public pool: claim it first"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "The account %1 is in the public pool."
            ).replace("%1", m["name"]),
            QCoreApplication.translate(
                "SyncReasons",
                "The account is in the public pool. Claim it on the Accounts page, then "
                "choose Apply again.",
            ),
        ),
    ),
    (
        re.compile(r"only a manager can hand an account over to someone else"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "Only a manager can hand an account over to another rep."
            ),
            _ask_manager(),
        ),
    ),
    (
        re.compile(r"a manager can hand accounts only to users of their team"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "A manager can hand accounts only to people in their own team."
            ),
            QCoreApplication.translate(
                "SyncReasons", "Choose someone in your team, or ask an administrator."
            ),
        ),
    ),
    (
        re.compile(r"you may not (change|create) this (?P<label>.+): it is outside your accounts"),
        lambda m, e: Explanation(
            QCoreApplication.translate("SyncReasons", "You no longer have access to this account.")
            if m["label"] == "account"
            else QCoreApplication.translate(
                "SyncReasons", "This %1 belongs to an account you do not have access to."
            ).replace("%1", _entity(m["label"])),
            _no_access(),
        ),
    ),
    (
        re.compile(r"this change would move the (?P<label>.+) outside your accounts"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons",
                "This change would move the %1 to an account you do not have access to.",
            ).replace("%1", _entity(m["label"])),
            QCoreApplication.translate(
                "SyncReasons", "Choose one of your own accounts, or ask your manager."
            ),
        ),
    ),
    (
        re.compile(r"only an administrator may change (?P<label>.+)s"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "Only an administrator may change a %1."
            ).replace("%1", _entity(m["label"])),
            _ask_manager(),
        ),
    ),
    (
        re.compile(r"only a manager may change the (?P<label>.+) catalog"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "Only a manager may change the %1 catalog."
            ).replace("%1", _entity(m["label"])),
            _ask_manager(),
        ),
    ),
    (
        re.compile(r"only the account's owner or their manager may change its account team"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons",
                "Only the account's owner or their manager may change its account team.",
            ),
            QCoreApplication.translate(
                "SyncReasons", "Ask the account's owner or your manager to make the change."
            ),
        ),
    ),
    (
        re.compile(r"upload the file first: .*", re.DOTALL),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons",
                "The server holds this file from someone else, and it was not uploaded "
                "from your account.",
            ),
            QCoreApplication.translate(
                "SyncReasons",
                "Sync again once the file has been uploaded from this computer; if the "
                "attachment still fails, attach the file again.",
            ),
        ),
    ),
    (
        re.compile(r"(?P<label>.+) (?P<id>[0-9a-fA-F-]{36}) does not exist on the server"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "This %1 no longer exists on the server."
            ).replace("%1", _entity(m["label"])),
            _removed(),
        ),
    ),
    (
        re.compile(r"(?P<label>.+) has no field '(?P<field>\w+)'"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "The server does not know the field %1."
            ).replace("%1", field_label(e, m["field"])),
            _update_app(),
        ),
    ),
    (
        re.compile(r"unknown entity '(?P<entity>\w+)'"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "The server does not know this kind of record (%1)."
            ).replace("%1", entity_label(m["entity"])),
            _update_app(),
        ),
    ),
    (
        re.compile(r"invalid value for (?P<field>\w+): .*", re.DOTALL),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "The server did not accept the value of %1."
            ).replace("%1", field_label(e, m["field"])),
            _fix_and_save(),
        ),
    ),
    (
        re.compile(r"(?P<label>[a-z ]+): missing (?P<fields>[\w, ]+)"),
        lambda m, e: Explanation(
            QCoreApplication.translate("SyncReasons", "Required fields were empty: %1.").replace(
                "%1",
                ", ".join(field_label(e, f.strip()) for f in m["fields"].split(",")),
            ),
            QCoreApplication.translate("SyncReasons", "Fill them in on the record and save again."),
        ),
    ),
    (
        re.compile(r"another row already has this value \(it must be unique\)"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "Another record already has this value, and it must be unique."
            ),
            QCoreApplication.translate(
                "SyncReasons",
                "Another record already has this value. Change it on the record and save again.",
            ),
        ),
    ),
    (
        re.compile(r"it refers to a row that does not exist on the server"),
        lambda m, e: Explanation(
            QCoreApplication.translate(
                "SyncReasons", "It refers to a record that does not exist on the server."
            ),
            _removed(),
        ),
    ),
    (
        re.compile(r"a required field is empty"),
        lambda m, e: Explanation(
            QCoreApplication.translate("SyncReasons", "A required field is empty."),
            QCoreApplication.translate("SyncReasons", "Fill it in on the record and save again."),
        ),
    ),
    (
        re.compile(r"the server refused the row as inconsistent"),
        lambda m, e: Explanation(
            QCoreApplication.translate("SyncReasons", "The server found the record inconsistent."),
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
