"""The meeting pack's deal sheets, reopened with openpyxl: the contracts ending next
quarter (not this one's, not a later one's, not a draft), marked when their renewal is
started; the period's win/loss with its product categories (from the deals' quotes);
and win/loss by product category in the win/loss export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

from openpyxl import load_workbook

from desktop.domain.services import contracts, opportunities, quotes
from desktop.domain.services.targets import parse_period
from desktop.reports.labels import Labels
from desktop.reports.meeting_pack_deals import next_quarter, write_renewals, write_win_loss
from desktop.reports.xlsx import new_workbook, save_atomically
from desktop.store.migrate import Database
from tests.unit.test_contract_renewals import active
from tests.unit.test_contracts import draft
from tests.unit.test_quotes import NOW, TODAY, World


def test_next_quarter_across_the_year() -> None:
    assert next_quarter(dt.date(2026, 3, 31)).key == "2026-Q2"
    assert next_quarter(dt.date(2026, 12, 1)).key == "2027-Q1"


def test_renewals_and_win_loss_sheets(db: Database, tmp_path: Path) -> None:
    world = World(db)  # today 2026-03-10: next quarter is April to June
    april = active(world, dt.date(2026, 4, 30), "年度框架协议")
    active(world, dt.date(2026, 6, 30), "维保合同")
    active(world, dt.date(2026, 3, 31), "本季度到期")
    active(world, dt.date(2026, 7, 1), "下下季度")
    draft(world, title="草稿合同", end_on=dt.date(2026, 5, 1))
    world.write(world.rep, contracts.start_renewal, april, "续约 %1", "续约")

    won = world.write(
        world.rep,
        opportunities.create_opportunity,
        world.account,
        {"name": "服务器项目", "amount": D(76000)},
    )
    quote = world.write(world.rep, quotes.create_quote, world.account, opportunity_id=won)
    world.write(world.rep, quotes.save_quote, quote, {}, [world.server_line()])
    world.write(world.rep, opportunities.move, won, "won")
    lost = world.write(
        world.rep,
        opportunities.create_opportunity,
        world.account,
        {"name": "许可项目", "amount": D(20000), "competitors": "西门子"},
    )
    world.write(world.rep, opportunities.mark_lost, lost, "价格", "西门子")
    for deal in (won, lost):
        world.write(world.rep, opportunities.update_opportunity, deal, {"close_date": TODAY})

    path = tmp_path / "deals.xlsx"
    wb = new_workbook()
    t = Labels("zh_CN")
    with db.sessions() as s:
        titles = [
            write_renewals(wb, s, [world.rep], t, now=NOW, tz=dt.UTC),
            write_win_loss(wb, s, parse_period("2026-Q1"), [world.rep], t, tz=dt.UTC),
        ]
    save_atomically(wb, path)
    book = load_workbook(path)
    assert book.sheetnames == titles == ["下季度到期合同", "赢单输单"]
    renewals = list(book["下季度到期合同"].iter_rows(values_only=True))
    assert renewals[0][:3] == ("合同编号", "客户", "客户级别")
    assert [(r[4], r[5], r[6], r[7], r[8]) for r in renewals[1:]] == [
        ("年度框架协议", dt.datetime(2026, 4, 30), 51, 1200000, "是"),
        ("维保合同", dt.datetime(2026, 6, 30), 112, 1200000, "否"),
    ]
    rows = {(r[0], r[1]): r[2:] for r in book["赢单输单"].iter_rows(min_row=2, values_only=True)}
    assert rows[("竞争对手", "西门子")] == (1, 0, 0, 1, 20000, 1, 0)
    assert rows[("输单原因", "价格")][3:5] == (1, 20000)
    assert rows[("产品类别", "硬件")][:3] == (1, 1, 76000)
    assert rows[("产品类别", "（无报价）")][3] == 1
    assert rows[("总额", None)] == (2, 1, 76000, 1, 20000, None, 0.5)
