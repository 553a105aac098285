"""What an account's values may be, and their cleaning: text stripped, blank text
as None, credit codes upper-case, tags in their stored form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from desktop.domain import credit_code
from desktop.domain.errors import ValidationError
from desktop.domain.models import ACCOUNT_STATUSES, TIERS
from desktop.domain.rules.fields import EMAIL, PHONE, URL, is_mobile

EDITABLE = (
    "name",
    "short_name",
    "credit_code",
    "industry",
    "province",
    "city",
    "address",
    "phone",
    "website",
    "tier",
    "status",
    "owner_id",
    "parent_id",
    "potential",
    "tags",
    "notes",
)


def phone_problem(value: str | None) -> str | None:
    if not value or PHONE.match(value.strip()):
        return None
    return "is not a phone number (digits, spaces, + - ( ) and an extension)"


def mobile_problem(value: str | None) -> str | None:
    """The rule book's mobile rule (``rules.fields.is_mobile``) as a field message."""
    if not value or is_mobile(value):
        return None
    return "is not a mobile number (11 digits starting with 1, or + and a country code)"


def email_problem(value: str | None) -> str | None:
    if not value or EMAIL.match(value.strip()):
        return None
    return "is not an e-mail address (name@example.com)"


def validate(values: Mapping[str, Any]) -> dict[str, str]:
    """field -> what is wrong, for the fields present in ``values`` (name always)."""
    errors: dict[str, str] = {}
    name = (values.get("name") or "").strip()
    if not name:
        errors["name"] = "is required"
    elif len(name) > 200:
        errors["name"] = "is longer than 200 characters"
    code = (values.get("credit_code") or "").strip()
    if code and (problem := credit_code.problem(code)):
        errors["credit_code"] = problem
    if problem := phone_problem(values.get("phone")):
        errors["phone"] = problem
    website = (values.get("website") or "").strip()
    if website and not URL.match(website):
        errors["website"] = "is not a web address"
    if "tier" in values and values["tier"] not in TIERS:
        errors["tier"] = "must be A, B or C"
    if "status" in values and values["status"] not in ACCOUNT_STATUSES:
        errors["status"] = "is not a known status"
    potential = values.get("potential")
    if potential is not None and Decimal(str(potential)) < 0:
        errors["potential"] = "cannot be negative"
    return errors


def clean_values(
    values: Mapping[str, Any], editable: Sequence[str], keep_blank: Sequence[str]
) -> dict[str, Any]:
    """Known fields only, text stripped, blank text as None (except ``keep_blank``)."""
    unknown = [k for k in values if k not in editable]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "unknown field"))
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip()
            if key not in keep_blank and not value:
                value = None
        clean[key] = value
    return clean


def clean_account(values: Mapping[str, Any]) -> dict[str, Any]:
    clean = clean_values(values, EDITABLE, ("name", "tags", "notes", "tier", "status"))
    if clean.get("credit_code"):
        clean["credit_code"] = clean["credit_code"].upper()
    if "tags" in clean:
        clean["tags"] = normalize_tags(clean["tags"] or "")
    return clean


def normalize_tags(tags: str | Iterable[str]) -> str:
    """ ",a,b," form, so a tag filter is one LIKE; commas, 、 and ， separate tags."""
    items = re.split(r"[,，、;；]", tags) if isinstance(tags, str) else list(tags)
    seen: list[str] = []
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen.append(item)
    return "," + ",".join(seen) + "," if seen else ""


def tag_list(tags: str | None) -> list[str]:
    return [t for t in (tags or "").split(",") if t]
