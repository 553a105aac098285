"""Opportunities (商机): the pipeline, from lead to won or lost.

Writes go through the rule book (``desktop.domain.rules.opportunities``): the
probability a stage allows, and a reason for a lost deal. A stage move without a
probability of its own takes the stage's default (the ``stages`` policy, else the rule
book's); leaving ``lost`` forgets why it was lost. A quote pointing at an opportunity
wins it when the customer accepts the quote (``desktop.domain.services.quotes.accept``).

The history of stages (cycle time) is the change records each move writes: no table of
its own, and it syncs with the rest of the history.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import (
    OPEN_OPPORTUNITY_STAGES,
    OPPORTUNITY_STAGES,
    Account,
    ChangeRecord,
    Contact,
    Opportunity,
    Policy,
    User,
)
from desktop.domain.money import ZERO, from_fen
from desktop.domain.rules.opportunities import LOST_FIELDS, default_probabilities
from desktop.domain.services import records
from desktop.domain.services.records import Record
from desktop.domain.services.rules import set_policy
from desktop.domain.uow import UnitOfWork

FIELDS = (
    "name",
    "stage",
    "amount",
    "probability",
    "close_date",
    "notes",
    "owner_id",
    "contact_id",
    "source",
    "competitors",
    "next_step",
    "lost_reason",
    "lost_to",
)
OPEN_STAGES = OPEN_OPPORTUNITY_STAGES
POLICY_KEY = "stages"
_SEPARATORS = re.compile(r"[,，、;；\n]+")


def competitor_lines(text: str) -> str:
    """One name a line (as ``competitors`` is stored) from "西门子, ABB、施耐德"."""
    return "\n".join(name.strip() for name in _SEPARATORS.split(text) if name.strip())


class Card(NamedTuple):
    """One opportunity as the board and the list show it (a tuple: thousands are made
    for every board load)."""

    id: str
    name: str
    account_id: str
    account_name: str
    owner_name: str
    stage: str
    amount: Decimal
    probability: int
    close_date: dt.date | None
    next_step: str
    lost_reason: str
    lost_to: str
    competitors: str  # one name a line

    @property
    def weighted(self) -> Decimal:
        return (self.amount * self.probability / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class StageTotal:
    stage: str
    count: int
    amount: Decimal
    weighted: Decimal


def stage_defaults(session: Session) -> dict[str, int]:
    """Each stage's default probability (the ``stages`` policy within the rule book's limits)."""
    value = session.scalar(
        select(Policy.value).where(Policy.key == POLICY_KEY, Policy.deleted_at.is_(None))
    )
    return default_probabilities(value if isinstance(value, dict) else None)


def save_stage_defaults(uow: UnitOfWork, defaults: Mapping[str, int]) -> None:
    """A manager's default probability per stage (the rule book checks the role and
    each stage's limits); stages left out keep the rule book's default."""
    set_policy(uow, POLICY_KEY, dict(defaults))


def _clean(
    session: Session, values: Mapping[str, Any], before: Opportunity | None
) -> dict[str, Any]:
    unknown = [k for k in values if k not in FIELDS]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "not editable"))
    clean = dict(values)
    stage = clean.get("stage")
    moved = stage is not None and (before is None or before.stage != stage)
    if moved and "probability" not in clean:
        default = stage_defaults(session).get(str(stage))
        if default is not None:
            clean["probability"] = default
    if moved and stage != "lost":
        clean.update(dict.fromkeys(LOST_FIELDS, ""))
    return clean


def create_opportunity(uow: UnitOfWork, account_id: str, values: Mapping[str, Any]) -> str:
    records.get(uow.session, Account, account_id)
    clean = _clean(uow.session, {"stage": "lead", **values}, None)
    clean.setdefault("owner_id", uow.actor_id)
    return records.create(uow, Opportunity, {"account_id": account_id, **clean})


def update_opportunity(uow: UnitOfWork, opportunity_id: str, changes: Mapping[str, Any]) -> None:
    row = uow.session.get(Opportunity, opportunity_id)
    records.update(uow, Opportunity, opportunity_id, _clean(uow.session, changes, row))


def move(uow: UnitOfWork, opportunity_id: str, stage: str) -> None:
    """A card dropped on another column (lost needs ``mark_lost``: it asks why)."""
    update_opportunity(uow, opportunity_id, {"stage": stage})


def mark_lost(uow: UnitOfWork, opportunity_id: str, reason: str, lost_to: str = "") -> None:
    update_opportunity(
        uow,
        opportunity_id,
        {"stage": "lost", "lost_reason": reason.strip(), "lost_to": lost_to.strip()},
    )


def get(session: Session, opportunity_id: str) -> Record:
    return records.get(session, Opportunity, opportunity_id)


@dataclass(frozen=True)
class Editing:
    """What the edit dialog needs: the row, its account's name and its contacts."""

    record: Record
    account_name: str
    contacts: list[tuple[str, str]]


