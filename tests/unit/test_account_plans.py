"""Account plans: one per account and year, objectives with a title, a target above zero
and a due date in or near the year, written only by the account's owner, its team, the
owner's manager or an admin; actions are follow-ups; the target's attainment and the
whitespace by category come from orders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest

from desktop.domain.models import (
    Account,
    AccountTeamMember,
    Competitor,
    Incumbent,
    Order,
    Product,
    Quote,
    QuoteLine,
    SalesTarget,
    Team,
    User,
)
from desktop.domain.rules import RuleViolation
from desktop.domain.services import account_team, followups, plans
from desktop.domain.services.plan_figures import split_by_category
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database


class Office:
    """East: a manager, the owner rep, a teammate on the account team, another rep;
    West: a manager of another team."""

    def __init__(self, db: Database) -> None:
        self.db = db
        with unit_of_work(db.sessions, None) as uow:
            east = uow.add(Team(name="华东")).id
            west = uow.add(Team(name="华南")).id

            def user(name: str, role: str, team: str) -> str:
                return str(
                    uow.add(User(username=name, display_name=name, role=role, team_id=team)).id
                )

            self.boss = user("boss", "manager", east)
            self.owner = user("owner", "rep", east)
            self.mate = user("mate", "rep", east)
            self.other = user("other", "rep", east)
            self.west_boss = user("westboss", "manager", west)
            self.account = uow.add(
                Account(name="华信精密", tier="A", owner_id=self.owner, potential=D(1_000_000))
            ).id
            uow.add(AccountTeamMember(account_id=self.account, user_id=self.mate, role="technical"))

    def write(self, actor: str | None, fn: Any, *args: Any, **kw: Any) -> Any:
        with unit_of_work(self.db.sessions, actor) as uow:
            return fn(uow, *args, **kw)

    def objective(self, actor: str, **values: Any) -> str:
        data = {
            "title": "进入二期产线",
            "target_value": D(3),
            "unit": "条",
            "due_date": dt.date(2026, 9, 30),
            **values,
        }
        return self.write(actor, plans.save_objective, self.account, 2026, data)  # type: ignore[no-any-return]


def code(fn: Any) -> str | None:
    try:
        fn()
    except RuleViolation as error:
        return error.code
    return None


def test_owner_team_and_manager_write_the_plan_others_do_not(db: Database) -> None:
    office = Office(db)
    for who in (office.owner, office.mate, office.boss):
        office.objective(who, title=f"objective of {who}")
    assert code(lambda: office.objective(office.other)) == "plan_editor"
    assert code(lambda: office.objective(office.west_boss)) == "plan_editor"
    with db.sessions() as s:
        plan = plans.plan_of(s, office.account, 2026, office.other)
        assert len(plan.objectives) == 3
        assert not plan.may_edit
        assert not plan.may_run_team
        mate = plans.plan_of(s, office.account, 2026, office.mate)
        assert mate.may_edit
        assert not mate.may_run_team
        assert plans.plan_of(s, office.account, 2026, office.boss).may_run_team


def test_objective_rules_title_target_and_due_date(db: Database) -> None:
    office = Office(db)
    assert code(lambda: office.objective(office.owner, title="  ")) == "required"
    assert code(lambda: office.objective(office.owner, target_value=D(0))) == "target_not_positive"
    late = dt.date(2027, 6, 1)
    assert code(lambda: office.objective(office.owner, due_date=late)) == "due_outside_plan_year"
    # Near the year is fine: a plan made in the autumn before, closing in the spring after.
    office.objective(office.owner, due_date=dt.date(2027, 3, 15))
    office.objective(office.owner, due_date=dt.date(2025, 11, 1))
    assert code(lambda: office.objective(office.owner, status="maybe")) == "not_a_choice"
    assert plans.validate_objective({"title": "", "target_value": D(-1)}, 2026) == {
        "title": "required",
        "target_value": "target_not_positive",
    }


def test_one_plan_per_account_and_year(db: Database) -> None:
    office = Office(db)
    office.write(office.owner, plans.save_swot, office.account, 2026, {"strengths": "老客户"})
    office.write(office.owner, plans.save_swot, office.account, 2026, {"threats": "价格战"})
    office.write(office.owner, plans.save_swot, office.account, 2027, {"summary": "扩大份额"})
    with db.sessions() as s:
        plan = plans.plan_of(s, office.account, 2026)
        assert (plan.swot["strengths"], plan.swot["threats"]) == ("老客户", "价格战")
        assert plans.plan_of(s, office.account, 2027).swot["summary"] == "扩大份额"
    from desktop.domain.models import AccountPlan
    from desktop.domain.services import records

    second = lambda: office.write(  # noqa: E731
        office.owner, records.create, AccountPlan, {"account_id": office.account, "year": 2026}
    )
    assert code(second) == "plan_exists"


def test_actions_are_follow_ups_on_the_assignees_task_list(db: Database) -> None:
    office = Office(db)
    objective = office.objective(office.owner)
    office.write(
        office.owner, plans.add_action, objective, "约设备部李工", dt.date(2026, 4, 2), office.mate
    )
    office.write(office.owner, plans.set_status, objective, "achieved")
    with db.sessions() as s:
        (task,) = followups.list_tasks(s, owner_id=office.mate)
        assert (task.title, task.account_id, task.objective_id) == (
            "约设备部李工",
            office.account,
            objective,
        )
        (shown,) = plans.plan_of(s, office.account, 2026).objectives
        assert shown.status == "achieved"
        assert [a.title for a in shown.actions] == ["约设备部李工"]


def test_the_account_team_is_edited_by_owner_and_manager(db: Database) -> None:
    office = Office(db)
    member = office.write(
        office.boss, account_team.add_member, office.account, office.other, "service"
    )
    office.write(office.owner, account_team.set_role, member, "sponsor")
    with db.sessions() as s:
        roles = {m.name: m.role for m in account_team.members(s, office.account)}
    assert roles == {"mate": "technical", "other": "sponsor"}
    with pytest.raises(Exception, match="already"):
        office.write(office.owner, account_team.add_member, office.account, office.other, "x")
    office.write(office.owner, account_team.remove_member, member)
    with db.sessions() as s:
        assert [m.name for m in account_team.members(s, office.account)] == ["mate"]


def test_an_order_is_shared_over_its_categories_to_the_fen() -> None:
    shares = split_by_category(D("100.00"), [("硬件", D(1)), ("软件", D(1)), ("服务", D(1))])
    assert sum(shares.values()) == D("100.00")
    assert sorted(shares.values()) == [D("33.33"), D("33.33"), D("33.34")]
    assert split_by_category(D(50), []) == {"": D(50)}


def test_target_attainment_and_whitespace_from_orders(db: Database) -> None:
    office = Office(db)
    with unit_of_work(db.sessions, None) as uow:
        hw = uow.add(Product(sku="H", name="服务器", list_price=D(1), category="硬件")).id
        sw = uow.add(Product(sku="S", name="许可", list_price=D(1), category="软件")).id
        uow.add(Product(sku="C", name="云", list_price=D(1), category="云服务"))
        uow.add(Product(sku="T", name="培训", list_price=D(1), category="培训"))
        quote = uow.add(Quote(number="Q1", account_id=office.account)).id
        uow.add(QuoteLine(quote_id=quote, product_id=hw, quantity=D(1), unit_price=D(300)))
        uow.add(QuoteLine(quote_id=quote, product_id=sw, quantity=D(1), unit_price=D(100)))
        for day, amount, quote_id in (
            (dt.date(2026, 2, 1), D(400_000), quote),
            (dt.date(2026, 5, 1), D(100_000), None),
            (dt.date(2025, 6, 1), D(80_000), quote),
        ):
            uow.add(
                Order(
                    number=str(day),
                    account_id=office.account,
                    order_date=day,
                    amount=amount,
                    quote_id=quote_id,
                )
            )
        rival = uow.add(Competitor(name="浪潮")).id
        uow.add(Incumbent(account_id=office.account, competitor_id=rival, supplies="云服务、存储"))
        uow.add(
            SalesTarget(
                owner_id=office.owner, account_id=office.account, period="2026", amount=D(800_000)
            )
        )
        uow.add(SalesTarget(owner_id=office.owner, period="2026", amount=D(9_000_000)))
    with db.sessions() as s:
        figures = plans.plan_of(s, office.account, 2026).figures
    assert (figures.target, figures.won, figures.revenue) == (D(800_000), D(500_000), D(500_000))
    assert figures.attainment_pct == D("62.5")
    assert figures.share_of_wallet_pct == D("50.0")
    rows = {
        c.category: (c.this_year, c.last_year, c.competitors, c.state) for c in figures.categories
    }
    assert rows == {
        "硬件": (D(300_000), D(60_000), (), "ours"),
        "软件": (D(100_000), D(20_000), (), "ours"),
        "云服务": (D(0), D(0), ("浪潮",), "competitor"),
        "培训": (D(0), D(0), (), "open"),
        "": (D(100_000), D(0), (), "ours"),
    }
    assert [c.category for c in figures.whitespace] == ["云服务", "培训"]


def test_only_owner_and_manager_change_the_team_on_the_device(db: Database) -> None:
    office = Office(db)
    add = lambda who: office.write(  # noqa: E731
        who, account_team.add_member, office.account, office.other, "member"
    )
    assert code(lambda: add(office.mate)) == "team_editor"
    assert code(lambda: add(office.west_boss)) == "team_editor"
    assert code(lambda: add(office.boss)) is None
