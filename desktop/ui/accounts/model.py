"""The account list: a table model that holds the ids of the result and fetches rows
a page at a time, off the GUI thread (the shape of Anki's browser model).

Filtering, searching and sorting happen in SQL; the page resets the model with the
new ids (for a broad search, the first screenful; the rest when scrolled to). A row not fetched yet shows blank for a moment and fills in when its page
arrives. Columns are declared once in ``COLUMNS``. "Last visit" and "Next visit" show
local dates (the user's zone) of the times ``account_rows`` looked up for the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.domain.services.accounts import AccountRow
from desktop.ui.accounts import health_words
from desktop.ui.format import ERROR_COLOR, money
from desktop.ui.table_model import ROW_ID_ROLE, Index

PAGE_SIZE = 200
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2

# fetch(ids, deliver): load the rows of ``ids`` somewhere else and call deliver(rows).
Fetch = Callable[[list[str], Callable[[dict[str, AccountRow]], None]], None]
# fetch_rest(deliver): find every id of the current result and call deliver(ids).
FetchIds = Callable[[Callable[[list[str]], None]], None]


def _t(text: str) -> str:
    return QCoreApplication.translate("AccountTableModel", text)


@dataclass(frozen=True)
class Column:
    key: str  # also the SQL sort key (None: not sortable)
    header: str  # English source; translated in headerData
    sort_key: str | None
    default_visible: bool = True
    width: int = 100


COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("AccountTableModel", "Name"), "name", width=280),
    Column(
        "short_name", QT_TRANSLATE_NOOP("AccountTableModel", "Short name"), "short_name", width=110
    ),
    Column("tier", QT_TRANSLATE_NOOP("AccountTableModel", "Tier"), "tier", width=44),
    Column("status", QT_TRANSLATE_NOOP("AccountTableModel", "Status"), "status", width=80),
    Column(
        "completeness", QT_TRANSLATE_NOOP("AccountTableModel", "File"), "completeness", width=60
    ),
    Column("owner", QT_TRANSLATE_NOOP("AccountTableModel", "Owner"), "owner", width=90),
    Column("industry", QT_TRANSLATE_NOOP("AccountTableModel", "Industry"), "industry", width=90),
    Column(
        "province",
        QT_TRANSLATE_NOOP("AccountTableModel", "Province"),
        "province",
        default_visible=False,
        width=70,
    ),
    Column("city", QT_TRANSLATE_NOOP("AccountTableModel", "City"), "city", width=70),
    Column(
        "credit_code",
        QT_TRANSLATE_NOOP("AccountTableModel", "Credit code"),
        "credit_code",
        default_visible=False,
        width=160,
    ),
    Column(
        "potential",
        QT_TRANSLATE_NOOP("AccountTableModel", "Potential"),
        "potential",
        default_visible=False,
        width=110,
    ),
    Column(
        "tags",
        QT_TRANSLATE_NOOP("AccountTableModel", "Tags"),
        None,
        default_visible=False,
        width=120,
    ),
    Column(
        "contacts",
        QT_TRANSLATE_NOOP("AccountTableModel", "Contacts"),
        None,
        default_visible=False,
        width=60,
    ),
    Column(
        "last_visit", QT_TRANSLATE_NOOP("AccountTableModel", "Last visit"), "last_visit", width=86
    ),
    Column(
        "next_visit", QT_TRANSLATE_NOOP("AccountTableModel", "Next visit"), "next_visit", width=86
    ),
    # Last: a header state saved before it existed still restores the user's columns.
    Column("health", QT_TRANSLATE_NOOP("AccountTableModel", "Health"), "health", width=56),
    Column("abc", QT_TRANSLATE_NOOP("AccountTableModel", "ABC"), "abc", width=60),
)
COLUMN_KEYS = [c.key for c in COLUMNS]

# Export kinds (desktop.reports.xlsx) of the columns that are not text.
EXPORT_KINDS = {
    "potential": "money",
    "completeness": "percent",
    "contacts": "int",
    "health": "int",
    "last_visit": "date",
    "next_visit": "date",
}
DATE_KEYS = ("last_visit", "next_visit")  # aware UTC times, shown as local dates
STATUS_TEXT = {
    "prospect": QT_TRANSLATE_NOOP("AccountTableModel", "Prospect"),
    "active": QT_TRANSLATE_NOOP("AccountTableModel", "Active"),
    "dormant": QT_TRANSLATE_NOOP("AccountTableModel", "Dormant"),
    "lost": QT_TRANSLATE_NOOP("AccountTableModel", "Lost"),
}


def status_text(status: str) -> str:
    return _t(STATUS_TEXT.get(status, status))


class AccountTableModel(QAbstractTableModel):
    """Holds the ids of a result; rows come a page at a time through ``fetch``.

    A result may arrive as its head only (the first screenful of a broad search, the
    rest not looked up yet): the view then asks for more when scrolled to the end
    (``canFetchMore``) and ``fetch_rest`` delivers every id, once.
    """

    def __init__(
        self,
        fetch: Fetch,
        parent: Any = None,
        fetch_rest: FetchIds | None = None,
        zone: ZoneInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.zone = zone or ZoneInfo("Asia/Shanghai")
        self._fetch = fetch
        self._fetch_rest = fetch_rest
        self._ids: list[str] = []
        self._complete = True  # every id of the result is in _ids
        self._asked_rest = False
        self._rows: dict[str, AccountRow] = {}
        self._stale: dict[str, AccountRow] = {}
        self._requested: set[int] = set()  # page numbers asked for since the last reset
        self._position: dict[str, int] = {}

    # -- contents ----------------------------------------------------------------------

    def set_ids(self, ids: Sequence[str], *, complete: bool = True) -> None:
        """A new result (search, filter, sort): reset, rows come lazily. ``complete``
        False: ``ids`` is its head and more follow on demand."""
        self.beginResetModel()
        self._ids = list(ids)
        self._complete = complete or self._fetch_rest is None
        self._asked_rest = False
        self._position = {row_id: i for i, row_id in enumerate(self._ids)}
        # Rows of the last result show until their fresh copy arrives (no blank flash
        # after every save); they are never taken for fresh.
        self._stale = {**self._stale, **self._rows} if len(self._stale) < 2000 else self._rows
        self._rows = {}
        self._requested = set()
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete and not self._asked_rest

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch_rest is None:
            return
        self._asked_rest = True
        self._fetch_rest(self._rest_arrived)

    def _rest_arrived(self, ids: list[str]) -> None:
        head = len(self._ids)
        if ids[:head] != self._ids:  # the data changed meanwhile: start again
            self.set_ids(ids)
            return
        self._complete = True
        self._requested = set()  # a page asked for while it was part of the head
        if len(ids) > head:
            self.beginInsertRows(QModelIndex(), head, len(ids) - 1)
            self._ids = list(ids)
            self._position.update({row_id: i for i, row_id in enumerate(ids) if i >= head})
            self.endInsertRows()

    @property
    def complete(self) -> bool:
        return self._complete

    def mark_stale(self) -> None:
        """Rows changed in the database: fetch visible pages again (ids stay)."""
        self._requested = set()
        self._stale, self._rows = self._rows, {}
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, account_id: str) -> int:
        return self._position.get(account_id, -1)

    def row_data(self, row: int) -> AccountRow | None:
        if not 0 <= row < len(self._ids):
            return None
        return self._rows.get(self._ids[row])

    def _ensure(self, row: int) -> None:
        page = row // PAGE_SIZE
        if page in self._requested:
            return
        self._requested.add(page)
        wanted = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        self._fetch(wanted, self._arrived)

    def _arrived(self, rows: dict[str, AccountRow]) -> None:
        self._rows.update(rows)
        positions = [self._position[i] for i in rows if i in self._position]
        if positions:
            self.dataChanged.emit(
                self.index(min(positions), 0), self.index(max(positions), len(COLUMNS) - 1)
            )

    # -- export (desktop.ui.export_view; the page reads every row again on a worker) ---

    def export_kind(self, column: int) -> str:
        return EXPORT_KINDS.get(COLUMNS[column].key, "text")

    def export_item(self, row: int) -> AccountRow | None:
        return self.row_data(row)

    def export_value(self, record: AccountRow, column: int) -> Any:
        key = COLUMNS[column].key
        if key in DATE_KEYS:
            return self._local_date(getattr(record, key))
        if key in EXPORT_KINDS:
            return getattr(record, key)
        return self._display(record, key)

    def _local_date(self, value: dt.datetime | None) -> dt.date | None:
        return None if value is None else value.astimezone(self.zone).date()

    # -- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _t(COLUMNS[section].header)
            if role == SORT_KEY_ROLE:
                return COLUMNS[section].sort_key
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row_id = self._ids[index.row()]
        if role == ROW_ID_ROLE:
            return row_id
        column = COLUMNS[index.column()]
        if role == SORT_KEY_ROLE:
            return column.sort_key
        record = self._rows.get(row_id)
        if record is None and role == Qt.ItemDataRole.DisplayRole:
            self._ensure(index.row())
            record = self._rows.get(row_id)  # a fetch may answer at once
        if record is None:
            record = self._stale.get(row_id)
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column.key)
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "abc" and record.abc:
            return QCoreApplication.translate(
                "AccountTableModel", "Class %1 by share of the last 12 months' revenue"
            ).replace("%1", record.abc)
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "completeness":
            return QCoreApplication.translate(
                "AccountTableModel", "Archive completeness: %1%"
            ).replace("%1", str(record.completeness))
        if column.key == "health" and record.health is not None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return health_words.summary(record.health, record.health_reasons)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(health_words.verdict(record.health)[1]))
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "completeness":
            if record.completeness < 60:
                return QBrush(QColor(ERROR_COLOR))
            if record.completeness < 100:
                return QBrush(QColor("#8a5a00"))
            return QBrush(QColor("#1b6e20"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key in (
            "potential",
            "completeness",
            "contacts",
            "tier",
            "health",
            "abc",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, record: AccountRow, key: str) -> str:
        if key == "status":
            return status_text(record.status)
        if key == "owner":
            return record.owner_name or QCoreApplication.translate("AccountTableModel", "Pool")
        if key == "completeness":
            return f"{record.completeness}%"
        if key == "potential":
            return money(record.potential)
        if key == "tags":
            return ", ".join(record.tags)
        if key == "contacts":
            return str(record.contacts)
        if key == "health":
            return "" if record.health is None else str(record.health)
        if key == "abc":
            return record.abc or ""
        if key in DATE_KEYS:
            day = self._local_date(getattr(record, key))
            return "" if day is None else day.isoformat()
        value = getattr(record, key)
        return "" if value is None else str(value)
