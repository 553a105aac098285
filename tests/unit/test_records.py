"""The generic services every screen builds on: list with filter, sort and paging, get,
create, update, delete and restore, returning plain data."""

from __future__ import annotations

import pytest

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import Account
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database


@pytest.fixture
def accounts(db: Database) -> list[str]:
    names = [("招商银行", "A"), ("比亚迪", "B"), ("华为", "A"), ("Atlas Trading", "C")]
    with unit_of_work(db.sessions, None) as uow:
        return [records.create(uow, Account, {"name": n, "tier": t}) for n, t in names]


def test_list_filters_sorts_and_pages(db: Database, accounts: list[str]) -> None:
    with db.sessions() as session:
        tier_a = records.list_records(session, Account, where={"tier": "A"}, order_by="name")
        assert [r["name"] for r in tier_a] == ["华为", "招商银行"]
        by_name = records.list_records(session, Account, order_by="name", descending=True)
        page = records.list_records(
            session, Account, order_by="name", descending=True, offset=1, limit=2
        )
        assert [r["name"] for r in page] == [r["name"] for r in by_name[1:3]]
        assert records.count(session, Account) == 4


def test_records_are_plain_dicts_detached_from_the_session(
    db: Database, accounts: list[str]
) -> None:
    with db.sessions() as session:
        row = records.get(session, Account, accounts[0])
    assert type(row) is dict
    assert row["name"] == "招商银行"  # still readable with the session closed


def test_deleted_rows_leave_lists_and_restore_brings_them_back(
    db: Database, accounts: list[str]
) -> None:
    with unit_of_work(db.sessions, None) as uow:
        records.delete(uow, Account, accounts[1])
    with db.sessions() as session:
        assert records.count(session, Account) == 3
        with pytest.raises(NotFoundError):
            records.get(session, Account, accounts[1])
        assert records.get(session, Account, accounts[1], include_deleted=True)["name"] == "比亚迪"
    with unit_of_work(db.sessions, None) as uow:
        records.restore(uow, Account, accounts[1])
    with db.sessions() as session:
        assert records.count(session, Account) == 4


def test_unknown_fields_are_refused_by_name(db: Database, accounts: list[str]) -> None:
    with pytest.raises(ValidationError) as error, unit_of_work(db.sessions, None) as uow:
        records.update(uow, Account, accounts[0], {"colour": "red"})
    assert error.value.errors == {"colour": "unknown field"}
    with pytest.raises(ValidationError), db.sessions() as session:
        records.list_records(session, Account, where={"colour": "red"})
    with pytest.raises(ValidationError), unit_of_work(db.sessions, None) as uow:
        records.update(uow, Account, accounts[0], {"version": 99})
