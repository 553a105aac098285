"""Authorization: what a rep's token may read and write, for every entity type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.models import SYNCED, SyncIssue
from desktop.domain.services import records
from desktop.domain.uow import UnitOfWork, unit_of_work
from desktop.sync.protocol import Mutation, PushRequest
from tests.sync.harness import Device

NOW = dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)


def subtree(uow: UnitOfWork, owner: str) -> dict[str, str]:
    """One row of every entity type hanging off a new account owned by ``owner``."""
    ids: dict[str, str] = {}

    def add(model: type[m.Synced], **values: Any) -> str:
        ids[model.__tablename__] = records.create(uow, model, values)
        uow.session.flush()  # parents first: the models declare no relationships
        return ids[model.__tablename__]

    account = add(m.Account, name=f"account of {owner[-8:]}", owner_id=owner)
    add(m.AccountTeamMember, account_id=account, user_id=owner)
    contact = add(m.Contact, account_id=account, name="王伟")
    opportunity = add(m.Opportunity, account_id=account, name="扩容", owner_id=owner)
    visit = add(m.Visit, account_id=account, owner_id=owner, planned_start=NOW)
    add(m.Task, account_id=account, visit_id=visit, owner_id=owner, title="回访")
    quote = add(
        m.Quote,
        number=f"Q-{owner[-8:]}",
        account_id=account,
        contact_id=contact,
        opportunity_id=opportunity,
        owner_id=owner,
    )
    add(m.QuoteLine, quote_id=quote, description="服务器", unit_price=Decimal("100"))
    order = add(
        m.Order,
        number=f"O-{owner[-8:]}",
        quote_id=quote,
        account_id=account,
        owner_id=owner,
        order_date=NOW.date(),
        amount=Decimal("113"),
    )
    add(m.Delivery, order_id=order, delivered_on=NOW.date())
    add(m.Payment, order_id=order, received_on=NOW.date(), amount=Decimal("113"))
    add(m.Complaint, account_id=account, owner_id=owner, title="延迟", opened_at=NOW)
    add(
        m.Attachment,
        parent_entity="account",
        parent_id=account,
        account_id=account,
        filename="a.pdf",
        content_hash="0" * 64,
        size=1,
    )
    add(m.SalesTarget, owner_id=owner, period="2026", amount=Decimal("1000000"))
    add(m.WeeklyReport, owner_id=owner, week_start=NOW.date())
    return ids


def local_ids(device: Device) -> dict[str, set[str]]:
    with device.db.sessions() as s:
        return {name: set(s.scalars(select(model.id))) for name, model in SYNCED.items()}


def build(devices: dict[str, Device]) -> tuple[dict[str, str], dict[str, str]]:
    root = devices["root"]
    with unit_of_work(root.db.sessions, root.user_id) as uow:
        alice_rows = subtree(uow, root.server.users["alice"])
        wendy_rows = subtree(uow, root.server.users["wendy"])
    report = root.sync()
    assert report.rejected == 0, report.issues
    return alice_rows, wendy_rows


def test_reps_and_managers_receive_only_their_scope(devices):
    alice_rows, wendy_rows = build(devices)
    account_scoped = set(alice_rows)
    for name in ("alice", "bob", "boss", "wendy"):
        devices[name].sync()
    seen = {name: local_ids(devices[name]) for name in ("alice", "bob", "boss", "wendy")}
    for entity in account_scoped:
        assert alice_rows[entity] in seen["alice"][entity], entity
        assert alice_rows[entity] in seen["boss"][entity], entity
        assert alice_rows[entity] not in seen["bob"][entity], entity
        assert alice_rows[entity] not in seen["wendy"][entity], entity
        assert wendy_rows[entity] not in seen["alice"][entity], entity
        assert wendy_rows[entity] not in seen["boss"][entity], entity
        assert wendy_rows[entity] in seen["wendy"][entity], entity
    # Every change record hangs off an account in scope.
    with devices["alice"].db.sessions() as s:
        accounts = set(s.scalars(select(m.ChangeRecord.account_id)))
    assert accounts <= {alice_rows["account"], None}
    # Users and teams are visible to everyone (owners' names display everywhere).
    assert len(seen["bob"]["user"]) == len(devices["root"].server.users)


def test_every_write_outside_scope_is_rejected(devices):
    _, wendy_rows = build(devices)
    alice = devices["alice"]
    mutations = []
    for entity, row_id in wendy_rows.items():
        model = SYNCED[entity]
        field = next(
            c
            for c in (
                "notes",
                "description",
                "name",
                "title",
                "role",
                "filename",
                "summary",
                "period",
                "method",
                "purpose",
                "reason",
            )
            if c in model.__table__.columns
        )
        mutations.append(
            Mutation(
                mutation_id=len(mutations) + 1,
                entity=entity,
                row_id=row_id,
                op="update",
                fields={field: "hijacked"},
                base_row_version=99,
            )
        )
        mutations.append(
            Mutation(mutation_id=len(mutations) + 1, entity=entity, row_id=row_id, op="delete")
        )
    mutations.append(
        Mutation(
            mutation_id=len(mutations) + 1,
            entity="contact",
            row_id="01900000-0000-7000-8000-000000000001",
            op="insert",
            fields={"account_id": wendy_rows["account"], "name": "spy"},
        )
    )
    mutations.append(
        Mutation(
            mutation_id=len(mutations) + 1,
            entity="product",
            row_id="01900000-0000-7000-8000-000000000002",
            op="insert",
            fields={"sku": "X", "name": "x", "list_price": "1"},
        )
    )
    answer = alice.client.push(PushRequest(mutations=mutations))
    assert [r.status for r in answer.results] == ["rejected"] * len(mutations)
    assert all(r.reason for r in answer.results)
    assert answer.tables == []  # not a single row comes back
    wendy = devices["wendy"]
    wendy.sync()
    with wendy.db.sessions() as s:
        for entity, row_id in wendy_rows.items():
            row = s.get(SYNCED[entity], row_id)
            assert row is not None, entity
            assert row.deleted_at is None, entity
            assert "hijacked" not in str(row.values())


def test_two_reps_claiming_one_pool_account_offline(devices):
    boss, alice, bob = devices["boss"], devices["alice"], devices["bob"]
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        pool = records.create(uow, m.Account, {"name": "公海客户", "owner_id": None})
    boss.sync()
    alice.sync()
    bob.sync()
    for device in (alice, bob):
        with unit_of_work(device.db.sessions, device.user_id) as uow:
            records.update(uow, m.Account, pool, {"owner_id": device.user_id})
    assert alice.sync().rejected == 0
    report = bob.sync()
    assert report.applied == 0  # the claim and its history line
    assert report.rejected == 2
    alice.sync()
    with alice.db.sessions() as s:
        assert s.get(m.Account, pool).owner_id == alice.user_id
    with bob.db.sessions() as s:
        assert s.get(m.Account, pool) is None  # no longer in bob's view
        issues = list(s.scalars(select(SyncIssue)))
    assert {i.kind for i in issues} == {"rejected"}
    assert any("belongs to another rep" in i.reason for i in issues), [i.reason for i in issues]


def test_handover_removes_the_subtree_from_the_losing_rep(devices):
    alice, bob, boss = devices["alice"], devices["bob"], devices["boss"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "交接客户", "owner_id": alice.user_id})
        contact = records.create(uow, m.Contact, {"account_id": account, "name": "李娜"})
    alice.sync()
    bob.sync()
    boss.sync()
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        records.update(uow, m.Account, account, {"owner_id": bob.user_id})
    boss.sync()
    report = alice.sync()
    assert report.removed >= 1
    with alice.db.sessions() as s:
        assert s.get(m.Account, account) is None
        assert s.get(m.Contact, contact) is None
    bob.sync()
    with bob.db.sessions() as s:
        assert s.get(m.Account, account).owner_id == bob.user_id
        assert s.get(m.Contact, contact).name == "李娜"


def test_a_rep_cannot_hand_an_account_to_someone_else(devices):
    alice, bob = devices["alice"], devices["bob"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "mine", "owner_id": alice.user_id})
    alice.sync()
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        records.update(uow, m.Account, account, {"owner_id": bob.user_id})
    report = alice.sync()
    assert report.rejected >= 1
    assert any("manager" in i["reason"] for i in report.issues)
    with alice.db.sessions() as s:
        assert s.get(m.Account, account).owner_id == alice.user_id
