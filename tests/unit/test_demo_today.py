"""The demo works as its manager: on the first start her Today holds her own visits
today, an overdue follow-up and one due today, and her team's quotes waiting for her
approval (with the reasons the guardrails give); a seed gives the same data again."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import select

from desktop.domain.models import Quote, User, Visit
from desktop.domain.rules.quotes import reasons_of
from desktop.domain.services import today
from desktop.store.demo import generate
from desktop.store.migrate import Database


def test_the_demo_manager_opens_on_a_full_today(db: Database) -> None:
    with db.sessions() as session, session.begin():
        summary = generate(session, 40, seed=7)
    now = dt.datetime.now(dt.UTC)
    with db.sessions() as session:
        manager = session.get(User, summary.user_id)
        assert manager is not None
        assert manager.role == "manager"
        view = today.build(session, summary.user_id, now)
        week = session.scalars(
            select(Visit.planned_start).where(Visit.owner_id == summary.user_id)
        ).all()
        team = set(
            session.scalars(
                select(User.id).where(User.team_id == manager.team_id, User.role == "rep")
            )
        )
        approvals = view.section("approvals")
        pending = [session.get(Quote, item.record_id) for item in approvals]
    counts = Counter(item.section for item in view.items)
    assert counts["visits"] >= 2
    assert counts["overdue"] >= 1
    assert counts["due_today"] >= 1
    assert counts["approvals"] >= 3
    assert len(week) == 5  # today and the days after it
    assert all(start.date() >= view.day - dt.timedelta(days=1) for start in week)
    assert all(q is not None and q.owner_id in team for q in pending)
    assert {item.owner_name for item in approvals} == {"张伟", "李军", "赵敏"}
    # The requests the demo writes carry the reasons a real one would.
    asked = [q for q in pending if q is not None and q.justification]
    assert len(asked) == 3
    assert all(reasons_of(q.approval_reasons) for q in asked)


def _snapshot(db: Database) -> list[tuple[object, ...]]:
    with db.sessions() as session:
        return [
            (q.number, q.status, q.total, q.justification)
            for q in session.scalars(select(Quote).order_by(Quote.number))
        ]


def test_the_same_seed_gives_the_same_demo(db: Database, tmp_path: object) -> None:
    from pathlib import Path

    from desktop.store.migrate import open_database

    other = open_database(Path(str(tmp_path)) / "other")
    day = dt.date(2026, 3, 10)
    try:
        for database in (db, other):
            with database.sessions() as session, session.begin():
                generate(session, 25, seed=11, today=day)
        assert _snapshot(db) == _snapshot(other)
    finally:
        other.dispose()


def test_demo_rows_are_stored_as_the_app_stores_its_own(db: Database) -> None:
    """The demo writes through the driver, not the ORM: its times, dates, flags and
    money must still be the stored form every other write gives (text times with
    microseconds sort and compare with the app's own)."""
    import re

    from desktop.domain.models import Account
    from desktop.domain.services import records
    from desktop.domain.uow import unit_of_work

    with db.sessions() as session, session.begin():
        summary = generate(session, 5, seed=3)
    with unit_of_work(db.sessions, summary.user_id) as uow:
        mine = records.create(uow, Account, {"name": "Own", "owner_id": summary.user_id})
    time = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")
    with db.sessions() as session:
        raw = session.connection().exec_driver_sql
        (own,) = raw("SELECT created_at FROM account WHERE id = ?", (mine,)).one()
        assert time.match(own)
        for table, column in (
            ("account", "created_at"),
            ("visit", "planned_start"),
            ("quote", "updated_at"),
            ("complaint", "opened_at"),
        ):
            values = raw(f"SELECT DISTINCT typeof({column}), {column} FROM {table}").all()
            assert values, table
            for kind, value in values:
                assert kind == "text", (table, column, kind)
                assert time.match(value), (table, column, value)
        kinds = raw("SELECT DISTINCT typeof(is_primary) FROM contact").scalars().all()
        assert kinds == ["integer"]


def test_demo_orders_stand_under_their_accounts_contracts_and_quotes_name_competitors(
    db: Database,
) -> None:
    from sqlalchemy import select

    from desktop.domain.models import Contract, Order, Quote
    from desktop.store.demo.deals import COMPETITORS

    with db.sessions() as session, session.begin():
        generate(session, 120, seed=5)
    with db.sessions() as session:
        linked = session.execute(
            select(Order.account_id, Contract.account_id).join(
                Contract, Contract.id == Order.contract_id
            )
        ).all()
        named = session.scalars(select(Quote.competitors).where(Quote.competitors != "")).all()
    assert linked, "some demo orders are placed under a contract"
    assert all(order == contract for order, contract in linked)
    assert named, "some demo quotes name the deal's competitors"
    assert all(set(c.splitlines()) <= set(COMPETITORS) for c in named)
