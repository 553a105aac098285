"""The pre-visit briefing (拜访简报): one page about an account before a visit.

Profile, key contacts and the stakeholder gaps the tier's coverage rule finds (a role
nobody plays, or nobody playing it met in time: worded by ``gap_words``), the last
three call reports, open quotes, open complaints and the file items still missing
(worded by ``describe``). ``collect`` reads it (Qt-free, plain data);
``render_html`` lays it out as HTML that desktop/ui/pdf.py prints to PDF with the
bundled CJK font. Headings come from ``labels`` so the UI can pass translated ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError
from desktop.domain.models import (
    OPEN_QUOTE_STATUSES,
    Account,
    Complaint,
    Contact,
    Quote,
    User,
    Visit,
)
from desktop.domain.services import completeness, stakeholders
from desktop.domain.services import visits as visit_service
from desktop.domain.services.completeness import Check
from desktop.domain.services.stakeholders import Gap

CLOSED_COMPLAINTS = ("resolved", "closed")
ROLE_ORDER = {"decision_maker": 0, "influencer": 1, "user": 2, "gatekeeper": 3}

LABELS: dict[str, str] = {
    "title": "Pre-visit briefing",
    "visit": "Visit",
    "profile": "Profile",
    "tier": "Tier",
    "status": "Status",
    "industry": "Industry",
    "address": "Address",
    "owner": "Owner",
    "phone": "Phone",
    "contacts": "Key contacts",
    "gaps": "Stakeholder gaps",
    "reports": "Last call reports",
    "quotes": "Open quotes",
    "complaints": "Open complaints",
    "missing": "Missing file items",
    "none": "None",
    "valid_until": "valid until",
    "next_steps": "Next steps",
    "competitors": "Competitors",
    "printed": "Printed",
}


@dataclass(frozen=True)
class CallReport:
    day: dt.date
    outcome: str
    notes: str
    next_steps: str
    competitors: str


@dataclass
class Briefing:
    account_name: str
    profile: dict[str, str]
    contacts: list[tuple[str, str, str, str]]  # name, title, role, phone
    reports: list[CallReport]
    quotes: list[tuple[str, str, Decimal, dt.date | None]]  # number, status, total, valid until
    complaints: list[tuple[str, str, str]]  # title, severity, status
    missing: list[Check]  # the file items the account's tier asks for and lacks
    gaps: list[Gap] = field(default_factory=list)  # roles the tier's coverage rule misses
    visit: str = ""
    printed_on: dt.date = field(default_factory=dt.date.today)


def gap_text(gap: Gap) -> str:
    """A gap in English (the window passes its own words)."""
    role = gap.role.replace("_", " ")
    if gap.state == "missing":
        return f"Missing: {role} (nobody in this role)"
    return f"Missing: {role} (not met within {gap.days} days)"


def _missing_items(session: Session, account_id: str) -> list[Check]:
    return list(completeness.evaluate(session, account_id).missing)


def collect(
    session: Session,
    account_id: str,
    *,
    visit_id: str | None = None,
    zone: ZoneInfo = visit_service.DEFAULT_ZONE,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Briefing:
    account = session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"account {account_id} not found")
    owner = session.scalar(select(User.display_name).where(User.id == account.owner_id))
    profile = {
        "tier": account.tier,
        "status": account.status,
        "industry": account.industry or "",
        "address": " ".join(filter(None, [account.province, account.city, account.address])),
        "owner": owner or "",
        "phone": account.phone or "",
    }
    people = session.scalars(
        select(Contact).where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
    ).all()
    people = sorted(people, key=lambda c: (not c.is_primary, ROLE_ORDER.get(c.role, 9), c.name))
    contacts = [(c.name, c.title or "", c.role, c.mobile or c.phone or "") for c in people[:5]]
    done = session.scalars(
        select(Visit)
        .where(Visit.account_id == account_id, Visit.deleted_at.is_(None), Visit.status == "done")
        .order_by(Visit.planned_start.desc())
        .limit(3)
    ).all()
    reports = [
        CallReport(
            (v.checked_in_at or v.planned_start).astimezone(zone).date(),
            v.outcome or "",
            v.report or "",
            v.next_steps or "",
            v.competitors or "",
        )
        for v in done
    ]
    quotes = [
        (q.number + (f" {q.revision}" if q.revision else ""), q.status, q.total, q.valid_until)
        for q in session.scalars(
            select(Quote)
            .where(
                Quote.account_id == account_id,
                Quote.deleted_at.is_(None),
                Quote.is_latest.is_(True),
                Quote.status.in_(OPEN_QUOTE_STATUSES),
            )
            .order_by(Quote.created_at.desc())
        )
    ]
    complaints = [
        (c.title, c.severity, c.status)
        for c in session.scalars(
            select(Complaint)
            .where(
                Complaint.account_id == account_id,
                Complaint.deleted_at.is_(None),
                Complaint.status.not_in(CLOSED_COMPLAINTS),
            )
            .order_by(Complaint.opened_at.desc())
        )
    ]
    visit_text = ""
    if visit_id is not None:
        row = visit_service.get_visit(session, visit_id).row
        local = row.start.astimezone(zone)
        visit_text = f"{local:%Y-%m-%d %H:%M} · {row.purpose}".rstrip(" ·")
    return Briefing(
        account_name=account.name,
        profile=profile,
        contacts=contacts,
        reports=reports,
        quotes=quotes,
        complaints=complaints,
        missing=_missing_items(session, account_id),
        gaps=stakeholders.stakeholder_map(session, account_id, now or dt.datetime.now(dt.UTC)).gaps,
        visit=visit_text,
        printed_on=today or dt.datetime.now(zone).date(),
    )


def _list_or_none(items: list[str], none: str) -> str:
    if not items:
        return f"<p class='none'>{escape(none)}</p>"
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def render_html(
    briefing: Briefing,
    labels: Mapping[str, str] | None = None,
    describe: Callable[[Check], str] = completeness.describe,
    names: Mapping[str, str] | None = None,
    gap_words: Callable[[Gap], str] = gap_text,
) -> str:
    """The briefing as one page of HTML (Qt's rich-text subset: tables, no CSS grid).
    ``describe`` words a missing file item, ``gap_words`` a stakeholder gap and
    ``names`` the stored codes (status, role, outcome, severity); the window passes
    translated ones."""
    text = {**LABELS, **(labels or {})}
    words = dict(names or {})

    def e(value: object) -> str:
        return escape(str(value))

    def n(code: str) -> str:
        return escape(words.get(code, code))

    profile_rows = "".join(
        f"<tr><td class='key'>{e(text[key])}</td><td>{n(value) if key == 'status' else e(value)}</td></tr>"
        for key, value in briefing.profile.items()
        if value
    )
    contacts = [
        f"<b>{e(name)}</b> {e(title)} · {n(role)}" + (f" · {e(phone)}" if phone else "")
        for name, title, role, phone in briefing.contacts
    ]
    reports = [
        f"<b>{e(r.day.isoformat())}</b> [{n(r.outcome)}] {e(r.notes)}"
        + (f"<br/>{e(text['next_steps'])}: {e(r.next_steps)}" if r.next_steps else "")
        + (f"<br/>{e(text['competitors'])}: {e(r.competitors)}" if r.competitors else "")
        for r in briefing.reports
    ]
    quotes = [
        f"{e(number)} · {n(status)} · ¥{total:,.2f}"
        + (f" · {e(text['valid_until'])} {e(until.isoformat())}" if until else "")
        for number, status, total, until in briefing.quotes
    ]
    complaints = [
        f"{e(title)} · {n(severity)} · {n(status)}"
        for title, severity, status in briefing.complaints
    ]
    missing = [e(describe(check)) for check in briefing.missing]
    gaps = [f"<span class='gap'>{e(gap_words(gap))}</span>" for gap in briefing.gaps]
    none = text["none"]
    visit = f"<p>{e(text['visit'])}: {e(briefing.visit)}</p>" if briefing.visit else ""
    return f"""<html><head><meta charset="utf-8"><style>
body {{ font-size: 10pt; }}
h1 {{ font-size: 16pt; margin-bottom: 2px; }}
h2 {{ font-size: 11pt; margin-top: 10px; margin-bottom: 2px; color: #2f6fb3; }}
td.key {{ color: #555; padding-right: 12px; }}
p.none {{ color: #777; }}
span.gap {{ color: #b23030; }}
</style></head><body>
<h1>{e(briefing.account_name)}</h1>
<p>{e(text["title"])} · {e(text["printed"])} {e(briefing.printed_on.isoformat())}</p>
{visit}
<h2>{e(text["profile"])}</h2><table>{profile_rows}</table>
<h2>{e(text["contacts"])}</h2>{_list_or_none(contacts, none)}
<h2>{e(text["gaps"])}</h2>{_list_or_none(gaps, none)}
<h2>{e(text["reports"])}</h2>{_list_or_none(reports, none)}
<h2>{e(text["quotes"])}</h2>{_list_or_none(quotes, none)}
<h2>{e(text["complaints"])}</h2>{_list_or_none(complaints, none)}
<h2>{e(text["missing"])}</h2>{_list_or_none(missing, none)}
</body></html>"""
