"""Import accounts, contacts, products and targets from .xlsx or .csv, all or nothing.

Three steps, the same for the window and the command line:

1. ``read_table``: the first sheet (or a chosen one) of a workbook, or a CSV file in
   UTF-8 or GBK. The header row is the first row with two or more different values
   (a title merged across the top is passed over); merged header cells name every
   column they cover, and a header merged over two rows takes its sub-headers.
   Blank rows are dropped; every row keeps its line number in the file.
2. ``guess_mapping``: which column holds which field, from Chinese or English
   headers. The caller may change it.
3. ``preview``: every row as create / update / unchanged / skip / error, with the
   reason. ``commit`` re-checks the preview inside one write transaction and applies
   it only if no row has an error.

Messy values are read as a person would read them: dates as text, Excel serial
numbers, 2026/3/5, 2026.3.5, 2026年3月5日; numbers stored as text, with thousands
separators, ¥ or 万; phone numbers that Excel turned into numbers; full-width digits
and letters (normalised with NFKC in numbers, codes, phones and when matching, but
text fields keep what the user wrote, so "（北京）" stays as it is); leading and
trailing spaces, including the ideographic space. Any text is a valid value where
the field is text: "+86 Trading" and "@Home" import as written.

On update, a blank cell leaves the stored value alone; only cells with a value change
a record. Accounts match on credit code, else on name; contacts on account and name;
products on SKU; targets on rep, account and period.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.models import (
    ACCOUNT_STATUSES,
    CONTACT_ROLES,
    TIERS,
    Account,
    Contact,
    Product,
    SalesTarget,
    User,
)
from desktop.domain.money import MoneyError, round_fen, to_decimal
from desktop.domain.services import accounts as account_service
from desktop.domain.services import catalog
from desktop.domain.services import contacts as contact_service
from desktop.domain.services import targets as target_service
from desktop.domain.uow import UnitOfWork, unit_of_work
from desktop.reports.labels import ZH_CN

KINDS = ("accounts", "contacts", "products", "targets")
ACTIONS = ("create", "update", "unchanged", "skip", "error")
EXCEL_EPOCH = dt.date(1899, 12, 30)


class ImportFileError(Exception):
    """The file cannot be read as a table (wrong type, encoding, no header row)."""


class ImportRefusedError(DomainError):
    """Rows have errors: nothing was written."""


class RowError(Exception):
    pass


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    required: bool = False


def _f(name: str, label: str, kind: str, *aliases: str, required: bool = False) -> Field:
    return Field(name, label, kind, (label, name, *aliases), required)


FIELDS: dict[str, tuple[Field, ...]] = {
    "accounts": (
        _f(
            "name",
            "Name",
            "text",
            "名称",
            "客户名称",
            "客户",
            "公司名称",
            "公司",
            "单位名称",
            "企业名称",
            "account",
            "account name",
            "company",
            "customer",
            required=True,
        ),
        _f("short_name", "Short name", "text", "简称", "客户简称", "short"),
        _f(
            "credit_code",
            "Credit code",
            "code",
            "统一社会信用代码",
            "信用代码",
            "社会信用代码",
            "税号",
            "uscc",
            "usci",
        ),
        _f("industry", "Industry", "text", "行业", "所属行业"),
        _f("province", "Province", "text", "省份", "省", "所在省"),
        _f("city", "City", "text", "城市", "市", "所在城市"),
        _f("address", "Address", "text", "地址", "详细地址", "公司地址"),
        _f("phone", "Phone", "phone", "电话", "联系电话", "公司电话", "总机", "telephone", "tel"),
        _f("website", "Website", "text", "网站", "网址", "web", "url"),
        _f("tier", "Tier", "tier", "级别", "客户级别", "等级", "客户等级", "分级", "level"),
        _f("status", "Status", "status", "状态", "客户状态"),
        _f(
            "owner_id",
            "Owner",
            "user",
            "负责人",
            "销售",
            "销售代表",
            "客户经理",
            "owner",
            "rep",
            "sales",
        ),
        _f("potential", "Potential", "money", "潜力", "潜在金额", "预计金额", "年采购额"),
        _f("tags", "Tags", "text", "标签"),
        _f("notes", "Notes", "text", "备注", "说明", "note", "remarks"),
    ),
    "contacts": (
        _f(
            "account_id",
            "Account",
            "account",
            "客户",
            "客户名称",
            "公司",
            "公司名称",
            "单位",
            "account name",
            "company",
            required=True,
        ),
        _f(
            "name",
            "Name",
            "text",
            "姓名",
            "联系人",
            "联系人姓名",
            "名字",
            "contact",
            "contact name",
            required=True,
        ),
        _f("title", "Title", "text", "职位", "职务", "头衔", "job title", "position"),
        _f("department", "Department", "text", "部门", "dept"),
        _f("role", "Role", "role", "角色", "决策角色"),
        _f("phone", "Phone", "phone", "电话", "座机", "办公电话", "telephone", "tel"),
        _f(
            "mobile",
            "Mobile",
            "phone",
            "手机",
            "手机号",
            "手机号码",
            "移动电话",
            "cell",
            "mobile phone",
        ),
        _f("email", "Email", "email", "邮箱", "电子邮件", "邮件", "e-mail", "mail"),
        _f("wechat", "WeChat", "text", "微信", "微信号", "wechat id"),
        _f("birthday", "Birthday", "date", "生日", "出生日期", "date of birth"),
        _f("notes", "Notes", "text", "备注", "说明", "note", "remarks"),
    ),
    "products": (
        _f(
            "sku",
            "SKU",
            "code",
            "编码",
            "产品编码",
            "物料编码",
            "物料号",
            "货号",
            "型号编码",
            "code",
            "product code",
            "item code",
            required=True,
        ),
        _f(
            "name",
            "Name",
            "text",
            "名称",
            "产品名称",
            "品名",
            "物料名称",
            "product",
            "product name",
            required=True,
        ),
        _f("specification", "Specification", "text", "规格", "规格型号", "型号", "spec"),
        _f("unit", "Unit", "text", "单位", "计量单位", "uom"),
        _f(
            "list_price",
            "List price",
            "money",
            "单价",
            "价格",
            "标准价",
            "目录价",
            "售价",
            "price",
            "unit price",
            required=True,
        ),
        _f("tax_rate", "Tax rate", "rate", "税率", "增值税率", "vat", "tax"),
        _f("category", "Category", "text", "类别", "分类", "产品类别", "品类"),
    ),
    "targets": (
        _f(
            "owner_id",
            "Rep",
            "user",
            "销售",
            "销售代表",
            "负责人",
            "业务员",
            "owner",
            "username",
            "sales",
            required=True,
        ),
        _f("account_id", "Account", "account", "客户", "客户名称", "重点客户", "key account"),
        _f(
            "period",
            "Period",
            "period",
            "期间",
            "周期",
            "月份",
            "季度",
            "年度",
            "month",
            required=True,
        ),
        _f(
            "amount",
            "Target",
            "money",
            "目标",
            "目标金额",
            "销售目标",
            "计划金额",
            "金额",
            "amount",
            "quota",
            required=True,
        ),
    ),
}

_REVERSE_ZH = {zh: en for en, zh in ZH_CN.items()}
_ROLE_WORDS = {
    "决策者": "decision_maker",
    "决策人": "decision_maker",
    "影响者": "influencer",
    "使用者": "user",
    "用户": "user",
    "把关者": "gatekeeper",
    "守门人": "gatekeeper",
}
_STATUS_WORDS = {"潜在客户": "prospect", "活跃客户": "active", "沉睡": "dormant", "流失": "lost"}
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------- reading files


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (line in the file, values)
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)


def sheet_names(path: Path) -> list[str]:
    if Path(path).suffix.lower() != ".xlsx":
        return []
    try:
        wb = load_workbook(path, read_only=True)
    except Exception as exc:
        raise ImportFileError(
            f"{Path(path).name}: not a workbook Fieldbook can read ({exc})"
        ) from exc
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_table(path: Path, sheet: str | None = None) -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _from_grid(_read_csv(path), {}, "", [])
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    raise ImportFileError(f"{path.name}: choose an .xlsx or .csv file")


def _read_csv(path: Path) -> list[list[Any]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(f"{path.name}: the text is neither UTF-8 nor GBK")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:
        raise ImportFileError(f"{path.name}: not a workbook Fieldbook can read ({exc})") from exc
    names = list(wb.sheetnames)
    if sheet is not None and sheet not in names:
        raise ImportFileError(f"{path.name} has no sheet {sheet!r} (it has {', '.join(names)})")
    ws = wb[sheet] if sheet is not None else wb.worksheets[0]
    grid = [list(row) for row in ws.iter_rows(values_only=True)]
    merges: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for rng in ws.merged_cells.ranges:
        value = ws.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                merges[(r - 1, c - 1)] = (
                    rng.min_row - 1,
                    rng.min_col - 1,
                    rng.max_row - 1,
                    rng.max_col - 1,
                )
                if r - 1 < len(grid) and c - 1 < len(grid[r - 1]):
                    grid[r - 1][c - 1] = value
    return _from_grid(grid, merges, ws.title, names)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def _from_grid(
    grid: list[list[Any]],
    merges: Mapping[tuple[int, int], tuple[int, int, int, int]],
    sheet: str,
    sheets: list[str],
) -> Table:
    header_at = None
    for index, row in enumerate(grid):
        distinct = {clean_text(str(v)) for v in row if not _blank(v)}
        if len(distinct) >= 2:
            header_at = index
            break
    if header_at is None:
        raise ImportFileError("no header row: the file needs a row of column names")
    top = grid[header_at]
    headers = [clean_text(str(v)) if not _blank(v) else "" for v in top]
    first_data = header_at + 1
    # A header merged down over two rows: the row below holds sub-headers.
    two_rows = any(
        span[0] == header_at and span[2] > header_at and (r, c) == (header_at, span[1])
        for (r, c), span in merges.items()
    )
    if two_rows and first_data < len(grid):
        below = grid[first_data]
        for c in range(max(len(headers), len(below))):
            sub = below[c] if c < len(below) else None
            lower_is_merge_of_top = merges.get((first_data, c), (None,))[0] == header_at
            if not _blank(sub) and not lower_is_merge_of_top:
                while len(headers) <= c:
                    headers.append("")
                headers[c] = clean_text(str(sub))
        first_data += 1
    rows = [
        (i + 1, row)
        for i, row in enumerate(grid[first_data:], start=first_data)
        if not all(_blank(v) for v in row)
    ]
    return Table(headers, rows, sheet, sheets)


# ---------------------------------------------------------------- values


def clean_text(text: str) -> str:
    """Strip spaces (the ideographic space too) at both ends; keep the rest as written."""
    return text.strip().strip("\u3000\ufeff").strip()


def fold(text: str) -> str:
    """For matching: NFKC (full-width -> half-width), one case, no spaces."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).casefold()


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_text(str(value))


