"""One demo account and everything around it: its contacts, visits (with a follow-up
after the first done one), an opportunity, one quote with its lines, the order and a
payment when the quote was accepted, and now and then a complaint. (The opportunity
is written by ``deals``.)

Each step draws on the run's random stream in a fixed order, so a seed gives the same
dataset every time; a new step goes after the others (or draws from its own stream)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.domain import models as m
from desktop.domain.credit_code import complete
from desktop.domain.ids import new_id
from desktop.domain.pricing import LineInput, QuoteTotals, compute
from desktop.store.demo.deals import add_opportunity
from desktop.store.demo.receivables import add_order_plan
from desktop.store.demo.words import (
    CN_CORES,
    CN_SUFFIXES,
    CN_TRADES,
    DIVISION,
    EN_PEOPLE,
    EN_TRADES,
    EN_WORDS,
    FAMOUS,
    GIVEN,
    INDUSTRIES,
    PROVINCES,
    PURPOSES,
    REPORTS,
    SHANGHAI,
    SURNAMES,
    TITLES,
)
from desktop.store.demo.writer import Writer

# (id, name, unit, list price, tax rate) of a catalog product
Product = tuple[str, str, str, Decimal, Decimal]


@dataclass
class DemoRun:
    """What every account's steps share: the writer, the random streams, the team and
    catalog written before the accounts, and what the accounts add up to."""

    w: Writer
    rnd: random.Random
    spread: random.Random  # when accepted quotes were won (kept out of ``rnd``)
    now: dt.datetime
    today: dt.date
    reps: list[str]
    rep_codes: dict[str, str]
    products: list[Product]
    won: dict[str, Decimal] = field(default_factory=dict)  # this year's wins per rep
    quote_seq: dict[str, int] = field(default_factory=dict)  # quote numbers per rep
    group_parents: list[str] = field(default_factory=list)
    # The opportunities' details (desktop/store/demo/deals.py), kept out of ``rnd``.
    deals: random.Random = field(default_factory=lambda: random.Random(0))
    competitor_ids: dict[str, str] = field(default_factory=dict)  # name -> id
    contract_seq: dict[str, int] = field(default_factory=dict)  # contract numbers per rep
    # A won deal's contract per account (its orders are placed under it), and each
    # opportunity's competitors (its quotes name them): no random draws of their own.
    contract_of: dict[str, str] = field(default_factory=dict)
    in_running: dict[str, str] = field(default_factory=dict)
    # The payment plans (回款计划, desktop/store/demo/receivables.py), kept out of ``rnd``.
    plans: random.Random = field(default_factory=lambda: random.Random(0))


@dataclass(frozen=True)
class _Firm:
    name: str
    short: str
    industry: str
    province: str


def add_account(run: DemoRun, index: int) -> None:
    """Write the ``index``-th account and its contacts, visits, opportunity, quote,
    order and complaint."""
    rnd = run.rnd
    firm = _firm(rnd, index)
    account, owner = _account(run, index, firm)
    contacts = _contacts(run, index, account, firm.name)
    visit_owner = owner or rnd.choice(run.reps)
    _visits(run, account, visit_owner, contacts[0])
    opportunity = add_opportunity(run, account, visit_owner, firm.short)
    _quote(run, index, account, visit_owner, contacts[0], opportunity)
    if rnd.random() < 0.08:
        _complaint(run, account, visit_owner, contacts[0])


def _firm(rnd: random.Random, index: int) -> _Firm:
    """The first accounts are famous companies; then Chinese names (80 %) and English."""
    if index < len(FAMOUS):
        return _Firm(*FAMOUS[index])
    industry = rnd.choice(INDUSTRIES)
    province = rnd.choice(list(PROVINCES))
    if rnd.random() < 0.8:
        core = rnd.choice(CN_CORES) + rnd.choice(CN_CORES)[0]
        city = rnd.choice(PROVINCES[province])
        trade = CN_TRADES[industry]
        return _Firm(f"{city}{core}{trade}{rnd.choice(CN_SUFFIXES)}", core, industry, province)
    word = rnd.choice(EN_WORDS)
    return _Firm(f"{word} {EN_TRADES[industry]} Co., Ltd. #{index}", word, industry, province)


def _account(run: DemoRun, index: int, firm: _Firm) -> tuple[str, str | None]:
    """The account row; returns its id and owner (None: in the pool)."""
    rnd = run.rnd
    city = rnd.choice(PROVINCES[firm.province])
    tier = rnd.choices("ABC", weights=(15, 35, 50))[0]
    status = rnd.choices(["active", "prospect", "dormant", "lost"], weights=(60, 25, 10, 5))[0]
    owner = rnd.choice(run.reps) if rnd.random() > 0.05 else None
    parents = run.group_parents
    parent = rnd.choice(parents) if parents and rnd.random() < 0.04 else None
    division = DIVISION[firm.province]
    code = complete(f"91{division}{index:08d}"[:16]) if rnd.random() < 0.85 else None
    district = rnd.choice(["高新区", "经开区", "滨江区", "浦东新区"])
    account = run.w.row(
        m.Account,
        name=firm.name,
        short_name=firm.short,
        credit_code=code,
        industry=firm.industry,
        province=firm.province,
        city=city,
        address=f"{city}市{district}{rnd.randint(1, 999)}号",
        phone=f"0{rnd.randint(10, 999)}-{rnd.randint(20000000, 89999999)}",
        tier=tier,
        status=status,
        owner_id=owner,
        parent_id=parent,
        potential=Decimal(rnd.randrange(10, 500) * 10000),
        tags=","
        + ",".join(rnd.sample(["战略", "key", "续约", "新客户", "政府"], k=rnd.randint(0, 2)))
        + ",",
        notes="",
        claimed_at=None,
    )
    if tier == "A" and parent is None and rnd.random() < 0.3:
        parents.append(account)
    return account, owner


def _contacts(run: DemoRun, index: int, account: str, account_name: str) -> list[str]:
    """2 to 4 contacts, the first the primary decision maker; English names at English
    companies."""
    rnd = run.rnd
    contacts = []
    for c in range(rnd.choice((2, 3, 3, 4))):
        if account_name[0].isascii():
            person = rnd.choice(EN_PEOPLE)
        else:
            person = rnd.choice(SURNAMES) + rnd.choice(GIVEN)
        contacts.append(
            run.w.row(
                m.Contact,
                account_id=account,
                name=person,
                title=rnd.choice(TITLES),
                role=rnd.choice(m.CONTACT_ROLES) if c else "decision_maker",
                is_primary=c == 0,
                mobile=f"1{rnd.choice('3578')}{rnd.randint(100000000, 999999999)}",
                email=f"contact{index}_{c}@example.com",
                notes="",
                birthday=dt.date(1970 + rnd.randint(0, 30), rnd.randint(1, 12), rnd.randint(1, 28))
                if rnd.random() < 0.3
                else None,
            )
        )
    return contacts


def _visits(run: DemoRun, account: str, owner: str, contact: str) -> None:
    """3 to 7 visits over the last half year and the next three weeks; most past ones
    done (with a report), the rest cancelled; a follow-up after the first if done."""
    rnd = run.rnd
    for v in range(rnd.choice((3, 5, 5, 7))):
        days = rnd.randint(-180, 21)
        day = run.today + dt.timedelta(days=days)
        start = dt.datetime.combine(day, dt.time(rnd.choice((9, 10, 14, 15, 16))), SHANGHAI)
        done = days < 0 and rnd.random() < 0.9
        visit = run.w.row(
            m.Visit,
            account_id=account,
            owner_id=owner,
            contact_ids=[contact],
            status="done" if done else ("cancelled" if days < 0 else "planned"),
            visit_type=rnd.choice(m.VISIT_TYPES),
            purpose=rnd.choice(PURPOSES),
            planned_start=start,
            planned_minutes=rnd.choice((30, 60, 90)),
            location=None,
            checked_in_at=start if done else None,
            outcome="positive" if done else None,
            report=rnd.choice(REPORTS) if done else "",
            next_steps="",
            competitors="",
        )
        if done and v == 0:
            run.w.row(
                m.Task,
                account_id=account,
                visit_id=visit,
                owner_id=owner,
                title="发送报价与方案",
                due_date=run.today + dt.timedelta(days=rnd.randint(-5, 10)),
                status=rnd.choice(("open", "done")),
                notes="",
            )


def _quote(
    run: DemoRun, index: int, account: str, owner: str, contact: str, opportunity: str
) -> None:
    """One quote with 1 to 5 lines, in any status; an accepted one becomes an order."""
    rnd = run.rnd
    seq = run.quote_seq[owner] = run.quote_seq.get(owner, 0) + 1
    qid = new_id()
    lines = _quote_lines(rnd, qid, run.products)
    qdisc = Decimal(rnd.choice((0, 0, 0, 2, 3)))
    totals = compute(
        [
            LineInput(ln["quantity"], ln["unit_price"], ln["discount_pct"], ln["tax_rate"])
            for ln in lines
        ],
        qdisc,
    )
    issued = run.today - dt.timedelta(days=rnd.randint(0, 90))
    qstatus = rnd.choices(
        ["draft", "sent", "accepted", "rejected", "pending_approval"],
        weights=(25, 35, 25, 10, 5),
    )[0]
    accepted_at = None
    if qstatus == "accepted":
        # Wins spread over the year so far, so every month has its actuals (own
        # generator: the main random stream, and so the rest of the data, is kept).
        year_days = run.today.timetuple().tm_yday - 1
        issued = run.today - dt.timedelta(days=run.spread.randint(7, max(7, year_days)))
        accepted_at = dt.datetime.combine(issued + dt.timedelta(days=7), dt.time(10), SHANGHAI)
        if accepted_at.year == run.today.year:
            run.won[owner] += totals.total
    run.w.row(
        m.Quote,
        id=qid,
        number=f"Q-{issued.year}-{run.rep_codes[owner]}-{seq:04d}",
        revision="A",
        previous_id=None,
        is_latest=True,
        account_id=account,
        contact_id=contact,
        opportunity_id=opportunity,
        owner_id=owner,
        competitors=run.in_running.get(opportunity, ""),
        status=qstatus,
        currency="CNY",
        issued_on=issued,
        valid_until=issued + dt.timedelta(days=30),
        payment_terms="合同签订后30天内付款",
        delivery_terms="到货后安装调试",
        discount_pct=qdisc,
        subtotal=totals.subtotal,
        tax_total=totals.tax_total,
        total=totals.total,
        approval_reasons="",
        justification="",
        decision_note="",
        sent_at=None,
        accepted_at=accepted_at,
        notes="",
    )
    for line in lines:
        run.w.row(m.QuoteLine, **line)
    if qstatus == "accepted":
        _order(run, index, qid, account, owner, issued, totals)


def _quote_lines(
    rnd: random.Random, quote_id: str, products: list[Product]
) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    for position, (pid, pname, unit, price, tax) in enumerate(
        rnd.sample(products, k=rnd.randint(1, 5))
    ):
        qty = Decimal(rnd.choice((1, 2, 5, 10, 20, 50)))
        disc = Decimal(rnd.choice((0, 0, 5, 8, 10)))
        lines.append(
            {
                "quote_id": quote_id,
                "position": position,
                "product_id": pid,
                "description": pname,
                "quantity": qty,
                "unit": unit,
                "unit_price": price,
                "discount_pct": disc,
                "tax_rate": tax,
            }
        )
    return lines


def _order(
    run: DemoRun,
    index: int,
    quote_id: str,
    account: str,
    owner: str,
    issued: dt.date,
    totals: QuoteTotals,
) -> None:
    """The order of an accepted quote, half paid in 60 % of cases."""
    rnd = run.rnd
    order = run.w.row(
        m.Order,
        number=f"SO-{issued.year}-{index:06d}",
        quote_id=quote_id,
        contract_id=run.contract_of.get(account),
        account_id=account,
        owner_id=owner,
        order_date=issued + dt.timedelta(days=7),
        amount=totals.total,
        currency="CNY",
        expected_delivery=issued + dt.timedelta(days=30),
        delivery_status=rnd.choice(m.DELIVERY_STATUSES),
        payment_due=issued + dt.timedelta(days=60),
        notes="",
    )
    payment = None
    if rnd.random() < 0.6:
        payment = run.w.row(
            m.Payment,
            order_id=order,
            received_on=issued + dt.timedelta(days=40),
            amount=(totals.total / 2).quantize(Decimal("0.01")),
            method="transfer",
            notes="",
        )
    add_order_plan(run, account, order, issued + dt.timedelta(days=7), totals.total, payment)


SLA_HOURS = {"low": 120, "medium": 72, "high": 24, "critical": 8}


def _complaint(run: DemoRun, account: str, owner: str, contact: str) -> None:
    """A complaint opened in the last 60 days, its SLA from the demo's ``sla`` policy."""
    rnd = run.rnd
    severity = rnd.choice(m.COMPLAINT_SEVERITIES)
    opened = run.now - dt.timedelta(hours=rnd.randint(1, 24 * 60))
    status = rnd.choice(m.COMPLAINT_STATUSES)
    run.w.row(
        m.Complaint,
        account_id=account,
        contact_id=contact,
        owner_id=owner,
        title=rnd.choice(["交付延迟", "设备故障", "发票问题", "服务响应慢", "Price query"]),
        description="",
        category=rnd.choice(m.COMPLAINT_CATEGORIES),
        severity=severity,
        status=status,
        opened_at=opened,
        sla_due_at=opened + dt.timedelta(hours=SLA_HOURS[severity]),
        resolved_at=opened + dt.timedelta(hours=20) if status in ("resolved", "closed") else None,
        resolution="",
        satisfaction=None,
    )
