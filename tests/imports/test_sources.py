"""Files as other programs write them, imported through ``fieldbook import`` as a new
user would: what lands in the database and what the user is told."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.commands import main
from desktop.domain import models as m
from desktop.domain.services.device import USER_ID, set_meta
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.imports import sources
from tests.reports import builders as b


@pytest.fixture
def people(db: Database) -> dict[str, str]:
    with unit_of_work(db.sessions, None) as uow:
        t = b.team(uow)
        zw = b.user(uow, "zhangwei", "张伟", t)
        mgr = b.user(uow, "wangfang", "王芳", t, role="manager")
    with db.sessions() as s, s.begin():
        set_meta(s, USER_ID, mgr)
    return {"zw": zw, "mgr": mgr}


Run = tuple[int, str, str]


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def call(*args: str) -> Run:
        code = main(["import", *args, "--data-dir", str(data_dir)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


def column(out: str, header: str) -> str:
    """What the report says a column is read as ("Name", "ignored (...)")."""
    found = re.search(rf"^  {re.escape(header)} +-> (.*)$", out, re.MULTILINE)
    assert found is not None, f"no line for column {header!r} in:\n{out}"
    return found.group(1)


def _accounts(db: Database) -> dict[str, m.Account]:
    with db.sessions() as s:
        rows = s.scalars(select(m.Account)).all()
        s.expunge_all()
    return {a.name: a for a in rows}


def test_salesforce_report_footer_is_skipped_not_imported(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = sources.salesforce_report(tmp_path / "report1733300000000.csv")
    code, out, err = run("accounts", str(path))
    assert code == 0, err
    assert "recognised: Salesforce accounts report" in out
    assert column(out, "Account Number") == "ignored (Fieldbook has no field for it)"
    assert "row 7: skip: below the data, part of the report's footer: My Accounts" in out
    assert "row 8: skip: a copyright line: Copyright (c) 2000-2026" in out
    assert "row 9: skip: a confidentiality line" in out
    assert "row 10: skip: who made the report and when" in out
    assert "row 11: skip: below the data, part of the report's footer: Fieldbook Demo Co" in out
    accounts = _accounts(db)
    assert set(accounts) == {"Acme Trading Ltd", "Blue Sky Logistics", "Cedar Foods Co."}
    assert accounts["Acme Trading Ltd"].owner_id == people["mgr"]  # "Wang Fang" = wangfang
    assert accounts["Cedar Foods Co."].owner_id == people["zw"]
    assert accounts["Blue Sky Logistics"].status == "prospect"
    assert accounts["Acme Trading Ltd"].status == "active"  # "Customer - Direct"
    assert "read as Status: 'Customer - Direct' -> active (1 rows)" in out


@pytest.mark.parametrize("hidden_first", [True, False])
def test_dynamics_export_reads_the_visible_sheet_and_never_the_guid_column(
    db: Database, people: dict[str, str], run, tmp_path: Path, hidden_first: bool
) -> None:
    path = sources.dynamics_export(tmp_path / "Active Accounts.xlsx", hidden_first=hidden_first)
    code, out, err = run("accounts", str(path))
    assert code == 0, err
    assert "read Active Accounts.xlsx: sheet 'Active Accounts'" in out
    assert "hidden sheets are not data: hiddenSheet" in out
    assert "recognised: Dynamics 365 accounts (Export to Excel)" in out
    assert column(out, "(Do Not Modify) Account") == "ignored (a system column of the program)"
    assert column(out, "Account Name") == "Name"
    assert "imported: 3 created" in out
    accounts = _accounts(db)
    assert set(accounts) == {"Contoso 0", "Contoso 1", "Contoso 2"}
    assert accounts["Contoso 1"].phone == "010-8888 0001"
    assert not any(guid in str(a.name) for a in accounts.values() for guid in sources.GUIDS)
    code, out, err = run("accounts", str(path), "--sheet", "hiddenSheet")
    assert (code, err) == (
        1,
        "fieldbook: Active Accounts.xlsx: sheet 'hiddenSheet' is hidden; hidden sheets are not data\n",
    )


def test_template_instructions_sheet_is_not_data(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = sources.template_with_instructions(tmp_path / "客户导入模板.xlsx")
    code, out, err = run("accounts", str(path))
    assert code == 0, err
    assert "sheet '客户信息' (its header names 4 known columns)" in out
    accounts = _accounts(db)
    assert set(accounts) == {"南京金陵重工有限公司", "合肥科大讯通有限公司"}
    assert accounts["南京金陵重工有限公司"].tier == "A"  # A类客户
    assert accounts["合肥科大讯通有限公司"].tier == "B"  # 普通客户, through the table
    assert "read as Tier: '普通客户' -> B (1 rows)" in out


def test_windows_1252_semicolon_csv_with_decimal_commas(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = sources.european_csv(tmp_path / "kunden.csv")
    code, out, err = run("accounts", str(path), "--ignore", "Potential", "--dry-run")
    assert code == 0, err
    assert "text in cp1252, semicolon-separated" in out
    assert column(out, "Potential") == "ignored (ignored by you)"
    code, out, err = run("accounts", str(path), "--map", "Potential=potential")
    assert code == 0, err
    assert column(out, "Potential") == "Potential (set by you)"
    accounts = _accounts(db)
    assert set(accounts) == {"Müller Maschinenbau GmbH", "Bäckerei Schäfer"}
    assert accounts["Müller Maschinenbau GmbH"].city == "Köln"
    # Decimal commas read as the file means them, not as 15 and 12.00.
    assert accounts["Müller Maschinenbau GmbH"].potential == Decimal("1.50")
    assert accounts["Bäckerei Schäfer"].potential == Decimal("12000.75")


def test_scientific_notation_phones_are_refused_with_how_to_keep_the_digits(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = sources.gbk_scientific_csv(tmp_path / "客户.csv")
    code, out, err = run("accounts", str(path))
    assert code == 1
    assert "text in gb18030" in out
    assert out.count("digits were lost") == 6
    assert "set the column's format to Text in Excel" in out
    assert "nothing imported: 6 rows have errors" in err
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(m.Account)) == 0
        assert s.scalar(select(func.count()).where(m.Account.phone.like("186246%"))) == 0


def test_title_block_above_the_header_and_total_below(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = sources.titled_csv(tmp_path / "客户清单.csv")
    code, out, err = run("accounts", str(path))
    assert code == 0, err
    assert "header: row 11; 1 data rows" in out
    assert "row 13: skip: a total row: 合计 | 120,000" in out
    assert set(_accounts(db)) == {"常州天合机电有限公司"}
    assert _accounts(db)["常州天合机电有限公司"].potential == Decimal(120000)


def test_utf16_unicode_text_from_excel(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = sources.unicode_text(tmp_path / "客户.txt")
    code, out, err = run("accounts", str(path))
    assert code == 0, err
    assert "text in utf-16, tab-separated" in out
    assert set(_accounts(db)) == {"无锡华光电子有限公司", "Südwest Handel GmbH"}


def test_odoo_headers_map_by_whole_name_only(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = sources.odoo_contacts(tmp_path / "res.partner.xlsx")
    code, out, err = run("accounts", str(path))
    assert code == 0, err
    assert "recognised: Odoo contacts export" in out
    assert column(out, "Is a Company") == "ignored (Fieldbook has no field for it)"
    assert column(out, "Tax ID") == "Credit code"
    assert column(out, "Mobile") == "Phone"
    assert column(out, "Company") == "ignored (your own company in Odoo)"
    account = _accounts(db)["宁波海天塑机有限公司"]
    assert account.credit_code == "91330200MA2H00006C"
    assert account.address == "北仑区海天路1号"
    assert account.province == "浙江省"
    assert account.phone == "13957400000"
    assert account.owner_id == people["zw"]
    assert account.tags == ",VIP,Machinery,"


def test_hubspot_fxiaoke_and_xiaoshouyi_exports(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    code, out, err = run("accounts", str(sources.hubspot_companies(tmp_path / "hubspot.csv")))
    assert code == 0, err
    assert "recognised: HubSpot companies export" in out
    globex = _accounts(db)["Globex Shanghai"]
    assert (globex.website, globex.status, globex.province) == (
        "globex.example",
        "active",
        "Shanghai",
    )
    assert _accounts(db)["Initech Beijing"].status == "prospect"  # lifecycle stage "lead"

    code, out, err = run("accounts", str(sources.fxiaoke_accounts(tmp_path / "客户.xlsx")))
    assert code == 0, err
    assert "recognised: 纷享销客 客户导出" in out
    assert column(out, "客户编号") == "ignored (Fieldbook has no field for it)"
    assert column(out, "成交状态") == "Status"
    zhengtai = _accounts(db)["温州正泰电气有限公司"]
    assert (zhengtai.tier, zhengtai.status, zhengtai.owner_id) == ("A", "active", people["zw"])
    assert _accounts(db)["台州吉利零部件有限公司"].status == "prospect"  # 未成交

    code, out, err = run("accounts", str(sources.xiaoshouyi_accounts(tmp_path / "销售易.csv")))
    assert code == 0, err
    assert "recognised: 销售易 客户导出" in out
    xiangyu = _accounts(db)["厦门象屿物流有限公司"]
    assert (xiangyu.phone, xiangyu.tier, xiangyu.city) == ("13806000000", "B", "厦门市")


def test_headers_that_only_contain_an_alias_are_not_mapped(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "成交状态,客户名称,电话,联系电话\n已成交,常熟开关厂,0512-5211 0001,0512-5211 0002\n",
        "utf-8",
    )
    code, out, err = run("accounts", str(path), "--dry-run")
    assert code == 0, err
    assert column(out, "成交状态") == "ignored (not a known column)"
    assert "ambiguous: '电话' and '联系电话' could each be Phone" in out
    assert column(out, "电话") == "ignored (ambiguous: could be Phone)"
    code, out, err = run("accounts", str(path), "--map", "联系电话=phone")
    assert code == 0, err
    assert _accounts(db)["常熟开关厂"].phone == "0512-5211 0002"


def test_unknown_owners_are_listed_once_then_mapped_or_taken(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = tmp_path / "owners.csv"
    rows = ["客户名称,负责人"] + [f"客户{i},Jane Doe" for i in range(3)] + ["客户9,Bob"]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    code, out, err = run("accounts", str(path))
    assert code == 1
    assert "'Jane Doe': 3 rows" in out
    assert "'Bob': 1 rows" in out
    assert "row 2:" not in out  # one line per owner, not one per row
    assert "4 more rows have an owner who is not a user" in out
    assert "nothing imported" in err

    code, out, err = run(
        "accounts", str(path), "--map-owner", "Jane Doe=zhangwei", "--map-owner", "Bob=王芳"
    )
    assert code == 0, err
    accounts = _accounts(db)
    assert accounts["客户0"].owner_id == people["zw"]
    assert accounts["客户9"].owner_id == people["mgr"]

    other = tmp_path / "others.csv"
    other.write_text("客户名称,负责人\n新客户,Somebody Else\n", "utf-8")
    code, out, err = run("accounts", str(other), "--owner", "me")
    assert code == 0, err
    assert _accounts(db)["新客户"].owner_id == people["mgr"]
    code, out, err = run("accounts", str(other), "--owner", "nobody")
    assert (code, err.strip()) == (
        1,
        "fieldbook: owner: no user 'nobody' (username, name or rep code)",
    )


def test_dry_run_prints_the_mapping_before_the_rows(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Firma,级别\n苏州电讯,Z\n", "utf-8")
    code, out, _ = run("accounts", str(path), "--dry-run")
    assert code == 1
    assert "no column is read as Name" in _
    code, out, err = run("accounts", str(path), "--dry-run", "--map", "Firma=Name")
    assert code == 1
    assert column(out, "Firma") == "Name (set by you)"
    assert out.index("  Firma ") < out.index("row 2: error: Tier: 'Z'")
    code, out, err = run("accounts", str(path), "--map", "Nope=name")
    assert (code, "the file has no column 'Nope'" in err) == (1, True)
    code, out, err = run("accounts", str(path), "--map", "Firma=colour")
    assert (code, "no field 'colour'" in err) == (1, True)


def test_help_shows_the_fields_and_the_word_tables(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["import", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "  accounts: name, short_name, credit_code," in out
    assert "  B: 普通客户, 一般客户" in out
    assert "  active: 已成交," in out


def test_the_rule_book_names_the_row_in_the_preview(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"客户名称,详细地址\n好客户,短地址\n长客户,{'路' * 301}\n", "utf-8")
    code, out, err = run("accounts", str(path))
    assert code == 1
    assert "row 3: error: Address: Address is longer than 300 characters" in out
    assert "nothing imported: 1 rows have errors" in err
    assert _accounts(db) == {}


def test_crm_contacts_with_first_and_last_name(
    db: Database, people: dict[str, str], run, tmp_path: Path
) -> None:
    with unit_of_work(db.sessions, people["mgr"]) as uow:
        acme = b.account(uow, "Acme Trading Ltd", people["mgr"])
        huaxin = b.account(uow, "华信精密制造有限公司", people["mgr"])
    code, out, err = run("contacts", str(sources.salesforce_contacts(tmp_path / "c.csv")))
    assert code == 0, err
    assert "recognised: Salesforce contacts report" in out
    assert column(out, "First Name") == "First name"
    assert column(out, "Contact Owner") == "ignored (contacts have no owner in Fieldbook)"
    assert "row 6: skip: a copyright line" in out
    code, out, err = run("contacts", str(sources.hubspot_contacts(tmp_path / "h.csv")))
    assert code == 0, err
    assert "recognised: HubSpot contacts export" in out
    with db.sessions() as s:
        contacts = {c.name: c for c in s.scalars(select(m.Contact))}
    assert set(contacts) == {"Jane Doe", "张伟", "Li Na"}
    assert (contacts["Jane Doe"].account_id, contacts["Jane Doe"].title) == (acme, "CFO")
    assert contacts["Jane Doe"].mobile == "+86 139 0000 1111"
    assert contacts["张伟"].account_id == huaxin  # through the duplicate-name key
    assert contacts["Li Na"].phone == "021-5555 0000"
