"""Opportunities in and out: a CRM's opportunities report read with its stage words, a
lost deal without a reason named in the preview (nothing imported), and the export
read back by the import as unchanged (in Chinese too)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.commands import main
from desktop.domain import models as m
from desktop.imports import values as parse
from desktop.store.migrate import Database
from tests.imports.test_import import _people

REPORT = """Opportunity Name,Account Name,Stage,Amount,Probability (%),Close Date,Opportunity Owner,Next Step
二期扩容,华信精密制造有限公司,Proposal/Price Quote,"1,250,000.00",60%,2026/12/20,zhangwei,周五前发方案
备件框架,华信精密制造有限公司,Closed Lost,80000,0,2026-11-02,zhangwei,
"""


@pytest.mark.parametrize(
    ("raw", "stage"),
    [
        ("Closed Won", "won"),
        ("商务谈判", "negotiation"),
        ("线索", "lead"),
        ("Qualification", "qualified"),
    ],
)
def test_stage_words_of_crms(raw: str, stage: str) -> None:
    assert parse.parse_stage(raw) == stage


@pytest.mark.parametrize(("raw", "percent"), [("60%", 60), (60, 60), (0.6, 60), ("100", 100)])
def test_probabilities_as_files_write_them(raw: object, percent: int) -> None:
    assert parse.parse_percent(raw) == percent


def test_a_lost_deal_without_a_reason_is_named_and_nothing_is_imported(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(db)
    report = tmp_path / "opportunities.csv"
    report.write_text(REPORT, encoding="utf-8")
    command = ["import", "opportunities", str(report), "--data-dir", str(data_dir)]
    assert main(command) == 1
    err = capsys.readouterr()
    assert "row 3" in err.out + err.err
    assert "a lost opportunity says why it was lost" in err.out + err.err
    with db.sessions() as s:
        assert s.scalars(select(m.Opportunity)).all() == []

    with_reason = REPORT.replace(",Next Step\n", ",Next Step,Loss Reason\n")
    with_reason = with_reason.replace("周五前发方案\n", "周五前发方案,\n")
    report.write_text(with_reason.replace("zhangwei,\n", "zhangwei,,价格\n"), encoding="utf-8")
    assert main(command) == 0
    assert "imported: 2 created" in capsys.readouterr().out
    with db.sessions() as s:
        rows = {o.name: o for o in s.scalars(select(m.Opportunity))}
    big, lost = rows["二期扩容"], rows["备件框架"]
    assert (big.stage, big.amount, big.probability, big.close_date, big.next_step) == (
        "proposal",
        Decimal("1250000.00"),
        60,
        dt.date(2026, 12, 20),
        "周五前发方案",
    )
    assert (lost.stage, lost.probability, lost.lost_reason) == ("lost", 0, "价格")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_export_reads_back_as_unchanged(
    db: Database,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
) -> None:
    from desktop.domain.services import opportunities
    from desktop.domain.uow import unit_of_work

    people = _people(db)
    with unit_of_work(db.sessions, people["zw"]) as uow:
        deal = opportunities.create_opportunity(
            uow,
            people["acc"],
            {
                "name": "数据中心",
                "stage": "negotiation",
                "amount": Decimal("880000.50"),
                "close_date": dt.date(2027, 1, 15),
                "competitors": "西门子\nABB",
            },
        )
        opportunities.mark_lost(uow, deal, "交期", "西门子")
        opportunities.create_opportunity(uow, people["acc"], {"name": "运维服务"})
    out = tmp_path / "pipeline.xlsx"
    base = ["--data-dir", str(data_dir)]
    assert main(["export", "opportunities", *base, "--language", language, "-o", str(out)]) == 0
    assert "wrote 2 opportunities" in capsys.readouterr().out
    sheet = load_workbook(out).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[:3] == (
        ["名称", "客户", "阶段"] if language == "zh_CN" else ["Name", "Account", "Stage"]
    )
    assert main(["import", "opportunities", str(out), *base, "--dry-run"]) == 0
    assert "opportunities: 0 to create, 0 to update, 2 unchanged" in capsys.readouterr().out


def test_a_stage_or_probability_the_file_gets_wrong_is_named(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _people(db)
    report = tmp_path / "bad.csv"
    report.write_text(
        "商机名称,客户,阶段,赢率\n"
        "一期,华信精密制造有限公司,差不多了,50\n"
        "二期,华信精密制造有限公司,谈判,150%\n"
        "三期,华信精密制造有限公司,线索,90\n",
        encoding="utf-8",
    )
    assert main(["import", "opportunities", str(report), "--data-dir", str(data_dir)]) == 1
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Stage: '差不多了' is not a stage (lead, qualified" in text
    assert "Probability: '150%' is not a whole percentage from 0 to 100" in text
    assert "at stage lead the probability is from 0 to 40 %" in text
