"""The contract's rules: its status flow, who reviews it, what a signed one keeps.

draft → under_review (the owner asks); under_review → signed (the owner's manager, in
their own name, never their own contract) or back to draft; signed → active or
terminated; active → expired or terminated. A contract returned to draft carries a
note telling its rep what must change. Once signed, only its status, its
decision and notes move: a changed contract is a new one. It ends after it starts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.rules.violation import RuleViolation

Row = Mapping[str, Any]

CONTRACT_FLOW: dict[str, frozenset[str]] = {
    "draft": frozenset({"under_review"}),
    "under_review": frozenset({"draft", "signed"}),
    "signed": frozenset({"active", "terminated"}),
    "active": frozenset({"expired", "terminated"}),
    "expired": frozenset(),
    "terminated": frozenset(),
}
CONTRACT_LOCKED = frozenset({"signed", "active", "expired", "terminated"})
# What still moves on a signed contract: its life, and a handover's new owner.
CONTRACT_OPEN_FIELDS = frozenset({"status", "notes", "owner_id"})


def check_contract(before: Row | None, after: Row) -> str | None:
    """Raise for a broken rule; returns "review" when the change is a manager's
    decision (signed, or returned to draft) that the caller must check for the actor."""
    old = before.get("status") if before is not None else None
    new = after.get("status")
    start, end = after.get("start_on"), after.get("end_on")
    if start is not None and end is not None and end < start:
        raise RuleViolation("ends_before_start", "end_on")
    if old is None:
        if new != "draft":
            raise RuleViolation("status_change", entity="contract", old="new", new=new)
        return None
    if old in CONTRACT_LOCKED:
        changed = {k for k, v in after.items() if before is not None and before.get(k) != v}
        if changed - CONTRACT_OPEN_FIELDS:
            raise RuleViolation("locked", entity="contract", status=old)
    if new != old and new not in CONTRACT_FLOW.get(str(old), frozenset()):
        raise RuleViolation("status_change", entity="contract", old=old, new=new)
    if (
        old == "under_review"
        and new == "draft"
        and not str(after.get("decision_note") or "").strip()
    ):
        raise RuleViolation("contract_return_note_required", "decision_note")
    if old == "under_review" and new in ("signed", "draft"):
        return "review"
    return None
