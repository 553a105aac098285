"""The health cache (account_health): what the Accounts list sorts by always equals a
full computation, after any mix of edits to the score's inputs; each kind of input
scores its account again in the unit of work that wrote it; a full pass in batches
fills it and a changed policy or a new day makes it stale."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.analysis import abc_classes
from desktop.domain.models import (
    Account,
    AccountHealth,
    Complaint,
    Contact,
    Order,
    Payment,
    Policy,
    Visit,
    VisitAttendee,
)
from desktop.domain.services import health, health_cache
from desktop.domain.uow import UnitOfWork
from desktop.store.migrate import Database
from tests.seed import seeded

NOW = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)


def write(db: Database, fn: Callable[[UnitOfWork], Any], now: dt.datetime = NOW) -> Any:
    with seeded(db.sessions, None, now=lambda: now) as uow:
        return fn(uow)


def cache(db: Database) -> dict[str, tuple[int, list[Any]]]:
    with db.sessions() as session:
        return {
            row.account_id: (row.score, row.reasons)
            for row in session.scalars(select(AccountHealth))
        }


def classes(db: Database) -> dict[str, str | None]:
    """The cached classes, once the worker ranked them (if a write made it due)."""
    with db.sessions() as session, session.begin():
        if health_cache.ranking_due(session):
            health_cache.rank_abc(session)
    with db.sessions() as session:
        return dict(session.execute(select(AccountHealth.account_id, AccountHealth.abc)).all())


def ranked(db: Database) -> dict[str, str | None]:
    """ABC as the analysis classes the accounts that are not lost (last 12 months)."""
    with db.sessions() as session:
        facts = health.gather(session, NOW, health_cache.day(NOW))
        lost = set(session.scalars(select(Account.id).where(Account.status == "lost")))
    found = abc_classes({i: f.orders_this_year for i, f in facts.items() if i not in lost})
    return {i: found[i][0] if i in found else None for i in facts}


def computed(db: Database, now: dt.datetime = NOW) -> dict[str, tuple[int, list[Any]]]:
    with db.sessions() as session:
        scores = health.scores(session, now, health_cache.day(now))
    return {i: (h.score, health_cache.encode(h.reasons)) for i, h in scores.items()}


def ago(days: int) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


class Edits:
    """Random edits of every input kind over a few accounts, each its own unit of work."""

    def __init__(self, db: Database, seed: int) -> None:
        self.db, self.rng = db, random.Random(seed)
        self.accounts = [
            write(db, lambda uow, i=i: uow.add(Account(name=f"客户{i}", tier="ABC"[i % 3])).id)
            for i in range(6)
        ]
        self.contacts: list[str] = []
        self.visits: list[str] = []
        self.orders: list[str] = []
        self.payments: list[str] = []
        self.complaints: list[str] = []

    def account(self) -> str:
        return self.rng.choice(self.accounts)

    def step(self) -> str:
        kinds = [self.add_contact, self.add_visit, self.add_order, self.add_complaint]
        kinds += [self.change_tier, self.change_status]
        if self.contacts:
            kinds += [self.move_contact, self.change_role]
        if self.visits:
            kinds += [self.delete_visit]
        if self.orders:
            kinds += [self.add_payment]
        if self.payments:
            kinds += [self.delete_payment]
        if self.complaints:
            kinds += [self.close_complaint]
        kind = self.rng.choice(kinds)
        kind()
        return kind.__name__

    def add_contact(self) -> None:
        role = self.rng.choice(["decision_maker", "user", "influencer"])
        account = self.account()
        self.contacts.append(
            write(
                self.db,
                lambda uow: uow.add(Contact(account_id=account, name="联系人", role=role)).id,
            )
        )

    def _get(self, uow: UnitOfWork, model: Any, row_id: str) -> Any:
        return uow.session.get(model, row_id)

    def move_contact(self) -> None:
        contact, account = self.rng.choice(self.contacts), self.account()
        write(
            self.db,
            lambda uow: uow.update(self._get(uow, Contact, contact), {"account_id": account}),
        )

    def change_role(self) -> None:
        contact = self.rng.choice(self.contacts)
        role = self.rng.choice(["decision_maker", "user"])
        write(self.db, lambda uow: uow.update(self._get(uow, Contact, contact), {"role": role}))

    def add_visit(self) -> None:
        account, days = self.account(), self.rng.randint(1, 200)
        people = [c for c in self.contacts if self.rng.random() < 0.5]

        def add(uow: UnitOfWork) -> str:
            visit = uow.add(
                Visit(account_id=account, status="done", planned_start=ago(days), report="r")
            )
            for contact in people:
                uow.add(VisitAttendee(visit_id=visit.id, account_id=account, contact_id=contact))
            return visit.id

        self.visits.append(write(self.db, add))

    def delete_visit(self) -> None:
        visit = self.rng.choice(self.visits)
        write(self.db, lambda uow: uow.delete(self._get(uow, Visit, visit)))

    def add_order(self) -> None:
        account, days = self.account(), self.rng.randint(1, 700)
        amount = D(self.rng.randint(1, 50) * 1000)

        def add(uow: UnitOfWork) -> str:
            order = Order(
                number=f"SO{self.rng.randint(0, 10**9)}",
                account_id=account,
                order_date=(NOW - dt.timedelta(days=days)).date(),
                amount=amount,
                payment_due=(NOW - dt.timedelta(days=days - 30)).date(),
            )
            return uow.add(order).id

        self.orders.append(write(self.db, add))

    def add_payment(self) -> None:
        order = self.rng.choice(self.orders)
        amount = D(self.rng.randint(1, 50) * 1000)
        self.payments.append(
            write(
                self.db,
                lambda uow: (
                    uow.add(Payment(order_id=order, received_on=NOW.date(), amount=amount)).id
                ),
            )
        )

    def delete_payment(self) -> None:
        payment = self.rng.choice(self.payments)
        write(self.db, lambda uow: uow.delete(self._get(uow, Payment, payment)))

    def add_complaint(self) -> None:
        account = self.account()
        self.complaints.append(
            write(
                self.db,
                lambda uow: (
                    uow.add(
                        Complaint(
                            account_id=account, title="t", opened_at=ago(9), sla_due_at=ago(2)
                        )
                    ).id
                ),
            )
        )

    def close_complaint(self) -> None:
        complaint = self.rng.choice(self.complaints)
        write(
            self.db,
            lambda uow: uow.update(self._get(uow, Complaint, complaint), {"status": "closed"}),
        )

    def change_status(self) -> None:
        account, status = self.account(), self.rng.choice(["active", "lost", "dormant"])
        write(self.db, lambda uow: uow.update(self._get(uow, Account, account), {"status": status}))

    def change_tier(self) -> None:
        account, tier = self.account(), self.rng.choice("ABC")
        write(self.db, lambda uow: uow.update(self._get(uow, Account, account), {"tier": tier}))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_cache_equals_a_full_computation_after_every_edit(db: Database, seed: int) -> None:
    edits = Edits(db, seed)
    done: set[str] = set()
    for _ in range(40):
        kind = edits.step()
        done.add(kind)
        assert cache(db) == computed(db), f"after {kind}"
        assert classes(db) == ranked(db), f"after {kind}"
    assert len(done) >= 7  # the edits were of many kinds
    scores = {score for score, _ in cache(db).values()}
    assert len(scores) > 1  # and they moved the scores
    assert {"A", "C"} <= set(classes(db).values())  # and the classes


def test_a_deleted_account_leaves_the_cache_and_a_restored_one_comes_back(db: Database) -> None:
    account = write(db, lambda uow: uow.add(Account(name="甲公司", tier="A")).id)
    assert set(cache(db)) == {account}
    write(db, lambda uow: uow.delete(uow.session.get(Account, account)))
    assert cache(db) == {}
    write(db, lambda uow: uow.restore(uow.session.get(Account, account)))
    assert set(cache(db)) == {account}


def test_each_input_kind_scores_its_account_again(db: Database) -> None:
    """One edit of each kind moves the cached score of its own account only."""
    mine = write(db, lambda uow: uow.add(Account(name="甲公司", tier="A")).id)
    other = write(db, lambda uow: uow.add(Account(name="乙公司", tier="A")).id)

    def score() -> int:
        return cache(db)[mine][0]

    def changes(edit: Callable[[UnitOfWork], Any]) -> tuple[int, int, Any]:
        before, other_before = score(), cache(db)[other]
        result = write(db, edit)
        assert cache(db)[other] == other_before
        assert cache(db) == computed(db)
        return before, score(), result

    boss = Contact(account_id=mine, name="王总", role="user")
    before, after, boss_id = changes(lambda uow: uow.add(boss).id)
    assert after == before  # a contact who is no decision maker changes nothing yet
    visit = Visit(account_id=mine, status="done", planned_start=ago(3), report="r")
    before, after, visit_id = changes(lambda uow: uow.add(visit).id)
    assert after > before  # visited (account)
    before, after, _ = changes(
        lambda uow: uow.add(VisitAttendee(visit_id=visit_id, account_id=mine, contact_id=boss_id))
    )
    assert after == before  # attended, but not a decision maker yet
    before, after, _ = changes(
        lambda uow: uow.update(uow.session.get(Contact, boss_id), {"role": "decision_maker"})
    )
    assert after > before  # contact: now a decision maker met 3 days ago
    order = Order(
        number="SO1",
        account_id=mine,
        order_date=ago(100).date(),
        amount=D(50000),
        payment_due=ago(90).date(),
    )
    before, after, order_id = changes(lambda uow: uow.add(order).id)
    assert after != before  # order: first orders, and overdue
    payment = Payment(order_id=order_id, received_on=NOW.date(), amount=D(50000))
    before, after, _ = changes(lambda uow: uow.add(payment))
    assert after > before  # payment: nothing overdue now
    complaint = Complaint(account_id=mine, title="坏了", opened_at=ago(5), sla_due_at=ago(1))
    before, after, _ = changes(lambda uow: uow.add(complaint))
    assert after < before  # complaint past its SLA
    before, after, _ = changes(
        lambda uow: uow.update(uow.session.get(Account, mine), {"tier": "C"})
    )
    assert cache(db)[mine][1] == computed(db)[mine][1]  # account: the tier's cadence
    before, after, _ = changes(lambda uow: uow.delete(uow.session.get(Visit, visit_id)))
    assert after < before  # visit deleted: never visited, no decision maker met


def test_a_changed_policy_or_a_new_day_makes_the_cache_stale(db: Database) -> None:
    write(db, lambda uow: [uow.add(Account(name=f"客户{i}", tier="B")) for i in range(7)])
    with db.sessions() as session:
        assert not health_cache.stale(session, NOW)
        assert health_cache.stale(session, NOW + dt.timedelta(days=1))
    write(db, lambda uow: health.set_weights(uow, {"base": 50}))
    with db.sessions() as session, session.begin():
        assert health_cache.stale(session, NOW)
        after, scored = health_cache.refresh_batch(session, "", NOW, limit=3)
        assert after is not None
        assert scored == 3
        assert health_cache.stale(session, NOW)
        assert health_cache.refresh_all(session, NOW, limit=3) == 7
        assert not health_cache.stale(session, NOW)
    assert cache(db) == computed(db)
    assert {score for score, _ in cache(db).values()} == {50 - 15 - 10}


def test_a_full_pass_drops_scores_of_accounts_gone_without_a_unit_of_work(db: Database) -> None:
    write(db, lambda uow: [uow.add(Account(name=f"客户{i}", tier="B")) for i in range(3)])
    with db.sessions() as session, session.begin():
        session.add(AccountHealth(account_id="gone", score=1, reasons=[], basis="x"))
    with db.sessions() as session, session.begin():
        health_cache.refresh_all(session, NOW, limit=2)
    assert set(cache(db)) == set(computed(db))


def test_the_policy_itself_is_no_account_input(db: Database) -> None:
    write(db, lambda uow: uow.add(Account(name="甲公司", tier="A")))
    write(db, lambda uow: health.set_weights(uow, {"base": 90}))
    with db.sessions() as session:
        assert session.scalar(select(Policy.key)) == "health"
    # The scores wait for the full pass (the worker's), computed against the new weights.
    assert cache(db) != computed(db)


def test_an_order_or_a_status_makes_the_ranking_due_and_a_visit_does_not(db: Database) -> None:
    account = write(db, lambda uow: uow.add(Account(name="甲公司", tier="A")).id)

    def due() -> bool:
        with db.sessions() as session:
            return health_cache.ranking_due(session)

    assert not due()  # a new account: C at once, nobody else's share moves
    assert classes(db) == {account: "C"}
    write(db, lambda uow: uow.add(Visit(account_id=account, status="done", planned_start=ago(1))))
    write(db, lambda uow: uow.update(uow.session.get(Account, account), {"notes": "大客户"}))
    assert not due()
    order = Order(number="SO9", account_id=account, order_date=ago(3).date(), amount=D(9))
    write(db, lambda uow: uow.add(order))
    assert due()
    assert classes(db) == {account: "A"}
    write(db, lambda uow: uow.update(uow.session.get(Account, account), {"status": "lost"}))
    assert due()
    assert classes(db) == {account: None}


def test_a_big_import_leaves_its_accounts_to_the_full_pass(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(health_cache, "AT_ONCE", 3)
    write(db, lambda uow: [uow.add(Account(name=f"客户{i}", tier="B")) for i in range(2)])
    assert len(cache(db)) == 2  # a small write scores its accounts itself
    write(db, lambda uow: [uow.add(Account(name=f"导入{i}", tier="C")) for i in range(5)])
    assert len(cache(db)) == 2  # a big one leaves them to the full pass
    with db.sessions() as session, session.begin():
        assert health_cache.stale(session, NOW)
        health_cache.refresh_all(session, NOW)
    assert cache(db) == computed(db)
    with db.sessions() as session, session.begin():
        health_cache.mark_stale(session)  # after a full download
        assert health_cache.stale(session, NOW)
    assert len(cache(db)) == 7  # the old scores show until the pass
