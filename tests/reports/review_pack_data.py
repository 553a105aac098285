"""A key account with something in every section of its review pack: a stakeholder
tree with a finance gap, a decision maker met, orders over three years with money
overdue, a complaint past its SLA, an open opportunity, a follow-up and a target."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.models import (
    Account,
    Complaint,
    Contact,
    Opportunity,
    Order,
    SalesTarget,
    Task,
)
from desktop.domain.services import plans, stakeholders
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.seed import seeded
from tests.visits_data import add_user, at, done_visit

NAME = "上海华测电子有限公司"
CREDIT_CODE = "91310115MA1H7XYZ3K"
NOW = at("2026-06-15", "12:00")
YEAR = 2026


@dataclass(frozen=True)
class PackWorld:
    rep: str
    account: str
    boss: str  # 李明, the decision maker at the top
    engineer: str  # 王强, under 李明


def build(db: Database, *, rep: str | None = None) -> PackWorld:
    rep = rep or add_user(db)
    with seeded(db.sessions, rep, now=lambda: at("2020-01-01")) as uow:
        account = Account(
            name=NAME,
            short_name="华测电子",
            credit_code=CREDIT_CODE,
            tier="A",
            status="active",
            owner_id=rep,
            province="上海",
            city="上海",
            industry="电子制造",
            potential=Decimal("3000000"),
            tags="",
            notes="",
        )
        uow.add(account)
        boss = Contact(
            account_id=account.id,
            name="李明",
            title="总经理",
            role="decision_maker",
            attitude="supportive",
            strength=4,
            is_primary=True,
            notes="",
        )
        uow.add(boss)
        engineer = Contact(
            account_id=account.id,
            name="王强",
            title="技术总监",
            role="user",
            buying_roles="technical",
            attitude="opposed",
            strength=2,
            reports_to_id=boss.id,
            is_primary=False,
            notes="",
        )
        uow.add(engineer)
    visit = done_visit(db, account.id, rep, at("2026-05-20"), notes="年度合作回顾")
    with unit_of_work(db.sessions, rep) as uow:
        stakeholders.set_attendees(uow, visit, [boss.id])
    with seeded(db.sessions, rep) as uow:
        for number, day, amount, due in (
            ("SO-2024-0001", dt.date(2024, 3, 10), "400000", dt.date(2024, 5, 10)),
            ("SO-2025-0001", dt.date(2025, 4, 2), "500000", dt.date(2025, 6, 2)),
            ("SO-2025-0002", dt.date(2025, 9, 15), "300000", dt.date(2025, 11, 15)),
            ("SO-2026-0001", dt.date(2026, 2, 8), "380000", dt.date(2026, 3, 10)),
        ):
            uow.add(
                Order(
                    number=number,
                    account_id=account.id,
                    owner_id=rep,
                    order_date=day,
                    amount=Decimal(amount),
                    payment_due=due,
                    delivery_status="delivered",
                    notes="",
                )
            )
        uow.add(
            Complaint(
                account_id=account.id,
                owner_id=rep,
                title="交货延迟两周",
                severity="high",
                category="delivery",
                status="open",
                opened_at=at("2026-05-01"),
                sla_due_at=at("2026-05-03"),
            )
        )
        uow.add(
            Opportunity(
                account_id=account.id,
                owner_id=rep,
                name="二期测试设备扩容",
                stage="proposal",
                amount=Decimal("650000"),
                probability=40,
                close_date=dt.date(2026, 9, 30),
                next_step="提交技术方案",
            )
        )
        uow.add(
            Task(
                account_id=account.id,
                owner_id=rep,
                title="约财务总监确认付款计划",
                due_date=dt.date(2026, 6, 20),
                status="open",
                notes="",
            )
        )
        uow.add(
            SalesTarget(owner_id=rep, account_id=account.id, period="2026", amount=Decimal(1200000))
        )
    with unit_of_work(db.sessions, rep) as uow:
        plans.save_swot(uow, account.id, YEAR, {"strengths": "独家测试平台"})
        plans.save_objective(
            uow,
            account.id,
            YEAR,
            {
                "title": "导入二期测试线",
                "target_value": Decimal(650000),
                "unit": plans.MONEY_UNIT,
                "due_date": dt.date(YEAR, 9, 30),
            },
        )
    return PackWorld(rep, account.id, boss.id, engineer.id)
