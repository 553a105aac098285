"""The choices the quote editor offers: contacts of an account (accounts to quote for
come from the one account picker, ``accounts.pick_accounts``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Contact


def contact_choices(session: Session, account_id: str) -> list[tuple[str, str]]:
    query = (
        select(Contact.id, Contact.name)
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.name)
    )
    return [(i, n) for i, n in session.execute(query)]
