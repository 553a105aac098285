"""Cell values read as a person reads them, or a ``RowError`` that says why not.

Dates as text, Excel serial numbers, 2026/3/5, 2026.3.5, 2026年3月5日; numbers stored as
text, with thousands separators, ¥ or 万; phone numbers that Excel turned into numbers;
full-width digits and letters (NFKC in numbers, codes and phones; text fields keep what
the user wrote, so "（北京）" stays as it is). A number Excel shows in scientific notation
(1.86246E+10) has lost its digits by the time it is saved as text: for phones and codes
that is an error that says so, never a number we make up.

Tier and status words (A类客户, 重要客户, 已成交, Customer - Direct, ...) go through the
tables ``TIER_WORDS`` and ``STATUS_WORDS``, which the dry run and the window show.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from desktop.domain.models import ACCOUNT_STATUSES, CONTACT_ROLES, OPPORTUNITY_STAGES, TIERS
from desktop.domain.money import MoneyError, round_fen, to_decimal
from desktop.imports.problems import RowError

EXCEL_EPOCH = dt.date(1899, 12, 30)


# Words people write for a tier, folded (NFKC, one case, no spaces): the letters
# themselves (A, A类, A级, A类客户, Tier A ...) are read without the table.
TIER_WORDS: dict[str, str] = {
    "重要客户": "A",
    "核心客户": "A",
    "战略客户": "A",
    "大客户": "A",
    "vip": "A",
    "vip客户": "A",
    "key": "A",
    "keyaccount": "A",
    "普通客户": "B",
    "一般客户": "B",
    "中型客户": "B",
    "小客户": "C",
    "低价值客户": "C",
}
STATUS_WORDS: dict[str, str] = {
    "已成交": "active",
    "多次成交": "active",
    "成交客户": "active",
    "合作中": "active",
    "签约客户": "active",
    "活跃": "active",
    "活跃客户": "active",
    "customer": "active",
    "customer-direct": "active",
    "customer-channel": "active",
    "active": "active",
    "潜在": "prospect",
    "潜在客户": "prospect",
    "意向客户": "prospect",
    "未成交": "prospect",
    "跟进中": "prospect",
    "prospect": "prospect",
    "lead": "prospect",
    "subscriber": "prospect",
    "marketingqualifiedlead": "prospect",
    "salesqualifiedlead": "prospect",
    "opportunity": "prospect",
    "沉睡": "dormant",
    "沉睡客户": "dormant",
    "休眠": "dormant",
    "休眠客户": "dormant",
    "暂停合作": "dormant",
    "inactive": "dormant",
    "流失": "lost",
    "输单": "lost",
    "已流失": "lost",
    "流失客户": "lost",
    "lost": "lost",
    "formercustomer": "lost",
}
ROLE_WORDS: dict[str, str] = {
    "决策者": "decision_maker",
    "决策人": "decision_maker",
    "影响者": "influencer",
    "使用者": "user",
    "用户": "user",
    "把关者": "gatekeeper",
    "守门人": "gatekeeper",
}
# An opportunity's stage as CRMs and sheets write it (Salesforce's, Dynamics', 销售易's).
STAGE_WORDS: dict[str, str] = {
    "线索": "lead",
    "初步接洽": "lead",
    "初步沟通": "lead",
    "prospecting": "lead",
    "确认需求": "qualified",
    "需求确认": "qualified",
    "商机确认": "qualified",
    "已确认": "qualified",
    "qualification": "qualified",
    "needsanalysis": "qualified",
    "develop": "qualified",
    "方案": "proposal",
    "方案报价": "proposal",
    "报价": "proposal",
    "方案/报价": "proposal",
    "proposal/pricequote": "proposal",
    "propose": "proposal",
    "谈判": "negotiation",
    "商务谈判": "negotiation",
    "谈判审核": "negotiation",
    "negotiation/review": "negotiation",
    "close": "negotiation",
    "赢单": "won",
    "成交": "won",
    "已成交": "won",
    "closedwon": "won",
    "输单": "lost",
    "丢单": "lost",
    "已输单": "lost",
    "closedlost": "lost",
}
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_SPACES = re.compile(r"\s+")
_TIER_LETTER = re.compile(r"^(?:tier|class|等级|级别)?([abc])(?:类|级|档)?(?:客户)?$")


def clean_text(text: str) -> str:
    """Strip spaces (the ideographic space too) at both ends; keep the rest as written."""
    return text.strip().strip("\u3000\ufeff").strip()


def fold(text: str) -> str:
    """For matching: NFKC (full-width -> half-width), one case, no spaces."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).casefold()


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_text(str(value))


def _scientific(value: Any) -> bool:
    return isinstance(value, str) and bool(
        _SCIENTIFIC.match(unicodedata.normalize("NFKC", value).strip())
    )


def parse_code(value: Any) -> str:
    if _scientific(value):
        raise RowError("digits_lost", value=clean_text(str(value)))
    return unicodedata.normalize("NFKC", as_text(value)).replace(" ", "").upper()


