"""The simulation's business steps, done through the domain services as a user would.

Quotes with lines (discounts past the tier and product limits, so approval reasons
appear), their approval by the manager, sending, accepting and revising; visits and
their call reports; complaints; targets; attachments. Each step is one unit of work on
one device. A step the service or the rule book refuses (``DomainError``, which
includes ``RuleViolation``) is a user being told no: it is logged and the world goes
on. Where the rules say a step must be refused (a rep approving, a manager approving
his own quote, a rep setting his own target) the refusal is asserted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from desktop.domain.errors import DomainError
from desktop.domain.models import (
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATUSES,
    Complaint,
    Product,
    Quote,
    Visit,
)
from desktop.domain.rules.quotes import LineDraft
from desktop.domain.services import attachments, catalog, complaints, quotes, targets, visits
from desktop.domain.services import rules as manager_rules
from desktop.domain.uow import UnitOfWork
from tests.sync.harness import Device

if TYPE_CHECKING:
    from tests.sync.simulation import World

# One product with a maximum discount and a floor price, one without limits; lines
# without a product are priced as typed.
PRODUCTS = (
    {
        "sku": "SRV-1",
        "name": "服务器",
        "list_price": Decimal(1000),
        "max_discount_pct": Decimal(10),
        "floor_price": Decimal(850),
    },
    {"sku": "CAB-1", "name": "线缆", "list_price": Decimal("49.90")},
)
# The manager's maximum discount per account tier (percent).
TIER_LIMITS: dict[str, Decimal] = {"A": Decimal(15), "B": Decimal(10), "C": Decimal(5)}
LINE_DISCOUNTS = tuple(Decimal(d) for d in ("0", "0", "3", "8", "12.5", "30"))
QUOTE_DISCOUNTS = tuple(Decimal(d) for d in ("0", "0", "0", "4", "20"))
OPEN = ("draft", "returned", "pending_approval", "approved")


def set_up_catalog(world: World, boss: Device) -> None:
    """The manager's products and discount limits, before anyone quotes."""

    def act(uow: UnitOfWork) -> None:
        for values in PRODUCTS:
            catalog.create_product(uow, values)
        current = manager_rules.load(uow.session)
        limits: dict[str, Decimal | None] = dict(TIER_LIMITS)
        manager_rules.save(uow, dataclasses.replace(current, discounts=limits))

    world.write(boss, act)


# -- picking what a user would work on ------------------------------------------------


def _products(device: Device) -> list[tuple[str, Decimal, str]]:
    with device.db.sessions() as s:
        return [
            (p.id, p.list_price, p.name)
            for p in s.scalars(select(Product).where(Product.deleted_at.is_(None)))
        ]


def _quotes(world: World, device: Device, statuses: Iterable[str]) -> list[dict[str, Any]]:
    """The latest revisions in ``statuses`` on accounts this user works on."""
    wanted = set(statuses)
    accounts = {a["id"] for a in world.mine(device)}
    return [
        q
        for q in world.rows(device, Quote, is_latest=True)
        if q["status"] in wanted and (device.username == "boss" or q["account_id"] in accounts)
    ]


def random_line(world: World, device: Device) -> LineDraft:
    rng = world.rng
    products = _products(device)
    discount = rng.choice(LINE_DISCOUNTS)
    quantity = Decimal(rng.randint(1, 5))
    if products and rng.random() < 0.7:
        product_id, list_price, name = rng.choice(products)
        # Sometimes the rep types a lower price than the list's (below the floor).
        price = (
            list_price
            if rng.random() < 0.7
            else (list_price * Decimal("0.8")).quantize(Decimal("0.01"))
        )
        return LineDraft(name, quantity, price, discount, product_id=product_id)
    price = Decimal(rng.randrange(100, 100_000)) / 100
    return LineDraft(f"安装 {rng.randrange(100)}", quantity, price, discount)


