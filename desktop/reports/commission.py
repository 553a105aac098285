"""The commission workbook (``fieldbook export commission --month 2026-11``): a summary
per rep and every order paid in the month with the rate applied, with totals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.domain.money import ZERO
from desktop.domain.services.commission import RepSettlement, settle
from desktop.reports.labels import Labels
from desktop.reports.xlsx import Column, SheetWriter, new_workbook, save_atomically


def write_commission(reps: list[RepSettlement], path: Path, *, language: str = "en") -> None:
    t = Labels(language)
    wb = new_workbook()
    summary = SheetWriter(
        wb,
        t("Commission"),
        [
            Column(t("Rep")),
            Column(t("Orders"), "int"),
            Column(t("Commission base"), "money"),
            Column(t("Attainment"), "percent"),
            Column(t("Multiplier"), "decimal"),
            Column(t("Commission"), "money"),
        ],
    )
    rows: list[list[Any]] = [
        [r.name, len(r.orders), r.base, r.attainment_pct, r.multiplier, r.commission] for r in reps
    ]
    rows.append(
        [
            t("Total"),
            sum(len(r.orders) for r in reps),
            sum((r.base for r in reps), ZERO),
            None,
            None,
            sum((r.commission for r in reps), ZERO),
        ]
    )
    summary.write(rows)
    detail = SheetWriter(
        wb,
        t("Orders paid"),
        [
            Column(t("Rep")),
            Column(t("Order")),
            Column(t("Account")),
            Column(t("Tier")),
            Column(t("Paid on"), "date"),
            Column(t("Order amount"), "money"),
            Column(t("Commission base"), "money"),
            Column(t("Rate"), "percent"),
            Column(t("Multiplier"), "decimal"),
            Column(t("Commission"), "money"),
        ],
    )
    detail.write(
        [
            r.name,
            o.number,
            o.account,
            o.tier,
            o.paid_on,
            o.amount,
            o.base,
            o.rate_pct,
            o.multiplier,
            o.commission,
        ]
        for r in reps
        for o in r.orders
    )
    save_atomically(wb, path)


def export_commission(
    session: Session, path: Path, month: str, *, language: str = "en"
) -> list[RepSettlement]:
    reps = settle(session, month)
    write_commission(reps, path, language=language)
    return reps
