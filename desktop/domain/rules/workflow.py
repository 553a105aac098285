"""Row rules: state machines, who may make which change, references that must hold.

``check_change`` judges one row as it will be after a write against the row as it
was (``before`` is None for a new row). It reads other rows only through ``Facts``,
which the device's unit of work and the server each implement over their session, so
the rule is written once and both apply it: the device before it commits, the server
after its merge.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.domain.models.service import policy_id
from desktop.domain.rules.commission import check_commission_policy
from desktop.domain.rules.contracts import check_contract
from desktop.domain.rules.links import check_attachment, check_order_contract
from desktop.domain.rules.opportunities import check_opportunity, check_stage_defaults
from desktop.domain.rules.plans import (
    check_action,
    check_objective,
    check_plan,
    check_team_member,
)
from desktop.domain.rules.receivables import check_allocation, check_instalment, check_paid_delete
from desktop.domain.rules.seller import check_seller
from desktop.domain.rules.violation import RuleViolation
from desktop.domain.rules.visits import POLICY_KEY as VISIT_POLICY
from desktop.domain.rules.visits import check_checkin, check_visit_policy, visit_policy

Row = Mapping[str, Any]

# Quote status -> the statuses it may move to.
QUOTE_FLOW: dict[str, frozenset[str]] = {
    "draft": frozenset({"pending_approval", "sent"}),
    "returned": frozenset({"draft", "pending_approval", "sent"}),
    "pending_approval": frozenset({"draft", "approved", "returned"}),
    "approved": frozenset({"draft", "sent"}),
    "sent": frozenset({"accepted", "rejected", "expired"}),
    "accepted": frozenset(),
    "rejected": frozenset(),
    "expired": frozenset(),
}
QUOTE_LOCKED = frozenset({"sent", "accepted", "rejected", "expired"})
# Fields of a locked quote that still move: its outcome, its place among revisions and
# its owner (a handover moves open quotes with the account).
QUOTE_OUTCOME_FIELDS = frozenset(
    {"status", "accepted_at", "decision_note", "is_latest", "sent_at", "issued_on", "owner_id"}
)
MANAGER_DECISIONS = frozenset({"approved", "returned"})
# Entities only managers (and admins) write; reps read them.
MANAGER_ONLY = frozenset({"policy", "product", "price_list", "price_list_item", "sales_target"})
ADMIN_ONLY = frozenset({"team", "user"})
# A submitted weekly report: what its manager may still write.
WEEKLY_COMMENT_FIELDS = frozenset({"manager_comment", "commented_by", "status"})
# How far a group hierarchy (or a reporting line) is followed before it is called a loop.
MAX_GROUP_DEPTH = 50
# A contact's fields whose change asks the reporting line again.
REPORTING_FIELDS = frozenset({"reports_to_id", "account_id"})


@dataclass(frozen=True)
class Actor:
    """Who writes: their id and role (None: not known yet on a new device)."""

    user_id: str | None
    role: str | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_manager(self) -> bool:
        return self.role in ("manager", "admin")


class Facts(Protocol):
    """What a row rule may look up; the device and the server answer from their data."""

    def value(self, entity: str, row_id: str, field: str) -> Any:
        """A field of a live row (None if there is no such row or it is deleted)."""

    def exists(self, entity: str, row_id: str) -> bool: ...

    def rows_where(self, entity: str, field: str, value: str) -> Sequence[Row]:
        """The live rows of ``entity`` whose ``field`` is ``value`` (each with its id)."""


def check_role(entity: str, actor: Actor) -> None:
    """Which role may write an entity at all."""
    if actor.role is None or actor.is_admin:
        return
    if entity in ADMIN_ONLY:
        raise RuleViolation("role_required", role="administrator", action=f"change {entity}")
    if entity in MANAGER_ONLY and actor.role != "manager":
        raise RuleViolation("role_required", role="manager", action=f"change {entity}")


def check_change(entity: str, before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    """Raise ``RuleViolation`` if writing ``after`` over ``before`` breaks a row rule."""
    check_role(entity, actor)
    rule = _RULES.get(entity)
    if rule is not None:
        rule(before, after, actor, facts)


def check_delete(entity: str, before: Row, actor: Actor, facts: Facts | None = None) -> None:
    check_role(entity, actor)
    if facts is not None and entity in ("instalment", "payment"):
        check_paid_delete(entity, before, facts)
    if entity == "quote" and before.get("status") != "draft":
        raise RuleViolation("locked", entity="quote", status=before.get("status"))
    if entity == "policy" and before.get("key") == "seller":
        _seller_by_admin(actor)


def _changed(before: Row | None, after: Row) -> set[str]:
    if before is None:
        return set(after)
    return {k for k, v in after.items() if before.get(k) != v}


def _quote(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    old = before.get("status") if before is not None else None
    new = after.get("status")
    if old in QUOTE_LOCKED and (_changed(before, after) - QUOTE_OUTCOME_FIELDS):
        raise RuleViolation("quote_locked", status=old)
    if old is None and new != "draft":
        raise RuleViolation("status_change", entity="quote", old="new", new=new)
    if old is not None and new != old and new not in QUOTE_FLOW.get(str(old), frozenset()):
        raise RuleViolation("status_change", entity="quote", old=old, new=new)
    if new in MANAGER_DECISIONS and (new != old or _changed(before, after) & {"decided_by"}):
        _check_decision(after, actor, facts)
    if new == "approved" and not after.get("decided_by"):
        raise RuleViolation("decided_by_other")
    if new == "approved" and after.get("decided_by") == after.get("owner_id"):
        raise RuleViolation("own_approval")
    if new == "sent" and old != "sent" and after.get("approval_reasons") and old != "approved":
        raise RuleViolation("status_change", entity="quote", old=old, new=new)
    if (
        new != old
        and new == "pending_approval"
        and not str(after.get("justification") or "").strip()
    ):
        raise RuleViolation("justification_required", "justification")
    if new != old and new == "returned" and not str(after.get("decision_note") or "").strip():
        raise RuleViolation("return_note_required", "decision_note")


def may_decide(approver_id: str, role: str | None, owner_id: str | None, facts: Facts) -> bool:
    """Whether ``approver_id`` (of ``role``) may approve or return a quote of ``owner_id``.

    Nobody decides on their own quote. An admin decides on anyone else's. A rep's quote
    goes to the managers of the rep's team (and the team's named manager); a manager's
    quote goes to the named manager of their team when that is someone else (their
    manager), else to an admin; so does the quote of a user with no team.
    """
    if owner_id is not None and approver_id == owner_id:
        return False
    if role == "admin":
        return True
    if role != "manager":
        return False
    if owner_id is None:
        return True  # a quote nobody owns (a pool account's): any manager
    team_id = facts.value("user", owner_id, "team_id")
    if team_id is None:
        return False
    if facts.value("team", str(team_id), "manager_id") == approver_id:
        return True
    if facts.value("user", owner_id, "role") in ("manager", "admin"):
        return False
    return bool(facts.value("user", approver_id, "team_id") == team_id)


def _check_decision(after: Row, actor: Actor, facts: Facts) -> None:
    """Approve or return: a manager the quote goes to (``may_decide``), in their own name."""
    if actor.role is None:
        return
    owner = after.get("owner_id")
    if not actor.is_manager:
        raise RuleViolation("role_required", role="manager", action="approve or return a quote")
    if owner is not None and owner == actor.user_id:
        raise RuleViolation("own_approval")
    if after.get("decided_by") != actor.user_id:
        raise RuleViolation("decided_by_other")
    if actor.user_id is not None and not may_decide(actor.user_id, actor.role, owner, facts):
        raise RuleViolation("not_the_approver")


def _quote_line(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    quote_id = after.get("quote_id")
    if quote_id is None:
        return
    status = facts.value("quote", str(quote_id), "status")
    if status in QUOTE_LOCKED:
        raise RuleViolation("quote_locked", status=status)


def _account(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    parent = after.get("parent_id")
    if parent is None or (before is not None and before.get("parent_id") == parent):
        return
    seen = {after.get("id")}
    current: Any = parent
    for _ in range(MAX_GROUP_DEPTH):
        if current is None:
            return
        if current in seen:
            raise RuleViolation("group_cycle", "parent_id")
        if not facts.exists("account", str(current)):
            raise RuleViolation("missing_reference", "parent_id", entity="account")
        seen.add(current)
        current = facts.value("account", str(current), "parent_id")
    raise RuleViolation("group_cycle", "parent_id")


def _contact(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    """Reports-to: a live contact of the same account, never themselves or a loop."""
    boss = after.get("reports_to_id")
    if boss is None or (before is not None and not _changed(before, after) & REPORTING_FIELDS):
        return
    if facts.value("contact", str(boss), "account_id") != after.get("account_id"):
        if not facts.exists("contact", str(boss)):
            raise RuleViolation("missing_reference", "reports_to_id", entity="contact")
        raise RuleViolation("reports_to_other_account", "reports_to_id")
    seen = {after.get("id")}
    current: Any = boss
    for _ in range(MAX_GROUP_DEPTH):
        if current is None:
            return
        if current in seen:
            raise RuleViolation("reports_to_cycle", "reports_to_id")
        seen.add(current)
        current = facts.value("contact", str(current), "reports_to_id")
    raise RuleViolation("reports_to_cycle", "reports_to_id")


def _visit_attendee(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    """A contact of the visited account, or a colleague: one of the two."""
    contact, user = after.get("contact_id"), after.get("user_id")
    if (contact is None) == (user is None):
        raise RuleViolation("attendee_one_of")
    account = facts.value("visit", str(after.get("visit_id")), "account_id")
    if account is None:
        raise RuleViolation("missing_reference", "visit_id", entity="visit")
    if account != after.get("account_id"):
        raise RuleViolation("attendee_other_account", "account_id")
    if contact is not None and facts.value("contact", str(contact), "account_id") != account:
        raise RuleViolation("attendee_other_account", "contact_id")


def _visit(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    if after.get("status") == "done" and not str(after.get("report") or "").strip():
        raise RuleViolation("visit_without_report", "report")
    if after.get("checked_in_at") is not None:
        policy = visit_policy(facts.value("policy", policy_id(VISIT_POLICY), "value"))
        account = after.get("account_id")
        tier = facts.value("account", str(account), "tier") if account else None
        check_checkin(before, after, policy, tier)


def _weekly_report(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    old = before.get("status") if before is not None else None
    if old in (None, "draft"):
        if after.get("status") == "commented":
            raise RuleViolation("status_change", entity="weekly_report", old=old, new="commented")
        return
    changed = _changed(before, after)
    if changed - WEEKLY_COMMENT_FIELDS or after.get("status") == "draft":
        raise RuleViolation("locked", entity="weekly_report", status=old)
    if changed and actor.role is not None and not actor.is_manager:
        raise RuleViolation("role_required", role="manager", action="comment on a weekly report")


def _complaint(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    if before is None or before.get("status") != "closed":
        return
    if after.get("status") == "closed" and _changed(before, after):
        raise RuleViolation("locked", entity="complaint", status="closed")


def _opportunity(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_opportunity(before, after)


def _contract(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    """A contract is reviewed as a quote is approved: by a manager it goes to
    (``may_decide``), never its owner, in the reviewer's own name."""
    if check_contract(before, after) != "review" or actor.role is None:
        return
    owner = after.get("owner_id")
    if not actor.is_manager:
        raise RuleViolation("role_required", role="manager", action="review a contract")
    if owner is not None and owner == actor.user_id:
        raise RuleViolation("own_approval")
    if after.get("status") == "signed" and after.get("decided_by") != actor.user_id:
        raise RuleViolation("decided_by_other")
    if actor.user_id is not None and not may_decide(actor.user_id, actor.role, owner, facts):
        raise RuleViolation("not_the_approver")


