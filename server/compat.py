"""What a laptop of an earlier protocol is sent: the entities and columns it knows.

A server serves the previous protocol for one release, so a company can upgrade its
server before its laptops. A 0.1.0 laptop (protocol 2) checks that every block carries
exactly its own columns of an entity it knows, and refuses the page otherwise; so for
it the server leaves out the entities and columns added since, and keeps the order its
models have. What it does not know it cannot edit: its edits leave the newer columns
as they are, and the rule book still judges every edit it sends.

The lists are what each release shipped, frozen here (tests/server/test_compat.py
checks them against the 0.1.0 release's own database); never edit a released one.
"""

from __future__ import annotations

from typing import Any

_ROW = (
    "id",
    "version",
    "field_versions",
    "deleted_at",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
)
RELEASED: dict[int, dict[str, tuple[str, ...]]] = {
    # 0.1.0
    2: {
        "team": ("name", "manager_id", *_ROW),
        "user": (
            "username",
            "display_name",
            "role",
            "team_id",
            "rep_code",
            "email",
            "phone",
            "active",
            *_ROW,
        ),
        "policy": ("key", "value", *_ROW),
        "product": (
            "sku",
            "name",
            "specification",
            "unit",
            "list_price",
            "tax_rate",
            "category",
            "max_discount_pct",
            "floor_price",
            "active",
            *_ROW,
        ),
        "price_list": (
            "name",
            "tier",
            "account_id",
            "currency",
            "valid_from",
            "valid_to",
            "active",
            *_ROW,
        ),
        "account": (
            "name",
            "short_name",
            "credit_code",
            "industry",
            "province",
            "city",
            "address",
            "phone",
            "website",
            "tier",
            "status",
            "owner_id",
            "parent_id",
            "potential",
            "tags",
            "notes",
            "duplicate_reason",
            "claimed_at",
            *_ROW,
        ),
        "account_team_member": ("account_id", "user_id", "role", *_ROW),
        "price_list_item": ("price_list_id", "product_id", "unit_price", *_ROW),
        "contact": (
            "account_id",
            "name",
            "title",
            "department",
            "role",
            "is_primary",
            "phone",
            "mobile",
            "email",
            "wechat",
            "birthday",
            "notes",
            *_ROW,
        ),
        "opportunity": (
            "account_id",
            "owner_id",
            "name",
            "stage",
            "amount",
            "probability",
            "close_date",
            "notes",
            *_ROW,
        ),
        "visit": (
            "account_id",
            "owner_id",
            "contact_ids",
            "status",
            "visit_type",
            "purpose",
            "planned_start",
            "planned_minutes",
            "location",
            "checked_in_at",
            "checkin_location",
            "actual_end",
            "outcome",
            "report",
            "next_steps",
            "competitors",
            *_ROW,
        ),
        "task": (
            "account_id",
            "visit_id",
            "owner_id",
            "title",
            "due_date",
            "status",
            "done_at",
            "notes",
            *_ROW,
        ),
        "quote": (
            "number",
            "revision",
            "previous_id",
            "is_latest",
            "account_id",
            "contact_id",
            "opportunity_id",
            "owner_id",
            "status",
            "currency",
            "issued_on",
            "valid_until",
            "payment_terms",
            "delivery_terms",
            "discount_pct",
            "subtotal",
            "tax_total",
            "total",
            "approval_reasons",
            "justification",
            "decided_by",
            "decided_at",
            "decision_note",
            "sent_at",
            "accepted_at",
            "notes",
            *_ROW,
        ),
        "quote_line": (
            "quote_id",
            "position",
            "product_id",
            "description",
            "quantity",
            "unit",
            "unit_price",
            "discount_pct",
            "tax_rate",
            *_ROW,
        ),
        "sales_order": (
            "number",
            "quote_id",
            "account_id",
            "owner_id",
            "order_date",
            "amount",
            "currency",
            "expected_delivery",
            "delivery_status",
            "payment_due",
            "notes",
            *_ROW,
        ),
        "delivery": ("order_id", "delivered_on", "description", *_ROW),
        "payment": ("order_id", "received_on", "amount", "method", "notes", *_ROW),
        "sales_target": ("owner_id", "account_id", "period", "amount", *_ROW),
        "complaint": (
            "account_id",
            "contact_id",
            "order_id",
            "owner_id",
            "title",
            "description",
            "category",
            "severity",
            "status",
            "opened_at",
            "sla_due_at",
            "resolved_at",
            "resolution",
            "satisfaction",
            *_ROW,
        ),
        "weekly_report": (
            "owner_id",
            "week_start",
            "summary",
            "next_week_plan",
            "status",
            "submitted_at",
            "manager_comment",
            "commented_by",
            *_ROW,
        ),
        "attachment": (
            "parent_entity",
            "parent_id",
            "account_id",
            "filename",
            "content_hash",
            "size",
            "mime_type",
            "kind",
            *_ROW,
        ),
        "change_record": (
            "entity",
            "row_id",
            "account_id",
            "field",
            "old_value",
            "new_value",
            "changed_at",
            "changed_by",
            "reason",
            *_ROW,
        ),
    },
}


# What a file could be attached to in each release: a laptop must never hold an
# attachment of a parent it does not know (it would show it nowhere, or fail on it).
ATTACHMENT_PARENTS: dict[int, frozenset[str]] = {
    2: frozenset({"account", "contact", "visit", "quote"}),
}


def _known_parents(version: int, block: dict[str, Any]) -> dict[str, Any]:
    parents = ATTACHMENT_PARENTS.get(version)
    if block["entity"] != "attachment" or parents is None:
        return block
    at = list(block["columns"]).index("parent_entity")
    rows = [row for row in block["rows"] if row[at] in parents]
    if len(rows) == len(block["rows"]):
        return block
    return {**block, "rows": rows}


def for_protocol(version: int, blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``blocks`` (entity, columns, rows) as a laptop speaking ``version`` reads them."""
    known = RELEASED.get(version)
    if known is None:
        return blocks
    out: list[dict[str, Any]] = []
    for block in blocks:
        names = known.get(block["entity"])
        if names is None:
            continue
        block = _known_parents(version, block)
        columns = list(block["columns"])
        if tuple(columns) == names:
            out.append(block)
            continue
        at = [columns.index(name) for name in names]
        rows = [[row[i] for i in at] for row in block["rows"]]
        out.append({"entity": block["entity"], "columns": list(names), "rows": rows})
    return out


def removes_for_protocol(version: int, removes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows leaving a laptop's view, without entities its protocol does not know."""
    known = RELEASED.get(version)
    if known is None:
        return removes
    return [remove for remove in removes if remove["entity"] in known]
