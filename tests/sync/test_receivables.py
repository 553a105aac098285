"""回款 across devices: a rep's payment plan and a payment matched to it reach her
manager and no other team; an edit of the same instalment on two devices is a conflict
the later one sees; a modified device cannot allocate more than the payment or than is
open on the instalment, nor a plan over the order's value (the server's rule book)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.services import receivables, records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device

DAY = dt.date(2026, 3, 1)


def alice_plan(alice: Device) -> tuple[str, str, list[str]]:
    """Alice's account, an order of 100,000 with a plan of 30 % + 70 %."""
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
        order = records.create(
            uow,
            m.Order,
            {
                "number": "SO-2026-0001",
                "account_id": account,
                "owner_id": alice.user_id,
                "order_date": DAY,
                "amount": Decimal(100000),
            },
        )
        plan = receivables.add_instalments(
            uow,
            "order",
            order,
            [
                {"kind": "advance", "due_on": DAY, "percent": Decimal(30)},
                {"kind": "on_acceptance", "due_on": DAY + dt.timedelta(days=60), "percent": 70},
            ],
        )
    return account, order, plan


def test_plan_and_allocation_reach_the_manager_not_another_team(devices):
    alice, boss, wendy = devices["alice"], devices["boss"], devices["wendy"]
    _account, order, (advance, acceptance) = alice_plan(alice)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        receivables.record_payment(
            uow, order, DAY, Decimal(50000), {advance: Decimal(30000), acceptance: Decimal(20000)}
        )
    report = alice.sync()
    assert (report.rejected, report.conflicts) == (0, 0)
    boss.sync()
    wendy.sync()
    with boss.db.sessions() as s:
        ledger = receivables.ledger(s, DAY + dt.timedelta(days=90))
        lines = {line.plan.id: line.position for line in ledger.lines}
        assert (lines[acceptance].paid, lines[acceptance].open) == (Decimal(20000), Decimal(50000))
        assert lines[acceptance].bucket == "0_30"
    with wendy.db.sessions() as s:
        assert s.scalars(select(m.Instalment)).all() == []
        assert s.scalars(select(m.PaymentAllocation)).all() == []


def test_same_instalment_edited_on_two_devices_is_a_conflict(devices):
    alice, boss = devices["alice"], devices["boss"]
    _, _, (advance, _) = alice_plan(alice)
    alice.sync()
    boss.sync()
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        receivables.update_instalment(uow, advance, {"due_on": DAY + dt.timedelta(days=10)})
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        receivables.update_instalment(uow, advance, {"due_on": DAY + dt.timedelta(days=20)})
    assert boss.sync().rejected == 0
    assert alice.sync().conflicts == 1
    with alice.db.sessions() as s:
        row = s.get(m.Instalment, advance)
        assert row is not None
        assert row.due_on == DAY + dt.timedelta(days=10)
        (issue,) = s.scalars(select(m.SyncIssue)).all()
        assert issue.field == "due_on"


def test_server_refuses_allocations_and_plans_the_rules_forbid(devices, server, tmp_path):
    alice = devices["alice"]
    account, order, (advance, acceptance) = alice_plan(alice)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        payment = records.create(
            uow,
            m.Payment,
            {"order_id": order, "received_on": DAY, "amount": Decimal(40000)},
        )
    assert alice.sync().rejected == 0
    tampered = Attacker(Device(server, tmp_path / "tampered", "alice", initial_sync=False))
    try:

        def allocate(instalment: str, amount: str) -> tuple[str, str | None]:
            fields = {
                "account_id": account,
                "payment_id": payment,
                "instalment_id": instalment,
                "amount": amount,
            }
            result = tampered.push("payment_allocation", new_id(), "insert", **fields)
            return result.status, result.code or None

        # 30,000 is planned on the advance: 30,000.01 is more than is open on it.
        assert allocate(advance, "30000.01") == ("rejected", "allocation_over_open")
        assert allocate(advance, "30000.00") == ("applied", None)
        # 10,000 is left of the payment of 40,000.
        assert allocate(acceptance, "10000.01") == ("rejected", "allocation_over_payment")
        assert allocate(acceptance, "10000.00") == ("applied", None)
        over = tampered.push(
            "instalment",
            new_id(),
            "insert",
            account_id=account,
            order_id=order,
            due_on=DAY.isoformat(),
            amount="0.01",
        )
        assert (over.status, over.code) == ("rejected", "plan_over_value")
    finally:
        tampered.device.close()
    with server.db.sessions() as s:
        stored = s.scalars(
            select(m.PaymentAllocation.amount).where(m.PaymentAllocation.deleted_at.is_(None))
        ).all()
        assert sorted(stored) == [Decimal(10000), Decimal(30000)]