def _account_plan(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_plan(before, after, actor, facts)


def _plan_objective(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_objective(before, after, actor, facts)


def _account_team_member(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_team_member(before, after, actor, facts)


def _task(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_action(before, after, facts)


def _instalment(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_instalment(before, after, facts)


def _payment_allocation(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_allocation(before, after, facts)


def _policy(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    value = after.get("value")
    if after.get("key") == "stages" and isinstance(value, Mapping):
        check_stage_defaults(value)
    if after.get("key") == VISIT_POLICY:
        check_visit_policy(value)
    if after.get("key") == "commission":
        check_commission_policy(value)
    if after.get("key") == "seller":
        _seller_by_admin(actor)
        check_seller(value)


def _seller_by_admin(actor: Actor) -> None:
    if actor.role is not None and not actor.is_admin:
        raise RuleViolation("role_required", role="administrator", action="set the seller details")


def _attachment(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_attachment(before, after, facts)


def _sales_order(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    check_order_contract(before, after, facts)


def _change_record(before: Row | None, after: Row, actor: Actor, facts: Facts) -> None:
    if before is not None:
        raise RuleViolation("locked", entity="change_record", status="written")
    if actor.user_id is not None and after.get("changed_by") != actor.user_id:
        raise RuleViolation("credited_to_other", "changed_by")


_RULES = {
    "quote": _quote,
    "quote_line": _quote_line,
    "account": _account,
    "visit": _visit,
    "contact": _contact,
    "visit_attendee": _visit_attendee,
    "weekly_report": _weekly_report,
    "complaint": _complaint,
    "opportunity": _opportunity,
    "policy": _policy,
    "contract": _contract,
    "account_plan": _account_plan,
    "plan_objective": _plan_objective,
    "task": _task,
    "account_team_member": _account_team_member,
    "instalment": _instalment,
    "payment_allocation": _payment_allocation,
    "change_record": _change_record,
    "attachment": _attachment,
    "sales_order": _sales_order,
}
