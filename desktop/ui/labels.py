"""Translated words for stored codes that several screens show, written once.

Complaint categories, severities, statuses and SLA states (the Complaints page, the
account's Complaints tab, the visit briefing, the rules), and opportunity stages (the
dashboard, the quote editor). All are translated in one context, "Labels", so a word
has one Chinese text everywhere. Workbooks, which the CLI writes without Qt, take
their words from ``desktop.reports.labels`` instead; a test keeps the two in step.

Also the name of every synced field as a person reads it (``field_label``: one table
per entity over the fields most entities share) and the word for any enumerated
value (``value_label``), for screens that show fields generically, such as sync
conflicts and rejected edits.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def complaint_label(code: str) -> str:
    """A complaint's category, severity, status or SLA state; "" for no SLA."""
    translate = QCoreApplication.translate
    words = {
        # categories
        "quality": translate("Labels", "Quality"),
        "delivery": translate("Labels", "Delivery"),
        "service": translate("Labels", "Service"),
        "price": translate("Labels", "Price"),
        "other": translate("Labels", "Other"),
        # severities
        "low": translate("Labels", "Low"),
        "medium": translate("Labels", "Medium"),
        "high": translate("Labels", "High"),
        "critical": translate("Labels", "Critical"),
        # statuses
        "open": translate("Labels", "Open"),
        "in_progress": translate("Labels", "In progress"),
        "resolved": translate("Labels", "Resolved"),
        "closed": translate("Labels", "Closed"),
        # SLA states
        "on_track": translate("Labels", "On track"),
        "near_breach": translate("Labels", "Close to breach"),
        "breached": translate("Labels", "Past SLA"),
        "met": translate("Labels", "Met"),
        "missed": translate("Labels", "Missed"),
        "none": "",
    }
    return words.get(code, code)


def stage_label(stage: str) -> str:
    """An opportunity's stage."""
    translate = QCoreApplication.translate
    stages = {
        "lead": translate("Labels", "Lead"),
        "qualified": translate("Labels", "Qualified"),
        "proposal": translate("Labels", "Proposal"),
        "negotiation": translate("Labels", "Negotiation"),
        "won": translate("Labels", "Won"),
        "lost": translate("Labels", "Lost"),
    }
    return stages.get(stage, stage)


