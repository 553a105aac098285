"""Revisions: "Revise" copies the latest revision of a sent, rejected or expired quote
into a new draft (revision B, C, ...) linked through ``previous_id``; only the newest
revision (``is_latest``) is editable and lists show only that one."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.domain.models import Quote, QuoteLine
from desktop.domain.services.quotes.drafts import DEFAULT_VALID_DAYS
from desktop.domain.services.quotes.status import effective_status, ensure_can, load, local_today
from desktop.domain.uow import UnitOfWork


def next_revision(revision: str) -> str:
    """A -> B ... Z -> AA -> AB (like spreadsheet columns)."""
    letters = [ord(c) - 64 for c in revision.upper()]
    value = 0
    for letter in letters:
        value = value * 26 + letter
    value += 1
    text = ""
    while value:
        value, rest = divmod(value - 1, 26)
        text = chr(65 + rest) + text
    return text


def revise(uow: UnitOfWork, quote_id: str, valid_days: int = DEFAULT_VALID_DAYS) -> str:
    """A new draft revision with the same number and lines; the old one stays as it was."""
    quote = load(uow, quote_id)
    today = local_today(uow.now)
    if quote.status == "sent" and effective_status("sent", quote.valid_until, today) == "expired":
        uow.update(quote, {"status": "expired"})
    ensure_can(quote, "revise")
    copy = {name: getattr(quote, name) for name in Quote.data_columns()}
    copy.update(
        revision=next_revision(quote.revision),
        previous_id=quote.id,
        is_latest=True,
        status="draft",
        issued_on=today,
        valid_until=today + dt.timedelta(days=valid_days),
        justification="",
        decided_by=None,
        decided_at=None,
        decision_note="",
        sent_at=None,
        accepted_at=None,
    )
    new = Quote(**copy)
    uow.add(new)
    for line in uow.session.scalars(
        select(QuoteLine).where(QuoteLine.quote_id == quote.id, QuoteLine.deleted_at.is_(None))
    ):
        values = {name: getattr(line, name) for name in QuoteLine.data_columns()}
        values["quote_id"] = new.id
        uow.add(QuoteLine(**values))
    uow.update(quote, {"is_latest": False})
    return new.id
