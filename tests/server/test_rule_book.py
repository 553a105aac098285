"""The server decides: a modified device's pushes that break the rule book are rejected
with the rule's code, nothing of them is stored, no input is a 5xx, and an honest
device syncs normally afterwards. On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.pricing import LineInput, compute
from desktop.domain.rules import RuleViolation
from desktop.domain.rules.quotes import LineDraft
from desktop.domain.services import accounts, quotes, receivables, records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device, Server

NOW = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def team(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Device]]:
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    server = Server(tmp_path / "server", url)
    server.team("East")
    server.user("boss", "manager", team="East")
    server.user("alice", "rep", team="East")
    server.user("bob", "rep", team="East")
    made: list[Device] = []

    class _Factory(dict[str, Device]):
        def __missing__(self, name: str) -> Device:
            device = Device(server, tmp_path / f"dev-{name}-{len(made)}", name)
            made.append(device)
            self[name] = device
            return device

        def tampered(self, name: str) -> Attacker:
            """Another device of ``name``'s, modified: it sends what it likes."""
            device = Device(server, tmp_path / f"tampered-{len(made)}", name, initial_sync=False)
            made.append(device)
            return Attacker(device)

    yield _Factory()
    for device in made:
        device.close()
    server.close()


def stored(device: Device, model: type[m.Synced], row_id: str) -> m.Synced | None:
    with device.server.db.sessions() as s:
        row = s.get(model, row_id)
        if row is not None:
            s.expunge(row)
        return row


def alice_world(team: dict[str, Device]) -> dict[str, str]:
    """alice's account with a contact and a draft quote of one line; a product."""
    boss, alice = team["boss"], team["alice"]
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        product = records.create(
            uow,
            m.Product,
            {"sku": "SRV", "name": "服务器", "list_price": Decimal(1000), "max_discount_pct": 10},
        )
    boss.sync()
    alice.sync()
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
        quote = quotes.create_quote(uow, account)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        quotes.save_quote(
            uow,
            quote,
            {},
            [
                quotes.LineDraft("服务器", Decimal(2), Decimal(1000), product_id=product),
                quotes.LineDraft("安装", Decimal(1), Decimal("300.35")),
            ],
        )
    report = alice.sync()
    assert report.rejected == 0, report.issues
    return {"account": account, "quote": quote, "product": product}