# Fields most entities share, then each entity's own (which win over the shared ones).
SHARED_FIELDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "notes": QT_TRANSLATE_NOOP("Labels", "Notes"),
    "owner_id": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "account_id": QT_TRANSLATE_NOOP("Labels", "Account"),
    "contact_id": QT_TRANSLATE_NOOP("Labels", "Contact"),
    "order_id": QT_TRANSLATE_NOOP("Labels", "Order"),
    "quote_id": QT_TRANSLATE_NOOP("Labels", "Quote"),
    "opportunity_id": QT_TRANSLATE_NOOP("Labels", "Opportunity"),
    "product_id": QT_TRANSLATE_NOOP("Labels", "Product"),
    "visit_id": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "user_id": QT_TRANSLATE_NOOP("Labels", "User"),
    "team_id": QT_TRANSLATE_NOOP("Labels", "Team"),
    "manager_id": QT_TRANSLATE_NOOP("Labels", "Manager"),
    "price_list_id": QT_TRANSLATE_NOOP("Labels", "Price list"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "amount": QT_TRANSLATE_NOOP("Labels", "Amount"),
    "currency": QT_TRANSLATE_NOOP("Labels", "Currency"),
    "title": QT_TRANSLATE_NOOP("Labels", "Title"),
    "description": QT_TRANSLATE_NOOP("Labels", "Description"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
    "tier": QT_TRANSLATE_NOOP("Labels", "Tier"),
    "role": QT_TRANSLATE_NOOP("Labels", "Role"),
    "category": QT_TRANSLATE_NOOP("Labels", "Category"),
    "unit": QT_TRANSLATE_NOOP("Labels", "Unit"),
    "unit_price": QT_TRANSLATE_NOOP("Labels", "Unit price"),
    "discount_pct": QT_TRANSLATE_NOOP("Labels", "Discount"),
    "tax_rate": QT_TRANSLATE_NOOP("Labels", "Tax rate"),
    "number": QT_TRANSLATE_NOOP("Labels", "Number"),
    "active": QT_TRANSLATE_NOOP("Labels", "In use"),
    "period": QT_TRANSLATE_NOOP("Labels", "Period"),
    "created_by": QT_TRANSLATE_NOOP("Labels", "Created by"),
    "updated_by": QT_TRANSLATE_NOOP("Labels", "Changed by"),
}
ENTITY_FIELDS: dict[str, dict[str, str]] = {
    "seller": {  # policy "seller": the details quotes print
        "name": QT_TRANSLATE_NOOP("Labels", "Company name"),
        "address": QT_TRANSLATE_NOOP("Labels", "Address"),
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
        "tax_id": QT_TRANSLATE_NOOP("Labels", "Tax id"),
        "bank": QT_TRANSLATE_NOOP("Labels", "Bank"),
        "account_no": QT_TRANSLATE_NOOP("Labels", "Account number"),
        "invoice_type": QT_TRANSLATE_NOOP("Labels", "Invoice type"),
        "logo": QT_TRANSLATE_NOOP("Labels", "Logo"),
    },
    "account": {
        "short_name": QT_TRANSLATE_NOOP("Labels", "Short name"),
        "credit_code": QT_TRANSLATE_NOOP("Labels", "Credit code"),
        "industry": QT_TRANSLATE_NOOP("Labels", "Industry"),
        "province": QT_TRANSLATE_NOOP("Labels", "Province"),
        "city": QT_TRANSLATE_NOOP("Labels", "City"),
        "address": QT_TRANSLATE_NOOP("Labels", "Address"),
        "website": QT_TRANSLATE_NOOP("Labels", "Website"),
        "parent_id": QT_TRANSLATE_NOOP("Labels", "Parent account"),
        "potential": QT_TRANSLATE_NOOP("Labels", "Potential"),
        "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
        "duplicate_reason": QT_TRANSLATE_NOOP("Labels", "Why it is not a duplicate"),
        "claimed_at": QT_TRANSLATE_NOOP("Labels", "Claimed at"),
    },
    "account_team_member": {"user_id": QT_TRANSLATE_NOOP("Labels", "Team member")},
    "contact": {
        "title": QT_TRANSLATE_NOOP("Labels", "Job title"),
        "department": QT_TRANSLATE_NOOP("Labels", "Department"),
        "role": QT_TRANSLATE_NOOP("Labels", "Role in the decision"),
        "is_primary": QT_TRANSLATE_NOOP("Labels", "Primary contact"),
        "mobile": QT_TRANSLATE_NOOP("Labels", "Mobile"),
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
        "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday"),
        "reports_to_id": QT_TRANSLATE_NOOP("Labels", "Reports to"),
        "buying_roles": QT_TRANSLATE_NOOP("Labels", "Buying roles"),
        "attitude": QT_TRANSLATE_NOOP("Labels", "Attitude"),
        "strength": QT_TRANSLATE_NOOP("Labels", "Relationship strength"),
    },
    "visit_attendee": {"user_id": QT_TRANSLATE_NOOP("Labels", "Colleague")},
    "attachment": {
        "parent_entity": QT_TRANSLATE_NOOP("Labels", "Attached to"),
        "parent_id": QT_TRANSLATE_NOOP("Labels", "Attached to"),
        "filename": QT_TRANSLATE_NOOP("Labels", "File name"),
        "content_hash": QT_TRANSLATE_NOOP("Labels", "Content"),
        "size": QT_TRANSLATE_NOOP("Labels", "Size"),
        "mime_type": QT_TRANSLATE_NOOP("Labels", "File type"),
        "kind": QT_TRANSLATE_NOOP("Labels", "Kind of file"),
    },
    "user": {
        "username": QT_TRANSLATE_NOOP("Labels", "User name"),
        "display_name": QT_TRANSLATE_NOOP("Labels", "Display name"),
        "rep_code": QT_TRANSLATE_NOOP("Labels", "Rep code"),
    },
    "product": {
        "sku": QT_TRANSLATE_NOOP("Labels", "SKU"),
        "specification": QT_TRANSLATE_NOOP("Labels", "Specification"),
        "list_price": QT_TRANSLATE_NOOP("Labels", "List price"),
        "max_discount_pct": QT_TRANSLATE_NOOP("Labels", "Maximum discount"),
        "floor_price": QT_TRANSLATE_NOOP("Labels", "Floor price"),
    },
    "price_list": {
        "valid_from": QT_TRANSLATE_NOOP("Labels", "Valid from"),
        "valid_to": QT_TRANSLATE_NOOP("Labels", "Valid to"),
    },
    "opportunity": {
        "stage": QT_TRANSLATE_NOOP("Labels", "Stage"),
        "probability": QT_TRANSLATE_NOOP("Labels", "Probability"),
        "close_date": QT_TRANSLATE_NOOP("Labels", "Close date"),
        "source": QT_TRANSLATE_NOOP("Labels", "Source"),
        "competitors": QT_TRANSLATE_NOOP("Labels", "Competitors"),
        "next_step": QT_TRANSLATE_NOOP("Labels", "Next step"),
        "lost_reason": QT_TRANSLATE_NOOP("Labels", "Why it was lost"),
        "lost_to": QT_TRANSLATE_NOOP("Labels", "Lost to"),
    },
    "account_plan": {
        "year": QT_TRANSLATE_NOOP("Labels", "Year"),
        "strengths": QT_TRANSLATE_NOOP("Labels", "Strengths"),
        "weaknesses": QT_TRANSLATE_NOOP("Labels", "Weaknesses"),
        "opportunities": QT_TRANSLATE_NOOP("Labels", "Opportunities"),
        "threats": QT_TRANSLATE_NOOP("Labels", "Threats"),
        "summary": QT_TRANSLATE_NOOP("Labels", "Summary"),
    },
    "plan_objective": {
        "plan_id": QT_TRANSLATE_NOOP("Labels", "Account plan"),
        "target_value": QT_TRANSLATE_NOOP("Labels", "Target"),
        "due_date": QT_TRANSLATE_NOOP("Labels", "Due"),
    },
    "contract": {
        "signed_on": QT_TRANSLATE_NOOP("Labels", "Signed on"),
        "start_on": QT_TRANSLATE_NOOP("Labels", "Start"),
        "end_on": QT_TRANSLATE_NOOP("Labels", "End"),
        "value": QT_TRANSLATE_NOOP("Labels", "Contract value"),
        "payment_terms": QT_TRANSLATE_NOOP("Labels", "Payment terms"),
        "decision_note": QT_TRANSLATE_NOOP("Labels", "Decision note"),
    },
    "quote": {
        "awaiting": QT_TRANSLATE_NOOP("Labels", "Sent for approval to"),  # a request's record
        "revision": QT_TRANSLATE_NOOP("Labels", "Revision"),
        "previous_id": QT_TRANSLATE_NOOP("Labels", "Previous revision"),
        "is_latest": QT_TRANSLATE_NOOP("Labels", "Latest revision"),
        "issued_on": QT_TRANSLATE_NOOP("Labels", "Issued on"),
        "valid_until": QT_TRANSLATE_NOOP("Labels", "Valid until"),
        "payment_terms": QT_TRANSLATE_NOOP("Labels", "Payment terms"),
        "delivery_terms": QT_TRANSLATE_NOOP("Labels", "Delivery terms"),
        "discount_pct": QT_TRANSLATE_NOOP("Labels", "Quote discount"),
        "subtotal": QT_TRANSLATE_NOOP("Labels", "Subtotal"),
        "tax_total": QT_TRANSLATE_NOOP("Labels", "Tax"),
        "total": QT_TRANSLATE_NOOP("Labels", "Total"),
        "approval_reasons": QT_TRANSLATE_NOOP("Labels", "Why approval is needed"),
        "justification": QT_TRANSLATE_NOOP("Labels", "Justification"),
        "decided_by": QT_TRANSLATE_NOOP("Labels", "Decided by"),
        "decided_at": QT_TRANSLATE_NOOP("Labels", "Decided at"),
        "decision_note": QT_TRANSLATE_NOOP("Labels", "Decision note"),
        "sent_at": QT_TRANSLATE_NOOP("Labels", "Sent at"),
        "accepted_at": QT_TRANSLATE_NOOP("Labels", "Accepted at"),
    },
    "quote_line": {
        "position": QT_TRANSLATE_NOOP("Labels", "Position"),
        "quantity": QT_TRANSLATE_NOOP("Labels", "Quantity"),
    },
    "sales_order": {
        "order_date": QT_TRANSLATE_NOOP("Labels", "Order date"),
        "expected_delivery": QT_TRANSLATE_NOOP("Labels", "Expected delivery"),
        "delivery_status": QT_TRANSLATE_NOOP("Labels", "Delivery"),
        "payment_due": QT_TRANSLATE_NOOP("Labels", "Payment due"),
    },
    "delivery": {"delivered_on": QT_TRANSLATE_NOOP("Labels", "Delivered on")},
    "instalment": {
        "kind": QT_TRANSLATE_NOOP("Labels", "Instalment"),
        "due_on": QT_TRANSLATE_NOOP("Labels", "Due on"),
        "percent": QT_TRANSLATE_NOOP("Labels", "Percent of the value"),
        "condition": QT_TRANSLATE_NOOP("Labels", "Condition"),
        "contract_id": QT_TRANSLATE_NOOP("Labels", "Contract"),
        "order_id": QT_TRANSLATE_NOOP("Labels", "Order"),
    },
    "payment_allocation": {
        "payment_id": QT_TRANSLATE_NOOP("Labels", "Payment"),
        "instalment_id": QT_TRANSLATE_NOOP("Labels", "Instalment"),
    },
    "payment": {
        "received_on": QT_TRANSLATE_NOOP("Labels", "Received on"),
        "method": QT_TRANSLATE_NOOP("Labels", "Payment method"),
    },
    "complaint": {
        "severity": QT_TRANSLATE_NOOP("Labels", "Severity"),
        "opened_at": QT_TRANSLATE_NOOP("Labels", "Opened at"),
        "sla_due_at": QT_TRANSLATE_NOOP("Labels", "SLA due"),
        "resolved_at": QT_TRANSLATE_NOOP("Labels", "Resolved at"),
        "resolution": QT_TRANSLATE_NOOP("Labels", "Resolution"),
        "satisfaction": QT_TRANSLATE_NOOP("Labels", "Satisfaction"),
    },
    "policy": {
        "key": QT_TRANSLATE_NOOP("Labels", "Rule"),
        "value": QT_TRANSLATE_NOOP("Labels", "Settings"),
        "rate": QT_TRANSLATE_NOOP("Labels", "Commission rate"),
        "multiplier": QT_TRANSLATE_NOOP("Labels", "Accelerator multiplier"),
        "above_pct": QT_TRANSLATE_NOOP("Labels", "Accelerator threshold"),
    },
    "visit": {
        "contact_ids": QT_TRANSLATE_NOOP("Labels", "Contacts"),
        "visit_type": QT_TRANSLATE_NOOP("Labels", "Type"),
        "purpose": QT_TRANSLATE_NOOP("Labels", "Purpose"),
        "planned_start": QT_TRANSLATE_NOOP("Labels", "Planned start"),
        "planned_minutes": QT_TRANSLATE_NOOP("Labels", "Planned minutes"),
        "location": QT_TRANSLATE_NOOP("Labels", "Location"),
        "checked_in_at": QT_TRANSLATE_NOOP("Labels", "Checked in at"),
        "checkin_location": QT_TRANSLATE_NOOP("Labels", "Check-in location"),
        "actual_end": QT_TRANSLATE_NOOP("Labels", "Ended at"),
        "outcome": QT_TRANSLATE_NOOP("Labels", "Outcome"),
        "report": QT_TRANSLATE_NOOP("Labels", "Call report"),
        "next_steps": QT_TRANSLATE_NOOP("Labels", "Next steps"),
        "competitors": QT_TRANSLATE_NOOP("Labels", "Competitors"),
    },
    "task": {
        "due_date": QT_TRANSLATE_NOOP("Labels", "Due date"),
        "done_at": QT_TRANSLATE_NOOP("Labels", "Done at"),
        "objective_id": QT_TRANSLATE_NOOP("Labels", "Plan objective"),
    },
    "weekly_report": {
        "week_start": QT_TRANSLATE_NOOP("Labels", "Week of"),
        "summary": QT_TRANSLATE_NOOP("Labels", "Summary"),
        "next_week_plan": QT_TRANSLATE_NOOP("Labels", "Plan for next week"),
        "submitted_at": QT_TRANSLATE_NOOP("Labels", "Submitted at"),
        "manager_comment": QT_TRANSLATE_NOOP("Labels", "Manager's comment"),
        "commented_by": QT_TRANSLATE_NOOP("Labels", "Commented by"),
    },
}


