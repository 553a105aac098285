"""The choices the quote editor offers: accounts to quote for, contacts of an account."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, Contact


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