def parse_number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise RowError("not_a_number", value=value)
    if isinstance(value, int | float | Decimal):
        return to_decimal(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "")
    scale = Decimal(1)
    if text.endswith("万元") or text.endswith("万"):
        text, scale = text.rstrip("元").rstrip("万"), Decimal(10000)
    elif text.endswith("元"):
        text = text[:-1]
    try:
        return to_decimal(_decimal_point(text)) * scale
    except MoneyError as exc:
        raise RowError("not_a_number", value=value) from exc


_THOUSANDS_COMMAS = re.compile(r"[+-]?\d{1,3}(,\d{3})+")
_THOUSANDS_DOTS = re.compile(r"[+-]?\d{1,3}(\.\d{3}){2,}")
_ONE_COMMA = re.compile(r"[+-]?\d+,\d+")


def _decimal_point(text: str) -> str:
    """Numbers written with a decimal comma (Excel in Germany, France ...) in the form
    ``to_decimal`` reads: "12.000,75" -> "12000.75", "1,5" -> "1.5", "1.234.567" ->
    "1234567". Commas in groups of three ("38,000", "1,234.5") stay thousands
    separators, as in Chinese and English."""
    if "," in text and "." in text:
        # Both: the one written last is the decimal point.
        if text.rfind(",") > text.rfind("."):
            return text.replace(".", "").replace(",", ".")
        return text
    if "," in text:
        if _THOUSANDS_COMMAS.fullmatch(text):
            return text
        return text.replace(",", ".") if _ONE_COMMA.fullmatch(text) else text
    return text.replace(".", "") if _THOUSANDS_DOTS.fullmatch(text) else text


def parse_money(value: Any) -> Decimal:
    amount = round_fen(parse_number(value))
    if amount < 0:
        raise RowError("negative")
    return amount


def parse_rate(value: Any) -> Decimal:
    text = unicodedata.normalize("NFKC", str(value)).strip() if isinstance(value, str) else None
    if text is not None and text.endswith("%"):
        return parse_number(text[:-1]) / 100
    rate = parse_number(value)
    return rate / 100 if rate >= 1 else rate


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel serial day numbers (1900 date system)
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise RowError("not_a_date", value=value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE_TEXT.match(text) or _COMPACT_DATE.match(text)
    if match is None and text.isdigit():
        return parse_date(int(text))
    if match is None:
        # "2026-03-05 00:00:00" from a text export
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise RowError("not_a_date", value=value) from None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as exc:
        raise RowError("not_a_real_date", value=value) from exc


def parse_phone(value: Any) -> str:
    if isinstance(value, float):
        if not value.is_integer():
            raise RowError("not_a_phone", value=value)
        value = int(value)
    if isinstance(value, int):
        return str(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if _SCIENTIFIC.match(text):
        raise RowError("digits_lost", value=text)
    return text


def parse_email(value: Any) -> str:
    return unicodedata.normalize("NFKC", as_text(value)).replace(" ", "").lower()


def parse_choice(value: Any, allowed: Sequence[str], words: Mapping[str, str], what: str) -> str:
    text = unicodedata.normalize("NFKC", as_text(value)).strip()
    key = text.casefold().replace(" ", "_")
    if key in allowed:
        return key
    english = words.get(fold(text))
    if english is not None and english in allowed:
        return english
    raise RowError(f"not_a_{what}", value=text, allowed=", ".join(allowed))


def parse_stage(value: Any) -> str:
    return parse_choice(value, OPPORTUNITY_STAGES, STAGE_WORDS, "stage")


def parse_percent(value: Any) -> int:
    """A probability: 60, "60%" or 0.6 -> 60 (whole percent)."""
    text = unicodedata.normalize("NFKC", str(value)).strip() if isinstance(value, str) else None
    number = parse_number(text[:-1] if text and text.endswith("%") else value)
    if (text is None or not text.endswith("%")) and 0 < number < 1:
        number *= 100
    if number != number.to_integral_value() or not 0 <= number <= 100:
        raise RowError("not_a_percentage", value=as_text(value))
    return int(number)


def parse_status(value: Any) -> str:
    return parse_choice(value, ACCOUNT_STATUSES, STATUS_WORDS, "status")


def parse_role(value: Any) -> str:
    return parse_choice(value, CONTACT_ROLES, ROLE_WORDS, "role")


def parse_tier(value: Any) -> str:
    key = fold(as_text(value))
    letter = _TIER_LETTER.match(key)
    if letter is not None:
        return letter.group(1).upper()
    if key in TIER_WORDS:
        return TIER_WORDS[key]
    if key.upper() in TIERS:
        return key.upper()
    raise RowError("not_a_tier", value=as_text(value))


def word_used(kind: str, value: Any) -> tuple[str, str] | None:
    """(the file's word, what it became) when a tier or status came from the word table,
    so the preview can show the table rows the file used."""
    try:
        if kind == "tier":
            result = parse_tier(value)
        elif kind == "status":
            result = parse_status(value)
        else:
            return None
    except RowError:
        return None
    text = as_text(value)
    return None if fold(text) == result.casefold() else (text, result)
