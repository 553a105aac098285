"""The demo dataset, step by step: the teams and users, the catalog and the policies,
then each account with its work (desktop/store/demo/account_rows.py), the reps'
targets, the manager's own week (desktop/store/demo/manager_week.py) and the reps'
running contracts (desktop/store/demo/renewals.py)."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from desktop.domain import models as m
from desktop.domain.services import coverage
from desktop.domain.services.device import USER_ID, set_meta
from desktop.store import bulk_load
from desktop.store.demo.account_rows import SLA_HOURS, DemoRun, Product, add_account
from desktop.store.demo.deals import add_competitor_list
from desktop.store.demo.manager_week import add_manager_week
from desktop.store.demo.plans import add_plans
from desktop.store.demo.renewals import add_running_contracts
from desktop.store.demo.stakeholders import add_stakeholders
from desktop.store.demo.words import PRODUCTS, SHANGHAI
from desktop.store.demo.writer import Writer


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]
    user_id: str


def generate(
    session: Session,
    accounts: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    today: dt.date | None = None,
) -> DemoSummary:
    """Write the demo dataset into ``session`` (the caller commits)."""
    # A bigger page cache for the bulk load: index pages stay in memory instead of
    # being re-read for every batch (the default 2 MB thrashes past ~20k accounts).
    session.connection().exec_driver_sql("PRAGMA cache_size = -262144")
    # As a first download does: the search index and the non-unique indexes are built
    # in one pass at the end, not row by row.
    raw_connection = session.connection().connection.driver_connection
    assert isinstance(raw_connection, sqlite3.Connection)
    bulk_load.begin(session, raw_connection)

    rnd = random.Random(seed)
    spread = random.Random(seed * 7919 + 1)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    today = today or now.astimezone(SHANGHAI).date()
    w = Writer(session, now)
    managers, reps, rep_codes = _people(w)
    run = DemoRun(w, rnd, spread, now, today, reps, rep_codes, _catalog(w, today))
    run.won.update(dict.fromkeys(reps, Decimal(0)))
    run.deals = random.Random(seed * 104729 + 3)
    run.plans = random.Random(seed * 7877 + 18)
    _policies(w)
    run.competitor_ids = add_competitor_list(w)
    for index in range(accounts):
        add_account(run, index)
        if progress is not None and index % 1000 == 999:
            progress(index + 1, accounts)
    # Targets set from each rep's wins this year, so attainment looks like a real
    # team's at any dataset size.
    _targets(w, reps, run.won, today, rnd)
    w.flush()
    add_stakeholders(session, w, seed)  # the key accounts' stakeholder maps
    add_plans(session, w, seed, today)  # and their account plans
    # The manager's own visits and follow-ups, and their team's approval requests, so
    # the first start opens on a full Today.
    add_manager_week(session, w, today, managers[0], reps[::2], rep_codes, run.quote_seq)
    # Running contracts whose renewals fall in the coming months, and one for review.
    team = reps[::2]
    add_running_contracts(
        session, w, today, reps, team[0] if team else None, rep_codes, run.contract_seq
    )
    bulk_load.finish(session, raw_connection)
    # The demo device works as the first team's manager, who sees the whole team.
    set_meta(session, USER_ID, managers[0])
    return DemoSummary(counts=dict(w.counts), user_id=managers[0])


def _people(w: Writer) -> tuple[list[str], list[str], dict[str, str]]:
    """Two teams, an admin, a manager per team and six reps; returns the managers,
    the reps and each rep's code (in quote numbers)."""
    teams = [w.row(m.Team, name="华东大客户部"), w.row(m.Team, name="华南大客户部")]
    w.row(m.User, username="admin", display_name="系统管理员", role="admin")
    managers = [
        w.row(
            m.User,
            username="wangfang",
            display_name="王芳",
            role="manager",
            team_id=teams[0],
            rep_code="M01",
        ),
        w.row(
            m.User,
            username="chenjie",
            display_name="陈杰",
            role="manager",
            team_id=teams[1],
            rep_code="M02",
        ),
    ]
    rep_people = [
        ("zhangwei", "张伟", "ZW"),
        ("liuna", "刘娜", "LN"),
        ("lijun", "李军", "LJ"),
        ("emma", "Emma Chen", "EC"),
        ("zhaomin", "赵敏", "ZM"),
        ("sunhao", "孙浩", "SH"),
    ]
    reps = [
        w.row(m.User, username=u, display_name=n, role="rep", team_id=teams[i % 2], rep_code=c)
        for i, (u, n, c) in enumerate(rep_people)
    ]
    rep_codes = {rep: code for rep, (_, _, code) in zip(reps, rep_people, strict=True)}
    w.flush("team")  # users reference teams; teams reference nothing

    return managers, reps, rep_codes


def _catalog(w: Writer, today: dt.date) -> list[Product]:
    """The products, and price lists for A and B accounts valid this year."""
    products = []
    for sku, name, spec, unit, price_text, tax_text, cat in PRODUCTS:
        pid = w.row(
            m.Product,
            sku=sku,
            name=name,
            specification=spec,
            unit=unit,
            list_price=Decimal(price_text),
            tax_rate=Decimal(tax_text),
            category=cat,
            max_discount_pct=Decimal(15) if cat == "硬件" else None,
            floor_price=(Decimal(price_text) * Decimal("0.7")).quantize(Decimal(1)),
            active=True,
        )
        products.append((pid, name, unit, Decimal(price_text), Decimal(tax_text)))
    for tier, factor in (("A", Decimal("0.90")), ("B", Decimal("0.95"))):
        plid = w.row(
            m.PriceList,
            name=f"{tier}类客户价格表",
            tier=tier,
            currency="CNY",
            valid_from=dt.date(today.year, 1, 1),
            valid_to=dt.date(today.year, 12, 31),
            active=True,
        )
        for pid, _, _, price, _ in products:
            w.row(
                m.PriceListItem,
                price_list_id=plid,
                product_id=pid,
                unit_price=(price * factor).quantize(Decimal(1)),
            )
    return products


def _policies(w: Writer) -> None:
    """Visit coverage, discount limits, the account pool and complaint SLAs."""
    w.row(m.Policy, key="coverage", value=dict(coverage.DEFAULT_CADENCE))
    w.row(m.Policy, key="discounts", value={"A": "20", "B": "12", "C": "8"})
    w.row(
        m.Policy,
        key="pool",
        value={"claim_limit": 200, "return_days": {"A": 60, "B": 90, "C": 120}},
    )
    w.row(m.Policy, key="sla", value=SLA_HOURS)


def _targets(
    w: Writer, reps: list[str], won: dict[str, Decimal], today: dt.date, rnd: random.Random
) -> None:
    """Yearly and monthly targets per rep, set so the year-to-date attainment lands
    between about 80 % and 125 % of the pro-rata target."""
    elapsed = Decimal(today.timetuple().tm_yday) / Decimal(365)
    for rep in reps:
        pace = won[rep] / elapsed if won[rep] else Decimal(3_000_000)
        factor = Decimal(rnd.randrange(80, 126)) / 100
        annual = (pace * factor / 10000).quantize(Decimal(1)) * 10000
        annual = max(annual, Decimal(100000))
        w.row(m.SalesTarget, owner_id=rep, period=str(today.year), amount=annual)
        for month in range(1, 13):
            w.row(
                m.SalesTarget,
                owner_id=rep,
                period=f"{today.year}-{month:02d}",
                amount=(annual / 12).quantize(Decimal(1)),
            )
