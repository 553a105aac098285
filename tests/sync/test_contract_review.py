"""A contract's review across devices: the server, too, refuses a contract returned to
its rep without a note, and the note that comes with a return reaches the rep."""

from __future__ import annotations

import datetime as dt

from desktop.domain import models as m
from desktop.domain.services import contract_review, contracts, records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device


def test_a_return_without_a_note_is_refused_by_the_server(devices, server, tmp_path):
    alice, boss = devices["alice"], devices["boss"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
        contract = contracts.create_contract(
            uow, account, {"title": "框架协议"}, dt.date(2026, 3, 10)
        )
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        contracts.submit_for_review(uow, contract)
    assert alice.sync().rejected == 0
    tampered = Attacker(Device(server, tmp_path / "tampered", "boss", initial_sync=False))
    try:
        (silent,) = tampered.push_batch(
            (
                "contract",
                contract,
                "update",
                {"status": "draft", "decided_by": boss.user_id, "decision_note": ""},
            )
        )
    finally:
        tampered.device.close()
    assert (silent.status, silent.code) == ("rejected", "contract_return_note_required")

    boss.sync()
    with boss.db.sessions() as s:
        assert [p.contract_id for p in contract_review.inbox(s, boss.user_id)] == [contract]
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        contracts.return_to_draft(uow, contract, "付款条件写清楚")
    assert boss.sync().rejected == 0
    alice.sync()
    with alice.db.sessions() as s:
        row = s.get(m.Contract, contract)
        assert row is not None
        assert (row.status, row.decision_note) == ("draft", "付款条件写清楚")
        steps = contract_review.history(s, contract)
        assert [(x.step, x.note) for x in steps][-1] == ("returned", "付款条件写清楚")
