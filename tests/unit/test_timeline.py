"""An account's one timeline: every kind of record in one list, newest first, in pages
that neither repeat nor lose an item, filtered by kind, read through indexes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.domain.models import Complaint, Visit
from desktop.domain.services import accounts, attachments, orders, quotes, timeline
from desktop.store.migrate import Database
from tests.seed import seeded
from tests.unit.test_quotes import NOW, TODAY, World


def visit(world: World, start: dt.datetime, purpose: str, status: str = "done") -> Visit:
    return Visit(
        account_id=world.account,
        owner_id=world.rep,
        status=status,
        purpose=purpose,
        planned_start=start,
        checked_in_at=start if status == "done" else None,
    )


@pytest.fixture
def story(db: Database, tmp_path: Path) -> tuple[World, str]:
    """An account with one of everything: visits, a quote that became an order, a
    payment, a complaint, a profile edit and a file."""
    world = World(db)
    with seeded(db.sessions, world.rep, now=lambda: NOW) as uow:
        uow.add(visit(world, NOW - dt.timedelta(days=30), "初次拜访"))
        uow.add(visit(world, NOW + dt.timedelta(days=7), "季度回顾", status="planned"))
        uow.add(
            Complaint(
                account_id=world.account,
                owner_id=world.rep,
                title="交货延迟",
                severity="high",
                opened_at=NOW - dt.timedelta(days=3),
            )
        )
    quote_id = world.quote([world.server_line()])
    world.write(world.rep, quotes.send, quote_id)
    order_id = world.write(world.rep, quotes.accept, quote_id)
    world.write(world.rep, orders.record_payment, order_id, TODAY, "50000.00")
    world.write(
        world.rep, accounts.update_account, world.account, {"city": "苏州", "industry": "制造业"}
    )
    source = tmp_path / "营业执照.pdf"
    source.write_bytes(b"%PDF-1.4 licence")
    root = attachments.store_root(tmp_path / "store")
    world.write(
        world.rep,
        attachments.attach,
        root,
        source,
        parent_entity="account",
        parent_id=world.account,
        account_id=world.account,
        kind="business_licence",
    )
    return world, order_id


def test_every_kind_is_on_the_timeline_newest_first(story: tuple[World, str]) -> None:
    world, order_id = story
    page = world.read(timeline.timeline, world.account)
    assert page.after is None
    kinds = {item.kind for item in page.items}
    assert kinds == set(timeline.KINDS)
    keys = [(item.at, item.id) for item in page.items]
    assert keys == sorted(keys, reverse=True)
    # The visit planned for next week is the newest; the first visit the oldest.
    assert page.items[0].title == "季度回顾"
    assert page.items[-1].title == "初次拜访"
    [payment] = [i for i in page.items if i.kind == "payment"]
    assert (payment.entity, payment.open_id) == ("sales_order", order_id)
    assert (payment.amount, payment.day, payment.who) == (D("50000.00"), TODAY, "张伟")
    [order] = [i for i in page.items if i.kind == "order"]
    assert (order.amount, order.status) == (D("85880.00"), "pending")
    # One save of two profile fields is one item naming both.
    [edit] = [
        i for i in page.items if i.kind == "change" and i.entity == "account" and "city" in i.fields
    ]
    assert sorted(edit.fields) == ["city", "industry"]
    assert edit.open_id == world.account
    [file] = [i for i in page.items if i.kind == "file"]
    assert (file.title, file.status, file.size) == ("营业执照.pdf", "business_licence", 16)
    [complaint] = [i for i in page.items if i.kind == "complaint"]
    assert (complaint.title, complaint.extra) == ("交货延迟", "high")


def test_kinds_filter_the_timeline(story: tuple[World, str]) -> None:
    world = story[0]
    page = world.read(timeline.timeline, world.account, ("visit", "payment"))
    assert [i.kind for i in page.items] == ["visit", "payment", "visit"]
    assert world.read(timeline.timeline, world.account, ()).items == []


def test_a_deleted_record_leaves_the_timeline(story: tuple[World, str]) -> None:
    world = story[0]
    before = world.read(timeline.timeline, world.account, ("file",)).items
    with seeded(world.db.sessions, world.rep) as uow:
        attachments.remove(uow, before[0].row_id)
    assert world.read(timeline.timeline, world.account, ("file",)).items == []


def test_pages_hold_every_item_once_even_when_times_tie(db: Database) -> None:
    world = World(db)
    with seeded(db.sessions, world.rep) as uow:
        for n in range(2000):
            # Pairs of visits at the same minute: the page boundary falls inside a tie.
            start = NOW - dt.timedelta(hours=n // 2)
            uow.add(visit(world, start, f"visit {n}"))
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        page = world.read(timeline.timeline, world.account, after=after, limit=151)
        seen += [item.id for item in page.items]
        pages += 1
        if page.after is None:
            break
        after = page.after
    assert len(seen) == 2000 == len(set(seen))
    assert pages == 14  # 13 full pages of 151 and the rest


def test_each_kind_is_read_through_an_index(db: Database) -> None:
    """No kind scans its whole table: an account's items are found by its index, so an
    account opens as fast among 100,000 accounts as among ten."""
    query = timeline.query(list(timeline.KINDS), paged=True)
    with db.sessions() as session:
        plan = session.execute(
            text("EXPLAIN QUERY PLAN " + query),
            {"account": "x", "limit": 10, "key": "9", "uid": "z"},
        ).all()
    steps = [str(row[-1]) for row in plan]
    assert [s for s in steps if s.startswith("SCAN")] == ["SCAN t"], steps  # the page only
    indexes = {s.split(" USING INDEX ")[1].split()[0] for s in steps if " USING INDEX " in s}
    assert indexes == {
        "ix_visit_account_id",
        "ix_quote_account_id",
        "ix_sales_order_account_id",
        "ix_payment_order_id",
        "ix_complaint_account_id",
        "ix_change_record_account_id",
        "ix_attachment_completeness",
    }
