"""The reps' running contracts, so renewals fall in the coming months: each rep has a
few active one-year framework contracts on their active accounts, ending within the
next weeks and months (some inside their tier's renewal notice, some not yet), and the
first rep of the manager's team has a new contract waiting for the manager's review.

Nothing here draws on the generator's random streams (the rest of a seed's data stays
as it was); the accounts are taken in id order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import models as m
from desktop.store.demo.writer import Writer

# Days from today to each running contract's end, by its place among a rep's contracts.
ENDS = (18, 45, 80, 150)
TERMS = "合同签订后预付30%，到货验收后付60%，质保金10%一年后支付"
TITLES = ("年度框架采购合同", "设备维保服务合同", "备品备件供货合同", "系统升级改造合同")


def add_running_contracts(
    session: Session,
    w: Writer,
    today: dt.date,
    reps: Sequence[str],
    review_rep: str | None,
    rep_codes: Mapping[str, str],
    contract_seq: dict[str, int],
) -> None:
    """Write each rep's running contracts and the one waiting for review."""
    w.flush()  # the accounts and the won deals' contracts are read back
    taken = set(session.scalars(select(m.Contract.account_id)))
    for place, rep in enumerate(reps):
        accounts = session.execute(
            select(m.Account.id, m.Account.name)
            .where(m.Account.owner_id == rep, m.Account.status == "active")
            .order_by(m.Account.id)
            .limit(len(ENDS) + 1 + len(taken))
        ).all()
        free = [a for a in accounts if a.id not in taken][: len(ENDS) + 1]
        for number, account in enumerate(free):
            review = number == len(ENDS)
            if review and rep != review_rep:
                break
            end = (
                today + dt.timedelta(days=364)
                if review
                else today + dt.timedelta(days=ENDS[number] + place * 3)
            )
            start = end - dt.timedelta(days=364)
            code = rep_codes.get(rep, "X")
            seq = contract_seq[code] = contract_seq.get(code, 0) + 1
            w.row(
                m.Contract,
                number=f"HT-{start.year}-{code}-{seq:04d}",
                account_id=account.id,
                owner_id=rep,
                quote_id=None,
                title=f"{today.year + 1 if review else start.year} {TITLES[number % len(TITLES)]}",
                status="under_review" if review else "active",
                signed_on=None if review else start - dt.timedelta(days=8),
                start_on=start,
                end_on=end,
                value=Decimal(180000 + 120000 * ((place + number) % 7)),
                currency="CNY",
                payment_terms=TERMS,
                decided_by=None,
                decided_at=None,
                decision_note="",
                notes="",
            )
    w.flush()
