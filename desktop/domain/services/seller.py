"""The seller's details printed on quotes: policy ``seller``, which only an admin sets
(the rule book checks who and each value's form: ``rules.seller``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.rules.seller import FIELDS
from desktop.domain.services.rules import policy_value, set_policy
from desktop.domain.uow import UnitOfWork

KEY = "seller"


def load(session: Session) -> dict[str, str]:
    """The seller's details, every field present ("" where not set)."""
    value = policy_value(session, KEY)
    return {name: str(value.get(name) or "") for name in FIELDS}


def is_set(details: Mapping[str, str]) -> bool:
    return bool(details.get("name", "").strip())


def save(uow: UnitOfWork, details: Mapping[str, Any]) -> None:
    """Write the details as typed (trimmed); empty fields are left out."""
    clean = {name: str(details.get(name) or "").strip() for name in FIELDS}
    set_policy(uow, KEY, {name: value for name, value in clean.items() if value})
