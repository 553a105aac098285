"""Pull: the rows a user may see that changed after the device's cursor, in pages.

A pull sequence fixes ``head`` on its first page and walks the synced tables (parents
first) in id order; every row changed after the cursor (by someone other than the
pulling device) and visible now is sent as it is now. Rows that entered the user's view (handover, account team, team change) come
with their whole subtree; rows that left it come as REMOVE entries on the first page.
The device stores ``cursor = head`` with the last page, so a row changed while the
pages were read is sent again next time: nothing falls between two pulls.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_, select
from sqlalchemy.orm import Session

from desktop.domain.models import SYNCED, Order, Quote
from desktop.sync import stored
from desktop.sync.tree import ACCOUNT_CHILDREN
from server import scope
from server.models import ChangeLog, Counter, Device, ScopeEvent
from server.rows import block, fetch_rows, stored_select

TABLES = list(SYNCED)


class BadResume(ValueError):
    pass


def _parse_resume(text: str, cursor: int) -> tuple[int, int, str]:
    try:
        data = json.loads(text)
        head, table, after, start = int(data["h"]), int(data["t"]), str(data["a"]), int(data["c"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BadResume("the pull continuation is not valid; start the pull again") from exc
    if start != cursor or not 0 <= table < len(TABLES) or head < cursor:
        raise BadResume("the pull continuation does not match the cursor; start again")
    return head, table, after


def pull(
    session: Session,
    viewer: scope.Viewer,
    device_id: str,
    cursor: int,
    resume: str | None,
    limit: int,
) -> dict[str, Any]:
    counter = session.get(Counter, 1)
    assert counter is not None
    device = session.get(Device, device_id)
    if resume is None:
        resync = device is not None and device.resync
        if cursor > counter.value or (cursor > 0 and (cursor < counter.horizon or resync)):
            return {
                "tables": [],
                "removes": [],
                "cursor": None,
                "resume": None,
                "more": False,
                "must_resync": True,
                "head": counter.value,
            }
        if cursor == 0 and device is not None and resync:
            device.resync = False
        head, table_index, after = counter.value, 0, ""
    else:
        head, table_index, after = _parse_resume(resume, cursor)
    gained, removes = _scope_changes(session, viewer, cursor, head)
    # Tables with neither a change by others nor a row that came into view are skipped:
    # most pulls after the first have a few tables to read, not all of them.
    changed_tables = _changed_by_others_in(session, cursor, device_id) if cursor > 0 else None
    dialect = session.connection().dialect.name
    tables: list[dict[str, Any]] = []
    count = 0
    while table_index < len(TABLES) and count < limit:
        name = TABLES[table_index]
        model = SYNCED[name]
        extra = _gained_clause(name, gained)
        if changed_tables is not None and name not in changed_tables and extra is None:
            table_index += 1
            after = ""
            continue
        changed: ColumnElement[bool] = model.version > cursor
        if cursor > 0:
            changed = and_(changed, model.id.in_(_changed_by_others(name, cursor, device_id)))
        if extra is not None:
            changed = or_(changed, extra)
        query = (
            stored_select(name, dialect)
            .where(scope.clause(model, viewer), changed, model.id > after)
            .order_by(model.id)
            .limit(limit - count)
        )
        batch = fetch_rows(session, query)
        if batch:
            tables.append(block(name, batch))
            count += len(batch)
        if count >= limit and batch:
            after = str(batch[-1][stored.columns(name).index("id")])
            break
        table_index += 1
        after = ""
    done = table_index >= len(TABLES)
    first_page = resume is None
    return {
        "tables": tables,
        "removes": [{"entity": e, "id": i} for e, i in removes] if first_page else [],
        "cursor": head if done else None,
        "resume": None
        if done
        else json.dumps(
            {"h": head, "t": table_index, "a": after, "c": cursor}, separators=(",", ":")
        ),
        "more": not done,
        "must_resync": False,
        "head": head,
    }


def _changed_by_others(name: str, cursor: int, device_id: str) -> Select[str]:
    """Rows of ``name`` with a change after ``cursor`` that this device did not make.

    A device already holds its own changes as the server stored them: each push
    answer carries the row as the batch left it, and an unanswered push is sent again
    (the same answer comes back) before the device pulls. So a row whose every change
    since the cursor came from this device is not sent back. The change log's key
    (the version) also finds the few changed rows without scanning whole tables.
    """
    return select(ChangeLog.row_id).where(_by_others(cursor, device_id), ChangeLog.entity == name)


def _changed_by_others_in(session: Session, cursor: int, device_id: str) -> set[str]:
    """The tables with a change after ``cursor`` that this device did not make."""
    query = select(ChangeLog.entity).where(_by_others(cursor, device_id)).distinct()
    return set(session.scalars(query))


def _by_others(cursor: int, device_id: str) -> ColumnElement[bool]:
    return and_(
        ChangeLog.version > cursor,
        or_(ChangeLog.device_id.is_(None), ChangeLog.device_id != device_id),
    )


def _scope_changes(
    session: Session, viewer: scope.Viewer, cursor: int, head: int
) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    gained: dict[str, set[str]] = defaultdict(set)
    removes: list[tuple[str, str]] = []
    if cursor == 0:
        return gained, removes
    events = session.execute(
        select(ScopeEvent.entity, ScopeEvent.row_id)
        .where(ScopeEvent.version > cursor, ScopeEvent.version <= head)
        .distinct()
    ).all()
    for entity, row_id in events:
        model = SYNCED.get(entity)
        if model is None:
            continue
        if scope.can_see(session, model, row_id, viewer):
            gained[entity].add(row_id)
        else:
            removes.append((entity, row_id))
    return gained, removes


def _gained_clause(name: str, gained: dict[str, set[str]]) -> ColumnElement[bool] | None:
    if not gained:
        return None
    model = SYNCED[name]
    columns = model.__table__.columns
    parts: list[ColumnElement[bool]] = []
    if gained.get(name):
        parts.append(model.id.in_(sorted(gained[name])))
    accounts = sorted(gained.get("account", ()))
    if accounts and name in ACCOUNT_CHILDREN:
        parts.append(columns["account_id"].in_(accounts))
    if name == "quote_line":
        quotes = select(Quote.id).where(Quote.account_id.in_(accounts)) if accounts else None
        ids = sorted(gained.get("quote", ()))
        if ids:
            parts.append(columns["quote_id"].in_(ids))
        if quotes is not None:
            parts.append(columns["quote_id"].in_(quotes))
    if name in ("delivery", "payment"):
        ids = sorted(gained.get("sales_order", ()))
        if ids:
            parts.append(columns["order_id"].in_(ids))
        if accounts:
            parts.append(
                columns["order_id"].in_(select(Order.id).where(Order.account_id.in_(accounts)))
            )
    if not parts:
        return None
    return or_(false(), *parts)
