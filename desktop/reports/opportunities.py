"""``fieldbook export opportunities``: every visible opportunity, in the columns
``fieldbook import opportunities`` reads back (owner by username, stage by its word)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, Opportunity, User
from desktop.reports.labels import Labels
from desktop.reports.xlsx import Column, export_list

FIELDS: tuple[tuple[str, str], ...] = (
    ("Name", "text"),
    ("Account", "text"),
    ("Stage", "text"),
    ("Amount", "money"),
    ("Probability", "int"),
    ("Close date", "date"),
    ("Owner", "text"),
    ("Source", "text"),
    ("Competitors", "text"),
    ("Next step", "text"),
    ("Lost reason", "text"),
    ("Lost to", "text"),
    ("Notes", "text"),
)


def opportunity_rows(session: Session, t: Labels) -> Iterator[list[Any]]:
    query = (
        select(
            Opportunity.name,
            Account.name,
            Opportunity.stage,
            Opportunity.amount,
            Opportunity.probability,
            Opportunity.close_date,
            User.username,
            Opportunity.source,
            Opportunity.competitors,
            Opportunity.next_step,
            Opportunity.lost_reason,
            Opportunity.lost_to,
            Opportunity.notes,
        )
        .join(Account, Account.id == Opportunity.account_id)
        .outerjoin(User, User.id == Opportunity.owner_id)
        .where(Opportunity.deleted_at.is_(None))
        .order_by(Account.name, Opportunity.name, Opportunity.id)
        .execution_options(yield_per=2000)
    )
    for row in session.execute(query):
        values = list(row)
        values[2] = t(values[2])
        values[8] = "、".join((values[8] or "").splitlines())
        yield values


def export_opportunities(session: Session, path: Path, *, language: str = "en") -> int:
    t = Labels(language)
    columns = [Column(t(name), kind) for name, kind in FIELDS]
    return export_list(path, columns, opportunity_rows(session, t), title=t("Pipeline"))
