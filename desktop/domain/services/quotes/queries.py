"""Reading quotes: the lists (latest revisions, filtered), one quote by number, its
lines, and everything the editor, the PDF and the CLI show of one revision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.capital import capital_amount
from desktop.domain.errors import DomainError, NotFoundError
from desktop.domain.models import Account, Contact, Product, Quote, QuoteLine, User
from desktop.domain.pricing import QuoteTotals, compute
from desktop.domain.rules.quotes import ApprovalReason, LineDraft, reasons_of
from desktop.domain.services import records
from desktop.domain.services.quotes.guardrails import earned_commission
from desktop.domain.services.quotes.status import effective_status, local_today
from desktop.domain.services.records import Record


class UnpriceableQuoteError(DomainError):
    """A stored line (pulled from a server, say) gives an amount too large to price."""


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
        account = session.get(Account, quote["account_id"])
        tier = account.tier if account is not None else None
        earned = earned_commission(session, lines, totals, tier)
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