def changed_lines(world: World, lines: list[LineDraft], new: LineDraft) -> list[LineDraft]:
    """The editor's change: add a line (``new``), remove one, or change one's figures."""
    rng = world.rng
    lines = list(lines)
    roll = rng.random()
    if roll < 0.3 or not lines:
        lines.append(new)
    elif roll < 0.45 and len(lines) > 1:
        lines.pop(rng.randrange(len(lines)))
    else:
        index = rng.randrange(len(lines))
        lines[index] = edited_line(world, lines[index])
    return lines


def edited_line(world: World, line: LineDraft) -> LineDraft:
    rng = world.rng
    field = rng.choice(("quantity", "discount_pct", "unit_price"))
    if field == "quantity":
        return dataclasses.replace(line, quantity=Decimal(rng.randint(1, 9)))
    if field == "discount_pct":
        return dataclasses.replace(line, discount_pct=rng.choice(LINE_DISCOUNTS))
    return dataclasses.replace(line, unit_price=line.unit_price + Decimal(rng.randrange(-30, 60)))


def _lines(uow: UnitOfWork, quote_id: str) -> list[LineDraft]:
    return quotes.drafts_of(quotes.lines_of(uow.session, quote_id))


# -- quotes -----------------------------------------------------------------------------


def new_quote(world: World, device: Device) -> None:
    accounts = world.mine(device)
    if not accounts or (device.username == "boss" and world.rng.random() < 0.7):
        return  # reps quote; the manager now and then (nobody can approve his own)
    account = world.rng.choice(accounts)
    lines = [random_line(world, device) for _ in range(world.rng.randint(1, 3))]
    discount = world.rng.choice(QUOTE_DISCOUNTS)

    def act(uow: UnitOfWork) -> None:
        quote_id = quotes.create_quote(uow, account["id"])
        quotes.save_quote(uow, quote_id, {"discount_pct": discount}, lines)

    world.attempt(device, f"quotes with {len(lines)} line(s)", act)


def edit_quote(world: World, device: Device) -> None:
    choices = _quotes(world, device, OPEN)
    if not choices:
        new_quote(world, device)
        return
    # Mostly a draft; sometimes a quote waiting for or holding an approval (the edit
    # takes it back to draft, on the device and again on the server).
    drafts = [q for q in choices if q["status"] in ("draft", "returned")]
    quote = world.rng.choice(drafts if drafts and world.rng.random() < 0.8 else choices)
    header = {}
    if world.rng.random() < 0.2:
        header["discount_pct"] = world.rng.choice(QUOTE_DISCOUNTS)

    new = random_line(world, device)  # read before the write begins

    def act(uow: UnitOfWork) -> None:
        quotes.save_quote(
            uow, quote["id"], header, changed_lines(world, _lines(uow, quote["id"]), new)
        )

    world.attempt(device, f"edits quote {quote['number']} ({quote['status']})", act)


def twin_edit(world: World) -> None:
    """One rep's two devices each change a different line of the same quote offline."""
    first, second = world.twins
    shared = None
    held = {q["id"]: q for q in _quotes(world, second, OPEN)}
    for quote in _quotes(world, first, OPEN):
        if (
            quote["id"] in held
            and _line_count(first, quote["id"]) >= 2
            and _line_count(second, quote["id"]) >= 2
        ):
            shared = quote
            break
    if shared is None:
        new_quote(world, first)
        return
    for device, index in ((first, 0), (second, 1)):

        def act(uow: UnitOfWork, index: int = index) -> None:
            lines = _lines(uow, shared["id"])
            lines[index] = edited_line(world, lines[index])
            quotes.save_quote(uow, shared["id"], {}, lines)

        world.attempt(
            device, f"edits line {index + 1} of {shared['number']} on one of two devices", act
        )
    world.stats["twin edits"] += 1


def _line_count(device: Device, quote_id: str) -> int:
    with device.db.sessions() as s:
        return len(quotes.lines_of(s, quote_id))


