"""Ready-made list exports: all visible accounts, and the targets grid (for round trips).

Rows stream from the database in batches, so 100,000 accounts never sit in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.models import Account, SalesTarget, User
from desktop.reports.labels import Labels
from desktop.reports.xlsx import SHANGHAI, Column, export_list

ACCOUNT_FIELDS: tuple[tuple[str, str], ...] = (
    ("Name", "text"),
    ("Short name", "text"),
    ("Credit code", "text"),
    ("Industry", "text"),
    ("Province", "text"),
    ("City", "text"),
    ("Address", "text"),
    ("Phone", "text"),
    ("Tier", "text"),
    ("Status", "text"),
    ("Owner", "text"),
    ("Potential", "money"),
    ("Tags", "text"),
    ("Updated", "datetime"),
)
TARGET_FIELDS: tuple[tuple[str, str], ...] = (
    ("Rep", "text"),
    ("Account", "text"),
    ("Period", "text"),
    ("Target", "money"),
)
BATCH = 2000


def account_columns(t: Labels) -> list[Column]:
    return [Column(t(name), kind) for name, kind in ACCOUNT_FIELDS]


def count_accounts(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(Account).where(Account.deleted_at.is_(None))
        )
        or 0
    )


def account_rows(session: Session, t: Labels) -> Iterator[list[Any]]:
    owner = aliased(User)
    query = (
        select(
            Account.name,
            Account.short_name,
            Account.credit_code,
            Account.industry,
            Account.province,
            Account.city,
            Account.address,
            Account.phone,
            Account.tier,
            Account.status,
            owner.display_name,
            Account.potential,
            Account.tags,
            Account.updated_at,
        )
        .outerjoin(owner, owner.id == Account.owner_id)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.name, Account.id)
        .execution_options(yield_per=BATCH)
    )
    for row in session.execute(query):
        values = list(row)
        values[9] = t.account_status(values[9])
        values[12] = ", ".join(tag for tag in (values[12] or "").split(",") if tag)
        yield values


def export_accounts(
    session: Session,
    path: Path,
    *,
    language: str = "en",
    tz: ZoneInfo = SHANGHAI,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    t = Labels(language)
    return export_list(
        path,
        account_columns(t),
        account_rows(session, t),
        title=t("Accounts"),
        tz=tz,
        progress=progress,
        cancelled=cancelled,
    )


def export_targets(
    session: Session, path: Path, *, year: int | None = None, language: str = "en"
) -> int:
    """The stored targets as the importer reads them back (rep username, account, period)."""
    t = Labels(language)
    query = (
        select(User.username, Account.name, SalesTarget.period, SalesTarget.amount)
        .join(User, User.id == SalesTarget.owner_id)
        .outerjoin(Account, Account.id == SalesTarget.account_id)
        .where(SalesTarget.deleted_at.is_(None))
        .order_by(User.username, Account.name, SalesTarget.period)
    )
    if year is not None:
        query = query.where(SalesTarget.period.like(f"{year}%"))
    columns = [Column(t(name), kind) for name, kind in TARGET_FIELDS]
    return export_list(path, columns, (list(r) for r in session.execute(query)), title=t("Targets"))
