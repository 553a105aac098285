"""The seller's details on quotes (policy ``seller``): only an admin sets them, and each
value has the form a Chinese buyer's accounts office expects.

``{"name", "address", "phone", "tax_id", "bank", "account_no", "invoice_type", "logo"}``,
all text; ``logo`` is a PNG as base64 (small: it travels with every sync).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from typing import Any

from desktop.domain.rules.fields import PHONE
from desktop.domain.rules.violation import RuleViolation

FIELDS = ("name", "address", "phone", "tax_id", "bank", "account_no", "invoice_type", "logo")
INVOICE_TYPES = ("special", "normal", "electronic")
LENGTHS = {"name": 200, "address": 300, "phone": 40, "bank": 200}
# 纳税人识别号: the 18-character unified social credit code, or an older 15/17/20 one.
TAX_ID = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{15}$|^[0-9A-HJ-NPQRTUWXY]{17,18}$|^[0-9A-Z]{20}$")
ACCOUNT_NO = re.compile(r"^\d[\d ]{6,38}\d$")
MAX_LOGO_BYTES = 200 * 1024
PNG = b"\x89PNG\r\n\x1a\n"


def check_seller(value: Any) -> None:
    if not isinstance(value, Mapping):
        raise RuleViolation("bad_value", "seller")
    unknown = sorted(set(value) - set(FIELDS))
    if unknown:
        raise RuleViolation("unknown_field", entity="seller", field=unknown[0])
    text = {k: value.get(k) or "" for k in FIELDS}
    if any(not isinstance(v, str) for v in text.values()):
        raise RuleViolation("bad_value", "seller")
    if not text["name"].strip():
        raise RuleViolation("required", "name", entity="seller")
    for name, length in LENGTHS.items():
        if len(text[name]) > length:
            raise RuleViolation("too_long", name, entity="seller", max=length)
    checks = (
        ("phone", "phone", lambda v: bool(PHONE.match(v))),
        ("tax_id", "tax_id", lambda v: bool(TAX_ID.match(v))),
        ("account_no", "bank_account", lambda v: bool(ACCOUNT_NO.match(v))),
        ("invoice_type", "invoice_type", lambda v: v in INVOICE_TYPES),
        ("logo", "png_image", _is_png),
    )
    for name, format_name, test in checks:
        given = text[name].strip()
        if given and not test(given):
            raise RuleViolation("bad_format", name, entity="seller", format=format_name)


def _is_png(value: str) -> bool:
    if len(value) > MAX_LOGO_BYTES * 4 // 3 + 4:
        return False
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return data.startswith(PNG)
