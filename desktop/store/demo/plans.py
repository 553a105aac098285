"""Account plans (大客户计划) for the key accounts (the first tier-A accounts made, as
the stakeholder maps): this year's plan with a SWOT, a revenue objective sized from the
account's potential, a whitespace objective (a catalog category the account has not
bought), a relationship objective (one already achieved), and each objective's actions
as follow-ups of the owner, some due this week so they show on Today. Each key account
has a key-account target for the year, and half of them a colleague on the account
team (technical support)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import models as m
from desktop.domain.services.plan_figures import plan_figures
from desktop.store.demo.stakeholders import KEY_ACCOUNTS
from desktop.store.demo.writer import Writer

SWOT_ZH = {
    "strengths": "合作多年，设备部认可我们的交付和售后响应。",
    "weaknesses": "价格高于本地厂商；采购部关系一般。",
    "opportunities": "明年二期产线扩建，软件与服务需求增加。",
    "threats": "竞争对手以低价切入，财务要求延长账期。",
    "summary": "守住硬件份额，二期以整体方案切入软件与服务。",
}
SWOT_EN = {
    "strengths": "Long relationship; engineering trusts our delivery and service.",
    "weaknesses": "Priced above local vendors; purchasing is lukewarm.",
    "opportunities": "Phase-two line next year: more software and services.",
    "threats": "A competitor is cutting prices; finance wants longer terms.",
    "summary": "Hold hardware, win phase two with a full solution.",
}


def add_plans(session: Session, w: Writer, seed: int, today: dt.date) -> None:
    """Call after the accounts and the stakeholders are flushed; flushes what it writes."""
    rnd = random.Random(seed * 104729 + 23)
    accounts = session.execute(
        select(m.Account.id, m.Account.name, m.Account.owner_id, m.Account.potential)
        .where(m.Account.tier == "A", m.Account.deleted_at.is_(None))
        .order_by(m.Account.id)
        .limit(KEY_ACCOUNTS)
    ).all()
    categories = sorted(
        set(session.scalars(select(m.Product.category).where(m.Product.category != "")))
    )
    reps = list(session.scalars(select(m.User.id).where(m.User.role == "rep").order_by(m.User.id)))
    for number, (account, name, owner, potential) in enumerate(accounts):
        if owner is None:
            continue
        english = name[:1].isascii()
        year = today.year
        plan = w.row(
            m.AccountPlan, account_id=account, year=year, **(SWOT_EN if english else SWOT_ZH)
        )
        revenue = ((potential or Decimal(2_000_000)) * Decimal("0.6") / 10000).quantize(
            Decimal(1)
        ) * 10000
        w.row(m.SalesTarget, owner_id=owner, account_id=account, period=str(year), amount=revenue)
        # The objective's category: whitespace (not bought from us), else any.
        open_now = [c.category for c in plan_figures(session, account, year).whitespace]
        pool = open_now or categories or ["软件"]
        category = pool[number % len(pool)]
        objectives = (
            ("Revenue this year" if english else "全年销售额", revenue, "CNY", 12, 31, "open"),
            (
                f"First order in {category}" if english else f"首单进入{category}",
                Decimal(1),
                "orders" if english else "单",
                9,
                30,
                "open",
            ),
            (
                "Meet the CFO twice" if english else "与财务总监会面两次",
                Decimal(2),
                "meetings" if english else "次",
                6,
                30,
                "achieved" if number % 2 == 0 else "open",
            ),
        )
        for index, (title, target, unit, month, day, status) in enumerate(objectives):
            objective = w.row(
                m.PlanObjective,
                plan_id=plan,
                account_id=account,
                title=title,
                target_value=target,
                unit=unit,
                due_date=dt.date(year, month, day),
                status=status,
            )
            for step in range(1 + (index == 1)):
                due = today + dt.timedelta(days=rnd.randrange(-3, 21) + 7 * step)
                done = status == "achieved"
                w.row(
                    m.Task,
                    account_id=account,
                    owner_id=owner,
                    objective_id=objective,
                    title=_action(english, index, step),
                    due_date=due,
                    status="done" if done else "open",
                    done_at=w.now if done else None,
                )
        if number % 2 == 0:
            mates = [r for r in reps if r != owner]
            if mates:
                w.row(
                    m.AccountTeamMember,
                    account_id=account,
                    user_id=rnd.choice(mates),
                    role="technical",
                )
    w.flush()


def _action(english: bool, objective: int, step: int) -> str:
    zh = (
        ("季度业务回顾，确认下半年采购计划",),
        ("拜访设备部，了解二期需求", "提交整体方案与报价"),
        ("预约财务总监会面",),
    )
    en = (
        ("Quarterly business review: second-half purchases",),
        ("Visit engineering about phase two", "Send the full solution and quote"),
        ("Book a meeting with the CFO",),
    )
    return (en if english else zh)[objective][step]