def parse_number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise RowError("not a number")
    if isinstance(value, int | float | Decimal):
        return to_decimal(value)
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(" ", "")
    scale = Decimal(1)
    if text.endswith("万元") or text.endswith("万"):
        text, scale = text.rstrip("元").rstrip("万"), Decimal(10000)
    elif text.endswith("元"):
        text = text[:-1]
    try:
        return to_decimal(text) * scale
    except MoneyError as exc:
        raise RowError(f"{value!r} is not a number") from exc


def parse_money(value: Any) -> Decimal:
    amount = round_fen(parse_number(value))
    if amount < 0:
        raise RowError("cannot be negative")
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
        raise RowError(f"{value!r} is not a date")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE_TEXT.match(text) or _COMPACT_DATE.match(text)
    if match is None and text.isdigit():
        return parse_date(int(text))
    if match is None:
        # "2026-03-05 00:00:00" from a text export
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise RowError(
                f"{value!r} is not a date (2026-03-05, 2026/3/5 or 2026年3月5日)"
            ) from None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError as exc:
        raise RowError(f"{value!r} is not a real date") from exc


def parse_phone(value: Any) -> str:
    if isinstance(value, float):
        if not value.is_integer():
            raise RowError(f"{value!r} is not a phone number")
        value = int(value)
    if isinstance(value, int):
        return str(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if re.fullmatch(r"\d(\.\d+)?[eE]\+?\d+", text):  # 1.38123E+10, text Excel left behind
        try:
            return str(int(Decimal(text)))
        except InvalidOperation:
            pass
    return text


def _choice(value: Any, allowed: Sequence[str], words: Mapping[str, str], what: str) -> str:
    text = unicodedata.normalize("NFKC", _as_text(value)).strip()
    key = text.casefold().replace(" ", "_")
    for option in allowed:
        if key == option:
            return option
    english = _REVERSE_ZH.get(text) or words.get(text)
    if english is not None and english in allowed:
        return english
    raise RowError(f"{text!r} is not a {what} ({', '.join(allowed)})")


def parse_tier(value: Any) -> str:
    text = unicodedata.normalize("NFKC", _as_text(value)).strip().upper()
    text = re.sub(r"(类|级|类客户|级客户|CLASS|TIER)$", "", text).strip()
    text = re.sub(r"^(TIER|CLASS)\s*", "", text)
    if text in TIERS:
        return text
    raise RowError(f"{_as_text(value)!r} is not a tier (A, B or C)")


# ---------------------------------------------------------------- mapping


def _header_key(text: str) -> str:
    text = fold(text)
    text = re.sub(r"[（(][^)）]*[)）]", "", text)  # "金额(元)", "名称（必填）"
    return text.strip("*:：#").replace("_", " ")


def guess_mapping(kind: str, headers: Sequence[str]) -> dict[str, int]:
    """field name -> column index, from the headers (exact aliases first, then contains)."""
    fields = FIELDS[kind]
    keys = [_header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for exact in (True, False):
        for f in fields:
            if f.name in mapping:
                continue
            aliases = [_header_key(a) for a in f.aliases]
            for index, key in enumerate(keys):
                if index in taken or not key:
                    continue
                hit = key in aliases if exact else any(len(a) > 1 and a in key for a in aliases)
                if hit:
                    mapping[f.name] = index
                    taken.add(index)
                    break
    return mapping


# ---------------------------------------------------------------- preview


@dataclass
class RowPreview:
    line: int
    action: str
    reason: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    target_id: str | None = None


@dataclass
class Preview:
    kind: str
    table: Table
    mapping: dict[str, int]
    rows: list[RowPreview]
    unmapped_required: list[str]

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts

    @property
    def errors(self) -> list[RowPreview]:
        return [r for r in self.rows if r.action == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unmapped_required


class _Lookups:
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
                    key = fold(alias)
                    # The same display name for two users cannot be told apart.
                    self.users[key] = None if key in self.users and self.users[key] != uid else uid
        self.accounts_by_code: dict[str, str] = {}
        self.accounts_by_name: dict[str, str | None] = {}
        if kind in ("accounts", "contacts", "targets"):
            for aid, name, short, code in session.execute(
                select(Account.id, Account.name, Account.short_name, Account.credit_code).where(
                    Account.deleted_at.is_(None)
                )
            ):
                if code:
                    self.accounts_by_code[fold(code)] = aid
                for alias in (name, short) if kind != "accounts" else (name,):
                    if alias:
                        key = fold(alias)
                        clash = key in self.accounts_by_name and self.accounts_by_name[key] != aid
                        self.accounts_by_name[key] = None if clash else aid

    def user(self, value: Any) -> str:
        key = fold(_as_text(value))
        if key not in self.users:
            raise RowError(f"no user {(_as_text(value))!r} (username, name or rep code)")
        found = self.users[key]
        if found is None:
            raise RowError(f"{_as_text(value)!r} names more than one user: use the username")
        return found

    def account(self, value: Any) -> str:
        key = fold(_as_text(value))
        found = self.accounts_by_code.get(key)
        if found is not None:
            return found
        if key not in self.accounts_by_name:
            raise RowError(f"no account {_as_text(value)!r} (name, short name or credit code)")
        named = self.accounts_by_name[key]
        if named is None:
            raise RowError(f"{_as_text(value)!r} names more than one account: use the credit code")
        return named


def _parse(f: Field, value: Any, lookups: _Lookups) -> Any:
    kind = f.kind
    if kind == "text":
        return _as_text(value)
    if kind == "code":
        return unicodedata.normalize("NFKC", _as_text(value)).replace(" ", "").upper()
    if kind == "phone":
        return parse_phone(value)
    if kind == "email":
        return unicodedata.normalize("NFKC", _as_text(value)).replace(" ", "").lower()
    if kind == "money":
        return parse_money(value)
    if kind == "rate":
        return parse_rate(value)
    if kind == "date":
        return parse_date(value)
    if kind == "tier":
        return parse_tier(value)
    if kind == "status":
        return _choice(value, ACCOUNT_STATUSES, _STATUS_WORDS, "status")
    if kind == "role":
        return _choice(value, CONTACT_ROLES, _ROLE_WORDS, "role")
    if kind == "user":
        return lookups.user(value)
    if kind == "account":
        return lookups.account(value)
    if kind == "period":
        text = unicodedata.normalize("NFKC", _as_text(value))
        text = re.sub(r"^(\d{4})年(\d{1,2})月$", lambda m: f"{m[1]}-{int(m[2]):02d}", text)
        text = re.sub(r"^(\d{4})年?第?([1-4])季度$", r"\1-Q\2", text)
        text = re.sub(r"^(\d{4})年$", r"\1", text)
        text = re.sub(r"^(\d{4})[/.](\d{1,2})$", lambda m: f"{m[1]}-{int(m[2]):02d}", text)
        text = re.sub(r"^(\d{4})-(\d)$", r"\1-0\2", text)
        try:
            return target_service.parse_period(text).key
        except ValidationError as exc:
            raise RowError(exc.errors["period"]) from exc
    raise AssertionError(kind)


def _row_values(
    kind: str, row: list[Any], mapping: Mapping[str, int], lookups: _Lookups
) -> tuple[dict[str, Any], list[str]]:
    values: dict[str, Any] = {}
    problems: list[str] = []
    for f in FIELDS[kind]:
        index = mapping.get(f.name)
        raw = row[index] if index is not None and index < len(row) else None
        if _blank(raw):
            if f.required:
                problems.append(f"{f.label}: is required")
            continue
        try:
            values[f.name] = _parse(f, raw, lookups)
        except RowError as exc:
            problems.append(f"{f.label}: {exc}")
    return values, problems


def _existing(kind: str, values: dict[str, Any], lookups: _Lookups) -> Any:
    s = lookups.session
    if kind == "accounts":
        code = values.get("credit_code")
        if code and fold(code) in lookups.accounts_by_code:
            return s.get(Account, lookups.accounts_by_code[fold(code)])
        named = lookups.accounts_by_name.get(fold(values["name"]))
        return s.get(Account, named) if named else None
    if kind == "contacts":
        return s.scalars(
            select(Contact)
            .where(
                Contact.deleted_at.is_(None),
                Contact.account_id == values["account_id"],
                Contact.name == values["name"],
            )
            .order_by(Contact.id)
        ).first()
    if kind == "products":
        return s.scalars(select(Product).where(Product.sku == values["sku"])).first()
    return s.scalars(
        select(SalesTarget)
        .where(
            SalesTarget.deleted_at.is_(None),
            SalesTarget.owner_id == values["owner_id"],
            SalesTarget.period == values["period"],
            SalesTarget.account_id.is_(None)
            if values.get("account_id") is None
            else SalesTarget.account_id == values["account_id"],
        )
        .order_by(SalesTarget.id)
    ).first()


def _key(kind: str, values: Mapping[str, Any]) -> tuple[Any, ...]:
    if kind == "accounts":
        code = values.get("credit_code")
        return ("code", fold(code)) if code else ("name", fold(values["name"]))
    if kind == "contacts":
        return (values["account_id"], fold(values["name"]))
    if kind == "products":
        return (fold(values["sku"]),)
    return (values["owner_id"], values.get("account_id"), values["period"])


def _validate(kind: str, values: Mapping[str, Any]) -> dict[str, str]:
    if kind == "accounts":
        errors = account_service.validate({"name": values.get("name", "x"), **values})
        return {k: v for k, v in errors.items() if k in values or k == "name"}
    if kind == "contacts":
        return contact_service.validate({"name": values.get("name", "x"), **values})
    if kind == "products":
        tax = values.get("tax_rate")
        return {"tax_rate": "a rate such as 13% or 0.13"} if tax is not None and tax >= 1 else {}
    return {}


def preview(
    session: Session,
    kind: str,
    table: Table,
    mapping: Mapping[str, int],
    *,
    actor_id: str | None = None,
) -> Preview:
    """What importing ``table`` would do, row by row. Reads only."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    mapping = dict(mapping)
    missing = [f.label for f in FIELDS[kind] if f.required and f.name not in mapping]
    if missing:
        return Preview(kind, table, mapping, [], missing)
    lookups = _Lookups(session, kind)
    labels = {f.name: f.label for f in FIELDS[kind]}
    seen: dict[tuple[Any, ...], tuple[int, dict[str, Any]]] = {}
    rows: list[RowPreview] = []
    for line, raw in table.rows:
        values, problems = _row_values(kind, raw, mapping, lookups)
        problems += [f"{labels.get(k, k)}: {v}" for k, v in _validate(kind, values).items()]
        if problems:
            rows.append(RowPreview(line, "error", "; ".join(problems), values))
            continue
        key = _key(kind, values)
        if key in seen:
            first_line, first_values = seen[key]
            if first_values == values:
                rows.append(RowPreview(line, "skip", f"same as row {first_line}", values))
            else:
                rows.append(
                    RowPreview(
                        line, "error", f"same record as row {first_line} with other values", values
                    )
                )
            continue
        seen[key] = (line, dict(values))
        row = _existing(kind, values, lookups)
        if row is None:
            if kind == "accounts":
                values.setdefault("owner_id", actor_id)
            rows.append(RowPreview(line, "create", "", values))
            continue
        changes = {
            name: (getattr(row, name), value)
            for name, value in values.items()
            if getattr(row, name) != value
        }
        if kind == "accounts" and "tags" in changes:
            tags = account_service.normalize_tags(values["tags"])
            if tags == row.tags:
                del changes["tags"]
        action = "update" if changes else "unchanged"
        rows.append(RowPreview(line, action, "", values, changes, row.id))
    return Preview(kind, table, mapping, rows, [])


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int


def _apply(uow: UnitOfWork, kind: str, row: RowPreview, reason: str) -> None:
    new = {name: new for name, (_, new) in row.changes.items()}
    if kind == "accounts":
        if row.action == "create":
            account_service.create_account(uow, row.values, duplicate_reason=reason)
        else:
            assert row.target_id is not None
            account_service.update_account(uow, row.target_id, new, duplicate_reason=reason)
    elif kind == "contacts":
        if row.action == "create":
            values = dict(row.values)
            contact_service.create_contact(uow, values.pop("account_id"), values)
        else:
            assert row.target_id is not None
            contact_service.update_contact(uow, row.target_id, new)
    elif kind == "products":
        if row.action == "create":
            catalog.create_product(uow, row.values)
        else:
            assert row.target_id is not None
            catalog.update_product(uow, row.target_id, new)
    else:
        v = row.values
        target_service.set_target(uow, v["owner_id"], v["period"], v["amount"], v.get("account_id"))
    # Rows in one import may depend on each other only through the database.
    uow.session.flush()


def apply(
    uow: UnitOfWork,
    checked: Preview,
    *,
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Apply the import inside ``uow``, re-checked against the data as it is now.

    Raises ImportRefusedError if any row has an error; the caller's transaction then
    rolls back, so nothing is written.
    """
    reason = f"imported from {source}" if source else "imported"
    fresh = preview(
        uow.session, checked.kind, checked.table, checked.mapping, actor_id=uow.actor_id
    )
    if not fresh.ok:
        problem = (
            f"missing columns: {', '.join(fresh.unmapped_required)}"
            if fresh.unmapped_required
            else f"{len(fresh.errors)} rows have errors (first: row "
            f"{fresh.errors[0].line}: {fresh.errors[0].reason})"
        )
        raise ImportRefusedError(f"nothing imported: {problem}")
    todo = [r for r in fresh.rows if r.action in ("create", "update")]
    for done, row in enumerate(todo, start=1):
        try:
            _apply(uow, checked.kind, row, reason)
        except DomainError as exc:
            raise ImportRefusedError(f"nothing imported: row {row.line}: {exc}") from exc
        if progress is not None:
            progress(done, len(todo))
    counts = fresh.counts
    return ImportResult(counts["create"], counts["update"], counts["unchanged"], counts["skip"])


def commit(
    sessions: Callable[[], Session],
    checked: Preview,
    *,
    actor_id: str | None = None,
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """``apply`` in a transaction of its own: all rows or none."""
    reason = f"imported from {source}" if source else "imported"
    with unit_of_work(sessions, actor_id, reason=reason) as uow:
        return apply(uow, checked, source=source, progress=progress)


def iter_fields(kind: str) -> Iterator[Field]:
    yield from FIELDS[kind]