def editing(session: Session, opportunity_id: str) -> Editing:
    record = get(session, opportunity_id)
    account = session.get(Account, record["account_id"])
    return Editing(
        record,
        account.name if account is not None else "",
        contact_choices(session, record["account_id"]),
    )


def for_account(session: Session, account_id: str) -> list[Record]:
    return records.list_records(
        session, Opportunity, where={"account_id": account_id}, order_by="close_date"
    )


def _scope(query: Any, owner_ids: Sequence[str] | None, account_id: str | None) -> Any:
    query = query.where(Opportunity.deleted_at.is_(None))
    if owner_ids is not None:
        query = query.where(Opportunity.owner_id.in_(list(owner_ids)))
    if account_id is not None:
        query = query.where(Opportunity.account_id == account_id)
    return query


def cards(
    session: Session,
    owner_ids: Sequence[str] | None = None,
    *,
    closed: bool = True,
    account_id: str | None = None,
    per_stage: int | None = None,
) -> list[Card]:
    """The opportunities the board shows, soonest close first; ``owner_ids`` None: all
    owners; ``account_id``: one account's only; ``per_stage``: at most that many of each
    stage (the soonest to close; of won and lost, the latest closed), so a company-wide
    board stays a board."""
    soonest = (Opportunity.close_date.is_(None), Opportunity.close_date, Opportunity.name)
    query = _scope(
        select(
            Opportunity.id,
            Opportunity.name,
            Opportunity.account_id,
            Account.name,
            User.display_name,
            Opportunity.stage,
            Opportunity.amount,
            Opportunity.probability,
            Opportunity.close_date,
            Opportunity.next_step,
            Opportunity.lost_reason,
            Opportunity.lost_to,
            Opportunity.competitors,
        )
        .join(Account, Account.id == Opportunity.account_id)
        .outerjoin(User, User.id == Opportunity.owner_id),
        owner_ids,
        account_id,
    )
    if not closed:
        query = query.where(Opportunity.stage.in_(OPEN_STAGES))
    if per_stage is None:
        return [Card._make(row) for row in session.execute(query.order_by(*soonest))]
    # Each stage on its own, the dated ones first, then the undated: every query walks
    # the board index (stage, close_date, name) and stops after ``per_stage`` rows.
    found: list[Card] = []
    for stage in OPPORTUNITY_STAGES if closed else OPEN_STAGES:
        in_stage = query.where(Opportunity.stage == stage)
        # Open deals: the soonest to close; won and lost ones: the latest closed.
        order = (
            soonest[1:]
            if stage in OPEN_STAGES
            else (Opportunity.close_date.desc(), Opportunity.name)
        )
        dated = in_stage.where(Opportunity.close_date.is_not(None)).order_by(*order)
        rows = list(session.execute(dated.limit(per_stage)))
        if len(rows) < per_stage:
            undated = in_stage.where(Opportunity.close_date.is_(None)).order_by(Opportunity.name)
            rows += session.execute(undated.limit(per_stage - len(rows)))
        found += map(Card._make, rows)
    return found


