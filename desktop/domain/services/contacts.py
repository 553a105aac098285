"""Contacts of an account: validation, add/edit/remove, the primary contact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import CONTACT_ROLES, Account, Contact
from desktop.domain.services.accounts.validation import (
    clean_values,
    email_problem,
    mobile_problem,
    phone_problem,
)
from desktop.domain.services.records import Record, to_record
from desktop.domain.uow import UnitOfWork

EDITABLE = (
    "name",
    "title",
    "department",
    "role",
    "is_primary",
    "phone",
    "mobile",
    "email",
    "wechat",
    "birthday",
    "notes",
    # The stakeholder map (desktop.domain.services.stakeholders).
    "reports_to_id",
    "buying_roles",
    "attitude",
    "strength",
)


def validate(values: Mapping[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not (values.get("name") or "").strip():
        errors["name"] = "is required"
    if problem := phone_problem(values.get("phone")):
        errors["phone"] = problem
    if problem := mobile_problem(values.get("mobile")):
        errors["mobile"] = problem
    if problem := email_problem(values.get("email")):
        errors["email"] = problem
    if "role" in values and values["role"] not in CONTACT_ROLES:
        errors["role"] = "is not a known role"
    birthday = values.get("birthday")
    if birthday is not None and (not isinstance(birthday, dt.date) or birthday > dt.date.today()):
        errors["birthday"] = "must be a date in the past"
    return errors


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    return clean_values(values, EDITABLE, ("name", "notes", "role", "buying_roles"))


def _load(session: Session, contact_id: str, *, include_deleted: bool = False) -> Contact:
    row = session.get(Contact, contact_id)
    if row is None or (row.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"contact {contact_id} not found")
    return row


def list_contacts(session: Session, account_id: str) -> list[Record]:
    rows = session.scalars(
        select(Contact)
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.name, Contact.id)
    )
    return [to_record(r) for r in rows]


def _unset_other_primaries(uow: UnitOfWork, account_id: str, keep_id: str) -> None:
    others = uow.session.scalars(
        select(Contact).where(
            Contact.account_id == account_id,
            Contact.is_primary,
            Contact.id != keep_id,
            Contact.deleted_at.is_(None),
        )
    )
    for other in others:
        uow.update(other, {"is_primary": False})


def create_contact(uow: UnitOfWork, account_id: str, values: Mapping[str, Any]) -> str:
    account = uow.session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"account {account_id} not found")
    clean = _clean(values)
    if errors := validate(clean):
        raise ValidationError(errors)
    row = Contact(account_id=account_id, **clean)
    uow.add(row)
    if clean.get("is_primary"):
        _unset_other_primaries(uow, account_id, row.id)
    return row.id


def update_contact(uow: UnitOfWork, contact_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Apply changes; returns the old values of the fields that changed (for undo)."""
    row = _load(uow.session, contact_id)
    clean = _clean(changes)
    merged = {**{k: getattr(row, k) for k in EDITABLE}, **clean}
    if errors := {k: v for k, v in validate(merged).items() if k in clean or k == "name"}:
        raise ValidationError(errors)
    old = {k: getattr(row, k) for k in clean}
    changed = uow.update(row, clean)
    if clean.get("is_primary"):
        _unset_other_primaries(uow, row.account_id, row.id)
    return {k: old[k] for k in changed}


def delete_contact(uow: UnitOfWork, contact_id: str) -> None:
    uow.delete(_load(uow.session, contact_id))


def restore_contact(uow: UnitOfWork, contact_id: str) -> None:
    uow.restore(_load(uow.session, contact_id, include_deleted=True))
