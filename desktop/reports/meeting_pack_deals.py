"""The meeting pack's deal sheets: the contracts renewing next quarter (the calendar
quarter after the day the pack is made), and the period's win/loss by competitor, lost
reason, rep and product category in one filterable sheet. Both cover the pack's reps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from sqlalchemy.orm import Session

from desktop.domain.services import contracts, targets, winloss
from desktop.domain.services.targets import Period
from desktop.reports.labels import Labels
from desktop.reports.xlsx import Column, SheetWriter


def next_quarter(day: dt.date) -> Period:
    quarter = (day.month - 1) // 3 + 1
    year, quarter = (day.year + 1, 1) if quarter == 4 else (day.year, quarter + 1)
    return targets.parse_period(f"{year}-Q{quarter}")


def write_renewals(
    wb: Workbook,
    session: Session,
    owner_ids: Collection[str],
    t: Labels,
    *,
    now: dt.datetime,
    tz: ZoneInfo,
) -> str:
    """The signed and active contracts ending next quarter, soonest first, each with the
    renewal opportunity already started (its stage) if any; returns the sheet's title."""
    today = now.astimezone(tz).date()
    quarter = next_quarter(today)
    rows = contracts.list_contracts(
        session, today, owner_ids=owner_ids, ending=(quarter.start, quarter.end)
    )
    sheet = SheetWriter(
        wb,
        t("Renewals next quarter"),
        [
            Column(t("Contract")),
            Column(t("Account"), width=28),
            Column(t("Tier")),
            Column(t("Owner")),
            Column(t("Contract title"), width=24),
            Column(t("Ends"), "date"),
            Column(t("Days left"), "int"),
            Column(t("Contract value"), "money"),
            Column(t("Renewal started")),
        ],
        tz=tz,
    )

    started = contracts.renewals_started(session, rows)

    def lines() -> Iterator[list[Any]]:
        for r in rows:
            yield [
                r.number,
                r.account_name,
                r.tier,
                r.owner_name,
                r.title,
                r.end_on,
                r.days_left,
                r.value,
                t("Yes") if r.id in started else t("No"),
            ]

    sheet.write(lines())
    return str(sheet.sheet.title)


def write_win_loss(
    wb: Workbook,
    session: Session,
    period: Period,
    owner_ids: Collection[str],
    t: Labels,
    *,
    tz: ZoneInfo,
) -> str:
    """The deals closed in ``period``: one row per competitor, lost reason, rep and
    product category (the first column says which); returns the sheet's title."""
    end = period.end - dt.timedelta(days=1)
    result = winloss.report(session, period.start, end, owner_ids)
    sheet = SheetWriter(
        wb,
        t("Win-loss"),
        [
            Column(t("By")),
            Column(t("Name"), width=20),
            Column(t("Deals"), "int"),
            Column(t("Won"), "int"),
            Column(t("Won amount"), "money"),
            Column(t("Lost"), "int"),
            Column(t("Lost amount"), "money"),
            Column(t("Lost to them"), "int"),
            Column(t("Win rate"), "percent"),
        ],
        tz=tz,
    )
    blank = {"Lost reason": t("(no reason)"), "Product category": t("(no quote)")}

    def lines() -> Iterator[list[Any]]:
        for by, tallies in (
            ("Competitor", result.by_competitor),
            ("Lost reason", result.by_reason),
            ("Rep", result.by_rep),
            ("Product category", result.by_category),
        ):
            for x in tallies:
                yield [
                    t(by),
                    x.name or blank.get(by, ""),
                    x.deals,
                    x.won,
                    x.won_amount,
                    x.lost,
                    x.lost_amount,
                    x.lost_to_them if by == "Competitor" else None,
                    x.win_rate,
                ]
        total = result.totals
        yield [
            t("Total"),
            "",
            total.deals,
            total.won,
            total.won_amount,
            total.lost,
            total.lost_amount,
            None,
            total.win_rate,
        ]

    sheet.write(lines())
    return str(sheet.sheet.title)