def field_label(entity: str, field: str) -> str:
    """A synced field's name as the user reads it ("notes" -> "Notes" / "备注")."""
    source = ENTITY_FIELDS.get(entity, {}).get(field) or SHARED_FIELDS.get(field)
    if source is None:  # a field added later: readable, untranslated
        words = field.removesuffix("_id").removesuffix("_ids").replace("_", " ")
        return words[:1].upper() + words[1:]
    return QCoreApplication.translate("Labels", source)


def _role(code: str) -> str:
    words = {
        "rep": QCoreApplication.translate("Labels", "Sales rep"),
        "manager": QCoreApplication.translate("Labels", "Manager"),
        "admin": QCoreApplication.translate("Labels", "Administrator"),
        "member": QCoreApplication.translate("Labels", "Team member"),
    }
    return words.get(code, code)


def attitude_label(code: str) -> str:
    """A contact's attitude (支持/中立/反对)."""
    words = {
        "supportive": QCoreApplication.translate("Labels", "Supportive"),
        "neutral": QCoreApplication.translate("Labels", "Neutral"),
        "opposed": QCoreApplication.translate("Labels", "Opposed"),
    }
    return words.get(code, code)


def buying_role_label(code: str) -> str:
    """One buying role: a contact role's word, or finance, technical."""
    from desktop.ui.visits.models import target_label

    words = {
        "finance": QCoreApplication.translate("Labels", "Finance"),
        "technical": QCoreApplication.translate("Labels", "Technical"),
    }
    return words.get(code) or target_label(code)


