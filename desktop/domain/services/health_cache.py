"""The health cache (``account_health``): every live account's score and ABC class as
last computed, kept beside the rows so the Accounts list sorts and filters by them in
SQL.

- ``keep_up`` runs in each unit of work before it commits (the store puts it in its
  sessions' ``DERIVED`` hooks): the accounts whose inputs the unit of work wrote are
  scored again in the same transaction, so the cache never lags a local edit.
- ``refresh_rows``: the same for rows a sync pulled (``desktop.sync.engine``).
- ``refresh_batch``: a full pass, one batch of accounts per write transaction, run on
  a worker when ``stale`` says so (after the app opens, a first download, a changed
  policy, a new day: the score counts days).

A score's inputs: the account (its tier), its contacts (decision makers), visits and
their attendees, orders and their payments, complaints; the policies ``health``
(weights) and ``coverage`` (the tiers' visit cadence), which are part of ``basis``.

ABC (desktop.domain.analysis): each account's orders of the last 12 months (the
score's own "this year") are kept as ``revenue``, and ``rank_abc`` classes every
account that is not lost by its share, reading them all. An order or an account's
status moves everyone's rank, so a write that changes one only marks the ranking due
(``RANK_DUE``), and a worker ranks again after it (``ranking_due``); a new account,
with no orders yet, is C at once. The thresholds (policy ``abc``) are part of
``basis``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, delete, exists, select, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.domain.analysis import abc_class, thresholds
from desktop.domain.health import Health, Reason, score
from desktop.domain.models import (
    SYNCED,
    Account,
    AccountHealth,
    Complaint,
    Contact,
    Order,
    Payment,
    Policy,
    Visit,
    VisitAttendee,
)
from desktop.domain.services import coverage, health
from desktop.domain.services.device import delete_meta, get_meta, set_meta
from desktop.domain.services.health import Between
from desktop.domain.uow import UnitOfWork

BATCH = 5000  # accounts per write transaction of a full pass: a user's save waits < 0.3 s
# A write (an import) or a pulled page that touches more accounts than this leaves them
# to the full pass (their scores are dropped, so the cache is stale) rather than make
# its own transaction long.
AT_ONCE = 2000
CHUNK = 900  # ids per IN (...)
ABC_POLICY = "abc"  # desktop.domain.analysis: {"a": 80, "b": 95}
RANK_DUE = "health_abc_rank_due"  # local_meta: an order or an account status changed
# Entities whose rows carry the account they count for.
BY_ACCOUNT = frozenset(m.__tablename__ for m in (Contact, Visit, VisitAttendee, Order, Complaint))
INPUTS = BY_ACCOUNT | {Account.__tablename__, Payment.__tablename__}


def day(now: dt.datetime) -> dt.date:
    """The day a score counts from (the lists' zone, as coverage counts it)."""
    return now.astimezone(coverage.DEFAULT_ZONE).date()


def abc_thresholds(session: Session) -> tuple[int, int]:
    value = session.scalar(
        select(Policy.value).where(Policy.key == ABC_POLICY, Policy.deleted_at.is_(None))
    )
    return thresholds(value)


def basis(session: Session, now: dt.datetime) -> str:
    """What a score computed now depends on besides the rows: weights, cadence, the ABC
    thresholds, the day."""
    text = json.dumps(
        [
            dataclasses.asdict(health.weights(session)),
            coverage.cadence(session),
            abc_thresholds(session),
            str(day(now)),
        ],
        sort_keys=True,
    )
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def encode(reasons: Sequence[Reason]) -> list[list[Any]]:
    return [[r.code, r.points, r.params] for r in reasons]


def decode(value: Any) -> list[Reason]:
    if not isinstance(value, list):
        return []
    return [
        Reason(str(item[0]), int(item[1]), dict(item[2]) if isinstance(item[2], dict) else {})
        for item in value
        if isinstance(item, list) and len(item) == 3
    ]


def refresh(session: Session, accounts: Iterable[str] | Between, now: dt.datetime) -> int:
    """Score these accounts (ids, or a range of ids) again and store them; named ones
    no longer live leave the cache. Returns how many were stored."""
    if not isinstance(accounts, Between):
        accounts = sorted(set(accounts))
        if not accounts:
            return 0
    weights = health.weights(session)
    facts = health.gather(session, now, day(now), accounts, weights)
    scores = {i: (score(f, weights, now), f.orders_this_year) for i, f in facts.items()}
    _store(session, scores, basis(session, now), now)
    if not isinstance(accounts, Between):
        gone = [i for i in accounts if i not in scores]
        for start in range(0, len(gone), CHUNK):
            chunk = gone[start : start + CHUNK]
            session.execute(delete(AccountHealth).where(AccountHealth.account_id.in_(chunk)))
    return len(scores)


def _store(
    session: Session, scores: dict[str, tuple[Health, Decimal]], basis_: str, now: dt.datetime
) -> None:
    if not scores:
        return
    # Core, not the ORM's bulk insert: a third of the time of a full pass's batch.
    stmt = insert(cast(Table, AccountHealth.__table__))
    stmt = stmt.on_conflict_do_update(
        index_elements=[AccountHealth.account_id],
        set_={c: stmt.excluded[c] for c in ("score", "reasons", "basis", "computed_at", "revenue")},
    )
    session.connection().execute(
        stmt,
        [
            {
                "account_id": account_id,
                "score": h.score,
                "reasons": encode(h.reasons),
                "basis": basis_,
                "computed_at": now,
                "revenue": revenue,
                # A new row: no orders, no share (C); else ``rank_abc`` says.
                "abc": "C" if revenue <= 0 else None,
            }
            for account_id, (h, revenue) in scores.items()
        ],
    )


# The accounts ranked (not lost), and the classes to drop (lost, or deleted).
_RANKED = """
SELECT h.account_id, h.revenue, h.abc FROM account_health h
JOIN account a ON a.id = h.account_id WHERE +a.deleted_at IS NULL AND a.status != 'lost'
"""
_UNRANK = """
UPDATE account_health SET abc = NULL WHERE abc IS NOT NULL AND account_id IN (
    SELECT id FROM account WHERE status = 'lost' OR deleted_at IS NOT NULL)
"""


def rank_abc(session: Session) -> None:
    """Class every cached account that is not lost by its revenue share, ranked as
    desktop.domain.analysis.abc_classes ranks them (ties by id) and classed by its
    ``abc_class``, and write the classes that changed. Reads every account (0.6 s at
    100k): a worker's job, never a commit's."""
    a, b = abc_thresholds(session)
    # Fen as they are stored: a share is the same in fen as in yuan.
    rows = [(str(i), Decimal(r or 0), k) for i, r, k in session.execute(text(_RANKED))]
    rows.sort(key=lambda row: (-row[1], row[0]))
    total = sum((r for _, r, _ in rows if r > 0), Decimal(0))
    before = Decimal(0)
    changed: list[dict[str, Any]] = []
    for account_id, revenue, old in rows:
        klass = abc_class(revenue, before, total, a, b)[0]
        if revenue > 0:
            before += revenue
        if klass != old:
            changed.append({"klass": klass, "id": account_id})
    if changed:
        session.execute(
            text("UPDATE account_health SET abc = :klass WHERE account_id = :id"), changed
        )
    session.execute(text(_UNRANK))
    delete_meta(session, RANK_DUE)


def ranking_due(session: Session) -> bool:
    return get_meta(session, RANK_DUE) is not None


def accounts_of(
    session: Session, rows: Iterable[tuple[str, str]], before: Iterable[str] = ()
) -> set[str]:
    """The accounts whose score rows (entity, id) count for, as they are now, plus
    ``before`` (accounts they counted for until this change)."""
    found = set(before)
    by_entity: dict[str, set[str]] = {}
    for entity, row_id in rows:
        if entity in INPUTS:
            by_entity.setdefault(entity, set()).add(row_id)
    found |= by_entity.pop(Account.__tablename__, set())
    payments = sorted(by_entity.pop(Payment.__tablename__, set()))
    for start in range(0, len(payments), CHUNK):
        found.update(
            session.scalars(
                select(Order.account_id)
                .join(Payment, Payment.order_id == Order.id)
                .where(Payment.id.in_(payments[start : start + CHUNK]))
            )
        )
    for entity, ids in by_entity.items():
        table = SYNCED[entity].__table__
        column, id_column = table.c.account_id, table.c.id
        listed = sorted(ids)
        for start in range(0, len(listed), CHUNK):
            found.update(
                session.scalars(select(column).where(id_column.in_(listed[start : start + CHUNK])))
            )
    return {a for a in found if a}


def keep_up(uow: UnitOfWork) -> None:
    """Score again the accounts whose inputs this unit of work wrote (before it
    commits, in its transaction). A changed weight or cadence changes ``basis``
    instead: the next full pass takes every account."""
    rows: list[tuple[str, str]] = []
    before: set[str] = set()
    rank = False
    for row, old in uow.changes():
        entity = row.__tablename__
        if entity not in INPUTS:
            continue
        rows.append((entity, row.id))
        rank = rank or _moves_ranking(entity, row, old)
        if old is not None and entity in BY_ACCOUNT and old.get("account_id"):
            before.add(str(old["account_id"]))
        if old is not None and entity == Payment.__tablename__ and old.get("order_id"):
            order = uow.session.get(Order, old["order_id"])
            if order is not None:
                before.add(order.account_id)
    if rows:
        uow.session.flush()
        _refresh_or_forget(uow.session, accounts_of(uow.session, rows, before), uow.now)
    if rank:
        set_meta(uow.session, RANK_DUE, "1")


def _moves_ranking(entity: str, row: Any, old: dict[str, Any] | None) -> bool:
    """An order, or an account going, or becoming (or leaving) lost; a new one has no
    orders (C, and no one else's share changes) unless it comes lost."""
    if entity == Order.__tablename__:
        return True
    if entity != Account.__tablename__:
        return False
    if old is None:
        return bool(row.status == "lost")
    return bool(old.get("status") != row.status or old.get("deleted_at") != row.deleted_at)


def _refresh_or_forget(session: Session, accounts: set[str], now: dt.datetime) -> int:
    if len(accounts) <= AT_ONCE:
        return refresh(session, accounts, now)
    ids = sorted(accounts)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        session.execute(delete(AccountHealth).where(AccountHealth.account_id.in_(chunk)))
    return 0


def mark_stale(session: Session) -> None:
    """Every score is to be computed again by the next full pass (a full download may
    have brought anything); the list shows the old ones meanwhile."""
    session.execute(text("UPDATE account_health SET basis = '' WHERE basis != ''"))


def refresh_rows(session: Session, rows: Iterable[tuple[str, str]], now: dt.datetime) -> int:
    """Score again the accounts of rows a sync wrote (in its transaction)."""
    rows = list(rows)
    scored = _refresh_or_forget(session, accounts_of(session, rows), now)
    if any(entity in (Order.__tablename__, Account.__tablename__) for entity, _ in rows):
        set_meta(session, RANK_DUE, "1")
    return scored


def stale(session: Session, now: dt.datetime) -> bool:
    """Whether a live account has no score of today's basis (missing, or computed on
    another day or against other weights or cadence)."""
    current = basis(session, now)
    held = exists().where(AccountHealth.account_id == Account.id, AccountHealth.basis == current)
    missing = select(Account.id).where(Account.deleted_at.is_(None), ~held).limit(1)
    return session.scalar(missing) is not None


def refresh_batch(
    session: Session, after: str, now: dt.datetime, limit: int = BATCH
) -> tuple[str | None, int]:
    """One batch of a full pass: the next ``limit`` live accounts by id after
    ``after`` ("" first). Returns where the next batch starts (None when done: the
    last batch also drops the scores of accounts no longer live) and how many it
    scored."""
    ids = list(
        session.scalars(
            select(Account.id)
            .where(Account.id > after, Account.deleted_at.is_(None))
            .order_by(Account.id)
            .limit(limit)
        )
    )
    scored = refresh(session, Between(after, ids[-1]), now) if ids else 0
    if len(ids) == limit:
        return ids[-1], scored
    live = select(Account.id).where(Account.deleted_at.is_(None))
    session.execute(delete(AccountHealth).where(AccountHealth.account_id.not_in(live)))
    rank_abc(session)
    return None, scored


def refresh_all(session: Session, now: dt.datetime, limit: int = BATCH) -> int:
    """A whole full pass in the caller's transaction (the bench, tests)."""
    after: str | None = ""
    total = 0
    while after is not None:
        after, scored = refresh_batch(session, after, now, limit)
        total += scored
    return total


@dataclasses.dataclass(frozen=True)
class Cached:
    score: int
    reasons: list[Reason]
    abc: str | None


def cached(session: Session, account_ids: Sequence[str]) -> dict[str, Cached]:
    """Account id -> its score, reasons and ABC class as the cache holds them."""
    result: dict[str, Cached] = {}
    h = AccountHealth
    for start in range(0, len(account_ids), CHUNK):
        for account_id, value, reasons, abc in session.execute(
            select(h.account_id, h.score, h.reasons, h.abc).where(
                h.account_id.in_(account_ids[start : start + CHUNK])
            )
        ):
            result[account_id] = Cached(value, decode(reasons), abc)
    return result