def ask(team: dict[str, Device], world: dict[str, str]) -> None:
    """alice gives 20 % (over the product's 10 %) and asks; the boss's laptop has it."""
    boss, alice = team["boss"], team["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        lines = quotes.drafts_of(quotes.lines_of(uow.session, world["quote"]))
        quotes.save_quote(uow, world["quote"], {"discount_pct": Decimal(20)}, lines)
        quotes.request_approval(uow, world["quote"], "战略客户")
    alice.sync()
    boss.sync()


def ask_and_approve(team: dict[str, Device], world: dict[str, str]) -> None:
    """alice asks (``ask``); the boss approves on his laptop."""
    boss = team["boss"]
    ask(team, world)
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        quotes.approve(uow, world["quote"], "同意")


def decided(device: Device, step: Any, quote_id: str, note: str) -> m.Quote:
    """``device``'s user approves or returns the quote and syncs; the server's row."""
    with unit_of_work(device.db.sessions, device.user_id) as uow:
        step(uow, quote_id, note)
    assert device.sync().rejected == 0
    row = stored(device, m.Quote, quote_id)
    assert isinstance(row, m.Quote)
    return row


def tamper_with_a_line_price(team: dict[str, Device], world: dict[str, str]) -> None:
    """A modified device of alice's changes one line's price and nothing else."""
    with team["alice"].db.sessions() as s:
        line_id = s.scalars(
            select(m.QuoteLine.id).where(m.QuoteLine.quote_id == world["quote"])
        ).first()
    (result,) = team.tampered("alice").push_batch(  # type: ignore[attr-defined]
        ("quote_line", str(line_id), "update", {"unit_price": "1"})
    )
    assert result.status == "applied"


def test_a_rep_cannot_approve_her_own_quote_in_her_managers_name(team):
    world = alice_world(team)
    tampered = team.tampered("alice")
    (result,) = tampered.push_batch(
        (
            "quote",
            world["quote"],
            "update",
            {
                "status": "approved",
                "decided_by": team["boss"].user_id,
                "discount_pct": "90",
            },
        )
    )
    assert (result.status, result.code) == ("rejected", "status_change")
    row = stored(team["alice"], m.Quote, world["quote"])
    assert row is not None
    assert (row.status, row.decided_by, row.discount_pct) == ("draft", None, Decimal(0))


def test_nobody_approves_their_own_quote_and_the_manager_approves_in_his_own_name(team):
    world = alice_world(team)
    boss, alice = team["boss"], team["alice"]
    tampered = team.tampered("alice")
    (unexplained,) = tampered.push_batch(
        ("quote", world["quote"], "update", {"status": "pending_approval"})
    )
    assert (unexplained.status, unexplained.code) == ("rejected", "justification_required")
    (asked,) = tampered.push_batch(
        ("quote", world["quote"], "update", {"status": "pending_approval", "justification": "急"})
    )
    assert asked.status == "applied"
    (own,) = tampered.push_batch(
        ("quote", world["quote"], "update", {"status": "approved", "decided_by": alice.user_id})
    )
    assert (own.status, own.code) == ("rejected", "role_required")
    boss.sync()
    (forged,) = team.tampered("boss").push_batch(
        ("quote", world["quote"], "update", {"status": "approved", "decided_by": alice.user_id})
    )
    assert (forged.status, forged.code) == ("rejected", "decided_by_other")
    row = decided(boss, quotes.approve, world["quote"], "同意")
    assert (row.status, row.decided_by) == ("approved", boss.user_id)


@pytest.mark.parametrize(
    ("entity", "fields", "code"),
    [
        ("quote_line", {"discount_pct": "250"}, "out_of_range"),
        ("quote_line", {"quantity": "-3"}, "out_of_range"),
        ("quote_line", {"unit_price": "-10"}, "out_of_range"),
        ("quote_line", {"quantity": "1e400"}, "out_of_range"),
        ("account", {"tier": "Z"}, "not_a_choice"),
        ("account", {"status": "bogus"}, "not_a_choice"),
        ("account", {"potential": "1000000000000000000"}, "out_of_range"),
        ("account", {"notes": "a\x00b"}, "control_character"),
        ("account", {"notes": "x" * 30_000}, "too_long"),
        ("account", {"name": "   "}, "required"),
        ("account", {"credit_code": "91110000710000320G"}, "bad_format"),
    ],
)
def test_values_against_the_rules_are_rejected_with_their_code(team, entity, fields, code):
    world = alice_world(team)
    alice = team["alice"]
    target = world["account"]
    if entity == "quote_line":
        with alice.db.sessions() as s:
            target = s.scalars(
                select(m.QuoteLine.id).where(m.QuoteLine.quote_id == world["quote"])
            ).first()
    model = m.SYNCED[entity]
    before = stored(alice, model, target)
    (result,) = team.tampered("alice").push_batch((entity, target, "update", fields))
    assert (result.status, result.code) == ("rejected", code)
    after = stored(alice, model, target)
    assert before is not None
    assert after is not None
    assert after.values() == before.values()


def test_probability_of_an_opportunity_is_a_percentage(team):
    world = alice_world(team)
    opportunity = new_id()
    (result,) = team.tampered("alice").push_batch(
        (
            "opportunity",
            opportunity,
            "insert",
            {"account_id": world["account"], "name": "扩容", "probability": 1000},
        )
    )
    assert (result.status, result.code) == ("rejected", "out_of_range")
    assert stored(team["alice"], m.Opportunity, opportunity) is None


def test_an_account_is_not_its_own_group(team):
    world = alice_world(team)
    (result,) = team.tampered("alice").push_batch(
        ("account", world["account"], "update", {"parent_id": world["account"]})
    )
    assert (result.status, result.code) == ("rejected", "group_cycle")


def test_a_rep_does_not_set_her_own_target(team):
    alice = team["alice"]
    target = new_id()
    (result,) = team.tampered("alice").push_batch(
        (
            "sales_target",
            target,
            "insert",
            {"owner_id": alice.user_id, "period": "2026", "amount": "0.01"},
        )
    )
    assert (result.status, result.code) == ("rejected", "role_required")
    assert stored(alice, m.SalesTarget, target) is None


def test_a_change_record_is_written_in_its_author_s_name(team):
    world = alice_world(team)
    record = new_id()
    (result,) = team.tampered("alice").push_batch(
        (
            "change_record",
            record,
            "insert",
            {
                "entity": "account",
                "row_id": world["account"],
                "field": "tier",
                "new_value": "A",
                "changed_at": NOW.isoformat(),
                "changed_by": team["boss"].user_id,
            },
        )
    )
    assert (result.status, result.code) == ("rejected", "credited_to_other")


def test_ids_and_hashes_must_have_the_form_devices_store(team):
    world = alice_world(team)
    alice = team["alice"]
    long_id = "0" * 64
    hostile = {
        "parent_entity": "account",
        "parent_id": world["account"],
        "account_id": world["account"],
        "filename": "passwd",
        "size": 10,
    }
    results = team.tampered("alice").push_batch(
        ("account", long_id, "insert", {"name": "长", "owner_id": alice.user_id}),
        ("attachment", new_id(), "insert", {**hostile, "content_hash": "../../../../etc/passwd"}),
        ("attachment", new_id(), "insert", {**hostile, "content_hash": "a" * 64, "size": 2**31}),
    )
    assert [(r.status, r.code) for r in results] == [
        ("rejected", "bad_id"),
        ("rejected", "bad_format"),
        ("rejected", "out_of_range"),
    ]
    # Every device of the team goes on syncing (a stored 64-character id stopped them all).
    for name in ("boss", "bob", "alice"):
        assert team[name].sync().rejected == 0


def test_the_server_derives_quote_totals_from_the_lines_it_holds(team, tmp_path):
    """Two devices of one rep edit different lines: the server's totals are those of the
    merged lines, and nobody gets a conflict on figures no user typed."""
    world = alice_world(team)
    alice = team["alice"]
    laptop = Device(alice.server, tmp_path / "alice-laptop2", "alice")
    try:
        for device, position, price in ((alice, 0, "900"), (laptop, 1, "500")):
            with unit_of_work(device.db.sessions, device.user_id) as uow:
                lines = quotes.drafts_of(quotes.lines_of(uow.session, world["quote"]))
                changed = list(lines)
                line = changed[position]
                changed[position] = quotes.LineDraft(
                    line.description,
                    line.quantity,
                    Decimal(price),
                    line.discount_pct,
                    line.tax_rate,
                    line.unit,
                    line.product_id,
                    line.id,
                )
                quotes.save_quote(uow, world["quote"], {}, changed)
        first = alice.sync()
        second = laptop.sync()
        assert (first.conflicts, second.conflicts) == (0, 0), second.issues
        row = stored(alice, m.Quote, world["quote"])
        assert row is not None
        expected = compute(
            [
                LineInput(Decimal(2), Decimal(900), tax_rate=Decimal("0.13")),
                LineInput(Decimal(1), Decimal(500), tax_rate=Decimal("0.13")),
            ]
        )
        assert (row.subtotal, row.total) == (expected.subtotal, expected.total)
        laptop.sync()
        alice.sync()
        for device in (alice, laptop):
            with device.db.sessions() as s:
                mine = s.get(m.Quote, world["quote"])
                assert mine is not None
                assert mine.total == expected.total
    finally:
        laptop.close()


def test_an_approved_quote_whose_lines_change_goes_back_to_draft_on_the_server(team):
    world = alice_world(team)
    boss, alice = team["boss"], team["alice"]
    ask_and_approve(team, world)
    boss.sync()
    tamper_with_a_line_price(team, world)
    row = stored(alice, m.Quote, world["quote"])
    assert row is not None
    assert (row.status, row.decided_by) == ("draft", None)


class _Twice(httpx.BaseTransport):
    """The network delivers every push twice; the device reads the second answer (the
    same as a lost answer and a retry)."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/push"):
            self.inner.handle_request(request).read()
        return self.inner.handle_request(request)


def test_totals_the_server_derived_reach_the_device_whose_push_was_answered_from_memory(
    team, tmp_path
):
    """Found by the simulation (seed 105, 4 devices, 120 steps): a new quote's insert and
    its lines went up in different batches; the lines' push was delivered twice, and the
    answer from the stored results did not carry the quote the server had derived again.
    The pull left it out as this device's own change, so the device kept 0.00 for good."""
    alice = team["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
    alice.sync()
    laptop = Device(
        alice.server, tmp_path / "alice-twice", "alice", _Twice(alice.server.inner_transport())
    )
    try:
        with unit_of_work(laptop.db.sessions, laptop.user_id) as uow:
            quote = quotes.create_quote(uow, account)
            quotes.save_quote(uow, quote, {}, [LineDraft("安装", Decimal(2), Decimal(1500))])
        report = laptop.sync(batch_size=1)
        assert (report.rejected, report.conflicts) == (0, 0)
        laptop.sync()
        server_row = stored(alice, m.Quote, quote)
        assert server_row is not None
        assert server_row.total == Decimal("3390.00")
        with laptop.db.sessions() as s:
            mine = s.get(m.Quote, quote)
            assert mine is not None
            assert (mine.total, mine.version) == (server_row.total, server_row.version)
    finally:
        laptop.close()


def test_an_approval_of_figures_that_changed_meanwhile_is_a_conflict_not_a_refusal(team):
    """Found by the simulation (seed 103, 6 devices, 120 steps): the server took the
    pending quote back to draft (its lines changed) and cleared its decision; the
    manager's offline approval then lost to empty fields, the conflict could not be
    stored (srv_conflict.theirs is NOT NULL) and the approval came back rejected as
    "a required field is empty"."""
    world = alice_world(team)
    boss = team["boss"]
    ask_and_approve(team, world)
    tamper_with_a_line_price(team, world)
    report = boss.sync()
    assert (report.conflicts, report.rejected) == (1, 0), report.issues
    fields = {issue["field"] for issue in report.issues}
    assert {"status", "decided_by", "decided_at"} <= fields
    row = stored(boss, m.Quote, world["quote"])
    assert row is not None
    assert (row.status, row.decided_by) == ("draft", None)


def test_a_handover_does_not_make_the_approving_manager_the_owner_of_an_approved_quote(team):
    """Found while extending the simulation (its invariant: no approved quote without an
    approval by a manager of its owner's team who is not its owner). The manager
    approves alice's quote, then hands her account, with its open work, to himself:
    the approval was for alice, so the quote goes back to draft; and a modified device
    that moves an approved quote to its approver is refused."""
    world = alice_world(team)
    boss = team["boss"]
    ask_and_approve(team, world)
    with unit_of_work(boss.db.sessions, boss.user_id, reason="区域调整") as uow:
        accounts.handover(uow, [world["account"]], boss.user_id)
    report = boss.sync()
    assert report.rejected == 0, report.issues
    row = stored(boss, m.Quote, world["quote"])
    assert row is not None
    assert row.owner_id == boss.user_id
    assert (row.status, row.decided_by) == ("draft", None)


def test_a_modified_device_cannot_move_an_approved_quote_to_its_approver(team):
    world = alice_world(team)
    boss = team["boss"]
    ask_and_approve(team, world)
    assert boss.sync().rejected == 0
    (result,) = team.tampered("boss").push_batch(
        ("quote", world["quote"], "update", {"owner_id": boss.user_id})
    )
    assert (result.status, result.code) == ("rejected", "own_approval")


def test_a_check_in_days_before_the_visit_is_not_evidence(team):
    from desktop.domain.services import visits

    world = alice_world(team)
    alice = team["alice"]
    ahead = dt.datetime.now(dt.UTC) + dt.timedelta(days=5)
    start = ahead.replace(hour=2, minute=0, second=0, microsecond=0)  # 10:00 in Shanghai
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        visit = visits.plan_visit(
            uow, account_id=world["account"], owner_id=alice.user_id, planned_start=start
        )
    assert alice.sync().rejected == 0
    attacker = team.tampered("alice")
    (early,) = attacker.push_batch(
        ("visit", visit, "update", {"checked_in_at": (start - dt.timedelta(days=5)).isoformat()})
    )
    assert (early.status, early.code) == ("rejected", "checkin_too_early")
    (in_time,) = attacker.push_batch(
        (
            "visit",
            visit,
            "update",
            {"checked_in_at": (start - dt.timedelta(minutes=30)).isoformat()},
        )
    )
    assert in_time.status == "applied"


def test_a_manager_s_own_quote_goes_to_an_admin_never_to_a_fellow_manager(team):
    world = alice_world(team)
    boss = team["boss"]
    boss.server.user("deputy", "manager", team="East")
    boss.server.user("root", "admin")
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "恒通", "owner_id": boss.user_id})
        quote = quotes.create_quote(uow, account)
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        line = quotes.LineDraft("服务器", Decimal(1), Decimal(700), product_id=world["product"])
        quotes.save_quote(uow, quote, {}, [line])
        quotes.request_approval(uow, quote, "年底冲量")
    assert boss.sync().rejected == 0
    (own,) = team.tampered("boss").push_batch(
        ("quote", quote, "update", {"status": "approved", "decided_by": boss.user_id})
    )
    assert (own.status, own.code) == ("rejected", "own_approval")
    deputy = team["deputy"]
    # The deputy's own device says no first.
    with (
        pytest.raises(RuleViolation) as refused,
        unit_of_work(deputy.db.sessions, deputy.user_id) as uow,
    ):
        quotes.approve(uow, quote, "同意")
    assert refused.value.code == "not_the_approver"
    (peer,) = team.tampered("deputy").push_batch(
        ("quote", quote, "update", {"status": "approved", "decided_by": deputy.user_id})
    )
    assert (peer.status, peer.code) == ("rejected", "not_the_approver")
    assert stored(boss, m.Quote, quote).status == "pending_approval"  # type: ignore[union-attr]
    root = team["root"]
    row = decided(root, quotes.approve, quote, "同意")
    assert (row.status, row.decided_by) == ("approved", root.user_id)


