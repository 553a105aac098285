"""Quotes: the editor's writes, guardrails, the approval workflow and revisions.

Workflow::

    draft -> (pending_approval -> approved | returned) -> sent -> accepted | rejected
                                                             \\-> expired (after valid_until)

A quote whose discounts or prices go beyond the manager's guardrails (Policy
``discounts``: maximum discount in percent per account tier; Product
``max_discount_pct`` and ``floor_price``) cannot be sent until a manager approves
it; the reasons are computed here, offline, every time the quote is saved, and
stored on the quote (JSON) so the rep, the manager and the lists all see them.
Discounts are measured against the product's list price, stacked (line and quote
discount multiply) and after any edit of the unit price.

A sent, accepted, rejected or expired quote is locked. "Revise" copies the latest
revision into a new draft (revision B, C, ...) linked through ``previous_id``; only
the newest revision (``is_latest``) is editable and lists show only that one.

Totals are computed only by desktop.domain.pricing and stored on the quote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.capital import capital_amount
from desktop.domain.errors import DomainError, NotFoundError, ValidationError
from desktop.domain.models import (
    Account,
    Contact,
    Opportunity,
    Policy,
    Product,
    Quote,
    QuoteLine,
    User,
)
from desktop.domain.money import HUNDRED, ZERO, MoneyError, to_decimal
from desktop.domain.pricing import (
    QuoteTotals,
    commission,
    compute,
)
from desktop.domain.rules.quotes import (
    ApprovalReason,
    Guardrails,
    LineDraft,
    ProductRule,
    derived_figures,
    reasons_of,
)
from desktop.domain.services import numbering, records
from desktop.domain.services.catalog import applicable_prices, require_manager
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEFAULT_VALID_DAYS = 30
LOCKED = frozenset({"sent", "accepted", "rejected", "expired"})
EDITABLE = frozenset({"draft", "returned", "approved", "pending_approval"})
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
)
# action -> the statuses it starts from
ACTIONS: dict[str, frozenset[str]] = {
    "request_approval": frozenset({"draft", "returned"}),
    "approve": frozenset({"pending_approval"}),
    "return": frozenset({"pending_approval"}),
    "send": frozenset({"draft", "returned", "approved"}),
    "accept": frozenset({"sent"}),
    "reject": frozenset({"sent"}),
    "revise": frozenset({"sent", "rejected", "expired"}),
}
MANAGER_ACTIONS = frozenset({"approve", "return"})


class QuoteLockedError(DomainError):
    """The quote (or this revision) can no longer be changed."""


class WorkflowError(DomainError):
    """The action does not apply to the quote in its present state."""


class UnpriceableQuoteError(DomainError):
    """A stored line (pulled from a server, say) gives an amount too large to price."""


def local_today(now: dt.datetime) -> dt.date:
    return now.astimezone(SHANGHAI).date()


# -- lines, guardrails ----------------------------------------------------------------


def _policy(session: Session, key: str) -> Any:
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
    limits = _policy(session, "discounts") or {}
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


def _check_line(line: LineDraft, number: int) -> None:
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


# -- reads ---------------------------------------------------------------------------


def effective_status(status: str, valid_until: dt.date | None, today: dt.date) -> str:
    """What the user sees: a sent quote past its validity is expired even before the
    device has written that down."""
    if status == "sent" and valid_until is not None and valid_until < today:
        return "expired"
    return status


@dataclass(frozen=True)
class QuoteFilter:
    """Which quotes a list shows (the latest revisions unless ``latest_only`` is off)."""

    status: str | None = None
    account_id: str | None = None
    owner_id: str | None = None
    search: str = ""
    latest_only: bool = True

    def query(self) -> Select[Quote, str]:
        query = (
            select(Quote, Account.name)
            .join(Account, Account.id == Quote.account_id)
            .where(Quote.deleted_at.is_(None))
        )
        if self.latest_only:
            query = query.where(Quote.is_latest.is_(True))
        if self.status:
            query = query.where(Quote.status == self.status)
        if self.account_id:
            query = query.where(Quote.account_id == self.account_id)
        if self.owner_id:
            query = query.where(Quote.owner_id == self.owner_id)
        if self.search.strip():
            like = f"%{self.search.strip()}%"
            query = query.where(or_(Quote.number.ilike(like), Account.name.ilike(like)))
        return query


def count_quotes(session: Session, where: QuoteFilter | None = None) -> int:
    inner = (where or QuoteFilter()).query().subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def list_quotes(
    session: Session,
    where: QuoteFilter | None = None,
    *,
    offset: int = 0,
    limit: int | None = None,
    today: dt.date | None = None,
) -> list[Record]:
    """Quotes, newest number first, each with ``account_name`` and ``shown_status``."""
    today = today or local_today(dt.datetime.now(dt.UTC))
    query = (
        (where or QuoteFilter())
        .query()
        .order_by(Quote.created_at.desc(), Quote.id.desc())
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for quote, account_name in session.execute(query):
        record = records.to_record(quote)
        record["account_name"] = account_name
        record["shown_status"] = effective_status(quote.status, quote.valid_until, today)
        record["needs_approval"] = bool(quote.approval_reasons)
        rows.append(record)
    return rows


def find_by_number(session: Session, number: str, revision: str | None = None) -> str:
    """The id of a quote by number (the latest revision unless one is named)."""
    query = select(Quote.id).where(Quote.number == number.strip(), Quote.deleted_at.is_(None))
    query = (
        query.where(Quote.revision == revision.upper())
        if revision
        else query.where(Quote.is_latest.is_(True))
    )
    quote_id = session.scalar(query)
    if quote_id is None:
        raise NotFoundError(f"no quote {number}{' rev ' + revision if revision else ''}")
    return quote_id


def lines_of(session: Session, quote_id: str) -> list[Record]:
    query = (
        select(QuoteLine, Product.sku, Product.category, Product.specification)
        .outerjoin(Product, Product.id == QuoteLine.product_id)
        .where(QuoteLine.quote_id == quote_id, QuoteLine.deleted_at.is_(None))
        .order_by(QuoteLine.position, QuoteLine.id)
    )
    result = []
    for line, sku, category, specification in session.execute(query):
        record = records.to_record(line)
        record["sku"] = sku or ""
        record["category"] = category or ""
        record["specification"] = specification or ""
        result.append(record)
    return result


def drafts_of(line_records: Sequence[Record]) -> list[LineDraft]:
    return [
        LineDraft(
            description=r["description"],
            quantity=r["quantity"],
            unit_price=r["unit_price"],
            discount_pct=r["discount_pct"],
            tax_rate=r["tax_rate"],
            unit=r["unit"],
            product_id=r["product_id"],
            id=r["id"],
        )
        for r in line_records
    ]


@dataclass(frozen=True)
class QuoteView:
    """Everything the editor, the PDF and the CLI show of one quote revision."""

    quote: Record
    lines: list[Record]
    totals: QuoteTotals
    reasons: list[ApprovalReason]
    account: Record
    contact: Record | None
    owner: Record | None
    revisions: list[Record]  # every revision of this number, oldest first
    shown_status: str
    capital_total: str
    commission: Decimal


def get_quote(session: Session, quote_id: str, today: dt.date | None = None) -> QuoteView:
    today = today or local_today(dt.datetime.now(dt.UTC))
    quote = records.get(session, Quote, quote_id)
    lines = lines_of(session, quote_id)
    try:
        totals = compute([d.pricing_input() for d in drafts_of(lines)], quote["discount_pct"])
        capital_total = capital_amount(totals.total)
        earned = _commission(session, lines, totals)
    except ValueError as exc:  # MoneyError, or too large for 大写 (capital_amount)
        raise UnpriceableQuoteError(
            f"quote {quote['number']} revision {quote['revision']} cannot be priced ({exc}); "
            "correct the quantities and prices of its lines"
        ) from exc
    contact = session.get(Contact, quote["contact_id"]) if quote["contact_id"] else None
    owner = session.get(User, quote["owner_id"]) if quote["owner_id"] else None
    revisions = session.scalars(
        select(Quote)
        .where(Quote.number == quote["number"], Quote.deleted_at.is_(None))
        .order_by(func.length(Quote.revision), Quote.revision)
    )
    return QuoteView(
        quote=quote,
        lines=lines,
        totals=totals,
        reasons=reasons_of(quote["approval_reasons"]),
        account=records.get(session, Account, quote["account_id"]),
        contact=records.to_record(contact) if contact is not None else None,
        owner=records.to_record(owner) if owner is not None else None,
        revisions=[records.to_record(r) for r in revisions],
        shown_status=effective_status(quote["status"], quote["valid_until"], today),
        capital_total=capital_total,
        commission=earned,
    )


def commission_rates(session: Session) -> tuple[dict[str, Decimal], Decimal]:
    """Policy ``commission``: ``{"default": "2", "categories": {"硬件": "3"}}`` (percent),
    or ``{"flat": "2"}``; no policy, no commission."""
    value = _policy(session, "commission")
    if not isinstance(value, dict):
        return {}, ZERO
    default = Decimal(str(value.get("flat", value.get("default", "0"))))
    categories = value.get("categories") or {}
    return {str(k): Decimal(str(v)) for k, v in categories.items()}, default


def _commission(session: Session, lines: Sequence[Record], totals: QuoteTotals) -> Decimal:
    rates, default = commission_rates(session)
    amounts = [
        (t.discounted, line["category"]) for t, line in zip(totals.lines, lines, strict=True)
    ]
    return commission(amounts, rates, default)


def available_actions(
    quote: Record, role: str, today: dt.date, user_id: str | None = None
) -> list[str]:
    """The workflow buttons that apply to this revision for user ``user_id`` of ``role``
    (nobody approves or returns their own quote: it goes to their manager)."""
    if not quote["is_latest"]:
        return []
    status = effective_status(quote["status"], quote["valid_until"], today)
    actions = [a for a, starts in ACTIONS.items() if status in starts]
    if role == "rep" or (user_id is not None and quote["owner_id"] == user_id):
        actions = [a for a in actions if a not in MANAGER_ACTIONS]
    if quote["approval_reasons"]:
        actions = [a for a in actions if a != "send" or status == "approved"]
    elif "request_approval" in actions:
        actions.remove("request_approval")
    return actions


# -- writes --------------------------------------------------------------------------


def _load(uow: UnitOfWork, quote_id: str) -> Quote:
    quote = uow.session.get(Quote, quote_id)
    if quote is None or quote.deleted_at is not None:
        raise NotFoundError(f"quote {quote_id} not found")
    return quote


def _ensure_editable(quote: Quote) -> None:
    if not quote.is_latest:
        raise QuoteLockedError(
            f"{quote.number} revision {quote.revision} is an earlier revision and read-only"
        )
    if quote.status in LOCKED:
        raise QuoteLockedError(
            f"{quote.number} is {quote.status} and locked; use Revise to change it"
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
    """A new draft (revision A) with a number allocated on this device."""
    account = uow.session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"account {account_id} not found")
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
    quote = _load(uow, quote_id)
    _ensure_editable(quote)
    clean = _clean_header(header)
    for number, line in enumerate(lines, start=1):
        _check_line(line, number)
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


def _transition(quote: Quote, action: str) -> None:
    if not quote.is_latest:
        raise QuoteLockedError(
            f"{quote.number} revision {quote.revision} is an earlier revision and read-only"
        )
    if quote.status not in ACTIONS[action]:
        raise WorkflowError(f"cannot {action.replace('_', ' ')} a quote that is {quote.status}")


def request_approval(uow: UnitOfWork, quote_id: str, justification: str) -> None:
    quote = _load(uow, quote_id)
    _transition(quote, "request_approval")
    if not quote.approval_reasons:
        raise WorkflowError("this quote is within the guardrails and needs no approval")
    if not justification.strip():
        raise ValidationError({"justification": "tell the manager why these terms are needed"})
    uow.update(quote, {"status": "pending_approval", "justification": justification.strip()})


def approve(uow: UnitOfWork, quote_id: str, note: str = "") -> None:
    require_manager(uow, "approve a quote")
    quote = _load(uow, quote_id)
    _transition(quote, "approve")
    uow.update(
        quote,
        {
            "status": "approved",
            "decided_by": uow.actor_id,
            "decided_at": uow.now,
            "decision_note": note.strip(),
        },
    )


def return_quote(uow: UnitOfWork, quote_id: str, note: str) -> None:
    require_manager(uow, "return a quote")
    quote = _load(uow, quote_id)
    _transition(quote, "return")
    if not note.strip():
        raise ValidationError({"note": "tell the rep what to change"})
    uow.update(
        quote,
        {
            "status": "returned",
            "decided_by": uow.actor_id,
            "decided_at": uow.now,
            "decision_note": note.strip(),
        },
    )


def send(uow: UnitOfWork, quote_id: str) -> None:
    """Mark the quote as given to the customer; from now on it is locked."""
    quote = _load(uow, quote_id)
    _transition(quote, "send")
    if quote.approval_reasons and quote.status != "approved":
        raise WorkflowError("this quote needs a manager's approval before it can be sent")
    has_lines = uow.session.scalar(
        select(func.count())
        .select_from(QuoteLine)
        .where(QuoteLine.quote_id == quote_id, QuoteLine.deleted_at.is_(None))
    )
    if not has_lines:
        raise ValidationError({"lines": "a quote needs at least one line"})
    today = local_today(uow.now)
    if quote.valid_until is not None and quote.valid_until < today:
        raise ValidationError({"valid_until": "the validity date has passed"})
    uow.update(quote, {"status": "sent", "sent_at": uow.now, "issued_on": today})


def accept(uow: UnitOfWork, quote_id: str) -> str:
    """The customer accepted: the quote becomes an order and its opportunity is won.

    Returns the new order's id.
    """
    from desktop.domain.services import orders  # orders builds on quotes

    quote = _load(uow, quote_id)
    if effective_status(quote.status, quote.valid_until, local_today(uow.now)) == "expired":
        raise WorkflowError("this quote has expired; revise it to send a new one")
    _transition(quote, "accept")
    uow.update(quote, {"status": "accepted", "accepted_at": uow.now})
    if quote.opportunity_id:
        opportunity = uow.session.get(Opportunity, quote.opportunity_id)
        if opportunity is not None and opportunity.deleted_at is None:
            uow.update(
                opportunity,
                {
                    "stage": "won",
                    "probability": 100,
                    "amount": quote.total,
                    "close_date": local_today(uow.now),
                },
            )
    return orders.create_from_quote(uow, quote_id)


def reject(uow: UnitOfWork, quote_id: str, note: str = "") -> None:
    quote = _load(uow, quote_id)
    _transition(quote, "reject")
    uow.update(quote, {"status": "rejected", "decision_note": note.strip() or quote.decision_note})


def expire_overdue(uow: UnitOfWork) -> int:
    """The user's own sent quotes past their validity date become expired; returns how many.

    Only the owner's device writes the expiry, so a manager's laptop does not send the
    same change for the whole team; lists show any overdue quote as expired anyway.
    """
    today = local_today(uow.now)
    overdue = uow.session.scalars(
        select(Quote).where(
            Quote.status == "sent",
            Quote.is_latest.is_(True),
            Quote.deleted_at.is_(None),
            Quote.valid_until < today,
            Quote.owner_id == uow.actor_id,
        )
    ).all()
    for quote in overdue:
        uow.update(quote, {"status": "expired"})
    return len(overdue)


def next_revision(revision: str) -> str:
    """A -> B ... Z -> AA -> AB (like spreadsheet columns)."""
    letters = [ord(c) - 64 for c in revision.upper()]
    value = 0
    for letter in letters:
        value = value * 26 + letter
    value += 1
    text = ""
    while value:
        value, rest = divmod(value - 1, 26)
        text = chr(65 + rest) + text
    return text


def revise(uow: UnitOfWork, quote_id: str, valid_days: int = DEFAULT_VALID_DAYS) -> str:
    """A new draft revision with the same number and lines; the old one stays as it was."""
    quote = _load(uow, quote_id)
    today = local_today(uow.now)
    if quote.status == "sent" and effective_status("sent", quote.valid_until, today) == "expired":
        uow.update(quote, {"status": "expired"})
    _transition(quote, "revise")
    copy = {name: getattr(quote, name) for name in Quote.data_columns()}
    copy.update(
        revision=next_revision(quote.revision),
        previous_id=quote.id,
        is_latest=True,
        status="draft",
        issued_on=today,
        valid_until=today + dt.timedelta(days=valid_days),
        justification="",
        decided_by=None,
        decided_at=None,
        decision_note="",
        sent_at=None,
        accepted_at=None,
    )
    new = Quote(**copy)
    uow.add(new)
    for line in uow.session.scalars(
        select(QuoteLine).where(QuoteLine.quote_id == quote.id, QuoteLine.deleted_at.is_(None))
    ):
        values = {name: getattr(line, name) for name in QuoteLine.data_columns()}
        values["quote_id"] = new.id
        uow.add(QuoteLine(**values))
    uow.update(quote, {"is_latest": False})
    return new.id


def delete_draft(uow: UnitOfWork, quote_id: str) -> None:
    """Throw away a draft that was never sent (a revision brings its predecessor back)."""
    quote = _load(uow, quote_id)
    _ensure_editable(quote)
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


def account_choices(session: Session, search: str = "", limit: int = 50) -> list[tuple[str, str]]:
    """(id, name) of accounts to quote for, matching ``search`` in the name."""
    query = select(Account.id, Account.name).where(Account.deleted_at.is_(None))
    if search.strip():
        like = f"%{search.strip()}%"
        query = query.where(or_(Account.name.ilike(like), Account.short_name.ilike(like)))
    return [(i, n) for i, n in session.execute(query.order_by(Account.name).limit(limit))]


def contact_choices(session: Session, account_id: str) -> list[tuple[str, str]]:
    query = (
        select(Contact.id, Contact.name)
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.name)
    )
    return [(i, n) for i, n in session.execute(query)]