def stage_totals(all_cards: Iterable[Card]) -> dict[str, StageTotal]:
    """Count, amount and weighted amount per stage (every stage, empty ones too)."""
    counts = dict.fromkeys(OPPORTUNITY_STAGES, 0)
    amounts = dict.fromkeys(OPPORTUNITY_STAGES, ZERO)
    weighted = dict.fromkeys(OPPORTUNITY_STAGES, ZERO)  # in fen x percent, exact
    for card in all_cards:
        if card.stage in counts:
            counts[card.stage] += 1
            amounts[card.stage] += card.amount
            weighted[card.stage] += card.amount * card.probability
    cent = Decimal("0.01")
    return {
        s: StageTotal(s, counts[s], amounts[s], (weighted[s] / 100).quantize(cent))
        for s in OPPORTUNITY_STAGES
    }


def stage_totals_of(
    session: Session, owner_ids: Sequence[str] | None = None, *, account_id: str | None = None
) -> dict[str, StageTotal]:
    """``stage_totals`` of every opportunity in scope, summed by the database (money is
    integer fen, so the sums are exact) instead of over the cards."""
    fen = type_coerce(Opportunity.amount, BigInteger)
    query = _scope(
        select(
            Opportunity.stage,
            func.count(),
            func.coalesce(func.sum(fen), 0),
            func.coalesce(func.sum(fen * Opportunity.probability), 0),
        ),
        owner_ids,
        account_id,
    ).group_by(Opportunity.stage)
    found = {row[0]: row[1:] for row in session.execute(query)}
    cent = Decimal("0.01")
    totals = {}
    for s in OPPORTUNITY_STAGES:
        count, amount_fen, weighted = found.get(s, (0, 0, 0))
        totals[s] = StageTotal(
            s,
            int(count),
            from_fen(int(amount_fen)),
            (Decimal(int(weighted)) / 10000).quantize(cent),
        )
    return totals


def contact_choices(session: Session, account_id: str) -> list[tuple[str, str]]:
    query = select(Contact.id, Contact.name).where(
        Contact.account_id == account_id, Contact.deleted_at.is_(None)
    )
    return [(row[0], row[1]) for row in session.execute(query.order_by(Contact.name))]


def stage_history(session: Session, opportunity_id: str) -> list[tuple[str, dt.datetime]]:
    """(stage, when it was entered), oldest first: the creation, then every move."""
    row = session.get(Opportunity, opportunity_id)
    if row is None:
        return []
    moves = session.execute(
        select(ChangeRecord.old_value, ChangeRecord.new_value, ChangeRecord.changed_at)
        .where(
            ChangeRecord.entity == "opportunity",
            ChangeRecord.row_id == opportunity_id,
            ChangeRecord.field == "stage",
            ChangeRecord.deleted_at.is_(None),
        )
        .order_by(ChangeRecord.changed_at, ChangeRecord.id)
    ).all()
    first = str(moves[0][0]) if moves and moves[0][0] else row.stage
    history = [(first, row.created_at)]
    history.extend((str(new), at) for _old, new, at in moves if new)
    return history


def cycle_days(session: Session, opportunity_id: str) -> int | None:
    """Days from creation to won or lost (None while it is open)."""
    history = stage_history(session, opportunity_id)
    if not history:
        return None
    last_stage, closed_at = history[-1]
    if last_stage not in ("won", "lost"):
        return None
    return (closed_at - history[0][1]).days


def weighted_pipeline(session: Session, owner_id: str | None = None) -> Decimal:
    """Sum of amount x probability over open opportunities."""
    query = select(Opportunity.amount, Opportunity.probability).where(
        Opportunity.deleted_at.is_(None), Opportunity.stage.in_(OPEN_STAGES)
    )
    if owner_id:
        query = query.where(Opportunity.owner_id == owner_id)
    total = ZERO
    for amount, probability in session.execute(query):
        total += amount * probability / 100
    return total.quantize(Decimal("0.01"))
