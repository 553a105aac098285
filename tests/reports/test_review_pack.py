"""The account review pack: the figures each section shows, the PDF's text (pdftotext)
in Chinese and English, the workbook reopened, and the command line's look-up."""

from __future__ import annotations

import errno
import os
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.commands import main
from desktop.reports.review_pack import collect
from desktop.store.migrate import Database
from desktop.ui.review_pack_file import write_review_pack
from tests.programs import pdftotext
from tests.reports.review_pack_data import CREDIT_CODE, NAME, NOW, YEAR, PackWorld, build
from tests.visits_data import SHANGHAI, add_account


@pytest.fixture
def world(db: Database) -> PackWorld:
    return build(db)


def test_every_section_holds_the_accounts_figures(db: Database, world: PackWorld) -> None:
    with db.sessions() as session:
        pack = collect(session, world.account, YEAR, now=NOW, zone=SHANGHAI)
    assert pack.header.name == NAME
    assert pack.header.owner == "张伟"
    assert pack.header.abc == "A"  # the only account with revenue
    assert pack.header.wallet == Decimal("0.1267")  # 380k of a 3M potential
    assert [pack.revenue_of(y) for y in pack.years] == [400000, 800000, 380000]
    assert pack.revenue[(2025, 9)] == 300000
    assert (pack.target.target, pack.target.actual) == (1200000, 380000)
    assert pack.target.attainment_pct == Decimal("31.7")
    assert [(depth, p.name) for depth, p in pack.tree] == [(0, "李明"), (1, "王强")]
    assert [(g.role, g.state) for g in pack.stakeholders.gaps] == [("finance", "missing")]
    assert [r.code for r in pack.health.reasons] == [
        "orders_up",
        "overdue_long",
        "visited",
        "decision_maker_met",
        "complaints_past_sla",
    ]
    assert pack.health.score == 70 + 10 - 10 + 10 + 7 - 4
    assert [c.name for c in pack.opportunities] == ["二期测试设备扩容"]
    assert pack.receivables.outstanding == pack.receivables.overdue == 1580000
    assert pack.receivables.rows[-1].days_overdue == 97  # SO-2026-0001, due 10 March
    assert pack.past_sla == 1
    assert [t.title for t in pack.actions] == ["约财务总监确认付款计划"]
    assert [v.purpose for v in pack.visits] == [""]


def _text(path: Path) -> str:
    out = subprocess.run([pdftotext(), str(path), "-"], check=True, capture_output=True, text=True)
    return "".join(out.stdout.split())


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "zh_CN",
            [
                "关键人地图",
                "26天前见过决策者",
                "¥1,580,000.00逾期超过60天",
                "财务：无人担任",
                "2026年客户计划",
                "导入二期测试线¥650,000.002026-09-30",
                "独家测试平台",
            ],
        ),
        (
            "en",
            [
                "Stakeholderchart",
                "Adecisionmakermet26daysago",
                "¥1,580,000.00overduemorethan60days",
                "Finance:nobodyplaysit",
                "Accountplan2026",
                "导入二期测试线¥650,000.002026-09-30",
                "Strengths",
                "独家测试平台",
            ],
        ),
    ],
)
def test_pdf_names_the_account_its_stakeholders_and_health_reasons(
    qapp: Any, db: Database, world: PackWorld, tmp_path: Path, language: str, words: list[str]
) -> None:
    path = tmp_path / f"pack-{language}.pdf"
    with db.sessions() as session:
        write_review_pack(
            session, world.account, path, language=language, year=YEAR, now=NOW, zone=SHANGHAI
        )
    text = _text(path)
    assert NAME in text
    assert "王强" in text
    assert "李明" in text
    for word in words:
        assert word in text
    assert not list(tmp_path.glob(".*.part"))


