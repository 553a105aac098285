"""Contracts (合同): draft, review by the owner's manager, then active until they expire
or are terminated; renewals due within the account tier's notice (Policy ``renewals``,
days before the end: A 90, B 60, C 30 unless a manager sets others).

The review follows the rule book (``desktop.domain.rules.contracts``): the device and
the server refuse a rep signing her own contract.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.models import (
    OPEN_OPPORTUNITY_STAGES,
    Account,
    Contract,
    Opportunity,
    Policy,
    Quote,
    User,
)
from desktop.domain.services import numbering, opportunities, records
from desktop.domain.services.quotes.status import local_today
from desktop.domain.uow import UnitOfWork

FIELDS = (
    "title",
    "signed_on",
    "start_on",
    "end_on",
    "value",
    "currency",
    "payment_terms",
    "quote_id",
    "notes",
)
DEFAULT_NOTICE = {"A": 90, "B": 60, "C": 30}
RENEWALS_KEY = "renewals"


def _fields(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = [k for k in values if k not in FIELDS]
    if unknown:
        raise ValidationError(dict.fromkeys(unknown, "not editable"))
    return dict(values)


def create_contract(
    uow: UnitOfWork, account_id: str, values: Mapping[str, Any], today: dt.date
) -> str:
    account = uow.session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise ValidationError({"account_id": "no such account"})
    owner = account.owner_id or uow.actor_id
    number = numbering.allocate(uow.session, "HT", today.year, owner, Contract.number)
    clean = {"number": number, "account_id": account_id, "owner_id": owner, **_fields(values)}
    return records.create(uow, Contract, clean)


def update_contract(uow: UnitOfWork, contract_id: str, changes: Mapping[str, Any]) -> None:
    records.update(uow, Contract, contract_id, _fields(changes))


def _load(session: Session, contract_id: str) -> Contract:
    row = records._load(session, Contract, contract_id)
    assert isinstance(row, Contract)
    return row


def _move(uow: UnitOfWork, contract_id: str, changes: dict[str, Any]) -> None:
    """A step of the review; its change records carry the step's note, so the
    contract's review history has it (``contract_review.history``)."""
    note = str(changes.get("decision_note") or "").strip()
    uow.update(_load(uow.session, contract_id), changes, reason=note or None)


def submit_for_review(uow: UnitOfWork, contract_id: str) -> None:
    _move(uow, contract_id, {"status": "under_review"})


def sign(uow: UnitOfWork, contract_id: str, note: str = "") -> None:
    """The manager approves: the contract is signed, in the manager's name."""
    changes = {"status": "signed", "decided_by": uow.actor_id, "decided_at": uow.now}
    _move(uow, contract_id, {**changes, "decision_note": note})


def return_to_draft(uow: UnitOfWork, contract_id: str, note: str) -> None:
    """Back to its rep; the rule book wants a note saying what must change."""
    changes = {"status": "draft", "decided_by": uow.actor_id, "decided_at": uow.now}
    _move(uow, contract_id, {**changes, "decision_note": note.strip()})


def expire_ended(uow: UnitOfWork) -> int:
    """The user's own active contracts whose end has passed become expired (their
    renewal reminder is over); returns how many. As with quotes, only the owner's device
    writes it, so a manager's laptop does not send the same change for the whole team."""
    today = local_today(uow.now)
    ended = uow.session.scalars(
        select(Contract).where(
            Contract.status == "active",
            Contract.deleted_at.is_(None),
            Contract.end_on < today,
            Contract.owner_id == uow.actor_id,
        )
    ).all()
    for contract in ended:
        uow.update(contract, {"status": "expired"})
    return len(ended)


def set_status(uow: UnitOfWork, contract_id: str, status: str) -> None:
    """Active, expired or terminated (the rule book says which step may follow which)."""
    _move(uow, contract_id, {"status": status})


@dataclass(frozen=True)
class ContractRow:
    id: str
    number: str
    title: str
    account_id: str
    account_name: str
    tier: str
    owner_name: str
    status: str
    start_on: dt.date | None
    end_on: dt.date | None
    value: Decimal
    days_left: int | None  # to the end, from today
    renewal_due: bool  # active and within its tier's notice
    owner_id: str | None = None


def notice_days(session: Session) -> dict[str, int]:
    value = session.scalar(
        select(Policy.value).where(Policy.key == RENEWALS_KEY, Policy.deleted_at.is_(None))
    )
    days = dict(DEFAULT_NOTICE)
    if isinstance(value, dict):
        days.update({k: int(v) for k, v in value.items() if k in days and str(v).isdigit()})
    return days


