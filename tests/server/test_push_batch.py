"""One push, many new rows: a row the database refuses is rejected alone.

A batch's new rows reach the database together at its end (server/push.py,
``insert_new``); a broken constraint there must still reject only the mutation that
broke it, with a reason, and apply the rest, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain import models as m
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.sync.protocol import Mutation, PushRequest
from tests.sync.harness import Device, Server


@pytest.fixture(params=["sqlite", "postgresql"])
def batch_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    if request.param == "sqlite":
        srv = Server(tmp_path / "server")
    else:
        srv = Server(tmp_path / "server", request.getfixturevalue("pg_url"))
    srv.team("East")
    srv.user("alice", "rep", team="East")
    yield srv
    srv.close()


def test_a_refused_row_in_a_batch_rejects_only_its_own_mutation(
    batch_server: Server, tmp_path: Path
) -> None:
    alice = Device(batch_server, tmp_path / "alice", "alice")
    try:
        with unit_of_work(alice.db.sessions, alice.user_id) as uow:
            first = records.create(uow, m.Account, {"name": "First", "owner_id": alice.user_id})
            uow.session.flush()
            records.create(
                uow, m.Quote, {"account_id": first, "number": "Q-1", "owner_id": alice.user_id}
            )
        assert alice.sync().rejected == 0
        with alice.db.sessions() as s:
            next_id = 1 + (s.scalar(select(func.max(m.OutboxEntry.mutation_id))) or 0)

        ids = [f"01900000-0000-7000-8000-00000000000{n}" for n in range(1, 5)]
        batch = [
            ("account", ids[0], {"name": "New", "owner_id": alice.user_id}),
            ("account", ids[1], {"name": "Orphan", "owner_id": alice.user_id, "parent_id": ids[3]}),
            ("quote", ids[2], {"account_id": ids[0], "number": "Q-1", "owner_id": alice.user_id}),
            ("contact", ids[3], {"account_id": ids[0], "name": "Li Wei"}),
        ]
        answer = alice.client.push(
            PushRequest(
                mutations=[
                    Mutation(
                        mutation_id=next_id + n, entity=entity, row_id=row_id, op="insert", fields=f
                    )
                    for n, (entity, row_id, f) in enumerate(batch)
                ]
            )
        )
        assert [r.status for r in answer.results] == ["applied", "rejected", "rejected", "applied"]
        assert "does not exist" in (answer.results[1].reason or "")
        assert "unique" in (answer.results[2].reason or "")

        with batch_server.db.sessions() as s:
            assert s.get(m.Account, ids[0]) is not None
            assert s.get(m.Account, ids[1]) is None
            assert s.scalar(select(func.count()).where(m.Quote.number == "Q-1")) == 1
            contact = s.get(m.Contact, ids[3])
            assert contact is not None
            assert contact.name == "Li Wei"
            # Defaults the device did not send are the model's, as an ORM insert gives.
            assert contact.role == "user"
            assert contact.is_primary is False
            assert contact.created_at.tzinfo is not None
    finally:
        alice.close()
