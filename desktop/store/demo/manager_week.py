"""The demo manager's own week, so the first start shows a full Today page.

The generated reps own every account, visit and follow-up; the demo device works as
the first team's manager, who would otherwise open on an empty Today. This adds, for
that manager: visits this week (joint visits to their reps' accounts, today and the
next days), two follow-ups (one overdue, one due today), and one quote per rep of the
team that goes beyond the discount guardrails and waits for the manager's approval.
Nothing here draws on the generator's random stream, so the rest of the demo is the
same as before for a given seed, and this part is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import models as m
from desktop.domain.ids import new_id
from desktop.domain.pricing import LineInput, compute
from desktop.domain.rules.quotes import Guardrails, LineDraft, ProductRule, check
from desktop.store.demo.words import SHANGHAI
from desktop.store.demo.writer import Writer

# (days from today, hour, minute, purpose): the manager's joint visits this week.
VISITS = [
    (0, 10, 0, "陪同拜访：季度业务回顾"),
    (0, 15, 30, "高层拜访：年度框架协议"),
    (1, 9, 30, "合同续签谈判"),
    (2, 14, 0, "Quarterly business review"),
    (4, 10, 0, "新品介绍"),
]
FOLLOW_UPS = [(-2, "确认年度框架协议的付款条件"), (0, "准备团队季度业绩回顾")]
JUSTIFICATIONS = [
    "客户为战略客户，竞争对手报价低 12%，申请特殊折扣以锁定年度订单。",
    "批量采购 50 台以上，客户要求与去年框架价一致。",
    "Multi-year renewal; the customer asked us to match last year's price.",
]
# Product (by SKU), quantity and line discount of each quote's lines: the server's
# discount goes past the 15% hardware maximum, so each needs the manager.
LINES = [("FB-SRV-01", 10, 18), ("FB-SVC-02", 3, 0), ("FB-LIC-01", 200, 5)]


def add_manager_week(
    session: Session,
    w: Writer,
    today: dt.date,
    manager_id: str,
    team_reps: Sequence[str],
    rep_codes: Mapping[str, str],
    quote_seq: dict[str, int],
) -> None:
    """Write the manager's visits, follow-ups and the team's approval requests."""
    w.flush()  # the accounts and products below are read back from the database
    accounts = session.execute(
        select(m.Account.id, m.Account.owner_id, m.Account.tier, m.Account.address)
        .where(m.Account.owner_id.in_(list(team_reps)), m.Account.status == "active")
        .order_by(m.Account.id)
        .limit(len(VISITS) + len(team_reps))
    ).all()
    if not accounts:
        return
    contacts = dict(
        session.execute(
            select(m.Contact.account_id, m.Contact.id).where(
                m.Contact.account_id.in_([a.id for a in accounts]), m.Contact.is_primary
            )
        ).all()
    )
    for number, (days, hour, minute, purpose) in enumerate(VISITS):
        account = accounts[number % len(accounts)]
        w.row(
            m.Visit,
            account_id=account.id,
            owner_id=manager_id,
            contact_ids=[contacts[account.id]] if account.id in contacts else [],
            status="planned",
            visit_type="onsite" if number % 3 else "video",
            purpose=purpose,
            planned_start=dt.datetime.combine(
                today + dt.timedelta(days=days), dt.time(hour, minute), SHANGHAI
            ),
            planned_minutes=60,
            location=account.address,
            checked_in_at=None,
            outcome=None,
            report="",
            next_steps="",
            competitors="",
        )
    for number, (days, title) in enumerate(FOLLOW_UPS):
        w.row(
            m.Task,
            account_id=accounts[number % len(accounts)].id,
            visit_id=None,
            owner_id=manager_id,
            title=title,
            due_date=today + dt.timedelta(days=days),
            status="open",
            notes="",
        )
    products = {
        p.sku: p
        for p in session.scalars(
            select(m.Product).where(m.Product.sku.in_([sku for sku, _, _ in LINES]))
        )
    }
    if len(products) < len(LINES):
        return
    discounts = {"A": Decimal(20), "B": Decimal(12), "C": Decimal(8)}
    rules = {
        p.id: ProductRule(p.sku, p.list_price, p.max_discount_pct, p.floor_price, p.category)
        for p in products.values()
    }
    for number, rep in enumerate(team_reps):
        theirs = [a for a in accounts if a.owner_id == rep]
        if not theirs:
            continue
        account = theirs[-1]  # not one the manager visits this week
        drafts = [
            LineDraft(
                products[sku].name,
                Decimal(quantity),
                products[sku].list_price,
                Decimal(discount),
                products[sku].tax_rate,
                products[sku].unit,
                products[sku].id,
            )
            for sku, quantity, discount in LINES[: 1 + number % len(LINES)]
        ]
        reasons = check(
            drafts, Decimal(0), Guardrails(account.tier, discounts[account.tier], rules)
        )
        totals = compute(
            [LineInput(d.quantity, d.unit_price, d.discount_pct, d.tax_rate) for d in drafts],
            Decimal(0),
        )
        seq = quote_seq[rep] = quote_seq.get(rep, 0) + 1
        issued = today - dt.timedelta(days=number + 1)
        quote_id = new_id()
        w.row(
            m.Quote,
            id=quote_id,
            number=f"Q-{issued.year}-{rep_codes[rep]}-{seq:04d}",
            revision="A",
            previous_id=None,
            is_latest=True,
            account_id=account.id,
            contact_id=contacts.get(account.id),
            opportunity_id=None,
            owner_id=rep,
            status="pending_approval",
            currency="CNY",
            issued_on=issued,
            valid_until=issued + dt.timedelta(days=30),
            payment_terms="合同签订后30天内付款",
            delivery_terms="到货后安装调试",
            discount_pct=Decimal(0),
            subtotal=totals.subtotal,
            tax_total=totals.tax_total,
            total=totals.total,
            approval_reasons=json.dumps([r.to_wire() for r in reasons], ensure_ascii=False),
            justification=JUSTIFICATIONS[number % len(JUSTIFICATIONS)],
            decision_note="",
            sent_at=None,
            accepted_at=None,
            notes="",
        )
        for position, draft in enumerate(drafts):
            w.row(
                m.QuoteLine,
                quote_id=quote_id,
                position=position,
                product_id=draft.product_id,
                description=draft.description,
                quantity=draft.quantity,
                unit=draft.unit,
                unit_price=draft.unit_price,
                discount_pct=draft.discount_pct,
                tax_rate=draft.tax_rate,
            )
    w.flush()
