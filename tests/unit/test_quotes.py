"""Quotes: catalog prices, guardrails, the workflow, locks, revisions, expiry, numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.domain.errors import PermissionDeniedError, ValidationError
from desktop.domain.models import Account, Opportunity, Order, Policy, Product, Quote, Team, User
from desktop.domain.rules.quotes import LineDraft, check
from desktop.domain.services import catalog, quotes
from desktop.domain.services.quotes import QuoteLockedError, WorkflowError
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database, open_database

# 2026-03-10 10:00 in Shanghai.
NOW = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 3, 10)


class World:
    """A small catalog, a rep, a manager and one tier-B account."""

    def __init__(self, db: Database, rep_code: str = "ZW") -> None:
        self.db = db
        self.now = NOW
        with unit_of_work(db.sessions, None, now=self.clock) as uow:
            team = uow.add(Team(name=f"华东{rep_code}")).id
            self.rep = uow.add(
                User(
                    username=f"rep{rep_code}",
                    display_name="张伟",
                    role="rep",
                    rep_code=rep_code,
                    team_id=team,
                )
            ).id
            self.manager = uow.add(
                User(
                    username=f"mgr{rep_code}",
                    display_name="王芳",
                    role="manager",
                    rep_code="M01",
                    team_id=team,
                )
            ).id
            self.account = uow.add(Account(name="华信精密制造有限公司", tier="B")).id
            self.server = uow.add(
                Product(
                    sku="SRV-01",
                    name="企业服务器 X1",
                    unit="台",
                    list_price=D(38000),
                    tax_rate=D("0.13"),
                    category="硬件",
                    max_discount_pct=D(15),
                    floor_price=D(30000),
                )
            ).id
            self.licence = uow.add(
                Product(
                    sku="LIC-01",
                    name="软件许可",
                    unit="用户",
                    list_price=D(480),
                    tax_rate=D("0.06"),
                    category="软件",
                )
            ).id
            uow.add(Policy(key="discounts", value={"A": "20", "B": "12", "C": "8"}))
            uow.add(Policy(key="commission", value={"default": "1", "categories": {"硬件": "3"}}))

    def clock(self) -> dt.datetime:
        return self.now

    def write(self, actor: str | None, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        with unit_of_work(self.db.sessions, actor, now=self.clock) as uow:
            return fn(uow, *args, **kw)

    def read(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        with self.db.sessions() as session:
            return fn(session, *args, **kw)

    def quote(self, lines: list[LineDraft], discount: str = "0") -> str:
        quote_id = self.write(self.rep, quotes.create_quote, self.account)
        self.write(self.rep, quotes.save_quote, quote_id, {"discount_pct": D(discount)}, lines)
        return quote_id

    def server_line(self, price: str = "38000", discount: str = "0", qty: str = "2") -> LineDraft:
        return LineDraft(
            "企业服务器 X1", D(qty), D(price), D(discount), D("0.13"), "台", self.server
        )

    def status(self, quote_id: str) -> str:
        return str(self.read(quotes.get_quote, quote_id, TODAY).quote["status"])


@pytest.fixture
def world(db: Database) -> World:
    return World(db)


# -- prices -------------------------------------------------------------------------


def test_named_customer_list_beats_tier_list_beats_list_price(world: World) -> None:
    price = world.read(catalog.applicable_price, world.account, world.server, TODAY)
    assert (price.unit_price, price.source) == (D(38000), "list")
    tier = world.write(
        world.manager,
        catalog.create_price_list,
        {
            "name": "B类价格",
            "tier": "B",
            "valid_from": dt.date(2026, 1, 1),
            "valid_to": dt.date(2026, 12, 31),
        },
    )
    world.write(world.manager, catalog.set_item_price, tier, world.server, D(36000))
    assert world.read(catalog.applicable_price, world.account, world.server, TODAY).unit_price == D(
        36000
    )
    named = world.write(
        world.manager,
        catalog.create_price_list,
        {
            "name": "华信专属",
            "account_id": world.account,
            "valid_from": dt.date(2026, 3, 1),
            "valid_to": dt.date(2026, 3, 31),
        },
    )
    world.write(world.manager, catalog.set_item_price, named, world.server, D(35000))
    price = world.read(catalog.applicable_price, world.account, world.server, TODAY)
    assert (price.unit_price, price.source, price.price_list_name) == (
        D(35000),
        "customer",
        "华信专属",
    )
    # Outside the named list's validity the tier list applies again.
    later = world.read(catalog.applicable_price, world.account, world.server, dt.date(2026, 4, 1))
    assert (later.unit_price, later.source) == (D(36000), "tier")
    # A product on no list keeps its list price.
    assert world.read(
        catalog.applicable_price, world.account, world.licence, TODAY
    ).unit_price == D(480)


def test_a_newer_list_of_the_same_kind_wins(world: World) -> None:
    for start, price in ((dt.date(2026, 1, 1), "36000"), (dt.date(2026, 3, 1), "34000")):
        plist = world.write(
            world.manager,
            catalog.create_price_list,
            {"name": f"B {start}", "tier": "B", "valid_from": start},
        )
        world.write(world.manager, catalog.set_item_price, plist, world.server, D(price))
    assert world.read(catalog.applicable_price, world.account, world.server, TODAY).unit_price == D(
        34000
    )


def test_a_rep_cannot_edit_the_catalog(world: World) -> None:
    with pytest.raises(PermissionDeniedError):
        world.write(world.rep, catalog.create_product, {"sku": "X", "name": "X", "list_price": 1})
    with pytest.raises(ValidationError, match="SKU SRV-01 already exists"):
        world.write(
            world.manager, catalog.create_product, {"sku": "SRV-01", "name": "X", "list_price": 1}
        )


def test_new_lines_take_the_applicable_price(world: World) -> None:
    lines = world.read(quotes.default_lines, world.account, [world.licence, world.server], TODAY)
    assert [(ln.description, ln.unit_price, ln.tax_rate) for ln in lines] == [
        ("软件许可", D(480), D("0.06")),
        ("企业服务器 X1", D(38000), D("0.13")),
    ]


# -- totals and guardrails ----------------------------------------------------------


def test_totals_are_stored_on_the_quote(world: World) -> None:
    # 2 x 38000 at 5 % = 72200.00; 10 x 480 = 4800.00; quote 2 %: 70756.00 + 4704.00;
    # tax 13 % of 70756 = 9198.28, 6 % of 4704 = 282.24; total 84940.52.
    licence = LineDraft("软件许可", D(10), D(480), D(0), D("0.06"), "用户", world.licence)
    quote_id = world.quote([world.server_line(discount="5"), licence], discount="2")
    view = world.read(quotes.get_quote, quote_id, TODAY)
    assert (view.quote["subtotal"], view.quote["tax_total"], view.quote["total"]) == (
        D("77000.00"),
        D("9480.52"),
        D("84940.52"),
    )
    assert view.totals.total == view.quote["total"]
    assert view.capital_total == "捌万肆仟玖佰肆拾元伍角贰分"
    # Commission: 3 % of 70756.00 (硬件) + 1 % of 4704.00 = 2122.68 + 47.04.
    assert view.commission == D("2169.72")
    assert view.reasons == []


def test_within_guardrails_a_quote_goes_straight_out(world: World) -> None:
    quote_id = world.quote([world.server_line(discount="10")])
    assert world.read(quotes.get_quote, quote_id, TODAY).reasons == []
    world.write(world.rep, quotes.send, quote_id)
    assert world.status(quote_id) == "sent"


def test_beyond_guardrails_the_reasons_show_at_once(world: World) -> None:
    # 10 % on the line and 5 % on the quote: 14.5 % off list > 12 % for tier B.
    quote_id = world.quote([world.server_line(discount="10")], discount="5")
    view = world.read(quotes.get_quote, quote_id, TODAY)
    assert [r.message() for r in view.reasons] == [
        "Line 1 (SRV-01): discount 14.5% exceeds the 12% allowed for tier B"
    ]
    with pytest.raises(WorkflowError, match="approval"):
        world.write(world.rep, quotes.send, quote_id)


def test_product_limit_and_floor_price(world: World) -> None:
    # Unit price edited to 29000: 23.68 % off list, under the 30000 floor.
    quote_id = world.quote([world.server_line(price="29000")])
    codes = [
        (r.code, r.limit, r.actual) for r in world.read(quotes.get_quote, quote_id, TODAY).reasons
    ]
    assert codes == [
        ("tier_discount", D(12), D("23.68")),
        ("product_discount", D(15), D("23.68")),
        ("floor_price", D(30000), D("29000.00")),
    ]


def test_a_deep_quote_discount_is_one_reason(world: World) -> None:
    quote_id = world.quote([world.server_line(), world.server_line()], discount="13")
    reasons = world.read(quotes.get_quote, quote_id, TODAY).reasons
    assert [r.message() for r in reasons] == [
        "Quote discount 13% exceeds the 12% allowed for tier B"
    ]


def test_live_check_matches_the_saved_one(world: World) -> None:
    lines = [world.server_line(discount="20")]
    rules = world.read(quotes.guardrails, world.account, [world.server])
    live = check(lines, D(0), rules)
    quote_id = world.quote(lines)
    assert world.read(quotes.get_quote, quote_id, TODAY).reasons == live


# -- workflow -----------------------------------------------------------------------


def test_approval_workflow_and_decisions(world: World) -> None:
    quote_id = world.quote([world.server_line(discount="14")])
    with pytest.raises(ValidationError, match="justification"):
        world.write(world.rep, quotes.request_approval, quote_id, "  ")
    world.write(world.rep, quotes.request_approval, quote_id, "竞争对手报价更低")
    assert world.status(quote_id) == "pending_approval"
    with pytest.raises(PermissionDeniedError):
        world.write(world.rep, quotes.approve, quote_id)
    with pytest.raises(ValidationError):
        world.write(world.manager, quotes.return_quote, quote_id, "")
    world.write(world.manager, quotes.return_quote, quote_id, "最多给12%")
    view = world.read(quotes.get_quote, quote_id, TODAY)
    assert (view.shown_status, view.quote["decision_note"]) == ("returned", "最多给12%")
    world.write(world.rep, quotes.request_approval, quote_id, "客户是战略客户")
    world.write(world.manager, quotes.approve, quote_id, "同意")
    view = world.read(quotes.get_quote, quote_id, TODAY)
    assert (view.shown_status, view.quote["decided_by"]) == ("approved", world.manager)
    assert quotes.available_actions(view.quote, "rep", TODAY) == ["send"]
    world.write(world.rep, quotes.send, quote_id)
    assert world.status(quote_id) == "sent"


def test_editing_an_approved_quote_takes_it_back_to_draft(world: World) -> None:
    quote_id = world.quote([world.server_line(discount="14")])
    world.write(world.rep, quotes.request_approval, quote_id, "战略客户")
    world.write(world.manager, quotes.approve, quote_id)
    world.write(world.rep, quotes.save_quote, quote_id, {}, [world.server_line(discount="15")])
    assert world.status(quote_id) == "draft"


def test_sent_quote_is_locked_and_accept_makes_an_order_and_wins(world: World) -> None:
    opp = world.write(
        world.rep,
        lambda uow: (
            uow.add(
                Opportunity(
                    account_id=world.account, name="年度采购", stage="proposal", probability=50
                )
            ).id
        ),
    )
    quote_id = world.quote([world.server_line()])
    world.write(
        world.rep, quotes.save_quote, quote_id, {"opportunity_id": opp}, [world.server_line()]
    )
    world.write(world.rep, quotes.send, quote_id)
    with pytest.raises(QuoteLockedError, match="locked"):
        world.write(world.rep, quotes.save_quote, quote_id, {}, [world.server_line(qty="3")])
    order_id = world.write(world.rep, quotes.accept, quote_id)
    with world.db.sessions() as session:
        opportunity = session.get(Opportunity, opp)
        order = session.get(Order, order_id)
        assert opportunity is not None
        assert order is not None
        assert (opportunity.stage, opportunity.probability, opportunity.amount) == (
            "won",
            100,
            D("85880.00"),
        )
        assert (order.amount, order.number) == (D("85880.00"), "SO-2026-ZW-0001")
    with pytest.raises(WorkflowError):
        world.write(world.rep, quotes.revise, quote_id)


def test_reject(world: World) -> None:
    quote_id = world.quote([world.server_line()])
    with pytest.raises(WorkflowError, match="cannot reject a quote that is draft"):
        world.write(world.rep, quotes.reject, quote_id)
    world.write(world.rep, quotes.send, quote_id)
    world.write(world.rep, quotes.reject, quote_id, "预算不足")
    assert world.status(quote_id) == "rejected"


def test_a_quote_without_lines_cannot_be_sent(world: World) -> None:
    quote_id = world.write(world.rep, quotes.create_quote, world.account)
    with pytest.raises(ValidationError, match="at least one line"):
        world.write(world.rep, quotes.send, quote_id)


def test_sent_quotes_expire_after_their_validity(world: World) -> None:
    quote_id = world.quote([world.server_line()])
    world.write(world.rep, quotes.send, quote_id)
    valid_until = world.read(quotes.get_quote, quote_id, TODAY).quote["valid_until"]
    assert valid_until == TODAY + dt.timedelta(days=30)
    assert world.write(world.rep, quotes.expire_overdue) == 0
    world.now = NOW + dt.timedelta(days=31)
    later = TODAY + dt.timedelta(days=31)
    # Shown as expired at once, written down by the next sweep.
    assert world.read(quotes.list_quotes, today=later)[0]["shown_status"] == "expired"
    with pytest.raises(WorkflowError, match="expired"):
        world.write(world.rep, quotes.accept, quote_id)
    # The manager's device leaves the rep's quote to the rep's own device.
    assert world.write(world.manager, quotes.expire_overdue) == 0
    assert world.write(world.rep, quotes.expire_overdue) == 1
    assert world.status(quote_id) == "expired"


# -- revisions ----------------------------------------------------------------------


def test_revisions_are_linked_and_earlier_ones_read_only(world: World) -> None:
    first = world.quote([world.server_line()])
    world.write(world.rep, quotes.send, first)
    second = world.write(world.rep, quotes.revise, first)
    view = world.read(quotes.get_quote, second, TODAY)
    assert (view.quote["revision"], view.quote["previous_id"], view.quote["status"]) == (
        "B",
        first,
        "draft",
    )
    assert view.quote["number"] == world.read(quotes.get_quote, first, TODAY).quote["number"]
    assert [ln["description"] for ln in view.lines] == ["企业服务器 X1"]
    assert view.quote["total"] == D("85880.00")
    # Edit the new revision; the old one keeps its figures and is locked.
    world.write(world.rep, quotes.save_quote, second, {}, [world.server_line(qty="3")])
    with pytest.raises(QuoteLockedError, match="earlier revision"):
        world.write(world.rep, quotes.reject, first)
    assert world.read(quotes.get_quote, first, TODAY).quote["total"] == D("85880.00")
    world.write(world.rep, quotes.send, second)
    third = world.write(world.rep, quotes.revise, second)
    listed = world.read(quotes.list_quotes, today=TODAY)
    assert [(q["revision"], q["is_latest"]) for q in listed] == [("C", True)]
    revisions = world.read(quotes.get_quote, third, TODAY).revisions
    assert [(r["revision"], r["is_latest"]) for r in revisions] == [
        ("A", False),
        ("B", False),
        ("C", True),
    ]
    assert world.read(quotes.find_by_number, listed[0]["number"]) == third
    assert world.read(quotes.find_by_number, listed[0]["number"], "a") == first


def test_deleting_a_draft_revision_brings_back_the_previous(world: World) -> None:
    first = world.quote([world.server_line()])
    world.write(world.rep, quotes.send, first)
    second = world.write(world.rep, quotes.revise, first)
    world.write(world.rep, quotes.delete_draft, second)
    assert [q["id"] for q in world.read(quotes.list_quotes, today=TODAY)] == [first]


def test_revision_letters() -> None:
    assert [quotes.next_revision(r) for r in ("A", "B", "Z", "AZ")] == ["B", "C", "AA", "BA"]


# -- numbers ------------------------------------------------------------------------


def test_numbers_follow_year_rep_and_counter(world: World) -> None:
    numbers = [
        world.read(quotes.get_quote, world.quote([world.server_line()]), TODAY).quote["number"]
        for _ in range(3)
    ]
    assert numbers == ["Q-2026-ZW-0001", "Q-2026-ZW-0002", "Q-2026-ZW-0003"]


def test_two_devices_offline_never_collide(tmp_path: Path) -> None:
    """Two reps' laptops, and the same rep on a second laptop with its own tag, each
    make quotes offline; put together, no two numbers are equal."""
    from desktop.domain.services.device import set_meta

    devices = []
    for name, code, tag in (("one", "ZW", ""), ("two", "LN", ""), ("three", "ZW", "B")):
        folder = tmp_path / name
        folder.mkdir()
        world = World(open_database(folder), rep_code=code)
        if tag:
            with world.db.sessions() as session, session.begin():
                set_meta(session, "number_tag", tag)
        devices.append(world)
    numbers: list[str] = []
    try:
        for _ in range(5):
            for world in devices:
                world.write(world.rep, quotes.create_quote, world.account)
        for world in devices:
            with world.db.sessions() as session:
                numbers += list(session.scalars(select(Quote.number)))
    finally:
        for world in devices:
            world.db.dispose()
    assert len(numbers) == 15
    assert len(set(numbers)) == 15
    assert {n.rsplit("-", 1)[0] for n in numbers} == {"Q-2026-ZW", "Q-2026-LN", "Q-2026-ZWB"}


def test_a_reinstalled_device_continues_after_synced_numbers(world: World) -> None:
    from desktop.domain.uow import remote_apply

    with world.db.sessions() as session, session.begin(), remote_apply(session):
        session.add(Quote(number="Q-2026-ZW-0041", account_id=world.account, version=3))
        session.flush()
    quote_id = world.write(world.rep, quotes.create_quote, world.account)
    assert world.read(quotes.get_quote, quote_id, TODAY).quote["number"] == "Q-2026-ZW-0042"
