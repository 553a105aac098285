"""The fields an import can fill, per kind of record, and the column headers that name them.

A header names a field only when it is one of the field's aliases as a whole (after
``header_key``), never because it contains one: "Is a Company" is not a company name and
"成交状态" is not the account's status. ``fallback`` aliases are used only when no
column carries a primary one (an account's 手机 is its phone when there is no 电话).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KINDS = ("accounts", "contacts", "products", "targets", "opportunities")
# Fields read from a file that are not stored as such (see ``join_name`` in plan.py).
NAME_PARTS = ("given_name", "family_name")

_PARENTHESES = re.compile(r"[（(\[【][^)）\]】]*[)）\]】]")
_NOISE = re.compile(r"[\s_\-.*:：#]+")


def header_key(text: str) -> str:
    """The comparable form of a header: NFKC (full-width -> half-width), one case, no
    spaces, no required marks (*), no parenthesised remarks ("金额(元)", "名称（必填）")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _PARENTHESES.sub("", text)
    return _NOISE.sub("", text)


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    fallback: tuple[str, ...] = ()
    required: bool = False

    def keys(self) -> frozenset[str]:
        return frozenset(header_key(a) for a in (self.label, self.name, *self.aliases))

    def fallback_keys(self) -> frozenset[str]:
        return frozenset(header_key(a) for a in self.fallback)


def _f(
    name: str,
    label: str,
    kind: str,
    *aliases: str,
    fallback: tuple[str, ...] = (),
    required: bool = False,
) -> Field:
    return Field(name, label, kind, aliases, fallback, required)


_NOTES = ("备注", "说明", "描述", "note", "notes", "remarks", "description")
_PHONE = ("电话", "座机", "固定电话", "办公电话", "telephone", "tel", "phone number")
_MOBILE = ("手机", "手机号", "手机号码", "移动电话", "mobile", "mobile phone", "cell", "cell phone")

