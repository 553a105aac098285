"""The task list: my open follow-ups (a manager's team's too) by overdue / today /
this week / later, with counts."""

from __future__ import annotations

import datetime as dt

from desktop.domain.models import Team, User
from desktop.domain.services import followups, task_list
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.visits_data import add_account, add_user

THURSDAY = dt.date(2026, 12, 3)


def test_buckets_run_to_sunday() -> None:
    assert task_list.bucket_of(dt.date(2026, 12, 2), THURSDAY) == "overdue"
    assert task_list.bucket_of(THURSDAY, THURSDAY) == "today"
    assert task_list.bucket_of(dt.date(2026, 12, 6), THURSDAY) == "this_week"
    assert task_list.bucket_of(dt.date(2026, 12, 7), THURSDAY) == "later"
    assert task_list.bucket_of(None, THURSDAY) == "later"


def test_mine_grouped_with_counts_and_a_managers_team_too(db: Database) -> None:
    manager = add_user(db, "wangfang", "王芳", "manager")
    rep = add_user(db)
    stranger = add_user(db, "zhaolei", "赵磊")
    with unit_of_work(db.sessions, None) as uow:
        east, west = uow.add(Team(name="华东")).id, uow.add(Team(name="华南")).id
        for user_id, team in ((manager, east), (rep, east), (stranger, west)):
            row = uow.session.get(User, user_id)
            assert row is not None
            uow.update(row, {"team_id": team})
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    with unit_of_work(db.sessions, rep) as uow:
        for title, due in (
            ("寄样品", dt.date(2026, 12, 10)),
            ("回电话", dt.date(2026, 12, 1)),
            ("发报价", THURSDAY),
            ("约技术交流", dt.date(2026, 12, 5)),
        ):
            followups.add_task(uow, title=title, due_date=due, owner_id=rep, account_id=account)
        done = followups.add_task(uow, title="已完成", due_date=THURSDAY, owner_id=rep)
        followups.complete(uow, done)
    with db.sessions() as session:
        mine = task_list.task_list(session, rep, THURSDAY)
    assert [(i.bucket, i.task.title) for i in mine.items] == [
        ("overdue", "回电话"),
        ("today", "发报价"),
        ("this_week", "约技术交流"),
        ("later", "寄样品"),
    ]
    assert mine.counts == {"overdue": 1, "today": 1, "this_week": 1, "renewals": 0, "later": 1}
    assert mine.items[0].task.account_name == "上海华测电子有限公司"
    with unit_of_work(db.sessions, stranger) as uow:
        followups.add_task(uow, title="别组的事", due_date=THURSDAY, owner_id=stranger)
    with unit_of_work(db.sessions, manager) as uow:
        followups.add_task(uow, title="审批周报", due_date=None, owner_id=manager)
    with db.sessions() as session:
        own = task_list.task_list(session, manager, THURSDAY)
        team = task_list.task_list(session, manager, THURSDAY, team=True)
        rep_team = task_list.task_list(session, rep, THURSDAY, team=True)
    assert [i.task.title for i in own.items] == ["审批周报"]
    assert len(team.items) == 5
    assert "别组的事" not in {i.task.title for i in team.items}
    assert team.counts["later"] == 2
    assert len(rep_team.items) == 4  # a rep has no team to see
