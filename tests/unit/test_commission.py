"""Commission: rates per product category and customer tier with an accelerator above
target, "Your commission" on a quote, and the month's settlement (orders whose last
payment fell in the month) as the finance department gets it in a workbook."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.commands import main
from desktop.domain.models import Policy
from desktop.domain.rules import RuleViolation
from desktop.domain.rules.commission import CommissionRates, read_rates
from desktop.domain.services import commission, orders, quotes, targets
from desktop.domain.services.quotes import LineDraft
from desktop.domain.uow import UnitOfWork
from desktop.store.migrate import Database
from tests.unit.test_quotes import TODAY, World

RATES = CommissionRates(
    default=D(1),
    categories={"硬件": D(3)},
    tiers={"B": {"硬件": D(4)}},
    above_pct=D(100),
    multiplier=D("1.5"),
)


def test_the_rate_for_a_category_and_a_tier() -> None:
    assert RATES.rate("硬件", "B") == D(4)
    assert RATES.rate("硬件", "A") == D(3)
    assert RATES.rate("软件", "B") == D(1)
    assert RATES.accelerated(D("100.0")) == D(1)  # at target: not above it
    assert RATES.accelerated(D("100.1")) == D("1.5")
    assert read_rates(RATES.to_policy()) == RATES
    assert read_rates({"flat": "2"}).rate("任何", "C") == D(2)  # what older devices wrote


@pytest.mark.parametrize(
    ("policy", "code"),
    [
        ({"default": "120"}, "out_of_range"),
        ({"categories": {"硬件": "abc"}}, "bad_value"),
        ({"tiers": {"Z": {"硬件": "2"}}}, "not_a_choice"),
        ({"accelerator": {"above_pct": "100", "multiplier": "9"}}, "out_of_range"),
    ],
)
def test_a_manager_cannot_save_rates_out_of_range(
    db: Database, policy: dict[str, Any], code: str
) -> None:
    world = World(db)
    with pytest.raises(RuleViolation) as error:
        world.write(world.manager, _write_policy, policy)
    assert error.value.code == code


def _write_policy(uow: UnitOfWork, value: dict[str, Any]) -> None:
    """The policy as a modified device (or a hand-edited file) would write it."""
    row = uow.session.scalar(select(Policy).where(Policy.key == "commission"))
    assert row is not None
    uow.update(row, {"value": value})


def test_a_rep_cannot_set_the_rates(db: Database) -> None:
    world = World(db)
    with pytest.raises(RuleViolation) as error:
        world.write(world.rep, commission.save_rates, RATES)
    assert error.value.code == "role_required"


def paid_order(world: World) -> tuple[str, str]:
    """A quote of 2 servers (硬件, 76,000 before tax) and 10 licences (软件, 4,800),
    accepted on 2026-03-10; 50,000 paid in March; returns (quote id, order id)."""
    licence = LineDraft("软件许可", D(10), D(480), D(0), D("0.06"), "用户", world.licence)
    quote_id = world.quote([world.server_line(), licence])
    world.write(world.rep, quotes.send, quote_id)
    order_id = world.write(world.rep, quotes.accept, quote_id)
    world.write(world.rep, orders.record_payment, order_id, dt.date(2026, 3, 15), "50000")
    return quote_id, order_id


def test_your_commission_on_a_quote_follows_the_account_s_tier(db: Database) -> None:
    world = World(db)
    world.write(world.manager, commission.save_rates, RATES)
    licence = LineDraft("软件许可", D(10), D(480), D(0), D("0.06"), "用户", world.licence)
    quote_id = world.quote([world.server_line(), licence])
    view = world.read(quotes.get_quote, quote_id, TODAY)
    assert view.commission == D("3088.00")  # 4 % of 76,000 (tier B) + 1 % of 4,800


def test_the_month_s_settlement(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = World(db)
    world.write(world.manager, commission.save_rates, RATES)
    _, order_id = paid_order(world)
    assert world.read(commission.settle, "2026-03") == []  # not paid off in March
    world.write(world.rep, orders.record_payment, order_id, dt.date(2026, 4, 2), "40968")
    [rep] = world.read(commission.settle, "2026-04")
    [order] = rep.orders
    assert (order.paid_on, order.base, order.rate_pct, order.commission) == (
        dt.date(2026, 4, 2),
        D("80800.00"),
        D("3.82"),
        D("3088.00"),  # no targets: no accelerator
    )
    for month in ("2026-01", "2026-02", "2026-03", "2026-04"):
        world.write(world.manager, targets.set_target, world.rep, month, D(10000))
    [rep] = world.read(commission.settle, "2026-04")
    assert rep.attainment_pct is not None
    assert rep.attainment_pct > 100
    assert (rep.multiplier, rep.commission) == (D("1.5"), D("4632.00"))
    assert world.read(commission.settle, "2026-05") == []

    out = tmp_path / "commission.xlsx"
    base = ["export", "commission", "--data-dir", str(data_dir), "--month"]
    assert main([*base, "2026-04", "--language", "zh_CN", "-o", str(out)]) == 0
    assert "1 reps, 1 orders paid in 2026-04, commission 4632.00" in capsys.readouterr().out
    book = load_workbook(out)
    assert book.sheetnames == ["提成", "已回款订单"]
    summary = list(book["提成"].iter_rows(values_only=True))
    assert summary[1][0] == "张伟"
    assert summary[1][-1] == 4632
    assert summary[-1][-1] == 4632  # the total
    detail = list(book["已回款订单"].iter_rows(values_only=True))
    assert detail[1][3:5] == ("B", dt.datetime(2026, 4, 2))
    assert main([*base, "2026-Q2", "-o", str(out)]) == 1
    assert "is not a month like 2026-11" in capsys.readouterr().err
