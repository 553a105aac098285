"""Every local write leaves its rows, its history and exactly the matching outbox
entries, in one transaction; nothing can write a synced row without them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.domain.models import Account, ChangeRecord, Contact, OutboxEntry, Quote
from desktop.domain.services import records
from desktop.domain.uow import OutboxBypassError, remote_apply, unit_of_work
from desktop.store.migrate import Database

ME = "0190aaaa-0000-7000-8000-000000000001"


def outbox(db: Database) -> list[tuple[str, str, str, dict[str, object]]]:
    with db.sessions() as session:
        entries = session.scalars(select(OutboxEntry).order_by(OutboxEntry.mutation_id))
        return [(e.entity, e.op, e.row_id, e.fields) for e in entries]


def test_create_writes_the_row_and_one_insert_with_every_field(db: Database) -> None:
    with unit_of_work(db.sessions, ME) as uow:
        account_id = records.create(
            uow, Account, {"name": "中国移动", "tier": "A", "potential": Decimal("1234.565")}
        )
    (entry,) = outbox(db)
    assert entry[:3] == ("account", "insert", account_id)
    fields = entry[3]
    assert fields["name"] == "中国移动"
    assert fields["potential"] == "1234.57"  # the stored value, rounded half-up to the fen
    assert fields["status"] == "prospect"  # defaults travel too
    assert set(fields) == set(Account.data_columns())
    with db.sessions() as session:
        row = records.get(session, Account, account_id)
    assert row["created_by"] == ME
    assert row["version"] == 0
    assert row["potential"] == Decimal("1234.57")


def test_update_sends_only_changed_fields_with_their_base_versions(db: Database) -> None:
    with unit_of_work(db.sessions, ME) as uow:
        account_id = records.create(uow, Account, {"name": "华为", "tier": "B"})
    # As if the server had applied the insert at version 7.
    with db.sessions() as session, remote_apply(session), session.begin():
        row = session.get(Account, account_id)
        assert row is not None
        row.version = 7
        row.field_versions = {"name": 7, "tier": 7}
    with unit_of_work(db.sessions, ME) as uow:
        changed = records.update(uow, Account, account_id, {"tier": "A", "name": "华为"})
    assert changed == ["tier"]
    with db.sessions() as session:
        last = session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.entity == "account")
            .order_by(OutboxEntry.mutation_id.desc())
        ).first()
        assert last is not None
        assert (last.op, last.fields, last.base_versions) == ("update", {"tier": "A"}, {"tier": 7})
        history = session.scalars(select(ChangeRecord).where(ChangeRecord.row_id == account_id))
        assert [(h.field, h.old_value, h.new_value, h.changed_by) for h in history] == [
            ("tier", "B", "A", ME)
        ]


def test_an_update_with_no_real_change_writes_nothing(db: Database) -> None:
    with unit_of_work(db.sessions, ME) as uow:
        account_id = records.create(uow, Account, {"name": "比亚迪"})
    before = outbox(db)
    with unit_of_work(db.sessions, ME) as uow:
        assert records.update(uow, Account, account_id, {"name": "比亚迪"}) == []
    assert outbox(db) == before


def test_edits_to_a_row_created_in_the_same_unit_fold_into_its_insert(db: Database) -> None:
    with unit_of_work(db.sessions, ME) as uow:
        account_id = records.create(uow, Account, {"name": "草稿"})
        records.update(uow, Account, account_id, {"name": "正式名称有限公司"})
    entries = outbox(db)
    assert [(e[0], e[1]) for e in entries] == [("account", "insert")]
    assert entries[0][3]["name"] == "正式名称有限公司"


def test_delete_and_restore_are_tombstones_that_sync(db: Database) -> None:
    with unit_of_work(db.sessions, ME) as uow:
        account_id = records.create(uow, Account, {"name": "招商银行"})
        contact_id = records.create(uow, Contact, {"account_id": account_id, "name": "李娜"})
    with unit_of_work(db.sessions, ME) as uow:
        records.delete(uow, Contact, contact_id)
    with db.sessions() as session:
        assert records.list_records(session, Contact) == []
        assert [r["id"] for r in records.list_records(session, Contact, deleted=True)] == [
            contact_id
        ]
    with unit_of_work(db.sessions, ME) as uow:
        records.restore(uow, Contact, contact_id)
    ops = [(e[0], e[1]) for e in outbox(db) if e[0] != "change_record"]
    assert ops == [
        ("account", "insert"),
        ("contact", "insert"),
        ("contact", "delete"),
        ("contact", "restore"),
    ]
    with db.sessions() as session:
        assert records.get(session, Contact, contact_id)["name"] == "李娜"


def test_a_failed_unit_of_work_leaves_no_row_and_no_outbox_entry(db: Database) -> None:
    with pytest.raises(RuntimeError), unit_of_work(db.sessions, ME) as uow:
        records.create(uow, Account, {"name": "半途而废"})
        raise RuntimeError("power cut")
    assert outbox(db) == []
    with db.sessions() as session:
        assert records.count(session, Account) == 0


def test_writing_a_synced_row_outside_a_unit_of_work_is_refused(db: Database) -> None:
    with unit_of_work(db.sessions, ME) as uow:
        account_id = records.create(uow, Account, {"name": "上汽集团"})
    with pytest.raises(OutboxBypassError), db.sessions() as session, session.begin():
        row = session.get(Account, account_id)
        assert row is not None
        row.name = "偷偷改名"
    with pytest.raises(OutboxBypassError), db.sessions() as session, session.begin():
        session.add(Account(name="绕过发件箱"))
    with pytest.raises(OutboxBypassError), db.sessions() as session, session.begin():
        row = session.get(Account, account_id)
        session.delete(row)
    with db.sessions() as session:
        assert records.get(session, Account, account_id)["name"] == "上汽集团"


def test_money_refuses_float(db: Database) -> None:
    with pytest.raises(TypeError, match="never float"), unit_of_work(db.sessions, ME) as uow:
        uow.add(Quote(number="Q-1", account_id="x", total=12.5))  # type: ignore[arg-type]


def test_naive_datetimes_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive"), unit_of_work(db.sessions, ME) as uow:
        records.create(uow, Account, {"name": "x", "claimed_at": dt.datetime(2026, 1, 1)})


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2))
def test_money_round_trips_exactly(
    tmp_path_factory: pytest.TempPathFactory, amount: Decimal
) -> None:
    from desktop.domain.models.types import Money
    from desktop.domain.money import round_fen

    money = Money()
    stored = money.process_bind_param(amount, None)  # type: ignore[arg-type]
    assert isinstance(stored, int)
    assert money.process_result_value(stored, None) == round_fen(amount)  # type: ignore[arg-type]


def test_a_parent_and_its_child_created_in_one_unit_in_any_order(db: Database) -> None:
    import datetime as dt

    from desktop.domain.models import Delivery, Order

    with unit_of_work(db.sessions, ME) as uow:
        account_id = records.create(uow, Account, {"name": "一次建好有限公司"})
        order = Order(
            number="SO-1",
            account_id=account_id,
            order_date=dt.date(2026, 5, 1),
            amount=Decimal("100.00"),
        )
        uow.add(order)
        records.create(uow, Delivery, {"order_id": order.id, "delivered_on": dt.date(2026, 5, 2)})
    with db.sessions() as session:
        assert records.count(session, Delivery) == 1


def test_a_child_without_its_parent_is_still_refused_at_commit(db: Database) -> None:
    import datetime as dt

    from sqlalchemy.exc import IntegrityError

    from desktop.domain.ids import new_id
    from desktop.domain.models import Delivery

    with pytest.raises(IntegrityError), unit_of_work(db.sessions, ME) as uow:
        records.create(uow, Delivery, {"order_id": new_id(), "delivered_on": dt.date(2026, 5, 2)})
    assert outbox(db) == []
