"""Writing a quote as the editor does: a new draft, saving its header and lines (which
recomputes its totals and guardrails), priced lines for chosen products, and throwing
a draft away. Totals are computed only by desktop.domain.pricing and stored on the
quote."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import Account, Contact, Opportunity, Product, Quote, QuoteLine
from desktop.domain.money import HUNDRED, ZERO, MoneyError, to_decimal
from desktop.domain.pricing import QuoteTotals, compute
from desktop.domain.rules.quotes import ApprovalReason, LineDraft, reasons_of
from desktop.domain.services import numbering
from desktop.domain.services.catalog import applicable_prices
from desktop.domain.services.opportunities import competitor_lines
from desktop.domain.services.quotes.guardrails import check_line, derive
from desktop.domain.services.quotes.status import (
    WorkflowError,
    ensure_editable,
    load,
    local_today,
)
from desktop.domain.uow import UnitOfWork

DEFAULT_VALID_DAYS = 30
HEADER_FIELDS = (
    "contact_id",
    "opportunity_id",
    "currency",
    "valid_until",
    "payment_terms",
    "delivery_terms",
    "discount_pct",
    "justification",
    "notes",
    "competitors",
)


def create_quote(
    uow: UnitOfWork,
    account_id: str,
    *,
    contact_id: str | None = None,
    opportunity_id: str | None = None,
    owner_id: str | None = None,
    currency: str = "CNY",
    valid_days: int = DEFAULT_VALID_DAYS,
    payment_terms: str = "",
    delivery_terms: str = "",
) -> str:
    """A new draft (revision A) with a number allocated on this device. The contact
    defaults to the account's primary contact."""
    account = uow.session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"account {account_id} not found")
    if contact_id is None:
        contact_id = uow.session.scalar(
            select(Contact.id)
            .where(
                Contact.account_id == account_id,
                Contact.is_primary.is_(True),
                Contact.deleted_at.is_(None),
            )
            .order_by(Contact.name)
            .limit(1)
        )
    # The opportunity's competitors bid against its quote too, unless the rep says else.
    opportunity = uow.session.get(Opportunity, opportunity_id) if opportunity_id else None
    competitors = opportunity.competitors if opportunity is not None else ""
    today = local_today(uow.now)
    owner = owner_id or uow.actor_id or account.owner_id
    number = numbering.allocate(uow.session, "Q", today.year, owner, Quote.number)
    quote = Quote(
        number=number,
        revision="A",
        previous_id=None,
        is_latest=True,
        account_id=account_id,
        contact_id=contact_id,
        opportunity_id=opportunity_id,
        owner_id=owner,
        status="draft",
        currency=currency,
        issued_on=today,
        valid_until=today + dt.timedelta(days=valid_days),
        payment_terms=payment_terms,
        delivery_terms=delivery_terms,
        discount_pct=ZERO,
        subtotal=ZERO,
        tax_total=ZERO,
        total=ZERO,
        approval_reasons="",
        justification="",
        decision_note="",
        notes="",
        competitors=competitors or "",
    )
    uow.add(quote)
    return quote.id


@dataclass(frozen=True)
class SaveResult:
    totals: QuoteTotals
    reasons: list[ApprovalReason]
    status: str


def _clean_header(header: Mapping[str, Any]) -> dict[str, Any]:
    unknown = [k for k in header if k not in HEADER_FIELDS]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "not editable"))
    clean = dict(header)
    if "competitors" in clean:
        clean["competitors"] = competitor_lines(str(clean["competitors"] or ""))
    if "discount_pct" in clean:
        try:
            clean["discount_pct"] = to_decimal(clean["discount_pct"])
        except MoneyError as exc:
            raise ValidationError({"discount_pct": "not a number"}) from exc
        if not ZERO <= clean["discount_pct"] <= HUNDRED:
            raise ValidationError({"discount_pct": "between 0 and 100"})
    return clean


def save_quote(
    uow: UnitOfWork, quote_id: str, header: Mapping[str, Any], lines: Sequence[LineDraft]
) -> SaveResult:
    """Write the header and the full set of lines; recompute totals and guardrails.

    Lines keep their ids; a line missing from ``lines`` is deleted. Saving an approved
    (or pending) quote takes it back to draft: the approval was for other figures.
    """
    quote = load(uow, quote_id)
    ensure_editable(quote)
    clean = _clean_header(header)
    for number, line in enumerate(lines, start=1):
        check_line(line, number)
    existing = {
        row.id: row
        for row in uow.session.scalars(
            select(QuoteLine).where(QuoteLine.quote_id == quote_id, QuoteLine.deleted_at.is_(None))
        )
    }
    keep: set[str] = set()
    for position, line in enumerate(lines):
        values = {
            "position": position,
            "product_id": line.product_id,
            "description": line.description,
            "quantity": line.quantity,
            "unit": line.unit,
            "unit_price": line.unit_price,
            "discount_pct": line.discount_pct,
            "tax_rate": line.tax_rate,
        }
        row = existing.get(line.id) if line.id else None
        if row is None:
            uow.add(QuoteLine(quote_id=quote_id, **values))
        else:
            keep.add(row.id)
            uow.update(row, values)
    for row_id, row in existing.items():
        if row_id not in keep:
            uow.delete(row)
    changed = uow.update(quote, clean)
    derived = derive(uow.session, quote.account_id, quote.discount_pct, lines)
    figures_changed = bool(
        uow.update(quote, derived)
        or len(existing) != len(keep)
        or any(line.id is None for line in lines)
        or "discount_pct" in changed
    )
    if quote.status in {"approved", "pending_approval"} and figures_changed:
        uow.update(quote, {"status": "draft", "decided_by": None, "decided_at": None})
    totals = compute([line.pricing_input() for line in lines], quote.discount_pct)
    return SaveResult(totals, reasons_of(quote.approval_reasons), quote.status)


def delete_draft(uow: UnitOfWork, quote_id: str) -> None:
    """Throw away a draft that was never sent (a revision brings its predecessor back)."""
    quote = load(uow, quote_id)
    ensure_editable(quote)
    if quote.status != "draft":
        raise WorkflowError("only a draft can be deleted")
    for line in uow.session.scalars(select(QuoteLine).where(QuoteLine.quote_id == quote.id)):
        uow.delete(line)
    uow.delete(quote)
    if quote.previous_id:
        previous = uow.session.get(Quote, quote.previous_id)
        if previous is not None:
            uow.update(previous, {"is_latest": True})


def default_lines(
    session: Session, account_id: str, product_ids: Sequence[str], on: dt.date
) -> list[LineDraft]:
    """New lines for products, priced from the applicable price list."""
    prices = applicable_prices(session, account_id, list(product_ids), on)
    products = {
        p.id: p for p in session.scalars(select(Product).where(Product.id.in_(list(product_ids))))
    }
    result = []
    for product_id in product_ids:
        product = products.get(product_id)
        if product is None:
            raise NotFoundError(f"product {product_id} not found")
        result.append(
            LineDraft(
                description=product.name,
                quantity=Decimal(1),
                unit_price=prices[product_id].unit_price,
                tax_rate=product.tax_rate,
                unit=product.unit,
                product_id=product.id,
            )
        )
    return result
