"""What hangs off a contract: its documents (attachments whose parent is the contract)
and the orders placed under it. Both belong to the contract's account, so they share
its scope on the server and nobody links another account's contract.

Other rows are read through ``Facts`` (see ``workflow``), so the device and the server
apply the same rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from desktop.domain.rules.violation import RuleViolation

if TYPE_CHECKING:
    from desktop.domain.rules.workflow import Facts

Row = Mapping[str, Any]

# What a file may be attached to. A 0.1.0 laptop knows the first four only
# (server/compat.py leaves the others out for it).
ATTACHMENT_PARENTS = ("account", "contact", "visit", "quote", "contract")


def _contract_account(field: str, contract_id: Any, account_id: Any, facts: Facts) -> None:
    account = facts.value("contract", str(contract_id), "account_id")
    if account is None:
        raise RuleViolation("missing_reference", field, entity="contract")
    if account != account_id:
        raise RuleViolation("contract_other_account", field)


def check_attachment(before: Row | None, after: Row, facts: Facts) -> None:
    """A file attaches to a known kind of record; a contract's document carries the
    contract's account (its scope)."""
    parent = after.get("parent_entity")
    if parent not in ATTACHMENT_PARENTS:
        raise RuleViolation("not_a_choice", "parent_entity", value=parent)
    if parent != "contract":
        return
    keys = ("parent_entity", "parent_id", "account_id")
    if before is not None and all(before.get(k) == after.get(k) for k in keys):
        return
    _contract_account("parent_id", after.get("parent_id"), after.get("account_id"), facts)


def check_order_contract(before: Row | None, after: Row, facts: Facts) -> None:
    """An order is placed under a contract of its own account (or none)."""
    contract = after.get("contract_id")
    if contract is None:
        return
    keys = ("contract_id", "account_id")
    if before is not None and all(before.get(k) == after.get(k) for k in keys):
        return
    _contract_account("contract_id", contract, after.get("account_id"), facts)
