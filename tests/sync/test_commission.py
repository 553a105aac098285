"""Commission rates travel as the ``commission`` policy: a manager's rates reach a rep's
laptop (her quote's commission follows), and the server refuses rates out of range
from a modified device, and any rates from a rep."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.rules.commission import CommissionRates
from desktop.domain.services import commission, quotes, records
from desktop.domain.uow import unit_of_work
from tests.sync.harness import Attacker, Device


def test_rates_reach_the_rep_and_the_server_holds_their_rules(devices, server, tmp_path):
    boss, alice = devices["boss"], devices["alice"]
    with unit_of_work(boss.db.sessions, boss.user_id) as uow:
        records.create(
            uow,
            m.Product,
            {"sku": "SRV", "name": "服务器", "list_price": Decimal(1000), "category": "硬件"},
        )
        commission.save_rates(
            uow, CommissionRates(Decimal(1), {"硬件": Decimal(3)}, {"A": {"硬件": Decimal(5)}})
        )
    assert boss.sync().rejected == 0
    alice.sync()
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(
            uow, m.Account, {"name": "华信", "owner_id": alice.user_id, "tier": "A"}
        )
        quote = quotes.create_quote(uow, account)
    with alice.db.sessions() as s:
        product = s.scalars(select(m.Product.id)).one()
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        line = quotes.LineDraft("服务器", Decimal(10), Decimal(1000), product_id=product)
        quotes.save_quote(uow, quote, {}, [line])
    with alice.db.sessions() as s:
        assert quotes.get_quote(s, quote).commission == Decimal("500.00")  # 5 % for tier A

    with boss.db.sessions() as s:
        policy = s.scalars(select(m.Policy.id).where(m.Policy.key == "commission")).one()
    tampered = Attacker(Device(server, tmp_path / "tampered-boss", "boss", initial_sync=False))
    rep = Attacker(Device(server, tmp_path / "tampered-alice", "alice", initial_sync=False))
    try:
        (too_high,) = tampered.push_batch(
            ("policy", policy, "update", {"value": {"default": "500"}})
        )
        (from_a_rep,) = rep.push_batch(
            ("policy", new_id(), "insert", {"key": "commission", "value": {"default": "50"}})
        )
    finally:
        tampered.device.close()
        rep.device.close()
    assert (too_high.status, too_high.code) == ("rejected", "out_of_range")
    assert from_a_rep.status == "rejected"
    with server.db.sessions() as s:
        stored = s.scalars(select(m.Policy.value).where(m.Policy.key == "commission")).all()
    assert stored == [{"default": "1", "categories": {"硬件": "3"}, "tiers": {"A": {"硬件": "5"}}}]
