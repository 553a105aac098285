"""A phone's contacts (.vcf) and the older workbook formats (.xls, .ods) LibreOffice
writes, imported through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.commands import main
from desktop.domain import models as m
from desktop.domain.services.device import USER_ID, set_meta
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.imports import sources
from tests.reports import builders as b
from tests.reports.office import convert


@pytest.fixture
def world(db: Database) -> dict[str, str]:
    with unit_of_work(db.sessions, None) as uow:
        t = b.team(uow)
        zw = b.user(uow, "zhangwei", "张伟", t)
        acc = b.account(uow, "华信精密制造有限公司", zw)
    with db.sessions() as s, s.begin():
        set_meta(s, USER_ID, zw)
    return {"zw": zw, "acc": acc}


def _import(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args, "--data-dir", str(data_dir)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_vcards_3_and_4_become_contacts_of_matching_accounts(
    db: Database,
    world: dict[str, str],
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = sources.phone_contacts(tmp_path / "contacts.vcf")
    code, out, err = _import(data_dir, capsys, "contacts", str(path))
    assert code == 0, err
    assert "read contacts.vcf: 4 vCards (utf-8)" in out
    assert "card 3: skip: Account: no account 'Unbekannte AG'" in out
    assert "card 4: skip: no organisation on the card" in out
    assert "organisations that are no account (those cards are skipped):" in out
    assert "'Unbekannte AG': 1 cards" in out
    with db.sessions() as s:
        contacts = {c.name: c for c in s.scalars(select(m.Contact))}
    assert set(contacts) == {"李娜", "王强"}
    lina = contacts["李娜"]
    assert lina.account_id == world["acc"]
    assert (lina.title, lina.department) == ("采购总监", "采购部")
    assert (lina.mobile, lina.phone, lina.email) == (
        "139 1234 5678",
        "010-8888 6666",
        "lina@huaxin.example",
    )
    assert lina.notes == "Address: 中国 北京市 北京 建国路88号"
    # "华信精密制造（有限公司）" is the same company after the duplicate-name normalisation.
    wang = contacts["王强"]
    assert (wang.account_id, wang.mobile, wang.department) == (
        world["acc"],
        "+86-139-0000-0000",
        "信息部",
    )

    # Again: the same people are there, nothing new.
    code, out, err = _import(data_dir, capsys, "contacts", str(path))
    assert code == 0, err
    assert "0 to create, 0 to update, 2 unchanged" in out


def test_vcards_of_which_none_match_import_nothing_and_fail(
    db: Database,
    world: dict[str, str],
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\nORG:Nobody GmbH\nEND:VCARD\n"
    path = sources.phone_contacts(tmp_path / "one.vcf", text)
    code, _, err = _import(data_dir, capsys, "contacts", str(path))
    assert code == 1
    assert "nothing imported: no row of the file is a record to import" in err
    code, _, err = _import(data_dir, capsys, "accounts", str(path))
    assert (code, "a vCard file holds contacts" in err) == (1, True)
    broken = tmp_path / "broken.vcf"
    broken.write_text("BEGIN:VCARD\nVERSION:3.0\nFN;=:\nEND:VCARD\nBEGIN:VCARD\n", "utf-8")
    code, _out, err = _import(data_dir, capsys, "contacts", str(broken))
    assert code == 1
    assert err.startswith("fieldbook: broken.vcf: card")
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(m.Contact)) == 0


@pytest.fixture(scope="session")
def old_formats(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One workbook, saved by LibreOffice as Excel 97-2003 and as OpenDocument."""
    folder = tmp_path_factory.mktemp("old-formats")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "客户"
    ws.append(["客户名称", "客户级别", "联系电话", "潜力"])
    ws.append(["扬州亚星客车有限公司", "A级", "0514-8731 0000", 500000])
    ws.append(["镇江大全电气有限公司", "C", 51188880000, 12.5])
    hidden = wb.create_sheet("old")
    hidden.append(["客户名称", "客户级别"])
    hidden.append(["不该导入的客户", "A"])
    hidden.sheet_state = "hidden"
    source = folder / "accounts.xlsx"
    wb.save(source)
    return {fmt: convert(source, fmt, folder) for fmt in ("xls", "ods")}


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods_workbooks(
    db: Database,
    world: dict[str, str],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    old_formats: dict[str, Path],
    fmt: str,
) -> None:
    code, out, err = _import(data_dir, capsys, "accounts", str(old_formats[fmt]))
    assert code == 0, err
    assert "hidden sheets are not data: old" in out
    with db.sessions() as s:
        rows = {a.name: a for a in s.scalars(select(m.Account))}
    assert set(rows) == {"华信精密制造有限公司", "扬州亚星客车有限公司", "镇江大全电气有限公司"}
    assert rows["扬州亚星客车有限公司"].tier == "A"
    assert rows["镇江大全电气有限公司"].phone == "51188880000"
    assert str(rows["镇江大全电气有限公司"].potential) == "12.50"