def test_workbook_has_a_sheet_per_section_with_typed_values_and_charts(
    db: Database, world: PackWorld, tmp_path: Path
) -> None:
    path = tmp_path / "pack.xlsx"
    with db.sessions() as session:
        write_review_pack(
            session, world.account, path, language="zh_CN", year=YEAR, now=NOW, zone=SHANGHAI
        )
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "摘要",
        "收入趋势",
        "目标与实际",
        "客户计划",
        "SWOT",
        "空白市场",
        "关键人地图",
        "覆盖缺口",
        "健康度",
        "进行中的商机",
        "应收账款",
        "未结投诉",
        "下一步行动",
        "最近拜访",
    ]
    assert book["摘要"]["B2"].value == NAME
    revenue = book["收入趋势"]
    assert [c.value for c in revenue[1]] == ["月份", "2024", "2025", "2026"]
    assert revenue["C10"].value == 300000  # September 2025, a number
    assert len(revenue._charts) == 1
    assert len(book["目标与实际"]._charts) == 1
    assert book["目标与实际"]["B14"].value == 1200000  # the total row
    people = book["关键人地图"]
    assert [people["A2"].value, people["A3"].value.strip()] == ["李明", "王强"]
    assert people["C3"].value == "李明"  # reports to
    assert book["覆盖缺口"]["A2"].value == "财务：无人担任"
    reasons = [row[1] for row in book["健康度"].iter_rows(min_row=2, values_only=True)]
    assert "26 天前见过决策者" in reasons
    assert book["应收账款"]["E5"].value == 380000
    assert book["应收账款"]["B5"].value == "整单"  # an order without a payment plan
    assert [c.value for c in book["客户计划"][2]][:2] == ["导入二期测试线", 650000]
    assert [c.value for c in book["SWOT"][2]] == ["优势", "独家测试平台"]


def test_cli_writes_the_pack_found_by_credit_code_name_or_search(
    db: Database, world: PackWorld, data_dir: Path, tmp_path: Path, capsys: Any
) -> None:
    db.dispose()
    for index, name in enumerate([CREDIT_CODE.lower(), NAME, "华测电子", "huace"]):
        out = tmp_path / f"pack{index}.pdf"
        args = ["account", "review-pack", name, "--data-dir", str(data_dir), "-o", str(out)]
        assert main([*args, "--lang", "en", "--year", "2026"]) == 0, capsys.readouterr().err
        assert f"wrote {out}: {NAME}, 2026" in capsys.readouterr().out
        assert NAME in _text(out)
    out = tmp_path / "pack.xlsx"
    assert main(["account", "review-pack", NAME, "--data-dir", str(data_dir), "-o", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "摘要"  # Chinese by default


def test_cli_says_which_accounts_an_ambiguous_name_matches(
    db: Database, world: PackWorld, data_dir: Path, tmp_path: Path, capsys: Any
) -> None:
    add_account(db, "上海华测仪器有限公司", owner_id=world.rep)
    db.dispose()
    out = tmp_path / "pack.pdf"
    args = ["account", "review-pack", "上海华测", "--data-dir", str(data_dir), "-o", str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("fieldbook: '上海华测' matches 2 accounts; give the credit code")
    assert NAME in err
    assert "上海华测仪器有限公司" in err
    assert not out.exists()


def test_cli_says_when_nothing_matches_or_the_file_is_not_a_pack(
    db: Database, world: PackWorld, data_dir: Path, tmp_path: Path, capsys: Any
) -> None:
    db.dispose()
    base = ["account", "review-pack", "--data-dir", str(data_dir)]
    assert main([*base, "无此客户", "-o", str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err == "fieldbook: no account matches '无此客户'\n"
    assert main([*base, NAME, "-o", str(tmp_path / "x.docx")]) == 1
    assert "must end in .pdf or .xlsx" in capsys.readouterr().err
    assert main([*base, NAME, "-o", str(tmp_path / "nowhere" / "x.pdf")]) == 1
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "status", "words"),
    [
        (errno.EACCES, 77, "permission denied"),
        (errno.ENOSPC, 74, "disk is full"),
    ],
)
def test_cli_says_a_file_it_could_not_write_in_one_line(
    db: Database,
    world: PackWorld,
    data_dir: Path,
    tmp_path: Path,
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
    error: int,
    status: int,
    words: str,
) -> None:
    db.dispose()
    real = Path.write_bytes

    def refuse(self: Path, data: Any) -> int:
        if self.name.endswith(".part"):
            raise OSError(error, os.strerror(error), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refuse)
    out = tmp_path / "pack.pdf"
    args = ["account", "review-pack", NAME, "--data-dir", str(data_dir), "-o", str(out)]
    assert main(args) == status
    (line,) = capsys.readouterr().err.splitlines()
    assert words in line.lower()
    assert not out.exists()
    assert not list(tmp_path.glob(".*.part"))