def list_contracts(
    session: Session,
    today: dt.date,
    *,
    account_id: str | None = None,
    renewing_within: int | None = None,
    owner_ids: Collection[str] | None = None,
    ending: tuple[dt.date, dt.date] | None = None,
) -> list[ContractRow]:
    """Contracts, soonest end first; ``renewing_within``: active ones ending in that many
    days (the renewal list); ``owner_ids``: only theirs; ``ending`` (start, end): signed
    or active ones ending from start to the day before end."""
    query = (
        select(Contract, Account.name, Account.tier, User.display_name)
        .join(Account, Account.id == Contract.account_id)
        .outerjoin(User, User.id == Contract.owner_id)
        .where(Contract.deleted_at.is_(None))
        .order_by(Contract.end_on.is_(None), Contract.end_on, Contract.number)
    )
    if account_id is not None:
        query = query.where(Contract.account_id == account_id)
    if owner_ids is not None:
        query = query.where(Contract.owner_id.in_(list(owner_ids)))
    if ending is not None:
        query = query.where(
            Contract.status.in_(("signed", "active")),
            Contract.end_on >= ending[0],
            Contract.end_on < ending[1],
        )
    if renewing_within is not None:
        horizon = today + dt.timedelta(days=renewing_within)
        query = query.where(
            Contract.status == "active", Contract.end_on >= today, Contract.end_on <= horizon
        )
    notice = notice_days(session)
    rows = []
    for contract, account_name, tier, owner in session.execute(query):
        days_left = (contract.end_on - today).days if contract.end_on else None
        due = (
            contract.status == "active"
            and days_left is not None
            and 0 <= days_left <= notice.get(tier or "", DEFAULT_NOTICE["C"])
        )
        rows.append(
            ContractRow(
                contract.id,
                contract.number,
                contract.title,
                contract.account_id,
                account_name,
                tier or "",
                owner or "",
                contract.status,
                contract.start_on,
                contract.end_on,
                contract.value,
                days_left,
                due,
                contract.owner_id,
            )
        )
    return rows


def renewals_due(
    session: Session, today: dt.date, owner_ids: Collection[str] | None = None
) -> list[ContractRow]:
    """Active contracts inside their tier's notice, soonest end first (``owner_ids``:
    only theirs): what Today and the task list remind."""
    longest = max(notice_days(session).values())
    found = list_contracts(session, today, renewing_within=longest, owner_ids=owner_ids)
    return [r for r in found if r.renewal_due]


@dataclass(frozen=True)
class QuoteChoice:
    """A quote of the account a new contract may be made from."""

    id: str
    number: str  # with its revision
    total: Decimal
    payment_terms: str
    status: str


def quote_choices(session: Session, account_id: str) -> list[QuoteChoice]:
    """The account's latest quotes the customer accepted, or that were sent or approved,
    that no contract names yet; accepted ones first, newest first."""
    taken = select(Contract.quote_id).where(
        Contract.quote_id.is_not(None), Contract.deleted_at.is_(None)
    )
    rows = session.scalars(
        select(Quote)
        .where(
            Quote.account_id == account_id,
            Quote.is_latest.is_(True),
            Quote.deleted_at.is_(None),
            Quote.status.in_(("accepted", "sent", "approved")),
            Quote.id.not_in(taken),
        )
        .order_by(Quote.status != "accepted", Quote.number.desc())
    )
    return [
        QuoteChoice(q.id, f"{q.number} {q.revision}", q.total, q.payment_terms, q.status)
        for q in rows
    ]


def account_of(session: Session, contract_id: str) -> str:
    contract = _load(session, contract_id)
    return contract.account_id


def renewal_opportunity(session: Session, contract_id: str) -> str | None:
    """The open opportunity already started for this contract's renewal (it names the
    contract's number), if any."""
    contract = _load(session, contract_id)
    return session.scalar(
        select(Opportunity.id)
        .where(
            Opportunity.account_id == contract.account_id,
            Opportunity.deleted_at.is_(None),
            Opportunity.stage.in_(OPEN_OPPORTUNITY_STAGES),
            Opportunity.name.contains(contract.number),
        )
        .limit(1)
    )


def renewals_started(session: Session, rows: list[ContractRow]) -> set[str]:
    """Which of these contracts have an open renewal opportunity (one query for all,
    by the accounts' open opportunities' names)."""
    accounts = list({r.account_id for r in rows})
    names: dict[str, list[str]] = {}
    for start in range(0, len(accounts), 500):  # SQLite's limit on parameters
        query = select(Opportunity.account_id, Opportunity.name).where(
            Opportunity.account_id.in_(accounts[start : start + 500]),
            Opportunity.deleted_at.is_(None),
            Opportunity.stage.in_(OPEN_OPPORTUNITY_STAGES),
        )
        for account_id, name in session.execute(query):
            names.setdefault(account_id, []).append(name)
    return {r.id for r in rows if any(r.number in name for name in names.get(r.account_id, ()))}


def start_renewal(uow: UnitOfWork, contract_id: str, name: str, source: str = "") -> str:
    """The renewal of a contract as an opportunity of its account: ``name`` (its "%1"
    the contract's number, which it always names), the contract's value, closing when it
    ends, owned by the contract's owner. A renewal already started is returned, not
    started twice."""
    found = renewal_opportunity(uow.session, contract_id)
    if found is not None:
        return found
    contract = _load(uow.session, contract_id)
    name = name.replace("%1", contract.number)
    if contract.number not in name:
        name = f"{name} ({contract.number})"
    values: dict[str, Any] = {
        "name": name,
        "amount": contract.value,
        "close_date": contract.end_on,
        "source": source,
    }
    if contract.owner_id:
        values["owner_id"] = contract.owner_id
    return opportunities.create_opportunity(uow, contract.account_id, values)
