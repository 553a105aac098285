"""Win/loss by competitor, lost reason and rep: the arithmetic, the competitor list's
rules, and the workbook (reopened with openpyxl) the command line writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.commands import main
from desktop.domain.errors import ValidationError
from desktop.domain.services import competitors, opportunities
from desktop.domain.services.winloss import ClosedDeal, win_loss
from desktop.store.migrate import Database
from tests.unit.test_quotes import World


def deal(
    owner: str, won: bool, amount: int, met: str = "", lost_to: str = "", why: str = ""
) -> ClosedDeal:
    return ClosedDeal(owner, won, D(amount), tuple(met.split()), lost_to, why)


def test_by_competitor_reason_and_rep() -> None:
    result = win_loss(
        [
            deal("张伟", True, 100, "西门子 ABB"),
            deal("张伟", False, 50, "西门子", "西门子", "价格"),
            deal("李娜", False, 30, "abb", "ABB", "价格"),
            deal("李娜", False, 20, "", "", "预算取消"),
            deal("李娜", True, 70),
        ]
    )
    by = {c.name: c for c in result.by_competitor}
    assert set(by) == {"西门子", "ABB"}  # "abb" is ABB
    siemens, abb = by["西门子"], by["ABB"]
    assert (siemens.deals, siemens.won, siemens.lost_to_them, siemens.win_rate) == (
        2,
        1,
        1,
        D("50.0"),
    )
    assert siemens.lost_to_them_amount == D(50)
    assert (abb.deals, abb.won, abb.lost_to_them, abb.lost_to_them_amount) == (2, 1, 1, D(30))
    reasons = {r.name: (r.lost, r.lost_amount) for r in result.by_reason}
    assert reasons == {"价格": (2, D(80)), "预算取消": (1, D(20))}
    reps = {r.name: (r.won, r.won_amount, r.lost, r.win_rate) for r in result.by_rep}
    assert reps == {"张伟": (1, D(100), 1, D("50.0")), "李娜": (1, D(70), 2, D("33.3"))}
    assert (result.totals.deals, result.totals.win_rate) == (5, D("40.0"))


def test_the_competitor_list_holds_each_name_once(db: Database) -> None:
    world = World(db)
    siemens = world.write(world.rep, competitors.create_competitor, {"name": "西门子"})
    with pytest.raises(ValidationError):
        world.write(world.rep, competitors.create_competitor, {"name": " 西门子 "})
    abb = world.write(
        world.rep, competitors.create_competitor, {"name": "ABB", "strengths": "品牌"}
    )
    with pytest.raises(ValidationError):
        world.write(world.rep, competitors.update_competitor, abb, {"name": "西门子"})
    assert world.read(competitors.names) == ["ABB", "西门子"]
    world.write(world.rep, competitors.add_incumbent, world.account, siemens, "变频器")
    with pytest.raises(ValidationError):
        world.write(world.rep, competitors.add_incumbent, world.account, siemens)
    [row] = world.read(competitors.incumbents, world.account)
    assert (row.name, row.supplies) == ("西门子", "变频器")
    world.write(world.rep, competitors.remove_incumbent, row.id)
    assert world.read(competitors.incumbents, world.account) == []


def test_the_win_loss_workbook(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = World(db)
    first = world.write(
        world.rep,
        opportunities.create_opportunity,
        world.account,
        {"name": "一期", "amount": D(300000), "competitors": "西门子\nABB"},
    )
    world.write(world.rep, opportunities.mark_lost, first, "交期太长", "西门子")
    world.write(
        world.rep, opportunities.update_opportunity, first, {"close_date": dt.date(2026, 11, 3)}
    )
    second = world.write(
        world.rep,
        opportunities.create_opportunity,
        world.account,
        {"name": "二期", "amount": D(100000)},
    )
    world.write(world.rep, opportunities.move, second, "won")
    world.write(
        world.rep, opportunities.update_opportunity, second, {"close_date": dt.date(2026, 11, 20)}
    )
    out = tmp_path / "winloss.xlsx"
    command = ["export", "win-loss", "--data-dir", str(data_dir), "--from", "2026-11-01"]
    assert main([*command, "--to", "2026-11-30", "--language", "zh_CN", "-o", str(out)]) == 0
    assert "2 closed opportunities (1 won, 1 lost), 2 competitors" in capsys.readouterr().out
    book = load_workbook(out)
    assert book.sheetnames == ["按竞争对手", "按输单原因", "按销售代表", "按产品类别"]
    rows = list(book["按竞争对手"].iter_rows(values_only=True))
    assert rows[0][:3] == ("竞争对手", "商机数", "赢单")
    assert rows[1] == ("西门子", 1, 0, 1, 1, 300000, 0)
    reps = list(book["按销售代表"].iter_rows(values_only=True))
    assert reps[1] == ("张伟", 1, 100000, 1, 300000, 0.5)
    assert reps[-1][:2] == ("总额", 1)  # the team's total
    assert main([*command, "--to", "2026-13-01", "-o", str(out)]) == 1
    assert "--to '2026-13-01' is not a date" in capsys.readouterr().err
