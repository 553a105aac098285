"""A quote's guardrails and derived figures: the discount limits of its account's tier
and of its products (Policy ``discounts``; Product ``max_discount_pct`` and
``floor_price``), the checks of one line, and the rep's commission (Policy
``commission``).

The reasons a quote needs approval are computed by the rule book
(desktop.domain.rules.quotes) from what this module reads out of the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import Account, Policy, Product
from desktop.domain.money import HUNDRED, ZERO
from desktop.domain.pricing import QuoteTotals
from desktop.domain.rules.commission import CommissionRates, read_rates
from desktop.domain.rules.quotes import Guardrails, LineDraft, ProductRule, derived_figures
from desktop.domain.services.records import Record


def policy_value(session: Session, key: str) -> Any:
    row = session.scalars(
        select(Policy).where(Policy.key == key, Policy.deleted_at.is_(None))
    ).first()
    return row.value if row is not None else None


def guardrails(
    session: Session, account_id: str, product_ids: Sequence[str] | None = None
) -> Guardrails:
    """The limits that apply to a quote for this account (for live checks in the editor);
    with ``product_ids`` None, the rules of every product in the catalog."""
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError(f"account {account_id} not found")
    limits = policy_value(session, "discounts") or {}
    limit = limits.get(account.tier) if isinstance(limits, dict) else None
    products = {}
    query = select(Product).where(Product.deleted_at.is_(None))
    if product_ids is not None:
        query = query.where(Product.id.in_(list(product_ids)))
    if product_ids is None or product_ids:
        for p in session.scalars(query):
            products[p.id] = ProductRule(
                p.sku, p.list_price, p.max_discount_pct, p.floor_price, p.category
            )
    return Guardrails(account.tier, None if limit is None else Decimal(str(limit)), products)


def derive(
    session: Session, account_id: str, discount_pct: Decimal, lines: Sequence[LineDraft]
) -> dict[str, Any]:
    """The quote's derived figures (``DERIVED_FIELDS``) with the guardrails of its
    account and products as this database holds them."""
    rules = guardrails(session, account_id, [ln.product_id for ln in lines if ln.product_id])
    return derived_figures(lines, discount_pct, rules)


def check_line(line: LineDraft, number: int) -> None:
    """Refuse a line the editor should never have let through (``number`` from 1)."""
    errors: dict[str, str] = {}
    if line.quantity < 0:
        errors[f"line {number} quantity"] = "cannot be negative"
    if line.unit_price < 0:
        errors[f"line {number} unit price"] = "cannot be negative"
    if not ZERO <= line.discount_pct <= HUNDRED:
        errors[f"line {number} discount"] = "between 0 and 100"
    if not ZERO <= line.tax_rate < 1:
        errors[f"line {number} tax rate"] = "a rate such as 0.13"
    if not line.description.strip() and line.product_id is None:
        errors[f"line {number} description"] = "a product or a description is required"
    if errors:
        raise ValidationError(errors)


def commission_rates(session: Session) -> CommissionRates:
    """Policy ``commission`` (``desktop.domain.rules.commission``); none, no commission."""
    value = policy_value(session, "commission")
    return read_rates(value if isinstance(value, dict) else None)


def earned_commission(
    session: Session, lines: Sequence[Record], totals: QuoteTotals, tier: str | None = None
) -> Decimal:
    """The commission on priced ``lines`` (records with their product's ``category``)
    for an account of ``tier``."""
    amounts = [
        (t.discounted, line["category"]) for t, line in zip(totals.lines, lines, strict=True)
    ]
    return commission_rates(session).earned(amounts, tier)
