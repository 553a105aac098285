"""Small builders for the visits tests: a rep, accounts, contacts, visits at given times."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.domain.models import Account, Contact, User
from desktop.domain.services import visits
from desktop.domain.services.device import USER_ID, set_meta
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, hhmm: str = "10:00") -> dt.datetime:
    """A Shanghai wall-clock time, e.g. at("2026-03-02", "09:30")."""
    return dt.datetime.fromisoformat(f"{day}T{hhmm}").replace(tzinfo=SHANGHAI)


def fixed_now(when: dt.datetime):  # type: ignore[no-untyped-def]
    return lambda: when


def add_user(
    db: Database,
    username: str = "zhangwei",
    name: str = "张伟",
    role: str = "rep",
    *,
    signed_in: bool = False,
) -> str:
    with unit_of_work(db.sessions, None) as uow:
        user = User(username=username, display_name=name, role=role, active=True)
        uow.add(user)
        if signed_in:
            set_meta(uow.session, USER_ID, user.id)
        return user.id


def add_account(
    db: Database,
    name: str = "上海华测电子有限公司",
    *,
    tier: str = "A",
    owner_id: str | None = None,
    created: dt.datetime | None = None,
    address: str | None = "上海市浦东新区张江路88号",
    status: str = "active",
) -> str:
    now = created or at("2020-01-01")
    with unit_of_work(db.sessions, owner_id, now=lambda: now) as uow:
        account = Account(
            name=name,
            tier=tier,
            owner_id=owner_id,
            address=address,
            status=status,
            tags="",
            notes="",
        )
        uow.add(account)
        return account.id


def add_contact(
    db: Database, account_id: str, name: str = "李明", role: str = "decision_maker"
) -> str:
    with unit_of_work(db.sessions, None) as uow:
        contact = Contact(
            account_id=account_id, name=name, role=role, title="采购总监", is_primary=True, notes=""
        )
        uow.add(contact)
        return contact.id


def plan(
    db: Database,
    account_id: str,
    owner_id: str | None,
    start: dt.datetime,
    minutes: int = 60,
    **kwargs: object,
) -> str:
    """Planned in time: a start already past was planned at that moment."""
    now = dt.datetime.now(dt.UTC)
    planned_at = min(now, start) if start.tzinfo is not None else now
    with unit_of_work(db.sessions, owner_id, now=lambda: planned_at) as uow:
        return visits.plan_visit(
            uow,
            account_id=account_id,
            owner_id=owner_id,
            planned_start=start,
            planned_minutes=minutes,
            **kwargs,
        )  # type: ignore[arg-type]


def done_visit(
    db: Database,
    account_id: str,
    owner_id: str | None,
    start: dt.datetime,
    notes: str = "客户对新方案很感兴趣",
) -> str:
    visit_id = plan(db, account_id, owner_id, start, allow_clash=True)
    with unit_of_work(db.sessions, owner_id) as uow:
        visits.write_report(uow, visit_id, outcome="positive", notes=notes)
    return visit_id


def page_context(db: Database, data_dir: Path, user_id: str, name: str, role: str):  # type: ignore[no-untyped-def]
    """What the window would give a page, working as this user (GUI tests)."""
    from desktop.settings import Settings
    from desktop.ui.context import AppContext, AppEvents
    from desktop.ui.tasks import TaskRunner

    return AppContext(
        data_dir=data_dir,
        db=db,
        settings=Settings(data_dir),
        tasks=TaskRunner(db, lambda: user_id),
        events=AppEvents(),
        user_id=user_id,
        user_name=name,
        user_role=role,
    )
