"""Field rules: what one value may be, per entity and column, without looking elsewhere.

Every column gets the rules its type implies (length and no control characters for
text, the range a column can hold for numbers, sane dates, the id format for the
columns that hold ids) plus the explicit ones below (choices, formats, ranges such as
rates 0-100 and quantities above zero). The unit of work checks a row's changed
fields before it commits; the server checks a mutation's fields as it decodes them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Integer, String, Text

from desktop.domain import credit_code
from desktop.domain.models import (
    ACCOUNT_STATUSES,
    ATTITUDES,
    BUYING_ROLES,
    COMPLAINT_CATEGORIES,
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATUSES,
    CONTACT_ROLES,
    CONTRACT_STATUSES,
    DELIVERY_STATUSES,
    INSTALMENT_KINDS,
    OBJECTIVE_STATUSES,
    OPPORTUNITY_STAGES,
    QUOTE_STATUSES,
    ROLES,
    SYNC_COLUMNS,
    TASK_STATUSES,
    TIERS,
    VISIT_STATUSES,
    VISIT_TYPES,
    Synced,
)
from desktop.domain.models.types import DecimalText, JSONText, Money, UTCDateTime
from desktop.domain.rules.violation import RuleViolation

# The largest amount of money Fieldbook keeps: a trillion yuan (fen fit a 64-bit integer
# many times over, and no order of a key account comes near it).
MAX_MONEY = Decimal("1000000000000")
# Quantities and other plain decimals.
MAX_QUANTITY = Decimal("1000000000")
# A column of type Text (notes, call reports): about forty pages of Chinese text.
MAX_TEXT = 20_000
# A JSON column (policies, a visit's contacts) in its stored text.
MAX_JSON = 100_000
# PostgreSQL's INTEGER, which the schema uses for counts and sizes.
MAX_INT = 2**31 - 1
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)

ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
CONTENT_HASH = re.compile(r"^[0-9a-f]{64}$")
PHONE = re.compile(r"^\+?[\d\s\-()]{7,20}(\s*(转|ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A mainland China mobile: 11 digits from 13x to 19x, optionally after +86 / 86.
CN_MOBILE = re.compile(r"^(\+?86)?1[3-9]\d{9}$")
URL = re.compile(r"^(https?://)?[\w\-]+(\.[\w\-]+)+(/\S*)?$", re.IGNORECASE)
CURRENCY = re.compile(r"^[A-Z]{3}$")


def is_mobile(value: str) -> bool:
    """A mobile number: China's pattern (1[3-9] and 9 digits) unless it starts with
    another country's prefix, then any phone number. Spaces and hyphens are allowed."""
    text = value.strip()
    if text.startswith("+") and not text.startswith("+86"):
        return bool(PHONE.match(text))
    return bool(CN_MOBILE.match(re.sub(r"[\s\-()]", "", text)))


# C0 control characters other than tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

WEEKLY_STATUSES = ("draft", "submitted", "commented")

