"""A manager's Today: besides their own items, what they act on for their team (quotes
waiting for approval, the reps' overdue follow-ups, late deliveries, overdue
receivables, complaints near their SLA, the team's target) and nothing of another
team. A rep's Today stays their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.domain.models import Complaint, Order, Quote, SalesTarget, Team, User
from desktop.domain.services import followups, today
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.seed import seeded
from tests.visits_data import add_account, at, plan

NOW = at("2026-03-10", "08:00")
DAY = dt.date(2026, 3, 10)


class Teams:
    """Two teams: 王芳 manages 张伟 and 刘娜; 陈杰 manages 李军."""

    def __init__(self, db: Database) -> None:
        self.db = db
        with unit_of_work(db.sessions, None) as uow:
            east = uow.add(Team(name="华东大客户部")).id
            south = uow.add(Team(name="华南大客户部")).id

            def user(username: str, name: str, role: str, team: str) -> str:
                return str(
                    uow.add(
                        User(
                            username=username,
                            display_name=name,
                            role=role,
                            team_id=team,
                            active=True,
                        )
                    ).id
                )

            self.manager = user("wangfang", "王芳", "manager", east)
            self.rep = user("zhangwei", "张伟", "rep", east)
            self.colleague = user("liuna", "刘娜", "rep", east)
            self.other_manager = user("chenjie", "陈杰", "manager", south)
            self.stranger = user("lijun", "李军", "rep", south)
        self.account = add_account(db, "上海华测电子有限公司", owner_id=self.rep)
        self.far_account = add_account(db, "广州星河商贸有限公司", owner_id=self.stranger)

    def quote(self, owner: str, number: str, status: str = "pending_approval") -> str:
        account = self.far_account if owner == self.stranger else self.account
        with seeded(self.db.sessions, owner) as uow:
            return str(
                uow.add(
                    Quote(
                        number=number,
                        account_id=account,
                        owner_id=owner,
                        status=status,
                        total=Decimal("85880.00"),
                        justification="客户是战略客户，要求年度框架价",
                        valid_until=DAY + dt.timedelta(days=30),
                    )
                ).id
            )

    def task(self, owner: str, title: str, due: dt.date) -> str:
        with unit_of_work(self.db.sessions, owner) as uow:
            return followups.add_task(
                uow, title=title, due_date=due, owner_id=owner, account_id=self.account
            )

    def order(self, owner: str, number: str, **values: object) -> str:
        account = self.far_account if owner == self.stranger else self.account
        values = {"order_date": DAY - dt.timedelta(days=90), **values}
        with unit_of_work(self.db.sessions, owner) as uow:
            return str(
                uow.add(
                    Order(
                        number=number,
                        account_id=account,
                        owner_id=owner,
                        amount=Decimal("12000.00"),
                        **values,
                    )
                ).id
            )

    def build(self, user: str | None) -> today.TodayView:
        with self.db.sessions() as session:
            return today.build(session, user, NOW)


@pytest.fixture
def teams(db: Database) -> Teams:
    return Teams(db)


def test_manager_sees_pending_approvals_of_their_team_only(teams: Teams) -> None:
    mine = teams.quote(teams.rep, "Q-2026-ZW-0001")
    teams.quote(teams.stranger, "Q-2026-LJ-0001")  # another team's
    teams.quote(teams.rep, "Q-2026-ZW-0002", status="draft")  # not asked for yet

    (item,) = teams.build(teams.manager).section("approvals")
    assert (item.entity, item.record_id, item.title) == ("quote", mine, "上海华测电子有限公司")
    assert item.owner_name == "张伟"
    assert item.detail == "Q-2026-ZW-0001 A · ¥85,880.00 · 客户是战略客户，要求年度框架价"
    assert item.status == "pending_approval"
    # The other team's manager sees theirs; a rep's Today has no approvals.
    (theirs,) = teams.build(teams.other_manager).section("approvals")
    assert theirs.owner_name == "李军"
    assert teams.build(teams.rep).section("approvals") == []


def test_manager_sees_the_teams_overdue_follow_ups_capped(teams: Teams) -> None:
    for day in range(1, 13):  # twelve overdue, the oldest on 1 March
        teams.task(teams.rep, f"跟进{day:02d}", dt.date(2026, 3, day) - dt.timedelta(days=10))
    teams.task(teams.colleague, "寄样品", dt.date(2026, 2, 1))
    teams.task(teams.colleague, "今天到期", DAY)  # due today: not overdue
    teams.task(teams.stranger, "别的团队", dt.date(2026, 2, 1))
    own = teams.task(teams.manager, "审核合同", DAY - dt.timedelta(days=1))

    view = teams.build(teams.manager)
    assert [i.record_id for i in view.section("overdue")] == [own]
    team = view.section("team_overdue")
    listed = [i for i in team if i.entity == "task"]
    assert len(listed) == today.TEAM_LIMIT
    assert (listed[0].title, listed[0].owner_name) == ("寄样品", "刘娜")
    assert {i.owner_name for i in listed[1:]} == {"张伟"}
    assert team[-1].entity == "more"
    assert team[-1].more == 3
    # The rep's own Today is unchanged: their overdue follow-ups, no team section.
    rep_view = teams.build(teams.rep)
    assert len(rep_view.section("overdue")) == 12
    assert rep_view.section("team_overdue") == []


def test_manager_sees_the_teams_late_deliveries_receivables_and_complaints(
    teams: Teams,
) -> None:
    late = teams.order(
        teams.rep, "SO-1", expected_delivery=DAY - dt.timedelta(days=3), delivery_status="partial"
    )
    teams.order(teams.rep, "SO-2", expected_delivery=DAY - dt.timedelta(days=3),
                delivery_status="delivered")  # fmt: skip
    unpaid = teams.order(teams.colleague, "SO-3", payment_due=DAY - dt.timedelta(days=5))
    teams.order(teams.stranger, "SO-4", payment_due=DAY - dt.timedelta(days=5))
    with unit_of_work(teams.db.sessions, teams.rep) as uow:
        complaint = uow.add(
            Complaint(
                account_id=teams.account,
                owner_id=teams.rep,
                title="设备故障",
                severity="high",
                opened_at=NOW - dt.timedelta(hours=30),
                sla_due_at=NOW - dt.timedelta(hours=6),
            )
        ).id

    view = teams.build(teams.manager)
    (delivery,) = view.section("deliveries")
    assert (delivery.record_id, delivery.owner_name, delivery.detail) == (late, "张伟", "SO-1")
    (receivable,) = view.section("receivables")
    assert (receivable.record_id, receivable.owner_name) == (unpaid, "刘娜")
    assert receivable.detail == "SO-3 · ¥12,000.00"
    # A complaint past its SLA is not listed as one near it.
    assert view.section("complaints") == []
    (urgent,) = view.section("complaints_breached")
    assert (urgent.record_id, urgent.status, urgent.owner_name) == (complaint, "breached", "张伟")


def test_manager_target_line_is_the_teams(teams: Teams) -> None:
    with unit_of_work(teams.db.sessions, None) as uow:
        for owner, amount in ((teams.rep, "300000"), (teams.colleague, "200000"),
                              (teams.stranger, "900000")):  # fmt: skip
            uow.add(SalesTarget(owner_id=owner, period="2026-03", amount=Decimal(amount)))
    target = teams.build(teams.manager).target
    assert target is not None
    assert target.team
    assert (target.period, target.target) == ("2026-03", Decimal("500000"))
    rep_target = teams.build(teams.rep).target
    assert rep_target is not None
    assert not rep_target.team
    assert rep_target.target == Decimal("300000")


def test_manager_sections_follow_their_own_visits(teams: Teams) -> None:
    visit = plan(teams.db, teams.account, teams.manager, at("2026-03-10", "14:00"))
    teams.quote(teams.rep, "Q-2026-ZW-0003")
    teams.task(teams.rep, "回电话", DAY - dt.timedelta(days=2))
    sections = [i.section for i in teams.build(teams.manager).items]
    assert sections == ["visits", "approvals", "team_overdue"]
    assert teams.build(teams.manager).items[0].record_id == visit


def test_team_choices_list_live_teams_by_name(db: Database) -> None:
    from desktop.domain.services import records
    from desktop.domain.services.team import team_choices

    with unit_of_work(db.sessions, None) as uow:
        south = records.create(uow, Team, {"name": "华南大客户部"})
        east = records.create(uow, Team, {"name": "华东大客户部"})
        gone = records.create(uow, Team, {"name": "已撤销"})
    with unit_of_work(db.sessions, None) as uow:
        records.delete(uow, Team, gone)
    with db.sessions() as session:
        assert team_choices(session) == sorted(
            [(east, "华东大客户部"), (south, "华南大客户部")], key=lambda t: t[1]
        )
