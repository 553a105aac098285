"""Customer analysis: ABC boundaries (Pareto), thresholds from the policy, share of
wallet, and a year's revenue, growth and dormancy read from orders and visits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from desktop.domain.analysis import abc_classes, share_of_wallet, thresholds
from desktop.domain.models import Account, Order, Policy, Visit
from desktop.domain.services import analysis
from desktop.store.migrate import Database
from tests.seed import seeded
from tests.unit.test_quotes import World


def classes(revenues: dict[str, str], a: int = 80, b: int = 95) -> dict[str, str]:
    return {k: v[0] for k, v in abc_classes({k: D(r) for k, r in revenues.items()}, a, b).items()}


def test_abc_the_account_crossing_the_line_keeps_the_higher_class() -> None:
    # 50 + 30 = 80 % exactly: the second account ends A; the third starts at 80 %: B.
    got = classes({"p": "50", "q": "30", "r": "15", "s": "4", "t": "1", "u": "0"})
    assert got == {"p": "A", "q": "A", "r": "B", "s": "C", "t": "C", "u": "C"}
    # 79 before the second: it crosses 80 % and is still A.
    assert classes({"p": "79", "q": "16", "r": "5"}) == {"p": "A", "q": "A", "r": "C"}


def test_abc_ties_and_nothing_sold() -> None:
    assert classes({"b": "10", "a": "10"}, a=50) == {"a": "A", "b": "B"}  # ties by id
    assert classes({"a": "0", "b": "0"}) == {"a": "C", "b": "C"}
    shares = abc_classes({"a": D(3), "b": D(1)})
    assert shares == {"a": ("A", D("75.0")), "b": ("A", D("100.0"))}


def test_thresholds_from_the_policy_with_defaults() -> None:
    assert thresholds({"a": 70, "b": 90}) == (70, 90)
    assert thresholds({"a": 95, "b": 80}) == (80, 95)  # out of order: defaults
    assert thresholds({"a": "70"}) == (80, 95)
    assert thresholds(None) == (80, 95)


def test_share_of_wallet() -> None:
    assert share_of_wallet(D(250), D(1000)) == D("0.25")
    assert share_of_wallet(D(250), None) is None
    assert share_of_wallet(D(250), D(0)) is None


def test_a_years_revenue_growth_class_and_dormancy(db: Database) -> None:
    world = World(db)
    today = dt.date(2026, 6, 30)

    def order(account: str, day: dt.date, amount: str) -> Order:
        return Order(
            number=f"SO-{day}-{amount}", account_id=account, order_date=day, amount=D(amount)
        )

    with seeded(db.sessions, world.rep) as uow:
        main_account = uow.session.get(Account, world.account)
        assert main_account is not None
        uow.update(main_account, {"potential": D(1_000_000)})
        quiet = uow.add(Account(name="休眠公司", tier="C")).id
        lost = uow.add(Account(name="流失公司", tier="C", status="lost")).id
        uow.add(order(world.account, dt.date(2026, 3, 1), "250000"))
        uow.add(order(world.account, dt.date(2025, 3, 1), "200000"))
        uow.add(order(quiet, dt.date(2025, 1, 1), "10000"))  # last year only
        uow.add(order(lost, dt.date(2026, 1, 1), "99"))
        uow.add(
            Visit(
                account_id=quiet,
                status="done",
                planned_start=dt.datetime(2025, 6, 1, tzinfo=dt.UTC),
                report="很久以前",
            )
        )
        uow.add(
            Visit(
                account_id=world.account,
                status="done",
                planned_start=dt.datetime(2026, 6, 1, 2, tzinfo=dt.UTC),
                report="季度回顾",
            )
        )
        uow.add(Policy(key="abc", value={"a": 90, "b": 99}))
    rows = world.read(analysis.analyse, 2026, today)
    assert [r.name for r in rows] == ["华信精密制造有限公司", "休眠公司"]  # lost left out
    main, sleeper = rows
    assert (main.revenue, main.previous, main.growth) == (D("250000.00"), D("200000.00"), D("0.25"))
    assert (main.abc, main.cumulative_pct, main.wallet) == ("A", D("100.0"), D("0.25"))
    assert main.last_order == dt.date(2026, 3, 1)
    # The last order was 121 days ago, but a visit 29 days ago: within tier B's 90 days.
    assert (main.last_visit, main.dormant) == (dt.date(2026, 6, 1), False)
    assert sleeper.dormant
    assert (sleeper.revenue, sleeper.abc, sleeper.growth) == (D(0), "C", D(-1))
    assert sleeper.last_visit == dt.date(2025, 6, 1)


def test_one_accounts_class_and_months_agree_with_the_whole_analysis(db: Database) -> None:
    world = World(db)
    with seeded(db.sessions, world.rep) as uow:
        accounts = [uow.add(Account(name=f"客户{n}", tier="B")).id for n in range(4)]
        lost = uow.add(Account(name="流失公司", tier="C", status="lost")).id
        for index, (account, amount) in enumerate(
            zip([*accounts, lost], ["600", "250", "100", "50", "100000"], strict=True)
        ):
            day = dt.date(2026, index + 1, 10)
            uow.add(
                Order(number=f"SO-{index}", account_id=account, order_date=day, amount=D(amount))
            )
        uow.add(
            Order(
                number="SO-old",
                account_id=accounts[0],
                order_date=dt.date(2024, 12, 31),
                amount=D(7),
            )
        )
    whole = {
        r.account_id: (r.abc, r.cumulative_pct)
        for r in world.read(analysis.analyse, 2026, dt.date(2026, 12, 31))
    }
    for account in [*accounts, world.account]:
        assert world.read(analysis.account_class, account, 2026) == whole[account]
    assert whole[accounts[2]] == ("B", D("95.0"))  # the lost account's 100,000 counts for nothing
    months = world.read(analysis.monthly_revenue, accounts[0], 2024, 2026)
    assert len(months) == 36
    assert (months[(2024, 12)], months[(2026, 1)], months[(2025, 1)]) == (D(7), D(600), D(0))
