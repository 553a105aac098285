"""Contracts across devices: the rep's draft reaches her manager, who signs it; a
modified device of hers cannot sign it itself."""

from __future__ import annotations

from desktop.domain import models as m
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device


def test_a_contract_is_signed_by_the_manager_and_a_modified_device_cannot_sign_its_own(
    devices, server, tmp_path
):
    import datetime as dt

    from desktop.domain.services import contracts

    alice, boss = devices["alice"], devices["boss"]
    today = dt.date(2026, 3, 10)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
        contract = contracts.create_contract(uow, account, {"title": "框架协议"}, today)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        contracts.submit_for_review(uow, contract)
    assert alice.sync().rejected == 0
    tampered = Attacker(Device(server, tmp_path / "tampered", "alice", initial_sync=False))
    try:
        (own,) = tampered.push_batch(
            ("contract", contract, "update", {"status": "signed", "decided_by": alice.user_id})
        )
    finally:
        tampered.device.close()
    assert (own.status, own.code) == ("rejected", "role_required")
    boss.sync()
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        contracts.sign(uow, contract)
    assert boss.sync().rejected == 0
    alice.sync()
    with alice.db.sessions() as s:
        row = s.get(m.Contract, contract)
        assert row is not None
        assert (row.status, row.decided_by) == ("signed", boss.user_id)
