"""The stakeholder map of a few key accounts (the first tier-A accounts made): a
finance director and a technical lead join their contacts, everyone reports to the
decision maker (or to one of their direct reports), each has an attitude, a
relationship strength and buying roles, and the done visits record who attended
(the visit's contact, sometimes a second one, and the rep). Some accounts are left
with a gap on purpose, so the chart shows one. The tiers' coverage rules are the
domain's defaults, written as the policy a manager would edit.
"""

from __future__ import annotations

import random

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain import models as m
from desktop.domain.services.stakeholders import DEFAULT_COVERAGE
from desktop.store.demo.words import EN_PEOPLE, GIVEN, SURNAMES
from desktop.store.demo.writer import Writer

KEY_ACCOUNTS = 6
ATTITUDES = ("supportive", "supportive", "neutral", "neutral", "opposed")
# (title, role, buying roles) of the contacts the key accounts gain.
EXTRA = (("财务总监", "influencer", "finance"), ("技术负责人", "user", "technical"))


def add_stakeholders(session: Session, w: Writer, seed: int) -> None:
    """Call after the accounts are flushed; flushes what it writes. Its own random
    numbers, so the rest of the dataset is the same with or without it."""
    rnd = random.Random(seed * 104729 + 19)
    w.row(m.Policy, key="stakeholders", value=DEFAULT_COVERAGE)
    accounts = session.execute(
        select(m.Account.id, m.Account.name)
        .where(m.Account.tier == "A", m.Account.deleted_at.is_(None))
        .order_by(m.Account.id)
        .limit(KEY_ACCOUNTS)
    ).all()
    for number, (account, name) in enumerate(accounts):
        names = EN_PEOPLE if name[:1].isascii() else [s + g for s in SURNAMES for g in GIVEN]
        _account(session, w, rnd, account, names, with_finance=number % 3 != 2)
    w.flush()


def _account(
    session: Session,
    w: Writer,
    rnd: random.Random,
    account: str,
    names: list[str],
    *,
    with_finance: bool,
) -> None:
    rows = session.execute(
        select(m.Contact.id, m.Contact.role)
        .where(m.Contact.account_id == account)
        .order_by(m.Contact.is_primary.desc(), m.Contact.id)
    ).all()
    top = rows[0].id
    people = [row.id for row in rows]
    for title, role, buying in EXTRA[0 if with_finance else 1 :]:
        boss = top if buying == "finance" or len(people) < 2 else people[1]
        people.append(
            w.row(
                m.Contact,
                account_id=account,
                name=rnd.choice(names),
                title=title,
                role=role,
                is_primary=False,
                notes="",
                reports_to_id=boss,
                buying_roles=buying,
                attitude=rnd.choice(ATTITUDES),
                strength=rnd.randint(2, 5),
            )
        )
    for index, row in enumerate(rows):
        boss = None if index == 0 else (top if index < 3 else people[1])
        session.execute(
            update(m.Contact)
            .where(m.Contact.id == row.id)
            .values(
                reports_to_id=boss,
                attitude="supportive" if index == 0 else rnd.choice(ATTITUDES),
                strength=rnd.randint(3, 5) if index == 0 else rnd.randint(1, 5),
            )
        )
    w.flush("contact")
    visits = session.execute(
        select(m.Visit.id, m.Visit.owner_id, m.Visit.contact_ids).where(
            m.Visit.account_id == account, m.Visit.status == "done"
        )
    ).all()
    for visit in visits:
        there = list(dict.fromkeys([*visit.contact_ids, rnd.choice(people)]))
        if rnd.random() < 0.5:
            there = there[:1]
        for contact in there:
            w.row(m.VisitAttendee, visit_id=visit.id, account_id=account, contact_id=contact)
        if visit.owner_id:
            w.row(m.VisitAttendee, visit_id=visit.id, account_id=account, user_id=visit.owner_id)
