"""The payment plan's rules (回款计划): instalments and which payment paid them.

An instalment belongs to exactly one contract or one order, of its own account; its
amount is more than zero; the plan of a contract or an order never exceeds its value;
it is not due before the order was placed (or the contract signed); it never drops
below what was already paid against it.

An allocation matches part of a payment (money received on an order) to an instalment
of the same account: more than zero, never more than what is left of the payment, nor
than what is still open on the instalment.

Who may write either is who may write its account's rows (the server's scope): the
account's owner, her manager, an administrator; as for the account's orders and
contracts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol

from desktop.domain.rules.violation import RuleViolation

Row = Mapping[str, Any]
ZERO = Decimal(0)


class Facts(Protocol):
    def value(self, entity: str, row_id: str, field: str) -> Any: ...

    def exists(self, entity: str, row_id: str) -> bool: ...

    def rows_where(self, entity: str, field: str, value: str) -> Sequence[Row]: ...


def _others_total(facts: Facts, entity: str, field: str, value: str, own_id: Any) -> Decimal:
    """The amounts of the live rows of ``entity`` whose ``field`` is ``value``, but one."""
    return sum(
        (Decimal(r["amount"]) for r in facts.rows_where(entity, field, value) if r["id"] != own_id),
        ZERO,
    )


def check_instalment(before: Row | None, after: Row, facts: Facts) -> None:
    contract_id, order_id = after.get("contract_id"), after.get("order_id")
    if (contract_id is None) == (order_id is None):
        raise RuleViolation("instalment_parent", "order_id")
    entity, parent, field = (
        ("sales_order", str(order_id), "order_id")
        if order_id is not None
        else ("contract", str(contract_id), "contract_id")
    )
    if not facts.exists(entity, parent):
        raise RuleViolation("missing_reference", field, entity=entity)
    if facts.value(entity, parent, "account_id") != after.get("account_id"):
        raise RuleViolation("other_account", field)
    amount = after.get("amount")
    if amount is None or amount <= 0:
        raise RuleViolation("not_positive", "amount")
    start = facts.value(entity, parent, "order_date" if order_id else "signed_on")
    due = after.get("due_on")
    if start is not None and due is not None and due < start:
        raise RuleViolation("due_before_start", "due_on", entity=entity, day=start.isoformat())
    value = Decimal(facts.value(entity, parent, "amount" if order_id else "value") or 0)
    planned = _others_total(facts, "instalment", field, parent, after.get("id")) + amount
    if planned > value:
        raise RuleViolation(
            "plan_over_value", "amount", entity=entity, planned=planned, value=value
        )
    if before is not None:
        paid = _others_total(facts, "payment_allocation", "instalment_id", str(after["id"]), None)
        if amount < paid:
            raise RuleViolation("instalment_below_paid", "amount", paid=paid)


def check_allocation(before: Row | None, after: Row, facts: Facts) -> None:
    payment, instalment = str(after.get("payment_id")), str(after.get("instalment_id"))
    if not facts.exists("payment", payment):
        raise RuleViolation("missing_reference", "payment_id", entity="payment")
    if not facts.exists("instalment", instalment):
        raise RuleViolation("missing_reference", "instalment_id", entity="instalment")
    account = after.get("account_id")
    if facts.value("instalment", instalment, "account_id") != account:
        raise RuleViolation("other_account", "instalment_id")
    order = facts.value("payment", payment, "order_id")
    if order is None or facts.value("sales_order", str(order), "account_id") != account:
        raise RuleViolation("other_account", "payment_id")
    amount = after.get("amount")
    if amount is None or amount <= 0:
        raise RuleViolation("not_positive", "amount")
    own = after.get("id")
    received = Decimal(facts.value("payment", payment, "amount") or 0)
    allocated = _others_total(facts, "payment_allocation", "payment_id", payment, own) + amount
    if allocated > received:
        raise RuleViolation(
            "allocation_over_payment", "amount", allocated=allocated, amount=received
        )
    planned = Decimal(facts.value("instalment", instalment, "amount") or 0)
    paid = _others_total(facts, "payment_allocation", "instalment_id", instalment, own)
    if paid + amount > planned:
        raise RuleViolation("allocation_over_open", "amount", open=max(planned - paid, ZERO))


def check_paid_delete(entity: str, before: Row, facts: Facts) -> None:
    """An instalment or a payment that allocations match stays while they do: deleting
    it would leave money paid against nothing."""
    field = "instalment_id" if entity == "instalment" else "payment_id"
    if facts.rows_where("payment_allocation", field, str(before["id"])):
        raise RuleViolation("allocated", entity=entity)
