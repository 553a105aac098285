"""回款: ageing across month ends and leap years, partial payments, one payment over
several instalments, payments of 0.1 (no allocation) paying the plan, plan-less orders
read as one instalment, DSO; and the rule book refusing what finance would refuse."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from desktop.domain import receivables as calc
from desktop.domain.models import Order
from desktop.domain.rules import RuleViolation
from desktop.domain.services import receivables
from desktop.store.migrate import Database
from tests.unit.test_quotes import World

day = dt.date


@pytest.mark.parametrize(
    ("due", "as_of", "days", "bucket"),
    [
        (day(2028, 2, 28), day(2028, 3, 1), 2, "0_30"),  # 2028 is a leap year
        (day(2027, 2, 28), day(2027, 3, 1), 1, "0_30"),
        (day(2028, 2, 29), day(2028, 2, 29), 0, "not_due"),  # due today: not overdue
        (day(2028, 2, 29), day(2029, 2, 28), 365, "over_180"),
        (day(2028, 1, 31), day(2028, 3, 1), 30, "0_30"),  # across February's end
        (day(2028, 1, 31), day(2028, 3, 2), 31, "31_90"),
        (day(2027, 12, 31), day(2028, 3, 30), 90, "31_90"),
        (day(2027, 12, 31), day(2028, 3, 31), 91, "91_180"),
        (day(2028, 2, 29), day(2028, 8, 27), 180, "91_180"),
        (day(2028, 2, 29), day(2028, 8, 28), 181, "over_180"),
        (day(2028, 3, 31), day(2028, 3, 1), 0, "not_due"),
    ],
)
def test_days_overdue_and_bucket(due: dt.date, as_of: dt.date, days: int, bucket: str) -> None:
    assert calc.days_overdue(due, as_of) == days
    assert calc.bucket(due, as_of) == bucket


def plan(id_: str, due: dt.date, amount: str, order: str = "o1") -> calc.PlanRow:
    return calc.PlanRow(id_, "a1", due, D(amount), order_id=order)


def test_one_payment_over_several_instalments_and_a_partial_one() -> None:
    plans = [plan("adv", day(2028, 1, 15), "300"), plan("acc", day(2028, 2, 29), "600")]
    plans.append(plan("ret", day(2029, 2, 28), "100"))
    payments = [calc.PaymentRow("p1", "o1", day(2028, 2, 1), D("500"))]
    allocations = [
        calc.AllocationRow("p1", "adv", D("300")),
        calc.AllocationRow("p1", "acc", D("200")),
    ]
    rows = {p.plan.id: p for p in calc.positions(plans, payments, allocations, day(2028, 3, 31))}
    assert (rows["adv"].paid, rows["adv"].open, rows["adv"].bucket) == (D(300), D(0), None)
    assert (rows["acc"].paid, rows["acc"].open) == (D(200), D(400))
    assert (rows["acc"].days_overdue, rows["acc"].bucket) == (31, "31_90")
    assert rows["ret"].bucket == "not_due"
    totals = calc.total(rows.values())
    assert (totals.planned, totals.paid, totals.open, totals.overdue) == (
        D(1000),
        D(500),
        D(500),
        D(400),
    )
    assert totals.ageing["31_90"] == D(400)
    assert totals.ageing["not_due"] == D(100)
    # Fell due and open 400, billed in the last 90 days 300 + 600: 400 / 900 * 90.
    assert totals.dso == D("40.0")


def test_unallocated_payments_pay_the_order_oldest_due_first() -> None:
    plans = [plan("b", day(2028, 3, 1), "600"), plan("a", day(2028, 1, 1), "400")]
    payments = [calc.PaymentRow("p", "o1", day(2028, 1, 5), D("500"))]  # recorded the 0.1 way
    paid = calc.paid_per_instalment(plans, payments, [])
    assert paid == {"a": D(400), "b": D(100)}
    order = calc.order_as_plan("o2", "a1", D(800), day(2028, 2, 10))
    assert (order.due_on, order.derived) == (day(2028, 2, 10), True)
    assert calc.allocate_oldest_first(
        D(700), [("b", day(2028, 3, 1), D(500)), ("a", day(2028, 1, 1), D(300))]
    ) == {
        "a": D(300),
        "b": D(400),
    }


def test_dso_without_billing_is_none() -> None:
    assert calc.total([]).dso is None


def order_of(world: World, amount: str = "10000") -> str:
    def add(uow):  # type: ignore[no-untyped-def]
        return uow.add(
            Order(
                number="SO-1",
                account_id=world.account,
                owner_id=world.rep,
                order_date=day(2026, 3, 1),
                amount=D(amount),
                payment_due=day(2026, 4, 30),
            )
        ).id

    return world.write(world.rep, add)  # type: ignore[no-any-return]


def test_plan_rules_and_payment_allocation(db: Database) -> None:
    world = World(db)
    order = order_of(world)
    adv, acc = world.write(
        world.rep,
        receivables.add_instalments,
        "order",
        order,
        [
            {"kind": "advance", "due_on": day(2026, 3, 10), "percent": D(30)},
            {
                "kind": "on_acceptance",
                "due_on": day(2026, 5, 31),
                "amount": D(6000),
                "condition": "验收后 30 天",
            },
        ],
    )
    with pytest.raises(RuleViolation) as error:
        world.write(
            world.rep,
            receivables.add_instalments,
            "order",
            order,
            [{"due_on": day(2026, 6, 1), "amount": D("1000.01")}],
        )
    assert error.value.code == "plan_over_value"
    with pytest.raises(RuleViolation) as error:
        world.write(
            world.rep,
            receivables.add_instalments,
            "order",
            order,
            [{"due_on": day(2026, 2, 1), "amount": D(1)}],
        )
    assert error.value.code == "due_before_start"
    pay = world.write(
        world.rep,
        receivables.record_payment,
        order,
        day(2026, 3, 20),
        D(5000),
        {adv: D(3000), acc: D(2000)},
    )
    assert pay
    with pytest.raises(RuleViolation) as error:  # more than is open on the advance
        world.write(
            world.rep, receivables.record_payment, order, day(2026, 3, 21), D(100), {adv: D(100)}
        )
    assert error.value.code == "allocation_over_open"
    with pytest.raises(RuleViolation) as error:  # more than the payment
        world.write(
            world.rep, receivables.record_payment, order, day(2026, 3, 21), D(100), {acc: D(200)}
        )
    assert error.value.code == "allocation_over_payment"
    with pytest.raises(RuleViolation) as error:
        world.write(world.rep, receivables.update_instalment, acc, {"amount": D(1000)})
    assert error.value.code == "instalment_below_paid"
    ledger = world.read(receivables.ledger, day(2026, 7, 1))
    lines = {line.plan.id: line for line in ledger.lines}
    assert lines[adv].plan.amount == D(3000)
    assert lines[adv].plan.percent == D(30)
    assert (lines[acc].position.paid, lines[acc].position.open) == (D(2000), D(4000))
    assert (lines[acc].position.days_overdue, lines[acc].position.bucket) == (31, "31_90")
    assert ledger.by_account[world.account].open == D(4000)


def test_a_paid_instalment_or_payment_is_not_deleted_under_its_allocations(db: Database) -> None:
    from desktop.domain.models import Instalment, Payment, PaymentAllocation
    from desktop.domain.services import records

    world = World(db)
    order = order_of(world)
    (plan,) = world.write(
        world.rep,
        receivables.add_instalments,
        "order",
        order,
        [{"due_on": day(2026, 3, 10), "amount": D(1000)}],
    )
    pay = world.write(
        world.rep, receivables.record_payment, order, day(2026, 3, 9), D(400), {plan: D(400)}
    )
    for model, row_id in ((Instalment, plan), (Payment, pay)):
        with pytest.raises(RuleViolation) as error:
            world.write(world.rep, records.delete, model, row_id)
        assert error.value.code == "allocated"
    (allocation,) = world.read(lambda s: [a.id for a in s.query(PaymentAllocation)])
    world.write(world.rep, records.delete, PaymentAllocation, allocation)
    world.write(world.rep, records.delete, Payment, pay)  # nothing matched to it now
    world.write(world.rep, records.delete, Instalment, plan)
