"""Creating, editing, deleting and restoring an account, with 查重: a new name,
short name or credit code that looks like an existing account's is refused unless the
user gives a reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.models import Account
from desktop.domain.services.accounts.groups import check_parent
from desktop.domain.services.accounts.reading import load
from desktop.domain.services.accounts.validation import EDITABLE, clean_account, validate
from desktop.domain.services.duplicates import DuplicateMatch, KeyIndex, find_duplicates
from desktop.domain.uow import UnitOfWork


class DuplicateWarning(DomainError):
    """Saving would create what looks like a second copy of an existing account."""

    def __init__(self, matches: list[DuplicateMatch]) -> None:
        self.matches = matches
        names = ", ".join(sorted({m.account_name for m in matches}))
        super().__init__(f"looks like an existing account: {names}")


def create_account(
    uow: UnitOfWork,
    values: Mapping[str, Any],
    *,
    contact_phones: Sequence[str] = (),
    duplicate_reason: str | None = None,
    keys: KeyIndex | None = None,
    to_pool: bool = False,
) -> str:
    """A new account; DuplicateWarning unless nothing matches or a reason is given.
    With no owner given it belongs to its creator, or to the public pool (公海) when
    ``to_pool``.

    ``keys``: the accounts' keys held in memory for a bulk write (an import), which
    this account is added to."""
    clean = clean_account(values)
    if to_pool:
        clean["owner_id"] = None
    elif not clean.get("owner_id"):
        clean["owner_id"] = uow.actor_id
    if errors := validate(clean):
        raise ValidationError(errors)
    if clean.get("parent_id"):
        load(uow.session, clean["parent_id"])
    matches = find_duplicates(
        uow.session,
        keys=keys,
        name=clean.get("name"),
        short_name=clean.get("short_name"),
        credit_code=clean.get("credit_code"),
        phones=contact_phones,
    )
    reason = (duplicate_reason or "").strip()
    if matches and not reason:
        raise DuplicateWarning(matches)
    row = Account(**clean)
    if matches:
        row.duplicate_reason = reason
    uow.add(row)
    if keys is not None:
        keys.note(row.id, row.name, row.short_name, row.credit_code)
    return row.id


def update_account(
    uow: UnitOfWork,
    account_id: str,
    changes: Mapping[str, Any],
    *,
    duplicate_reason: str | None = None,
    keys: KeyIndex | None = None,
) -> dict[str, Any]:
    """Apply changes; returns the old values of the fields that changed (for undo).

    A rename or a new credit code is checked for duplicates like a new account
    (``keys``: as in ``create_account``).
    """
    row = load(uow.session, account_id)
    clean = clean_account(changes)
    merged = {**{k: getattr(row, k) for k in EDITABLE}, **clean}
    if errors := {k: v for k, v in validate(merged).items() if k in clean or k == "name"}:
        raise ValidationError(errors)
    if clean.get("parent_id"):
        check_parent(uow.session, account_id, clean["parent_id"])
    renamed = {
        k: clean[k]
        for k in ("name", "short_name", "credit_code")
        if k in clean and clean[k] != getattr(row, k)
    }
    if renamed:
        matches = find_duplicates(uow.session, exclude_account_id=account_id, keys=keys, **renamed)
        reason = (duplicate_reason or "").strip()
        if matches and not reason:
            raise DuplicateWarning(matches)
        if matches:
            clean["duplicate_reason"] = reason
    old = {k: getattr(row, k) for k in clean}
    changed = uow.update(row, clean)
    if keys is not None and renamed:
        keys.note(row.id, row.name, row.short_name, row.credit_code)
    return {k: old[k] for k in changed}


def delete_account(uow: UnitOfWork, account_id: str) -> None:
    uow.delete(load(uow.session, account_id))


def restore_account(uow: UnitOfWork, account_id: str) -> None:
    uow.restore(load(uow.session, account_id, include_deleted=True))