def request_approval(world: World, device: Device) -> None:
    choices = _quotes(world, device, ("draft", "returned"))
    if not choices:
        return
    # Mostly a quote that needs it; sometimes one that does not (the service says so).
    needing = [q for q in choices if q["approval_reasons"]]
    quote = world.rng.choice(needing if needing and world.rng.random() < 0.8 else choices)
    world.attempt(
        device,
        f"asks approval for {quote['number']}",
        lambda uow: quotes.request_approval(uow, quote["id"], "战略客户，首单"),
    )
    if world.rng.random() < 0.7:
        world.sync(device)  # the request goes out at once when the network allows


def decide(world: World, device: Device) -> None:
    """The manager approves or returns; a rep, or the manager on his own quote, is refused."""
    if device.username != "boss" and world.rng.random() < 0.7:
        device = world.devices[0]  # mostly the manager: the reps only try
    choices = _quotes(world, device, ("pending_approval",))
    if not choices and device.username == "boss":
        world.sync(device)  # the manager looks for new requests
        choices = _quotes(world, device, ("pending_approval",))
    if not choices:
        return
    others = [q for q in choices if q["owner_id"] != device.user_id]
    quote = world.rng.choice(others if others and world.rng.random() < 0.8 else choices)
    refused = device.username != "boss" or quote["owner_id"] == device.user_id
    approving = world.rng.random() < 0.7

    def act(uow: UnitOfWork) -> None:
        if approving:
            quotes.approve(uow, quote["id"], "同意")
        else:
            quotes.return_quote(uow, quote["id"], "折扣太大")

    what = "approves" if approving else "returns"
    world.attempt(device, f"{what} {quote['number']}", act, refused=refused)
    if not refused and world.rng.random() < 0.5:
        world.sync(device)


def send(world: World, device: Device) -> None:
    choices = _quotes(world, device, ("draft", "returned", "approved"))
    # Mostly one that may go (approved, or within the limits); sometimes one that may not.
    ready = [q for q in choices if q["status"] == "approved" or not q["approval_reasons"]]
    if ready and world.rng.random() < 0.8:
        choices = ready
    if choices:
        quote = world.rng.choice(choices)
        world.attempt(device, f"sends {quote['number']}", lambda uow: quotes.send(uow, quote["id"]))


def close(world: World, device: Device) -> None:
    """The customer answers a sent quote: accepted (an order) or rejected."""
    choices = _quotes(world, device, ("sent",))
    if not choices:
        return
    quote = world.rng.choice(choices)
    if world.rng.random() < 0.6:
        world.attempt(
            device, f"wins {quote['number']}", lambda uow: quotes.accept(uow, quote["id"])
        )
    else:
        world.attempt(
            device, f"loses {quote['number']}", lambda uow: quotes.reject(uow, quote["id"], "太贵")
        )


def revise(world: World, device: Device) -> None:
    choices = _quotes(world, device, ("sent", "rejected", "expired"))
    if choices:
        quote = world.rng.choice(choices)
        world.attempt(
            device, f"revises {quote['number']}", lambda uow: quotes.revise(uow, quote["id"])
        )


# -- visits, complaints, targets, attachments -----------------------------------------


def plan_visit(world: World, device: Device) -> None:
    accounts = world.mine(device)
    if not accounts:
        return
    account = world.rng.choice(accounts)
    # Visits are planned ahead (a day that has passed is refused as planned).
    tomorrow = dt.datetime.now(dt.UTC).replace(hour=1, minute=0, second=0, microsecond=0)
    start = tomorrow + dt.timedelta(days=1, hours=world.rng.randrange(0, 24 * 30, 2))
    world.attempt(
        device,
        "plans a visit",
        lambda uow: visits.plan_visit(
            uow,
            account_id=account["id"],
            owner_id=device.user_id,
            planned_start=start,
            planned_minutes=world.rng.choice((30, 60, 90)),
            purpose="季度回访",
        ),
    )


