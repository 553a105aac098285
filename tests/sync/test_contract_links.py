"""A contract's documents and orders across devices: a scanned contract reaches the
account's team (not another team's rep), and the server refuses an order placed under
another account's contract, even from a modified device."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.domain import models as m
from desktop.domain.services import attachments, contract_links, contracts, orders, records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device
from tests.sync.test_blob_transfer import files_of, full_sync

TODAY = dt.date(2026, 3, 10)
SCAN = b"%PDF-1.4 signed contract scan"


def _account_with_contract(device: Device, name: str) -> tuple[str, str]:
    with unit_of_work(device.db.sessions, device.user_id) as uow:
        account = records.create(uow, m.Account, {"name": name, "owner_id": device.user_id})
        contract = contracts.create_contract(uow, account, {"title": "框架协议"}, TODAY)
    return account, contract


def test_a_contract_document_reaches_the_team_and_no_one_else(devices, tmp_path: Path) -> None:
    alice, bob, wendy = devices["alice"], devices["bob"], devices["wendy"]
    account, contract = _account_with_contract(alice, "华信")
    scan = tmp_path / "签字合同.pdf"
    scan.write_bytes(SCAN)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        document = attachments.attach(
            uow,
            files_of(alice),
            scan,
            parent_entity="contract",
            parent_id=contract,
            account_id=account,
            kind="contract",
        )
    up, _ = full_sync(alice)
    assert up.uploaded == 1

    boss = devices["boss"]  # alice's manager sees her accounts
    _, down = full_sync(boss)
    assert down.downloaded == 1
    with boss.db.sessions() as s:
        links = contract_links.contract_links(s, contract)
        assert [d["filename"] for d in links.documents] == ["签字合同.pdf"]
        assert attachments.file_of(s, files_of(boss), document).read_bytes() == SCAN

    for outsider in (bob, wendy):  # bob is not on the account's team; wendy's team is West
        outsider.sync()
        with outsider.db.sessions() as s:
            assert s.get(m.Attachment, document) is None
            assert s.get(m.Contract, contract) is None


def test_the_server_refuses_an_order_under_another_accounts_contract(
    devices, server, tmp_path: Path
) -> None:
    alice = devices["alice"]
    _, foreign_contract = _account_with_contract(alice, "远方集团")
    account, contract = _account_with_contract(alice, "华信")
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        order = records.create(
            uow,
            m.Order,
            {
                "number": "SO-1",
                "account_id": account,
                "owner_id": alice.user_id,
                "order_date": TODAY,
                "amount": 1000,
            },
        )
        orders.set_contract(uow, order, contract)
    assert alice.sync().rejected == 0

    tampered = Attacker(Device(server, tmp_path / "tampered", "alice", initial_sync=False))
    try:
        (refused,) = tampered.push_batch(
            ("sales_order", order, "update", {"contract_id": foreign_contract})
        )
    finally:
        tampered.device.close()
    assert (refused.status, refused.code) == ("rejected", "contract_other_account")
    alice.sync()
    with alice.db.sessions() as s:
        row = s.get(m.Order, order)
        assert row is not None
        assert row.contract_id == contract
