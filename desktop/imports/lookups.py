"""The records a file's rows refer to, loaded once per preview: users (owners, reps) by
username, name or rep code; accounts by credit code, name or short name, and by the
duplicate-name key (华为技术有限公司 = 华为技术（有限责任公司）); existing contacts and
opportunities."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, Contact, Opportunity, User
from desktop.domain.services.duplicates import name_key
from desktop.imports import values as v
from desktop.imports.problems import RowError


class Lookups:
    """Existing users, accounts and rows, loaded once per preview."""

    def __init__(self, session: Session, kind: str) -> None:
        self.session = session
        self.users: dict[str, str | None] = {}
        for uid, username, name, code in session.execute(
            select(User.id, User.username, User.display_name, User.rep_code).where(
                User.deleted_at.is_(None)
            )
        ):
            for alias in (username, name, code):
                if alias:
                    key = v.fold(alias)
                    # The same display name for two users cannot be told apart.
                    self.users[key] = None if key in self.users and self.users[key] != uid else uid
        self.accounts_by_code: dict[str, str] = {}
        self.accounts_by_name: dict[str, str | None] = {}
        self.accounts_by_key: dict[str, str | None] = {}
        self.contacts: dict[tuple[str, str], str] = {}
        self.opportunities: dict[tuple[str, str], str] = {}
        if kind not in ("accounts", "contacts", "targets", "opportunities"):
            return
        for aid, name, short, code in session.execute(
            select(Account.id, Account.name, Account.short_name, Account.credit_code).where(
                Account.deleted_at.is_(None)
            )
        ):
            if code:
                self.accounts_by_code[v.fold(code)] = aid
            for alias in (name, short) if kind != "accounts" else (name,):
                if alias:
                    _unique(self.accounts_by_name, v.fold(alias), aid)
                    if kind in ("contacts", "opportunities") and (folded := name_key(alias)):
                        _unique(self.accounts_by_key, folded, aid)
        if kind == "contacts":
            for cid, account_id, name in session.execute(
                select(Contact.id, Contact.account_id, Contact.name)
                .where(Contact.deleted_at.is_(None))
                .order_by(Contact.id.desc())
            ):
                self.contacts[(account_id, v.fold(name))] = cid
        if kind == "opportunities":
            for oid, account_id, name in session.execute(
                select(Opportunity.id, Opportunity.account_id, Opportunity.name)
                .where(Opportunity.deleted_at.is_(None))
                .order_by(Opportunity.id.desc())
            ):
                self.opportunities[(account_id, v.fold(name))] = oid

    def user(self, value: Any) -> str:
        key = v.fold(v.as_text(value))
        if key not in self.users:
            raise RowError("no_user", value=v.as_text(value))
        found = self.users[key]
        if found is None:
            raise RowError("several_users", value=v.as_text(value))
        return found

    def account(self, value: Any) -> str:
        text = v.as_text(value)
        key = v.fold(text)
        found = self.accounts_by_code.get(key)
        if found is not None:
            return found
        named = self.accounts_by_name.get(key, "")
        if named == "":
            named = self.accounts_by_key.get(name_key(text) or "", "")
        if named == "":
            raise RowError("no_account", value=text)
        if named is None:
            raise RowError("several_accounts", value=text)
        return named


def _unique(index: dict[str, str | None], key: str, aid: str) -> None:
    index[key] = None if key in index and index[key] != aid else aid


def resolve_user(session: Session, name: str) -> str:
    """A user id from a username, display name or rep code (for ``--owner NAME``)."""
    try:
        return Lookups(session, "products").user(name)
    except RowError as exc:
        raise ValueError(str(exc)) from exc
