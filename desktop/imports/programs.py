"""The exports of other programs we recognise by their headers, and what their columns mean.

A new team's first file is usually an export from the CRM it is leaving. Each profile
names the program's file as the user knows it ("Salesforce accounts report"), the
headers that give it away, and its columns: a field, or ``None`` with why it is left
out (a system column, or something Fieldbook does not keep). Headers the profile does
not name go through the ordinary aliases.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.imports.fields import header_key

SYSTEM = "a system column of the program"
NO_FIELD = "Fieldbook has no field for it"


@dataclass(frozen=True)
class Program:
    name: str
    kind: str
    signature: frozenset[str]
    columns: Mapping[str, str | tuple[None, str]]

    def matches(self, kind: str, keys: set[str]) -> bool:
        return kind == self.kind and self.signature <= keys


def _profile(
    name: str, kind: str, signature: Sequence[str], columns: Mapping[str, str | tuple[None, str]]
) -> Program:
    return Program(
        name,
        kind,
        frozenset(header_key(s) for s in signature),
        {header_key(header): meaning for header, meaning in columns.items()},
    )


ACCOUNT_PROGRAMS: tuple[Program, ...] = (
    _profile(
        "Salesforce accounts report",
        "accounts",
        ("Account Name", "Account Owner"),
        {
            "Account Name": "name",
            "Account Owner": "owner_id",
            "Type": "status",
            "Billing Street": "address",
            "Billing City": "city",
            "Billing State/Province": "province",
            "Billing Country": (None, NO_FIELD),
            "Billing Zip/Postal Code": (None, NO_FIELD),
            "Account Number": (None, NO_FIELD),
            "Account ID": (None, SYSTEM),
            "Rating": (None, NO_FIELD),
            "Annual Revenue": (None, NO_FIELD),
            "Employees": (None, NO_FIELD),
            "Last Activity": (None, SYSTEM),
            "Created Date": (None, SYSTEM),
            "Last Modified Date": (None, SYSTEM),
        },
    ),
    _profile(
        "HubSpot companies export",
        "accounts",
        ("Record ID", "Company name"),
        {
            "Record ID": (None, SYSTEM),
            "Company name": "name",
            "Company Domain Name": "website",
            "Phone Number": "phone",
            "State/Region": "province",
            "Country/Region": (None, NO_FIELD),
            "Company owner": "owner_id",
            "Lifecycle Stage": "status",
            "Create Date": (None, SYSTEM),
            "Last Activity Date": (None, SYSTEM),
            "Number of Employees": (None, NO_FIELD),
            "Annual Revenue": (None, NO_FIELD),
        },
    ),
    _profile(
        "Dynamics 365 accounts (Export to Excel)",
        "accounts",
        ("(Do Not Modify) Account",),
        {
            "Account Name": "name",
            "Main Phone": "phone",
            "Address 1: City": "city",
            "Address 1: State/Province": "province",
            "Address 1: Street 1": "address",
            "Primary Contact": (None, "contacts are imported on their own"),
            "Email": (None, NO_FIELD),
            "Owner": "owner_id",
            "Status": (None, SYSTEM),
            "Status Reason": (None, SYSTEM),
        },
    ),
    _profile(
        "Odoo contacts export",
        "accounts",
        ("Is a Company",),
        {
            "Name": "name",
            "Display Name": (None, "the same as Name"),
            "Is a Company": (None, NO_FIELD),
            "Company": (None, "your own company in Odoo"),
            "Related Company": (None, NO_FIELD),
            "Tax ID": "credit_code",
            "Street": "address",
            "Street2": (None, NO_FIELD),
            "Zip": (None, NO_FIELD),
            "State": "province",
            "Country": (None, NO_FIELD),
            "Email": (None, NO_FIELD),
            "Salesperson": "owner_id",
        },
    ),
    _profile(
        "纷享销客 客户导出",
        "accounts",
        ("成交状态", "客户编号"),
        {
            "客户编号": (None, NO_FIELD),
            "成交状态": "status",
            "区": (None, NO_FIELD),
            "国家": (None, NO_FIELD),
            "客户来源": (None, NO_FIELD),
            "创建时间": (None, SYSTEM),
            "最后跟进时间": (None, SYSTEM),
            "最后修改时间": (None, SYSTEM),
            "所属部门": (None, NO_FIELD),
        },
    ),
    _profile(
        "销售易 客户导出",
        "accounts",
        ("客户所有人", "创建人"),
        {
            "客户所有人": "owner_id",
            "客户编号": (None, NO_FIELD),
            "客户类型": (None, NO_FIELD),
            "区县": (None, NO_FIELD),
            "所属部门": (None, NO_FIELD),
            "创建人": (None, SYSTEM),
            "创建日期": (None, SYSTEM),
            "最近修改日期": (None, SYSTEM),
        },
    ),
)

CONTACT_PROGRAMS: tuple[Program, ...] = (
    _profile(
        "Salesforce contacts report",
        "contacts",
        ("First Name", "Last Name", "Account Name"),
        {
            "Contact Owner": (None, "contacts have no owner in Fieldbook"),
            "Mailing Street": (None, NO_FIELD),
            "Mailing City": (None, NO_FIELD),
            "Contact ID": (None, SYSTEM),
            "Created Date": (None, SYSTEM),
            "Last Activity": (None, SYSTEM),
        },
    ),
    _profile(
        "HubSpot contacts export",
        "contacts",
        ("Record ID", "First Name", "Last Name"),
        {
            "Record ID": (None, SYSTEM),
            "Contact owner": (None, "contacts have no owner in Fieldbook"),
            "Phone Number": "phone",
            "Lifecycle Stage": (None, NO_FIELD),
            "Create Date": (None, SYSTEM),
            "Last Activity Date": (None, SYSTEM),
        },
    ),
)
PROGRAMS = ACCOUNT_PROGRAMS + CONTACT_PROGRAMS

# Columns no file means as data, whatever program wrote it.
_ALWAYS_SYSTEM = ("(do not modify)",)


def recognise(kind: str, headers: Sequence[str]) -> Program | None:
    keys = {header_key(h) for h in headers if h}
    for program in PROGRAMS:
        if program.matches(kind, keys):
            return program
    return None


def system_column(header: str) -> bool:
    """Dynamics' "(Do Not Modify) ..." columns: ids and checksums, never data."""
    text = "".join(header.casefold().split())
    return any(text.startswith("".join(p.split())) for p in _ALWAYS_SYSTEM)