def test_a_quote_is_returned_only_with_a_note(team):
    world = alice_world(team)
    boss = team["boss"]
    ask(team, world)
    bare = {"status": "returned", "decided_by": boss.user_id, "decision_note": " "}
    (result,) = team.tampered("boss").push_batch(("quote", world["quote"], "update", bare))
    assert (result.status, result.code) == ("rejected", "return_note_required")
    row = decided(boss, quotes.return_quote, world["quote"], "折扣降到 10% 以内")
    assert (row.status, row.decision_note) == ("returned", "折扣降到 10% 以内")


def test_only_an_admin_sets_the_seller_details_and_they_reach_every_device(team):
    from desktop.domain.models.service import policy_id
    from desktop.domain.services import seller

    boss, alice = team["boss"], team["alice"]
    boss.server.user("root", "admin")
    details = {"name": "华信智造科技有限公司", "tax_id": "91310115MA1K4LXX3F"}
    (forged,) = team.tampered("boss").push_batch(
        ("policy", policy_id("seller"), "insert", {"key": "seller", "value": details})
    )
    assert (forged.status, forged.code) == ("rejected", "role_required")
    bad = {**details, "account_no": "not a number"}
    (wrong,) = team.tampered("root").push_batch(
        ("policy", policy_id("seller"), "insert", {"key": "seller", "value": bad})
    )
    assert (wrong.status, wrong.code) == ("rejected", "bad_format")
    root = team["root"]
    with unit_of_work(root.db.sessions, root.user_id) as uow:
        seller.save(uow, details)
    assert root.sync().rejected == 0
    alice.sync()
    with alice.db.sessions() as s:
        assert seller.load(s)["tax_id"] == "91310115MA1K4LXX3F"


