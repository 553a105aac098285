"""A laptop's health cache follows what a sync brings: a visit and its decision maker
recorded on another device score the account again on this one as the pull applies
them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.domain.models import Account, AccountHealth, Contact, Visit, VisitAttendee
from desktop.domain.models.types import utcnow
from desktop.domain.services import health_cache, records
from desktop.domain.uow import unit_of_work


def cached(device, account_id):
    with device.db.sessions() as s:
        row = s.get(AccountHealth, account_id)
        return None if row is None else row.score


def test_rows_another_device_pushed_score_the_account_on_this_one(devices):
    alice, boss = devices["alice"], devices["boss"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, Account, {"name": "华信", "owner_id": alice.user_id})
    alice.sync()
    boss.sync()
    before = cached(boss, account)
    assert before == cached(alice, account)
    when = utcnow() - dt.timedelta(days=2)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        boss_contact = records.create(
            uow, Contact, {"account_id": account, "name": "王总", "role": "decision_maker"}
        )
        visit = records.create(
            uow,
            Visit,
            {
                "account_id": account,
                "status": "done",
                "planned_start": when,
                "checked_in_at": when,
                "report": "见了王总",
            },
        )
        records.create(
            uow,
            VisitAttendee,
            {"visit_id": visit, "account_id": account, "contact_id": boss_contact},
        )
    alice.sync()
    boss.sync()
    assert cached(boss, account) == cached(alice, account) > before
    with boss.db.sessions() as s:
        assert not health_cache.stale(s, utcnow())
        assert s.scalar(select(Account.id)) == account
