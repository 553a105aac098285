"""Which rows hang off which: the shape both the server's scope and the device's
REMOVE handling follow (an account's subtree leaves a device together)."""

from __future__ import annotations

# Rows that hang off an account through their own ``account_id`` column.
ACCOUNT_CHILDREN = (
    "visit_attendee",  # first: it refers to the account's contacts and visits
    "payment_allocation",  # before the payments and instalments it refers to
    "instalment",  # before the contracts and orders it refers to
    "account_team_member",
    "contact",
    "opportunity",
    "visit",
    "quote",
    "contract",
    "sales_order",
    "complaint",
    "incumbent",
    "account_plan",
    "plan_objective",
    "task",
    "attachment",
    "change_record",
)
# Rows that hang off another row: parent table -> [(child table, column)].
ROW_CHILDREN: dict[str, list[tuple[str, str]]] = {
    "quote": [("quote_line", "quote_id")],
    "sales_order": [
        ("delivery", "order_id"),
        ("payment", "order_id"),
        ("instalment", "order_id"),
    ],
    "contract": [("instalment", "contract_id")],
    "payment": [("payment_allocation", "payment_id")],
    "instalment": [("payment_allocation", "instalment_id")],
    "visit": [("visit_attendee", "visit_id")],
}
