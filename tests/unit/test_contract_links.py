"""What links to a contract: its documents, the orders placed under it (only of its own
account) with "ordered ÷ contract value", and the competitors on a quote (pre-filled
from its opportunity, one name a line)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.models import Account, Opportunity, Order
from desktop.domain.rules import RuleViolation
from desktop.domain.services import attachments, contract_links, contracts, orders, quotes, winloss
from desktop.store.migrate import Database
from tests.unit.test_quotes import TODAY, World


def _contract(world: World, account: str, quote_id: str | None = None) -> str:
    values = {"title": "框架协议", "value": D(200000), "quote_id": quote_id}
    return world.write(  # type: ignore[no-any-return]
        world.rep, contracts.create_contract, account, values, TODAY
    )


def _deal(world: World, **values: Any) -> str:
    return world.write(  # type: ignore[no-any-return]
        world.rep,
        lambda uow: uow.add(Opportunity(account_id=world.account, name="年度采购", **values)).id,
    )


def _accepted(world: World) -> str:
    quote_id = world.quote([world.server_line()])
    world.write(world.rep, quotes.send, quote_id)
    return quote_id


def test_an_order_from_a_contracted_quote_is_placed_under_the_contract(db: Database) -> None:
    world = World(db)
    quote_id = _accepted(world)
    contract = _contract(world, world.account, quote_id)
    order_id = world.write(world.rep, quotes.accept, quote_id)
    links = world.read(contract_links.contract_links, contract)
    assert [(x.kind, x.id) for x in links.linked] == [("quote", quote_id), ("order", order_id)]
    assert links.ordered == D("85880.00")  # 2 × 38000 + 13 % tax
    assert links.ordered_share == D("85880.00") / D(200000)
    world.write(world.rep, orders.set_contract, order_id, None)
    links = world.read(contract_links.contract_links, contract)
    assert (links.ordered, [x.kind for x in links.linked]) == (D(0), ["quote"])


def test_an_order_cannot_be_placed_under_another_accounts_contract(db: Database) -> None:
    world = World(db)
    other = world.write(None, lambda uow: uow.add(Account(name="远方集团", tier="C")).id)
    foreign = _contract(world, other)
    own = _contract(world, world.account)
    order_id = world.write(world.rep, quotes.accept, _accepted(world))
    with pytest.raises(RuleViolation) as refused:
        world.write(world.rep, orders.set_contract, order_id, foreign)
    assert refused.value.code == "contract_other_account"
    world.write(world.rep, orders.set_contract, order_id, own)
    with db.sessions() as s:
        order = s.get(Order, order_id)
        assert order is not None
        assert order.contract_id == own
    choices = world.read(contract_links.contract_choices, world.account)
    assert [c.id for c in choices] == [own]


def test_a_contract_document_carries_the_contracts_account(db: Database, tmp_path: Path) -> None:
    world = World(db)
    other = world.write(None, lambda uow: uow.add(Account(name="远方集团", tier="C")).id)
    contract = _contract(world, world.account)
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF scan")
    root = attachments.store_root(tmp_path)

    def attach(account: str) -> str:
        return world.write(  # type: ignore[no-any-return]
            world.rep,
            attachments.attach,
            root,
            scan,
            parent_entity="contract",
            parent_id=contract,
            account_id=account,
            kind="contract",
        )

    with pytest.raises(RuleViolation) as refused:
        attach(other)
    assert refused.value.code == "contract_other_account"
    attach(world.account)
    links = world.read(contract_links.contract_links, contract)
    assert [d["filename"] for d in links.documents] == ["signed.pdf"]


def test_quote_competitors_come_from_the_opportunity_one_name_a_line(db: Database) -> None:
    world = World(db)
    deal = _deal(world, stage="proposal", probability=50, competitors="西门子\nABB")
    quote_id = world.write(world.rep, quotes.create_quote, world.account, opportunity_id=deal)
    assert world.read(quotes.get_quote, quote_id, TODAY).quote["competitors"] == "西门子\nABB"
    world.write(world.rep, quotes.save_quote, quote_id, {"competitors": "施耐德, ABB、 华为"}, [])
    saved = world.read(quotes.get_quote, quote_id, TODAY).quote["competitors"]
    assert saved == "施耐德\nABB\n华为"


def test_win_loss_counts_the_competitors_named_on_a_deals_quote(db: Database) -> None:
    world = World(db)
    deal = _deal(
        world,
        stage="lost",
        probability=0,
        competitors="西门子",
        lost_to="施耐德",
        lost_reason="价格",
        close_date=TODAY,
    )
    quote_id = world.write(world.rep, quotes.create_quote, world.account, opportunity_id=deal)
    world.write(world.rep, quotes.save_quote, quote_id, {"competitors": "abb\n西门子"}, [])
    (closed,) = world.read(winloss.closed_deals)
    assert closed.competitors == ("西门子", "abb")
    by = {t.name: t for t in winloss.win_loss([closed]).by_competitor}
    assert set(by) == {"西门子", "abb", "施耐德"}
    assert by["施耐德"].lost_to_them == 1