def test_a_modified_device_cannot_overpay_an_instalment_or_borrow_another_account_s(team):
    """回款: an allocation is never more than the payment nor than is open on the
    instalment, and never of an instalment of another account (on both databases)."""
    alice, bob = team["alice"], team["bob"]
    day = dt.date(2026, 4, 1)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
        order = records.create(
            uow,
            m.Order,
            {"number": "SO-1", "account_id": account, "order_date": day, "amount": Decimal(1000)},
        )
        (instalment,) = receivables.add_instalments(
            uow, "order", order, [{"due_on": day, "amount": Decimal(600)}]
        )
        payment = records.create(
            uow, m.Payment, {"order_id": order, "received_on": day, "amount": Decimal(500)}
        )
    with unit_of_work(bob.db.sessions, bob.user_id) as uow:
        other = records.create(uow, m.Account, {"name": "别家", "owner_id": bob.user_id})
        other_order = records.create(
            uow,
            m.Order,
            {"number": "SO-2", "account_id": other, "order_date": day, "amount": Decimal(1000)},
        )
        (borrowed,) = receivables.add_instalments(
            uow, "order", other_order, [{"due_on": day, "amount": Decimal(600)}]
        )
    assert alice.sync().rejected == 0
    assert bob.sync().rejected == 0
    tampered = team.tampered("alice")
    fields = {"account_id": account, "payment_id": payment, "instalment_id": instalment}
    over = tampered.push("payment_allocation", new_id(), "insert", **fields, amount="500.01")
    assert (over.status, over.code) == ("rejected", "allocation_over_payment")
    fields["instalment_id"] = borrowed
    other_one = tampered.push("payment_allocation", new_id(), "insert", **fields, amount="10")
    assert other_one.status == "rejected"  # outside her accounts, or of another account
    fields["instalment_id"] = instalment
    fine = tampered.push("payment_allocation", new_id(), "insert", **fields, amount="500")
    assert fine.status == "applied"
    with alice.server.db.sessions() as s:
        assert s.scalars(select(m.PaymentAllocation.amount)).all() == [Decimal(500)]
