"""The meeting pack: sheets, figures, charts, colours, language; and the export commands."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.commands import main
from desktop.domain.services import complaints
from desktop.reports.meeting_pack import build_meeting_pack
from desktop.store.migrate import Database
from tests.programs import pdftotext
from tests.reports import builders as b
from tests.reports.office import convert
from tests.seed import seeded

NOW = b.local(2026, 10, 15)
EVIL = "=cmd|' /C calc'!A0"


def _pack(db: Database, path: Path, language: str, team: bool = True) -> list[str]:
    ids = b.sales_world(db)
    with seeded(db.sessions, ids["zw"]) as uow:
        acc = b.account(uow, "@Home 家居", ids["zw"])
        complaints.log_complaint(
            uow,
            {
                "account_id": acc,
                "title": EVIL,
                "category": "price",
                "opened_at": b.local(2026, 10, 1),
            },
        )
    with db.sessions() as s:
        result = build_meeting_pack(
            s, path, "2026-Q3", team_id=ids["east"] if team else None, language=language, now=NOW
        )
    return result.sheets


def test_english_pack_has_every_sheet_figure_and_chart(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "pack.xlsx"
    sheets = _pack(db, path, "en")
    wb = load_workbook(path)
    assert (
        wb.sheetnames
        == sheets
        == [
            "Summary",
            "By month",
            "Targets",
            "Pipeline",
            "Visits",
            "Quotes",
            "Complaints",
            "Complaints by age",
            "Collections",
            "Renewals next quarter",
            "Win-loss",
        ]
    )
    summary = {row[0]: row[1:] for row in wb["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Period"][0] == "2026-Q3"
    assert summary["Team"][0] == "华东"
    assert summary["Target"][1] == 90_000
    assert summary["Actual"][1:3] == (45_000, 0.5)
    assert summary["Quotes accepted"][2:] == (0.5, 1)

    targets = wb["Targets"]
    header = [c.value for c in targets[1]]
    assert header[:4] == ["Rep", "2026-07 Target", "2026-07 Actual", "2026-07 Attainment"]
    rows = list(targets.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["张伟", "Team total"]
    assert rows[0][4:7] == (30_000, 45_000, 1.5)  # August: target, actual, attainment
    assert targets["B2"].number_format == "¥#,##0.00"
    assert targets["D2"].number_format == "0.0%"
    colouring = {
        str(rng.sqref): [r.dxf.fill.fgColor.rgb for r in rules]
        for rng, rules in targets.conditional_formatting._cf_rules.items()
    }
    assert colouring["D2:D3"] == ["00F8CBAD", "00FFE699", "00C6E0B4"]  # red, amber, green

    for name in ("By month", "Targets", "Pipeline", "Visits", "Complaints by age"):
        assert len(wb[name]._charts) == 1, name
    for name in sheets:
        assert wb[name].freeze_panes == "A2"
        assert wb[name].auto_filter.ref is not None

    quotes = list(wb["Quotes"].iter_rows(min_row=2, values_only=True))
    assert [q[0] for q in quotes] == ["Q-2", "Q-1", "Q-3", "Q-4"]
    assert quotes[1][4] == "Accepted"
    assert quotes[1][8] == dt.datetime(2026, 8, 20, 10, 0)
    complaint_rows = list(wb["Complaints"].iter_rows(min_row=2, values_only=True))
    titles = {r[1]: r for r in complaint_rows}
    assert EVIL in titles  # written as text...
    evil_cell = next(c for c in wb["Complaints"]["B"] if c.value == EVIL)
    assert evil_cell.data_type == "s"  # ...never as a formula
    assert titles["质量"][9] == "Breached"


def test_chinese_pack_reads_in_libreoffice(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "pack.xlsx"
    sheets = _pack(db, path, "zh_CN", team=False)
    assert sheets == [
        "摘要",
        "按月",
        "目标完成",
        "商机",
        "拜访覆盖",
        "报价",
        "投诉",
        "投诉账龄",
        "回款",
        "下季度到期合同",
        "赢单输单",
    ]
    wb = load_workbook(path)
    assert [c.value for c in wb["目标完成"][1]][:2] == ["销售代表", "2026-07 目标"]
    assert [r[0] for r in wb["商机"].iter_rows(min_row=2, values_only=True)][:2] == [
        "线索",
        "已确认",
    ]
    pdf = convert(path, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        [pdftotext(), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # What LibreOffice printed: the Chinese headers, the figures and the text as text.
    assert "销售代表" in text
    assert "¥120,000.00" in text  # both teams' Q3 targets
    assert EVIL in text
    assert "剩余天数" in text  # the renewals sheet's header
    assert "输给对方" in text  # the win-loss sheet's header


def test_cli_exports_and_refuses_bad_input(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b.sales_world(db)
    out = tmp_path / "pack.xlsx"
    args = ["export", "meeting-pack", "--data-dir", str(data_dir), "--period", "2026-q3"]
    assert main([*args, "--team", "华东", "--language", "en", "-o", str(out)]) == 0
    assert "11 sheets" in capsys.readouterr().out
    assert load_workbook(out)["Summary"]["B3"].value == "华东"
    assert main([*args, "--team", "nowhere", "-o", str(out)]) == 1
    assert "no team called 'nowhere'" in capsys.readouterr().err
    assert (
        main(
            [
                "export",
                "meeting-pack",
                "--data-dir",
                str(data_dir),
                "--period",
                "Q3",
                "-o",
                str(out),
            ]
        )
        == 1
    )
    assert "not a period" in capsys.readouterr().err
    assert main([*args, "-o", str(tmp_path / "pack.csv")]) == 1

    accounts = tmp_path / "accounts.xlsx"
    assert (
        main(
            [
                "export",
                "accounts",
                "--data-dir",
                str(data_dir),
                "--language",
                "zh_CN",
                "-o",
                str(accounts),
            ]
        )
        == 0
    )
    assert "wrote 4 accounts" in capsys.readouterr().out
    ws = load_workbook(accounts).active
    assert ws is not None
    assert ws["A1"].value == "名称"
    assert sorted(r[0] for r in ws.iter_rows(min_row=2, values_only=True)) == sorted(
        ["甲公司", "乙公司", "丙公司", "丁公司"]
    )
    assert ws["J1"].value == "状态"
    assert {r[9] for r in ws.iter_rows(min_row=2, values_only=True)} == {"合作中", "流失"}


def test_pack_for_a_month_with_nothing_in_it(db: Database, tmp_path: Path) -> None:
    with db.sessions() as s:
        result = build_meeting_pack(s, tmp_path / "empty.xlsx", "2030-01", language="en", now=NOW)
    assert (result.reps, result.quotes, result.complaints) == (0, 0, 0)
    wb = load_workbook(tmp_path / "empty.xlsx")
    assert wb["Summary"]["C5"].value in (0, Decimal(0))
