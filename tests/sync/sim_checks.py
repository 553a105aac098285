"""What must hold after every simulated world has settled, on the server and on every
device: a quote's stored figures are those of its stored lines, an approved quote was
approved by a manager of its owner's team (never the owner), and every attachment a
device lists has its file on that device.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Attachment, Quote, QuoteLine, Team, User
from desktop.domain.rules.quotes import DERIVED_FIELDS, derived_figures
from desktop.domain.services import attachments
from desktop.domain.services.quotes import drafts_of, guardrails, lines_of
from tests.sync.harness import Device


def quote_figures(session: Session, where: str, log: list[str]) -> int:
    """Every live quote's derived fields equal the rule book's figures for its live
    lines, with the guardrails this database holds. Returns how many quotes."""
    live = list(session.scalars(select(Quote).where(Quote.deleted_at.is_(None))))
    for quote in live:
        lines = drafts_of(lines_of(session, quote.id))
        expected = derived_figures(lines, quote.discount_pct, guardrails(session, quote.account_id))
        stored = {name: getattr(quote, name) for name in DERIVED_FIELDS}
        assert stored == expected, (where, quote.number, quote.revision, quote.status, log)
    return len(live)


def approvals(session: Session, where: str, log: list[str]) -> int:
    """Every approved quote: decided by an admin or a manager of its owner's team, who is
    not its owner. Returns how many approved quotes."""
    approved = list(session.scalars(select(Quote).where(Quote.status == "approved")))
    for quote in approved:
        label = (where, quote.number, quote.revision, log)
        assert quote.decided_by is not None, label
        assert quote.decided_by != quote.owner_id, label
        assert _manages(session, quote.decided_by, quote.owner_id), label
    return len(approved)


def _manages(session: Session, manager_id: str, owner_id: str | None) -> bool:
    manager = session.get(User, manager_id)
    if manager is None or manager.role not in ("manager", "admin"):
        return False
    if manager.role == "admin":
        return True
    owner = session.get(User, owner_id) if owner_id else None
    if owner is None or owner.team_id is None:
        return False
    team = session.get(Team, owner.team_id)
    return owner.team_id == manager.team_id or (team is not None and team.manager_id == manager_id)


def files(device: Device) -> int:
    """Every live attachment the device lists has its file here, with its content.
    Returns how many attachments."""
    root = attachments.store_root(device.db.path.parent)
    with device.db.sessions() as s:
        rows = list(s.scalars(select(Attachment).where(Attachment.deleted_at.is_(None))))
    for row in rows:
        path = attachments.content_path(root, row.content_hash)
        assert path.exists(), (device.username, row.filename)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row.content_hash
    return len(rows)


def lines_on_server(session: Session) -> dict[str, Any]:
    """How many live quotes and lines the server holds (for the run's summary)."""
    quotes = session.scalars(select(Quote.id).where(Quote.deleted_at.is_(None))).all()
    lines = session.scalars(select(QuoteLine.id).where(QuoteLine.deleted_at.is_(None))).all()
    return {"live lines": len(lines)} if quotes else {}
