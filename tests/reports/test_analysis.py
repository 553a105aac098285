"""``fieldbook export analysis``: the customer analysis workbook as openpyxl reads it:
its sheets and headers in English and Chinese, every account once with its class, the
ABC summary agreeing with the accounts, native charts, and a bad year refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.commands import main
from desktop.domain.models import Account
from desktop.store.demo import generate
from desktop.store.migrate import Database


@pytest.fixture
def demo(db: Database) -> Database:
    with db.sessions() as session, session.begin():
        generate(session, 40, seed=7)
    return db


def test_the_analysis_workbook(
    demo: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    year = dt.datetime.now(dt.UTC).year
    out = tmp_path / "analysis.xlsx"
    args = ["export", "analysis", "--data-dir", str(data_dir), "--year", str(year)]
    assert main([*args, "--language", "en", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"wrote {out}: 3 sheets (Customer analysis, ABC, Dormant);")
    book = load_workbook(out)
    assert book.sheetnames == ["Customer analysis", "ABC", "Dormant"]
    sheet = book["Customer analysis"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == [
        "Account",
        f"Revenue {year}",
        f"Revenue {year - 1}",
        "Year over year",
        "Class",
    ]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    with demo.sessions() as session:
        live = session.scalar(
            select(func.count()).where(Account.deleted_at.is_(None), Account.status != "lost")
        )
    assert len(rows) == live
    revenues = [r[1] for r in rows]
    assert revenues == sorted(revenues, reverse=True)  # biggest first
    assert {r[4] for r in rows} <= {"A", "B", "C"}
    assert rows[0][4] == "A"
    summary = {r[0].value: (r[1].value, r[2].value) for r in book["ABC"].iter_rows(min_row=2)}
    for klass, (count, revenue) in summary.items():
        members = [r for r in rows if r[4] == klass]
        assert count == len(members)
        assert revenue == pytest.approx(sum(r[1] for r in members))
    assert len(sheet._charts) == 1
    assert len(book["ABC"]._charts) == 1
    dormant = book["Dormant"].max_row - 1
    assert dormant == sum(1 for r in rows if r[12] == "Yes")
    assert f"{dormant} dormant" in printed

    chinese = tmp_path / "分析.xlsx"
    assert main([*args, "--language", "zh_CN", "-o", str(chinese)]) == 0
    assert load_workbook(chinese).sheetnames == ["客户分析", "ABC分类", "休眠客户"]
    capsys.readouterr()
    assert main([*args[:-1], "1999", "-o", str(out)]) == 1
    assert "a year from 2000 to 2199" in capsys.readouterr().err