def report_visit(world: World, device: Device) -> None:
    """Write the call report (the visit becomes done), correct it, or cancel the visit."""
    accounts = {a["id"] for a in world.mine(device)}
    mine = [v for v in world.rows(device, Visit) if v["account_id"] in accounts]
    if not mine:
        plan_visit(world, device)
        return
    visit = world.rng.choice(mine)
    if world.rng.random() < 0.2:
        world.attempt(device, "cancels a visit", lambda uow: visits.cancel(uow, visit["id"]))
        return
    notes = world.rng.choice(("客户同意试用", "谈了续约", ""))  # empty: told to write one
    world.attempt(
        device,
        f"writes the report of a {visit['status']} visit",
        lambda uow: visits.write_report(
            uow, visit["id"], outcome=world.rng.choice(visits.OUTCOMES), notes=notes
        ),
    )


def complaint(world: World, device: Device) -> None:
    accounts = world.mine(device)
    ids = {a["id"] for a in accounts}
    known = [c for c in world.rows(device, Complaint) if c["account_id"] in ids]
    if known and world.rng.random() < 0.6:
        row = world.rng.choice(known)
        status = world.rng.choice(COMPLAINT_STATUSES)
        world.attempt(
            device,
            f"moves a complaint from {row['status']} to {status}",
            lambda uow: complaints.update_complaint(uow, row["id"], {"status": status}),
        )
    elif accounts:
        account = world.rng.choice(accounts)
        world.attempt(
            device,
            "logs a complaint",
            lambda uow: complaints.log_complaint(
                uow,
                {
                    "account_id": account["id"],
                    "title": "到货延迟",
                    "severity": world.rng.choice(COMPLAINT_SEVERITIES),
                },
            ),
        )


def set_target(world: World, device: Device) -> None:
    """The manager sets a rep's target; a rep setting his own is refused by the rule book."""
    period = world.rng.choice(("2026", "2026-Q3", "2026-07"))
    amount = Decimal(world.rng.randrange(1, 500) * 1000)
    if device.username == "boss":
        rep = world.rng.choice([d for d in world.devices if d.username != "boss"])
        owner, refused = rep.user_id, False
    else:
        owner, refused = device.user_id, True
    world.attempt(
        device,
        f"sets a {period} target",
        lambda uow: targets.set_target(uow, owner, period, amount),
        refused=refused,
    )


def attach(world: World, device: Device) -> None:
    accounts = world.mine(device)
    if not accounts:
        return
    account = world.rng.choice(accounts)
    parent = ("account", account["id"])
    quotes_here = [q for q in world.rows(device, Quote) if q["account_id"] == account["id"]]
    if quotes_here and world.rng.random() < 0.5:
        parent = ("quote", world.rng.choice(quotes_here)["id"])
    world.files += 1
    source = world.root / "files" / f"{device.username}-{world.files}.txt"
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(f"{device.username} {world.files} {world.rng.random()}\n".encode() * 20)
    world.attempt(
        device,
        f"attaches a file to a {parent[0]}",
        lambda uow: attachments.attach(
            uow,
            attachments.store_root(device.db.path.parent),
            source,
            parent_entity=parent[0],
            parent_id=parent[1],
            account_id=account["id"],
        ),
    )


STEPS: tuple[tuple[float, Callable[[World, Device], None]], ...] = (
    (0.04, new_quote),
    (0.06, edit_quote),
    (0.05, request_approval),
    (0.09, decide),
    (0.04, send),
    (0.03, close),
    (0.02, revise),
    (0.025, plan_visit),
    (0.025, report_visit),
    (0.025, complaint),
    (0.015, set_target),
    (0.02, attach),
)


def refusal(exc: DomainError) -> str:
    code = getattr(exc, "code", None)
    return f"{type(exc).__name__}{f' {code}' if code else ''}: {exc}"
