"""The pipeline as a list: one row per opportunity, sortable, exportable."""

from __future__ import annotations

from typing import Any, ClassVar

from desktop.domain.services.opportunities import Card
from desktop.ui.format import local_date, money
from desktop.ui.labels import stage_label
from desktop.ui.table_model import TableModel

(
    NAME,
    ACCOUNT,
    STAGE,
    AMOUNT,
    PROBABILITY,
    WEIGHTED,
    CLOSE,
    OWNER,
    NEXT_STEP,
    LOST_TO,
) = range(10)


class OpportunitiesModel(TableModel[Card]):
    RIGHT_ALIGNED = frozenset({AMOUNT, PROBABILITY, WEIGHTED})
    EXPORT_KINDS: ClassVar[dict[int, str]] = {
        AMOUNT: "money",
        PROBABILITY: "int",
        WEIGHTED: "money",
        CLOSE: "date",
    }

    def headers(self) -> list[str]:
        return [
            self.tr("Opportunity"),
            self.tr("Account"),
            self.tr("Stage"),
            self.tr("Amount"),
            self.tr("Probability"),
            self.tr("Weighted"),
            self.tr("Expected close"),
            self.tr("Owner"),
            self.tr("Next step"),
            self.tr("Lost to"),
        ]

    def display(self, row: Card, column: int) -> Any:
        if column == AMOUNT:
            return money(row.amount)
        if column == PROBABILITY:
            return f"{row.probability}%"
        if column == WEIGHTED:
            return money(row.weighted)
        if column == CLOSE:
            return local_date(row.close_date)
        if column == STAGE:
            return stage_label(row.stage)
        return {
            NAME: row.name,
            ACCOUNT: row.account_name,
            OWNER: row.owner_name,
            NEXT_STEP: row.next_step,
            LOST_TO: row.lost_to,
        }.get(column, "")

    def sort_value(self, row: Card, column: int) -> Any:
        raw = {
            AMOUNT: row.amount,
            PROBABILITY: row.probability,
            WEIGHTED: row.weighted,
            CLOSE: row.close_date.isoformat() if row.close_date else "",
        }
        return raw.get(column, self.display(row, column))

    def export_value(self, row: Card, column: int) -> Any:
        raw = {
            AMOUNT: row.amount,
            PROBABILITY: row.probability,
            WEIGHTED: row.weighted,
            CLOSE: row.close_date,
        }
        return raw[column] if column in raw else self.display(row, column)
