"""``fieldbook export receivables``: plan vs actual per order, ageing by account, the
overdue instalments oldest first, DSO by account and rep, as of a chosen day; the
meeting pack's 回款 sheet; a bad date is refused in one line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.commands import main
from desktop.domain.models import Order
from desktop.domain.services import receivables
from desktop.reports.meeting_pack import build_meeting_pack
from desktop.store.migrate import Database
from tests.reports import builders as b
from tests.seed import seeded

AS_OF = dt.date(2028, 3, 31)


def world(db: Database) -> None:
    """张伟's order of 100,000 (plan 30/60/10, 50,000 paid over two instalments) and
    a plan-less order of 20,000 due 2028-02-29, unpaid."""
    ids = b.sales_world(db)
    with seeded(db.sessions, ids["zw"]) as uow:
        account = b.account(uow, "回款有限公司", ids["zw"], tier="A")
        order = uow.add(
            Order(
                number="SO-R-1",
                account_id=account,
                owner_id=ids["zw"],
                order_date=dt.date(2028, 1, 2),
                amount=D(100000),
            )
        ).id
        uow.add(
            Order(
                number="SO-R-2",
                account_id=account,
                owner_id=ids["zw"],
                order_date=dt.date(2028, 1, 2),
                amount=D(20000),
                payment_due=dt.date(2028, 2, 29),
            )
        )
    with seeded(db.sessions, ids["zw"]) as uow:
        advance, acceptance, _ = receivables.add_instalments(
            uow,
            "order",
            order,
            [
                {"kind": "advance", "due_on": dt.date(2028, 1, 10), "percent": 30},
                {"kind": "on_acceptance", "due_on": dt.date(2028, 2, 29), "percent": 60},
                {"kind": "retention", "due_on": dt.date(2029, 1, 2), "percent": 10},
            ],
        )
        receivables.record_payment(
            uow, order, dt.date(2028, 2, 1), D(50000), {advance: D(30000), acceptance: D(20000)}
        )


def test_export_sheets_and_figures(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world(db)
    out = tmp_path / "receivables.xlsx"
    args = ["export", "receivables", "--data-dir", str(data_dir), "--language", "en"]
    assert main([*args, "--as-of", AS_OF.isoformat(), "-o", str(out)]) == 0
    assert "5 sheets" in capsys.readouterr().out
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Plan vs actual",
        "Ageing by account",
        "Overdue instalments",
        "DSO by account",
        "DSO by rep",
    ]
    plan = {r[3]: r for r in wb["Plan vs actual"].iter_rows(min_row=2, values_only=True)}
    # Account, rep, kind, number, instalments, planned, paid, open, overdue, collected.
    assert plan["SO-R-1"][1:] == (
        "张伟",
        "Sales order",
        "SO-R-1",
        3,
        100000,
        50000,
        50000,
        40000,
        0.5,
    )
    assert plan["SO-R-2"][4:9] == (1, 20000, 0, 20000, 20000)
    assert wb["Plan vs actual"]["F2"].number_format == "¥#,##0.00"
    ageing = {r[0]: r for r in wb["Ageing by account"].iter_rows(min_row=2, values_only=True)}
    # Not yet due 10,000; 31 days past 2028-02-29 on 2028-03-31: 40,000 + 20,000 in 31–90.
    assert ageing["回款有限公司"][2:] == (10000, 0, 60000, 0, 0, 60000, 70000)
    overdue = list(wb["Overdue instalments"].iter_rows(min_row=2, values_only=True))
    mine = [r for r in overdue if r[0] == "回款有限公司"]
    assert [(r[2], r[3], r[8], r[9], r[10]) for r in mine] == [
        ("SO-R-1", "On acceptance", 40000, 31, "31–90 days"),
        ("SO-R-2", "Whole order", 20000, 31, "31–90 days"),
    ]
    assert mine[0][5] == dt.datetime(2028, 2, 29)
    dso = {r[0]: r for r in wb["DSO by account"].iter_rows(min_row=2, values_only=True)}
    # Fell due and open 60,000; fell due in the 90 days to 2028-03-31: 30,000 + 60,000
    # + 20,000 = 110,000; 60,000 / 110,000 x 90 = 49.1 days.
    assert dso["回款有限公司"][2:] == (60000, 110000, 49.1)
    reps = {r[0]: r for r in wb["DSO by rep"].iter_rows(min_row=2, values_only=True)}
    assert reps["张伟"][1] >= 1

    assert main([*args, "--as-of", "2028-02-30", "-o", str(out)]) == 1
    assert "--as-of '2028-02-30' is not a date" in capsys.readouterr().err


def test_meeting_pack_has_the_receivables_sheet(db: Database, tmp_path: Path) -> None:
    world(db)
    path = tmp_path / "pack.xlsx"
    with db.sessions() as s:
        result = build_meeting_pack(s, path, "2028-Q1", language="zh_CN", now=b.local(2028, 3, 31))
    assert "回款" in result.sheets
    sheet = load_workbook(path)["回款"]
    rows = list(sheet.iter_rows(min_row=1, values_only=True))
    assert rows[0][:4] == ("销售代表", "计划金额", "已回款", "未收")
    by_rep = {r[0]: r for r in rows[1:] if r and r[0]}
    assert by_rep["张伟"][1:4] == (120000, 50000, 70000)
    assert by_rep["总额"][1:4] == (120000, 50000, 70000)
    title = next(i for i, r in enumerate(rows) if r and r[0] == "逾期最久的回款")
    assert rows[title + 1][:4] == ("客户", "销售代表", "合同或订单", "回款节点")
    assert rows[title + 2][2:4] == ("SO-R-1", "验收款")
