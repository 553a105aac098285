"""Importing messy files: the preview a user sees, all-or-nothing commits, the CLI."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.commands import main
from desktop.domain import models as m
from desktop.domain.credit_code import complete
from desktop.domain.services import targets
from desktop.domain.services.device import USER_ID, set_meta
from desktop.domain.uow import unit_of_work
from desktop.imports import read_table
from desktop.imports import values as parse
from desktop.imports.apply import ImportRefusedError, commit
from desktop.imports.mapping import guess
from desktop.imports.plan import preview
from desktop.reports.exports import export_targets
from desktop.store.migrate import Database
from tests.reports import builders as b

CODE = complete("91110105" + "MA01AB2C")


def _people(db: Database) -> dict[str, str]:
    with unit_of_work(db.sessions, None) as uow:
        t = b.team(uow)
        zw = b.user(uow, "zhangwei", "张伟", t)
        mgr = b.user(uow, "wangfang", "王芳", t, role="manager")
        acc = b.account(uow, "华信精密制造有限公司", zw, credit_code=CODE, tier="B")
    with db.sessions() as s, s.begin():
        set_meta(s, USER_ID, mgr)
    return {"zw": zw, "mgr": mgr, "acc": acc}


def _messy_accounts(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "客户清单"
    ws.append(["2026年客户导入表"])  # a title merged across the top
    ws.merge_cells("A1:G1")
    ws.append(
        ["客户名称", "统一社会信用代码", "联系方式", None, "客户级别", "成立日期", "潜力(元)"]
    )
    ws.append([None, None, "电话", "网址", None, None, None])
    for rng in ("A2:A3", "B2:B3", "C2:D2", "E2:E3", "F2:F3", "G2:G3"):
        ws.merge_cells(rng)
    ws.append(["  +86 Trading  ", None, 13812345678, None, "a类", 46086, "12万"])  # row 4
    ws.append(
        ["@Home", None, "13812300000", "https://home.example", "Ｂ", "2026/3/5", "１，２３４．５"]
    )  # row 5
    ws.append([None, None, None, None, None, None, None])  # blank
    ws.append(
        [
            "华信精密制造有限公司",
            " " + CODE.lower() + " ",
            "010-88886666",
            None,
            "A",
            "2026年3月5日",
            "1000000",
        ]
    )  # row 7
    ws.append(
        ["@Home", None, "13812300000", "https://home.example", "Ｂ", "2026/3/5", "１，２３４．５"]
    )  # row 8
    ws.append(["Ｆｏｏ Ltd", "91110105XXXXXXXX00", None, None, "Z", "someday", "lots"])  # row 9
    wb.save(path)


def test_messy_workbook_preview(db: Database, tmp_path: Path) -> None:
    ids = _people(db)
    path = tmp_path / "客户.xlsx"
    _messy_accounts(path)
    table = read_table(path, "accounts")
    assert table.sheet == "客户清单"
    assert table.headers == [
        "客户名称",
        "统一社会信用代码",
        "电话",
        "网址",
        "客户级别",
        "成立日期",
        "潜力(元)",
    ]
    mapping = guess("accounts", table.headers)
    assert mapping.fields == {
        "name": 0,
        "credit_code": 1,
        "phone": 2,
        "website": 3,
        "tier": 4,
        "potential": 6,
    }
    with db.sessions() as s:
        p = preview(s, "accounts", table, mapping, actor_id=ids["mgr"])
    by_line = {r.line: r for r in p.rows}
    assert sorted(by_line) == [4, 5, 7, 8, 9]  # the blank row 6 is not a record
    plus = by_line[4]
    assert plus.action == "create"
    assert plus.values == {
        "name": "+86 Trading",
        "phone": "13812345678",
        "tier": "A",
        "potential": Decimal(120000),
        "owner_id": ids["mgr"],
    }
    home = by_line[5]
    assert (home.action, home.values["name"], home.values["phone"]) == (
        "create",
        "@Home",
        "13812300000",
    )
    assert home.values["tier"] == "B"
    assert home.values["potential"] == Decimal("1234.50")
    existing = by_line[7]
    assert existing.action == "update"
    assert existing.target_id == ids["acc"]
    assert existing.changes == {
        "phone": (None, "010-88886666"),
        "tier": ("B", "A"),
        "potential": (None, Decimal(1_000_000)),
    }
    assert (by_line[8].action, by_line[8].reason) == ("skip", "same as row 5")
    bad = by_line[9]
    assert bad.action == "error"
    assert "Tier: 'Z' is not a tier" in bad.reason
    assert "Potential: 'lots' is not a number" in bad.reason
    assert p.counts == {"create": 2, "update": 1, "unchanged": 0, "skip": 1, "error": 1}


def test_failed_import_leaves_database_unchanged_then_fixed_file_commits(
    db: Database, tmp_path: Path
) -> None:
    ids = _people(db)
    path = tmp_path / "accounts.xlsx"
    _messy_accounts(path)
    table = read_table(path, "accounts")
    mapping = guess("accounts", table.headers)
    with db.sessions() as s:
        before = s.scalar(select(func.count()).select_from(m.OutboxEntry))
        p = preview(s, "accounts", table, mapping, actor_id=ids["mgr"])
    with pytest.raises(ImportRefusedError, match="row 9"):
        commit(db.sessions, p, actor_id=ids["mgr"])
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) == before
        assert s.scalar(select(func.count()).select_from(m.Account)) == 1
    # The user drops the bad row in the preview's table and commits.
    table.rows = [(line, row) for line, row in table.rows if line != 9]
    with db.sessions() as s:
        p = preview(s, "accounts", table, mapping, actor_id=ids["mgr"])
    result = commit(db.sessions, p, actor_id=ids["mgr"], source="accounts.xlsx")
    assert (result.created, result.updated, result.skipped) == (2, 1, 1)
    with db.sessions() as s:
        names = set(s.scalars(select(m.Account.name)))
        assert names == {"+86 Trading", "@Home", "华信精密制造有限公司"}
        updated = s.get(m.Account, ids["acc"])
        assert updated is not None
        assert (updated.tier, updated.potential) == ("A", Decimal(1_000_000))
        # Every write went through the unit of work: history and outbox.
        assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) > before
    # Importing the same file again changes nothing.
    with db.sessions() as s:
        again = preview(s, "accounts", table, mapping, actor_id=ids["mgr"])
    assert again.counts["unchanged"] == 3


def test_gbk_csv_contacts_with_full_width_and_dates(db: Database, tmp_path: Path) -> None:
    ids = _people(db)
    path = tmp_path / "contacts.csv"
    text = (
        "客户,姓名,职务,手机,邮箱,生日,角色\r\n"
        "华信精密制造有限公司,　李 娜　,采购总监,１３９１２３４５６７８, LI@Example.com ,"
        "1985年3月5日,决策者\r\n"
        ",,,,,,\r\n"
        f"{CODE},王强,IT主管,13900000000,,31112,影响者\r\n"
        "不存在的公司,赵六,,,,,\r\n"
    )
    path.write_bytes(text.encode("gbk"))
    table = read_table(path, "contacts")
    mapping = guess("contacts", table.headers)
    assert set(mapping.fields) == {
        "account_id",
        "name",
        "title",
        "mobile",
        "email",
        "birthday",
        "role",
    }
    with db.sessions() as s:
        p = preview(s, "contacts", table, mapping)
    rows = {r.line: r for r in p.rows}
    assert rows[2].values == {
        "account_id": ids["acc"],
        "name": "李 娜",
        "title": "采购总监",
        "mobile": "13912345678",
        "email": "li@example.com",
        "birthday": dt.date(1985, 3, 5),
        "role": "decision_maker",
    }
    assert rows[4].values["birthday"] == dt.date(1985, 3, 6)  # Excel serial 31112
    assert rows[4].values["account_id"] == ids["acc"]  # found by credit code
    assert rows[5].action == "error"
    assert "no account '不存在的公司'" in rows[5].reason
    assert 3 not in rows


def test_products_and_targets_round_trip(db: Database, tmp_path: Path) -> None:
    ids = _people(db)
    products = tmp_path / "products.csv"
    products.write_text(
        "SKU,Product name,Unit,Unit price,Tax rate\n"
        'fb-srv-01 ,Server X1,台,"38,000",13%\n'
        "FB-LIC-01,License,user,480,0.06\n",
        encoding="utf-8-sig",
    )
    table = read_table(products, "products")
    with db.sessions() as s:
        p = preview(s, "products", table, guess("products", table.headers))
    assert [r.values.get("sku") for r in p.rows] == ["FB-SRV-01", "FB-LIC-01"]
    assert p.rows[0].values["tax_rate"] == Decimal("0.13")
    commit(db.sessions, p, actor_id=ids["mgr"])

    with unit_of_work(db.sessions, ids["mgr"]) as uow:
        targets.save_annual_plan(uow, ids["zw"], targets.plan_annual(2026, Decimal(120_000)))
    grid = tmp_path / "targets.xlsx"
    with db.sessions() as s:
        assert export_targets(s, grid, year=2026, language="zh_CN") == 17
    # Edit it "in Excel": March goes up, and a quarter typed the Chinese way.
    from openpyxl import load_workbook

    wb = load_workbook(grid)
    ws = wb.active
    assert ws is not None
    for row in ws.iter_rows(min_row=2):
        if row[2].value == "2026-03":
            row[3].value = 15000
        if row[2].value == "2026-Q2":
            row[2].value = "2026年第2季度"
    wb.save(grid)
    table = read_table(grid, "targets")
    mapping = guess("targets", table.headers)
    assert mapping.fields == {"owner_id": 0, "account_id": 1, "period": 2, "amount": 3}
    with db.sessions() as s:
        p = preview(s, "targets", table, mapping)
    changed = [r for r in p.rows if r.action == "update"]
    assert [(r.values["period"], r.changes) for r in changed] == [
        ("2026-03", {"amount": (Decimal(10000), Decimal(15000))})
    ]
    assert p.counts["unchanged"] == 16
    commit(db.sessions, p)
    with db.sessions() as s:
        assert targets.target_for(s, ids["zw"], "2026-03") == Decimal(15000)


def test_cli_import_dry_run_errors_and_commit(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(db)
    path = tmp_path / "accounts.xlsx"
    _messy_accounts(path)
    args = ["import", "accounts", str(path), "--data-dir", str(data_dir)]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "2 to create, 1 to update, 0 unchanged, 1 skipped, 1 errors" in captured.out
    assert "row 9: error: Tier: 'Z' is not a tier" in captured.out
    assert "Credit code: the last character should be" in captured.out
    assert "row 8: skip: same as row 5" in captured.out
    assert "nothing imported" in captured.err
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(m.Account)) == 1

    good = tmp_path / "good.csv"
    good.write_text("名称,级别\n+86 Trading,A\n", encoding="utf-8")
    assert main(["import", "accounts", str(good), "--data-dir", str(data_dir), "--dry-run"]) == 0
    assert "dry run: nothing written" in capsys.readouterr().out
    assert main(["import", "accounts", str(good), "--data-dir", str(data_dir)]) == 0
    assert "imported: 1 created" in capsys.readouterr().out
    with db.sessions() as s:
        assert s.scalar(select(m.Account.name).where(m.Account.tier == "A")) == "+86 Trading"

    nocol = tmp_path / "nocol.csv"
    nocol.write_text("foo,bar\n1,2\n", encoding="utf-8")
    assert main(["import", "accounts", str(nocol), "--data-dir", str(data_dir)]) == 1
    assert (
        "no column is read as Name: the header (row 1) has 'foo', 'bar'" in capsys.readouterr().err
    )
    assert main(["import", "accounts", str(tmp_path / "x.txt"), "--data-dir", str(data_dir)]) == 1


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2026-03-05", dt.date(2026, 3, 5)),
        ("2026/3/5", dt.date(2026, 3, 5)),
        ("2026.3.5", dt.date(2026, 3, 5)),
        ("2026年3月5日", dt.date(2026, 3, 5)),
        ("２０２６年３月５日", dt.date(2026, 3, 5)),
        (46086, dt.date(2026, 3, 5)),
        ("46086", dt.date(2026, 3, 5)),
        ("20260305", dt.date(2026, 3, 5)),
        (dt.datetime(2026, 3, 5, 0, 0), dt.date(2026, 3, 5)),
        ("2026-03-05 00:00:00", dt.date(2026, 3, 5)),
    ],
)
def test_dates_as_people_write_them(raw: object, day: dt.date) -> None:
    assert parse.parse_date(raw) == day


def test_bad_dates_and_numbers_say_why() -> None:
    with pytest.raises(parse.RowError, match="not a real date"):
        parse.parse_date("2026/2/30")
    assert parse.parse_money(" ¥1,234.565 ") == Decimal("1234.57")
    assert parse.parse_money("3.5万元") == Decimal(35000)
    assert parse.parse_rate("6") == Decimal("0.06")
    with pytest.raises(parse.RowError):
        parse.parse_money("-5")