# (entity, field) -> the values it may take (None is allowed where the column is).
CHOICES: dict[tuple[str, str], tuple[Any, ...]] = {
    ("account", "tier"): TIERS,
    ("account", "status"): ACCOUNT_STATUSES,
    ("contact", "role"): CONTACT_ROLES,
    ("contact", "attitude"): ATTITUDES,
    ("price_list", "tier"): TIERS,
    ("user", "role"): ROLES,
    ("opportunity", "stage"): OPPORTUNITY_STAGES,
    ("contract", "status"): CONTRACT_STATUSES,
    ("plan_objective", "status"): OBJECTIVE_STATUSES,
    ("instalment", "kind"): INSTALMENT_KINDS,
    ("quote", "status"): QUOTE_STATUSES,
    ("sales_order", "delivery_status"): DELIVERY_STATUSES,
    ("visit", "status"): VISIT_STATUSES,
    ("visit", "visit_type"): VISIT_TYPES,
    ("task", "status"): TASK_STATUSES,
    ("weekly_report", "status"): WEEKLY_STATUSES,
    ("complaint", "category"): COMPLAINT_CATEGORIES,
    ("complaint", "severity"): COMPLAINT_SEVERITIES,
    ("complaint", "status"): COMPLAINT_STATUSES,
}
# (entity, field) -> (lowest, highest); both inclusive unless the field is in OPEN_LOW.
RANGES: dict[tuple[str, str], tuple[Decimal | int, Decimal | int]] = {
    ("quote", "discount_pct"): (Decimal(0), Decimal(100)),
    ("quote_line", "discount_pct"): (Decimal(0), Decimal(100)),
    ("product", "max_discount_pct"): (Decimal(0), Decimal(100)),
    ("quote_line", "tax_rate"): (Decimal(0), Decimal("0.99")),
    ("product", "tax_rate"): (Decimal(0), Decimal("0.99")),
    ("quote_line", "quantity"): (Decimal(0), MAX_QUANTITY),
    ("opportunity", "probability"): (0, 100),
    ("complaint", "satisfaction"): (1, 5),
    ("contact", "strength"): (1, 5),
    ("visit", "planned_minutes"): (1, 24 * 60),
    ("quote_line", "position"): (0, 10_000),
    ("instalment", "percent"): (Decimal(0), Decimal(100)),
}
OPEN_LOW = frozenset({("quote_line", "quantity")})
# (entity, field) -> (format name, test)
FORMATS: dict[tuple[str, str], tuple[str, Callable[[str], bool]]] = {
    ("account", "credit_code"): ("credit_code", credit_code.is_valid),
    ("account", "phone"): ("phone", lambda v: bool(PHONE.match(v.strip()))),
    ("account", "website"): ("web_address", lambda v: bool(URL.match(v.strip()))),
    ("contact", "phone"): ("phone", lambda v: bool(PHONE.match(v.strip()))),
    ("contact", "mobile"): ("mobile", is_mobile),
    ("contact", "email"): ("email", lambda v: bool(EMAIL.match(v.strip()))),
    ("user", "email"): ("email", lambda v: bool(EMAIL.match(v.strip()))),
    ("attachment", "content_hash"): ("content_hash", lambda v: bool(CONTENT_HASH.match(v))),
    # Buying roles joined by commas, each once ("decision_maker,finance").
    ("contact", "buying_roles"): ("buying_roles", lambda v: _role_list(v, BUYING_ROLES)),
}
for _entity in ("quote", "sales_order", "price_list", "contract"):
    FORMATS[(_entity, "currency")] = ("currency", lambda v: bool(CURRENCY.match(v)))
# Text that may not be blank (the column is required and a blank one means nothing).
NOT_BLANK = frozenset(
    {
        ("account", "name"),
        ("contact", "name"),
        ("team", "name"),
        ("user", "username"),
        ("user", "display_name"),
        ("product", "sku"),
        ("product", "name"),
        ("price_list", "name"),
        ("quote", "number"),
        ("sales_order", "number"),
        ("task", "title"),
        ("complaint", "title"),
        ("opportunity", "name"),
        ("competitor", "name"),
        ("contract", "number"),
        ("contract", "title"),
        ("plan_objective", "title"),
        ("attachment", "filename"),
        ("policy", "key"),
    }
)
# Columns of type String(36) that do not hold a record id.
NOT_IDS: frozenset[tuple[str, str]] = frozenset()
# Columns naming an entity.
ENTITY_NAMES = frozenset({("attachment", "parent_entity"), ("change_record", "entity")})

Check = Callable[[Any], None]


def check_values(model: type[Synced], values: Mapping[str, Any]) -> None:
    """Raise ``RuleViolation`` for the first value of ``values`` that breaks a rule."""
    for name, value in values.items():
        checker(model, name)(value)


def check_id(field: str, value: Any) -> None:
    if not isinstance(value, str) or not ID.match(value):
        raise RuleViolation("bad_id", field)