def _delivery(code: str) -> str:
    words = {
        "pending": QCoreApplication.translate("Labels", "Not delivered"),
        "partial": QCoreApplication.translate("Labels", "Partly delivered"),
        "delivered": QCoreApplication.translate("Labels", "Delivered"),
    }
    return words.get(code, code)


def instalment_kind_label(code: str) -> str:
    """An instalment's kind (回款计划): advance, on delivery, on acceptance, retention."""
    words = {
        "advance": QCoreApplication.translate("Labels", "Advance"),
        "on_delivery": QCoreApplication.translate("Labels", "On delivery"),
        "on_acceptance": QCoreApplication.translate("Labels", "On acceptance"),
        "retention": QCoreApplication.translate("Labels", "Retention"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }
    return words.get(code, code)


def ageing_label(code: str) -> str:
    """An ageing bucket of receivables (days past due)."""
    words = {
        "not_due": QCoreApplication.translate("Labels", "Not yet due"),
        "0_30": QCoreApplication.translate("Labels", "0–30 days"),
        "31_90": QCoreApplication.translate("Labels", "31–90 days"),
        "91_180": QCoreApplication.translate("Labels", "91–180 days"),
        "over_180": QCoreApplication.translate("Labels", "Over 180 days"),
    }
    return words.get(code, code)


def payment_method_label(code: str) -> str:
    return _payment_method(code)


def _payment_method(code: str) -> str:
    words = {
        "transfer": QCoreApplication.translate("Labels", "Bank transfer"),
        "acceptance_bill": QCoreApplication.translate("Labels", "Bank acceptance bill"),
        "cheque": QCoreApplication.translate("Labels", "Cheque"),
        "cash": QCoreApplication.translate("Labels", "Cash"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }
    return words.get(code, code)


@functools.cache
def _enumerations() -> dict[tuple[str, str], Callable[[str], str]]:
    # The areas' own words where they already have them, so each is written once.
    from desktop.ui.accounts.model import status_text
    from desktop.ui.pages.weekly import report_status_label
    from desktop.ui.quotes.models import status_label as quote_status
    from desktop.ui.visits.models import outcome_label, status_label, target_label, type_label

    return {
        ("account", "status"): status_text,
        ("account_team_member", "role"): _role,
        ("contact", "role"): target_label,
        ("contact", "attitude"): attitude_label,
        ("attachment", "kind"): target_label,
        ("user", "role"): _role,
        ("opportunity", "stage"): stage_label,
        ("quote", "status"): quote_status,
        ("sales_order", "delivery_status"): _delivery,
        ("payment", "method"): _payment_method,
        ("instalment", "kind"): instalment_kind_label,
        ("complaint", "category"): complaint_label,
        ("complaint", "severity"): complaint_label,
        ("complaint", "status"): complaint_label,
        ("visit", "status"): status_label,
        ("visit", "visit_type"): type_label,
        ("visit", "outcome"): outcome_label,
        ("task", "status"): status_label,
        ("weekly_report", "status"): report_status_label,
    }


def value_label(entity: str, field: str, code: str) -> str | None:
    """The word for an enumerated field's stored code; None when the field is not one."""
    words = _enumerations().get((entity, field))
    return None if words is None else words(code)