FIELDS: dict[str, tuple[Field, ...]] = {
    "accounts": (
        _f(
            "name",
            "Name",
            "text",
            "名称",
            "客户名称",
            "客户",
            "客户全称",
            "公司名称",
            "公司",
            "公司全称",
            "单位名称",
            "企业名称",
            "account",
            "account name",
            "company",
            "company name",
            "customer",
            "customer name",
            "organization",
            "organisation",
            required=True,
        ),
        _f("short_name", "Short name", "text", "简称", "客户简称", "公司简称", "short"),
        _f(
            "credit_code",
            "Credit code",
            "code",
            "统一社会信用代码",
            "统一信用代码",
            "信用代码",
            "社会信用代码",
            "税号",
            "纳税人识别号",
            "uscc",
            "usci",
            "tax id",
            "vat",
            "vat number",
        ),
        _f("industry", "Industry", "text", "行业", "所属行业", "行业类型"),
        _f(
            "province",
            "Province",
            "text",
            "省份",
            "省",
            "所在省",
            "省份/直辖市",
            "state",
            "state/province",
            "state/region",
            "billing state/province",
            "address 1: state/province",
        ),
        _f(
            "city",
            "City",
            "text",
            "城市",
            "市",
            "所在城市",
            "billing city",
            "address 1: city",
        ),
        _f(
            "address",
            "Address",
            "text",
            "地址",
            "详细地址",
            "公司地址",
            "办公地址",
            "street",
            "billing street",
            "street address",
            "address 1: street 1",
        ),
        _f(
            "phone",
            "Phone",
            "phone",
            *_PHONE,
            "联系电话",
            "公司电话",
            "总机",
            "main phone",
            "business phone",
            "account phone",
            fallback=_MOBILE,
        ),
        _f(
            "website",
            "Website",
            "text",
            "网站",
            "网址",
            "官网",
            "公司网址",
            "公司网站",
            "web",
            "url",
            "company domain name",
            "domain",
        ),
        _f(
            "tier",
            "Tier",
            "tier",
            "级别",
            "客户级别",
            "等级",
            "客户等级",
            "分级",
            "客户分级",
            "level",
        ),
        _f("status", "Status", "status", "状态", "客户状态", "lifecycle stage"),
        _f(
            "owner_id",
            "Owner",
            "user",
            "负责人",
            "销售",
            "销售代表",
            "客户经理",
            "客户所有人",
            "所有人",
            "业务员",
            "rep",
            "sales",
            "sales rep",
            "account owner",
            "company owner",
            "salesperson",
        ),
        _f("potential", "Potential", "money", "潜力", "潜在金额", "预计金额", "年采购额"),
        _f("tags", "Tags", "text", "标签", "tag"),
        _f("notes", "Notes", "text", *_NOTES),
    ),
    "contacts": (
        _f(
            "account_id",
            "Account",
            "account",
            "客户",
            "客户名称",
            "所属客户",
            "公司",
            "公司名称",
            "所属公司",
            "单位",
            "单位名称",
            "account name",
            "company",
            "company name",
            "organization",
            "organisation",
            "associated company",
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
            "full name",
            required=True,
        ),
        # Not stored: CRMs export a contact's name in two columns; the preview joins
        # them into the name (张 + 伟 = 张伟, Jane + Doe = Jane Doe).
        _f("given_name", "First name", "text", "名", "given name", "first name", "firstname"),
        _f("family_name", "Last name", "text", "姓", "family name", "last name", "lastname"),
        _f("title", "Title", "text", "职位", "职务", "头衔", "job title", "position"),
        _f("department", "Department", "text", "部门", "所属部门", "dept"),
        _f("role", "Role", "role", "角色", "决策角色"),
        _f("phone", "Phone", "phone", *_PHONE, "work phone", "business phone"),
        _f("mobile", "Mobile", "phone", *_MOBILE, "mobile number"),
        _f(
            "email",
            "Email",
            "email",
            "邮箱",
            "电子邮件",
            "电子邮箱",
            "邮件",
            "e-mail",
            "mail",
            "email address",
        ),
        _f("wechat", "WeChat", "text", "微信", "微信号", "wechat id"),
        _f("birthday", "Birthday", "date", "生日", "出生日期", "date of birth"),
        _f("notes", "Notes", "text", *_NOTES),
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
    "opportunities": (
        _f(
            "name",
            "Name",
            "text",
            "名称",
            "商机名称",
            "商机",
            "项目名称",
            "opportunity",
            "opportunity name",
            "topic",
            required=True,
        ),
        _f(
            "account_id",
            "Account",
            "account",
            "客户",
            "客户名称",
            "公司名称",
            "account name",
            "company",
            required=True,
        ),
        _f("stage", "Stage", "stage", "阶段", "销售阶段", "商机阶段", "stage name", "sales stage"),
        _f(
            "amount",
            "Amount",
            "money",
            "金额",
            "预计金额",
            "商机金额",
            "预计成交金额",
            "est. revenue",
            "estimated revenue",
            "expected revenue",
        ),
        _f("probability", "Probability", "percent", "赢率", "成交概率", "概率", "probability (%)"),
        _f(
            "close_date",
            "Close date",
            "date",
            "预计成交日期",
            "预计签单日期",
            "成交日期",
            "close date",
            "est. close date",
            "expected close date",
        ),
        _f("owner_id", "Owner", "user", "负责人", "销售", "业务员", "opportunity owner", "owner"),
        _f("source", "Source", "text", "来源", "商机来源", "lead source"),
        _f("competitors", "Competitors", "names", "竞争对手", "竞品", "competitor", "competitors"),
        _f("next_step", "Next step", "text", "下一步", "下一步计划", "next step"),
        _f(
            "lost_reason",
            "Lost reason",
            "text",
            "输单原因",
            "丢单原因",
            "loss reason",
            "reason lost",
        ),
        _f("lost_to", "Lost to", "text", "输给", "赢单对手", "lost to", "won by"),
        _f("notes", "Notes", "text", *_NOTES),
    ),
}


def fields_of(kind: str) -> tuple[Field, ...]:
    if kind not in FIELDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    return FIELDS[kind]


def field_named(kind: str, name: str) -> Field | None:
    """A field by its name or label (``--map "Header=phone"`` or ``=Phone``)."""
    key = header_key(name)
    for f in fields_of(kind):
        if key in (header_key(f.name), header_key(f.label)):
            return f
    return None