@functools.cache
def checker(model: type[Synced], name: str) -> Check:
    """Every rule of one column, composed once (a push checks thousands of values)."""
    entity = model.__tablename__
    column = model.__table__.columns.get(name)
    if column is None or (name in SYNC_COLUMNS and name != "id"):
        raise RuleViolation("unknown_field", name, entity=entity)
    key = (entity, name)
    kind = column.type
    checks: list[Check] = []
    nullable = bool(column.nullable) and not column.primary_key
    if isinstance(kind, JSONText):
        checks.append(functools.partial(_json, name))
    elif isinstance(kind, Money):
        checks.append(functools.partial(_decimal, name, Decimal(0), MAX_MONEY, False))
    elif isinstance(kind, DecimalText):
        low, high = RANGES.get(key, (Decimal(0), MAX_QUANTITY))
        checks.append(
            functools.partial(_decimal, name, Decimal(low), Decimal(high), key in OPEN_LOW)
        )
    elif isinstance(kind, UTCDateTime):
        checks.append(functools.partial(_time, name))
    elif isinstance(kind, Date):
        checks.append(functools.partial(_day, name))
    elif isinstance(kind, Integer):
        low, high = RANGES.get(key, (0, MAX_INT))
        checks.append(functools.partial(_integer, name, int(low), int(high)))
    elif isinstance(kind, String | Text):
        length = getattr(kind, "length", None) or MAX_TEXT
        is_id = (
            column.primary_key or bool(column.foreign_keys) or (length == 36 and key not in NOT_IDS)
        )
        checks.append(functools.partial(_text, name, length, key in NOT_BLANK))
        if is_id:
            checks.append(functools.partial(_id, name))
    if key in CHOICES:
        checks.append(functools.partial(_choice, name, CHOICES[key]))
    if key in ENTITY_NAMES:
        checks.append(functools.partial(_entity_name, name))
    if key in FORMATS:
        format_name, test = FORMATS[key]
        checks.append(functools.partial(_format, name, format_name, test))

    def check(value: Any) -> None:
        if value is None:
            if not nullable:
                raise RuleViolation("required", name)
            return
        for one in checks:
            one(value)

    return check


def _text(field: str, length: int, not_blank: bool, value: Any) -> None:
    if not isinstance(value, str):
        raise RuleViolation("bad_value", field)
    if len(value) > length:
        raise RuleViolation("too_long", field, max=length)
    if _CONTROL.search(value):
        raise RuleViolation("control_character", field)
    if not_blank and not value.strip():
        raise RuleViolation("required", field)


def _id(field: str, value: str) -> None:
    if not ID.match(value):
        raise RuleViolation("bad_id", field)


def _decimal(field: str, low: Decimal, high: Decimal, open_low: bool, value: Any) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise RuleViolation("bad_value", field)
    if value > high or value < low or (open_low and value == low):
        raise RuleViolation("out_of_range", field, min=_plain(low), max=_plain(high))


def _integer(field: str, low: int, high: int, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleViolation("bad_value", field)
    if not low <= value <= high:
        raise RuleViolation("out_of_range", field, min=low, max=high)


def _time(field: str, value: Any) -> None:
    if not isinstance(value, dt.datetime):
        raise RuleViolation("bad_value", field)
    if not FIRST_DAY <= value.date() <= LAST_DAY:
        raise RuleViolation("date_out_of_range", field)


def _day(field: str, value: Any) -> None:
    if not isinstance(value, dt.date):
        raise RuleViolation("bad_value", field)
    if not FIRST_DAY <= value <= LAST_DAY:
        raise RuleViolation("date_out_of_range", field)


def _json(field: str, value: Any) -> None:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise RuleViolation("bad_value", field) from exc
    if len(text) > MAX_JSON:
        raise RuleViolation("too_long", field, max=MAX_JSON)
    if "\\u0000" in text:
        raise RuleViolation("control_character", field)


def _choice(field: str, choices: tuple[Any, ...], value: Any) -> None:
    if value not in choices:
        raise RuleViolation("not_a_choice", field, value=str(value)[:40])


def _entity_name(field: str, value: str) -> None:
    from desktop.domain.models import SYNCED

    if value not in SYNCED:
        raise RuleViolation("not_a_choice", field, value=value[:40])


def _format(field: str, format_name: str, test: Callable[[str], bool], value: str) -> None:
    if value.strip() and not test(value):
        raise RuleViolation("bad_format", field, format=format_name)


def _role_list(value: str, choices: tuple[str, ...]) -> bool:
    parts = value.split(",")
    return len(set(parts)) == len(parts) and all(part in choices for part in parts)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
