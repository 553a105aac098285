"""The one account picker's query (new quote, complaint, visit, …): accounts matching
what was typed, by name, short name, pinyin (full or initials) and credit code, with
each account's primary contact so a form that asks for a contact can fill it in."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, Contact
from desktop.domain.services import search


@dataclass(frozen=True)
class AccountChoice:
    id: str
    name: str
    detail: str = ""  # tier · city
    primary_contact_id: str | None = None
    primary_contact_name: str | None = None


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def pick_accounts(
    session: Session, query: str, *, owner_id: str | None = None, limit: int = 30
) -> list[AccountChoice]:
    """Live accounts matching ``query`` (the accounts search: names, short names,
    pinyin, initials, credit codes), by name; all accounts by name when nothing is
    typed. ``owner_id``: only that rep's accounts."""
    query = query.strip()
    stmt = select(Account.id, Account.name, Account.tier, Account.city).where(
        Account.deleted_at.is_(None)
    )
    if owner_id is not None:
        stmt = stmt.where(Account.owner_id == owner_id)
    if query:
        found = search.text_filter(session, query)
        if found is not None:
            ids = found.first_by_name(session, limit if owner_id is None else 10 * limit)
            stmt = stmt.where(Account.id.in_(ids))
        else:  # too short for the index (one Latin letter, say): a plain name match
            like = _like(query)
            stmt = stmt.where(
                Account.name.like(like, escape="\\") | Account.short_name.like(like, escape="\\")
            )
    rows = list(session.execute(stmt.order_by(Account.name, Account.id).limit(limit)))
    primary = _primary_contacts(session, [row[0] for row in rows])
    return [
        AccountChoice(
            row_id,
            name,
            " · ".join(filter(None, [tier, city])),
            *primary.get(row_id, (None, None)),
        )
        for row_id, name, tier, city in rows
    ]


def _primary_contacts(session: Session, ids: list[str]) -> dict[str, tuple[str, str]]:
    """Each account's primary contact (id, name), if it has one."""
    if not ids:
        return {}
    stmt = (
        select(Contact.account_id, Contact.id, Contact.name)
        .where(
            Contact.account_id.in_(ids), Contact.is_primary.is_(True), Contact.deleted_at.is_(None)
        )
        .order_by(Contact.account_id, Contact.name.desc())
    )
    return {account_id: (i, n) for account_id, i, n in session.execute(stmt)}


def find_account(session: Session, text: str, *, limit: int = 20) -> list[AccountChoice]:
    """The account ``text`` names, for a command line: its credit code (any case), or
    its name or short name exactly; else what the accounts search finds. One choice:
    found; several: ambiguous (up to ``limit``); none: no such account."""
    wanted = text.strip()
    if not wanted:
        return []
    exact = select(Account.id, Account.name, Account.tier, Account.city).where(
        Account.deleted_at.is_(None)
    )
    for condition in (
        Account.credit_code == wanted.upper(),
        (Account.name == wanted) | (Account.short_name == wanted),
    ):
        rows = list(session.execute(exact.where(condition).order_by(Account.name, Account.id)))
        if rows:
            return [_choice(*row) for row in rows[:limit]]
    hits = search.search(session, wanted, limit=limit)
    return [_choice(h.id, h.name, h.tier, h.city) for h in hits]


def _choice(row_id: str, name: str, tier: str, city: str | None) -> AccountChoice:
    return AccountChoice(row_id, name, " · ".join(filter(None, [tier, city])))
