"""The push's Python scope (``ScopeCache``) agrees with the SQL ``clause`` the pull uses.

The push decides "may this user write this row" in Python so it need not query per
mutation; a Python yes where the database says no would let a write through. Every
row of every entity, for every role, read and write, through a pool account, an
account team membership (live and deleted) and a quote line whose parent is elsewhere.
"""

from __future__ import annotations

from functools import partial

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.models import SYNCED
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from server import scope
from tests.server.test_scope import build


def test_python_scope_matches_the_database_for_every_row(devices):
    alice_rows, wendy_rows = build(devices)
    root = devices["root"]
    users = root.server.users
    with unit_of_work(root.db.sessions, root.user_id) as uow:
        records.create(uow, m.Account, {"name": "公海", "owner_id": None})
        shared = records.create(uow, m.Account, {"name": "共管", "owner_id": users["wendy"]})
        uow.session.flush()
        records.create(uow, m.AccountTeamMember, {"account_id": shared, "user_id": users["bob"]})
        gone = records.create(
            uow, m.AccountTeamMember, {"account_id": wendy_rows["account"], "user_id": users["bob"]}
        )
        uow.session.flush()
        records.delete(uow, m.AccountTeamMember, gone)
        records.create(uow, m.Contact, {"account_id": shared, "name": "共管联系人"})
    assert root.sync().rejected == 0
    database = root.server.db
    checked = 0
    for name in ("alice", "bob", "boss", "wendy", "root"):
        with database.sessions() as s:
            viewer = scope.load_viewer(s, users[name])
            assert viewer is not None
            cache = scope.ScopeCache(s, viewer, s.get)
            for model in SYNCED.values():
                for row in s.scalars(select(model)):
                    for write in (False, True):
                        expected = scope.can_see(s, model, row.id, viewer, write=write)
                        got = cache.visible(model, partial(getattr, row), write=write)
                        assert got == expected, (name, model.__tablename__, write)
                        checked += 1
    assert checked > 400
    assert alice_rows  # the subtree exists for both reps
