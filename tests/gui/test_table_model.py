"""The shared table-model base, without a window: qtmodeltester, ids through a sort
proxy, reset on reload, one-row dataChanged on edits, and the ported models."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal as D
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop.domain.rules.quotes import LineDraft
from desktop.ui.quotes.models import LinesModel, QuoteListModel
from desktop.ui.quotes.orders import OrdersModel
from desktop.ui.table_model import RIGHT, ROW_ID_ROLE, SORT_ROLE, TableModel


@dataclass(frozen=True)
class Deal:
    id: str
    name: str
    amount: D


class DealsModel(TableModel[Deal]):
    NAME, AMOUNT = range(2)
    RIGHT_ALIGNED = frozenset({AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Amount")]

    def display(self, row: Deal, column: int) -> Any:
        return [row.name, f"¥{row.amount:,.2f}"][column]

    def sort_value(self, row: Deal, column: int) -> Any:
        return float(row.amount) if column == self.AMOUNT else row.name


def deals() -> list[Deal]:
    return [
        Deal("d1", "中国移动", D("900.00")),
        Deal("d2", "Acme", D("12000.00")),
        Deal("d3", "华为", D("55.50")),
    ]


def test_base_passes_qtmodeltester(qtmodeltester: Any) -> None:
    model = DealsModel()
    model.set_rows(deals())
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Amount"
    assert model.index(1, 1).data() == "¥12,000.00"
    assert model.index(1, 1).data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.index(1, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None


def test_row_ids_survive_a_sorting_proxy() -> None:
    model = DealsModel()
    model.set_rows(deals())
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(DealsModel.AMOUNT, Qt.SortOrder.DescendingOrder)
    # Money sorts by value, not by its text ("¥900" would beat "¥12,000" as text).
    assert [proxy.index(r, 0).data() for r in range(3)] == ["Acme", "中国移动", "华为"]
    assert [proxy.index(r, 1).data(ROW_ID_ROLE) for r in range(3)] == ["d2", "d1", "d3"]
    assert model.row_of("d3") == 2
    assert model.row_of("missing") == -1


def test_reload_resets_and_an_edit_repaints_one_row(qtbot: Any) -> None:
    model = DealsModel()
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(deals())
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, *_: changed.append(
            (top.row(), top.column(), bottom.row(), bottom.column())
        )
    )
    model.set_row(1, replace(model.rows[1], amount=D("1.00")))
    assert changed == [(1, 0, 1, 1)]
    assert model.index(1, 1).data() == "¥1.00"


def test_quote_list_and_lines_keep_their_shape(qtmodeltester: Any) -> None:
    quotes = QuoteListModel()
    quotes.reset(
        1,
        [
            {
                "id": "q1",
                "number": "Q-2026-ZW-0001",
                "revision": "B",
                "account_name": "中国移动",
                "shown_status": "returned",
                "needs_approval": True,
                "total": D("1130.00"),
                "currency": "CNY",
                "valid_until": dt.date(2026, 12, 31),
            }
        ],
    )
    qtmodeltester.check(quotes)
    assert quotes.index(0, QuoteListModel.STATUS).data() == "Returned ⚠"
    assert quotes.index(0, QuoteListModel.TOTAL).data(SORT_ROLE) == 1130.0
    assert quotes.index(0, 0).data(ROW_ID_ROLE) == "q1"
    assert not quotes.canFetchMore()

    lines = LinesModel()
    same = LineDraft("服务器", D("1"), D("100"))
    lines.set_lines([same, same])  # two equal lines are still two numbered rows
    qtmodeltester.check(lines)
    assert [lines.index(r, LinesModel.NO).data() for r in range(2)] == ["1", "2"]
    assert lines.setData(lines.index(1, LinesModel.QTY), "3")
    assert lines.lines[1].quantity == D("3")
    assert lines.lines[0].quantity == D("1")


def test_orders_model_marks_overdue_money(qtmodeltester: Any) -> None:
    model = OrdersModel()
    model.set_rows(
        [
            {
                "id": "o1",
                "number": "SO-1",
                "account_name": "华为",
                "order_date": dt.date(2026, 1, 5),
                "amount": D("100.00"),
                "paid": D("0.00"),
                "outstanding": D("100.00"),
                "delivery_status": "partial",
                "payment_due": dt.date(2026, 2, 5),
                "currency": "CNY",
                "overdue": True,
                "late_delivery": False,
            }
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, OrdersModel.DELIVERY).data() == "Partly delivered"
    assert model.index(0, OrdersModel.OUTSTANDING).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, OrdersModel.DELIVERY).data(Qt.ItemDataRole.ForegroundRole) is None
