"""Item models of the Visits area: the agenda list and the Today list."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.services.completeness import Check
from desktop.domain.services.today import TodayItem
from desktop.domain.services.visits import Choice, VisitRow
from desktop.ui.table_model import ROW_ID_ROLE, Index, TableModel
from desktop.ui.table_model import SORT_ROLE as SORT_ROLE  # the area imports it from here

# Colour by type (fill) and status (planned solid, done muted, cancelled grey).
TYPE_COLOURS = {"onsite": "#2f6fb3", "phone": "#2e8b57", "video": "#8a4fbf"}
STATUS_COLOURS = {"done": "#7a8793", "cancelled": "#c3c7cc"}


def visit_colour(visit_type: str, status: str) -> QColor:
    return QColor(STATUS_COLOURS.get(status) or TYPE_COLOURS.get(visit_type, "#2f6fb3"))


def type_label(visit_type: str) -> str:
    labels = {
        "onsite": QCoreApplication.translate("VisitLabels", "On-site"),
        "phone": QCoreApplication.translate("VisitLabels", "Phone"),
        "video": QCoreApplication.translate("VisitLabels", "Video"),
    }
    return labels.get(visit_type, visit_type)


def status_label(status: str) -> str:
    labels = {
        "planned": QCoreApplication.translate("VisitLabels", "Planned"),
        "done": QCoreApplication.translate("VisitLabels", "Done"),
        "cancelled": QCoreApplication.translate("VisitLabels", "Cancelled"),
        "open": QCoreApplication.translate("VisitLabels", "Open"),
        "overdue": QCoreApplication.translate("VisitLabels", "Overdue"),
        "due": QCoreApplication.translate("VisitLabels", "Due"),
    }
    return labels.get(status, status)


def outcome_label(outcome: str) -> str:
    labels = {
        "positive": QCoreApplication.translate("VisitLabels", "Positive"),
        "neutral": QCoreApplication.translate("VisitLabels", "Neutral"),
        "negative": QCoreApplication.translate("VisitLabels", "Negative"),
        "no_decision": QCoreApplication.translate("VisitLabels", "No decision"),
    }
    return labels.get(outcome, outcome)


def target_label(target: str) -> str:
    """What a completeness rule may ask for (a field, a contact role, a file kind)."""
    names = {
        "short_name": QCoreApplication.translate("VisitLabels", "Short name"),
        "credit_code": QCoreApplication.translate("VisitLabels", "Credit code"),
        "industry": QCoreApplication.translate("VisitLabels", "Industry"),
        "province": QCoreApplication.translate("VisitLabels", "Province"),
        "city": QCoreApplication.translate("VisitLabels", "City"),
        "address": QCoreApplication.translate("VisitLabels", "Address"),
        "phone": QCoreApplication.translate("VisitLabels", "Phone"),
        "website": QCoreApplication.translate("VisitLabels", "Website"),
        "potential": QCoreApplication.translate("VisitLabels", "Potential"),
        "parent_id": QCoreApplication.translate("VisitLabels", "Parent account"),
        "decision_maker": QCoreApplication.translate("VisitLabels", "Decision maker"),
        "influencer": QCoreApplication.translate("VisitLabels", "Influencer"),
        "user": QCoreApplication.translate("VisitLabels", "User"),
        "gatekeeper": QCoreApplication.translate("VisitLabels", "Gatekeeper"),
        "business_licence": QCoreApplication.translate("VisitLabels", "Business licence"),
        "contract": QCoreApplication.translate("VisitLabels", "Contract"),
        "business_card": QCoreApplication.translate("VisitLabels", "Business card"),
        "other": QCoreApplication.translate("VisitLabels", "Other file"),
    }
    return names.get(target, target)


def check_text(check: Check) -> str:
    """A missing file item (completeness rule) in the reader's language."""
    target = target_label(str(check.target))
    template = {
        "field": QCoreApplication.translate("VisitLabels", "%1 filled in"),
        "contacts": QCoreApplication.translate("VisitLabels", "At least %1 contacts"),
        "role": QCoreApplication.translate("VisitLabels", "A contact who is %1"),
    }.get(check.kind, QCoreApplication.translate("VisitLabels", "%1 attached"))
    return template.replace("%1", str(check.target) if check.kind == "contacts" else target)


class AgendaModel(TableModel[VisitRow]):
    """The week's visits as a list, in time order."""

    DAY, TIME, ACCOUNT, TYPE, PURPOSE, OWNER, STATUS = range(7)
    EXPORT_KINDS: ClassVar[dict[int, str]] = {DAY: "date"}

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def headers(self) -> list[str]:
        return [
            self.tr("Day"),
            self.tr("Time"),
            self.tr("Account"),
            self.tr("Type"),
            self.tr("Purpose"),
            self.tr("Rep"),
            self.tr("Status"),
        ]

    def sort_value(self, row: VisitRow, column: int) -> Any:
        if column in (self.DAY, self.TIME):
            return row.start.timestamp()
        return self.display(row, column)

    def role_data(self, row: VisitRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(visit_colour(row.visit_type, row.status))
        return None

    def export_value(self, row: VisitRow, column: int) -> Any:
        if column == self.DAY:
            return row.start.astimezone(self.zone).date()
        return self.display(row, column)

    def display(self, row: VisitRow, column: int) -> Any:
        local = row.start.astimezone(self.zone)
        return [
            local.strftime("%Y-%m-%d"),
            f"{local:%H:%M}–{row.end.astimezone(self.zone):%H:%M}",
            row.account_name,
            type_label(row.visit_type),
            row.purpose,
            row.owner_name,
            status_label(row.status),
        ][column]


class ChoiceModel(QAbstractListModel):
    """Accounts, contacts or people for pickers: the name, with the detail greyed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []
        self.checked: set[str] = set()
        self.checkable = False

    def set_choices(self, choices: list[Choice]) -> None:
        self.beginResetModel()
        self.choices = choices
        self.checked &= {c.id for c in choices}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.choices):
            return None
        choice = self.choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{choice.name}  ({choice.detail})" if choice.detail else choice.name
        if role == ROW_ID_ROLE:
            return choice.id
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable:
            return Qt.CheckState.Checked if choice.id in self.checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if self.checkable else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and role == Qt.ItemDataRole.CheckStateRole):
            return False
        choice_id = self.choices[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(choice_id)
        else:
            self.checked.discard(choice_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class TodayModel(TableModel[TodayItem]):
    """Today's items, section by section; each row opens its record."""

    SECTION, WHEN, TITLE, DETAIL, STATUS = range(5)

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone

    @property
    def items(self) -> list[TodayItem]:
        return self.rows

    def section_label(self, section: str) -> str:
        return {
            "visits": self.tr("Today's visits"),
            "overdue": self.tr("Overdue follow-ups"),
            "due_today": self.tr("Follow-ups due today"),
            "coverage": self.tr("Accounts due for a visit"),
            "quotes": self.tr("Quotes expiring within 7 days"),
            "deliveries": self.tr("Late deliveries"),
            "receivables": self.tr("Overdue receivables"),
            "complaints": self.tr("Complaints near their SLA"),
        }.get(section, section)

    def set_items(self, items: list[TodayItem]) -> None:
        self.set_rows(items)

    def headers(self) -> list[str]:
        return [
            self.tr("What"),
            self.tr("When"),
            self.tr("Name"),
            self.tr("Detail"),
            self.tr("Status"),
        ]

    def _when(self, value: dt.datetime | dt.date | None) -> str:
        if isinstance(value, dt.datetime):
            local = value.astimezone(self.zone)
            return (
                f"{local:%H:%M}"
                if self.items and local.date() == self._today()
                else (f"{local:%Y-%m-%d %H:%M}")
            )
        return "" if value is None else value.isoformat()

    def _today(self) -> dt.date:
        return dt.datetime.now(self.zone).date()

    def row_id(self, row: TodayItem) -> str | None:
        return row.record_id

    def role_data(self, row: TodayItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status in ("overdue", "breached"):
            return QBrush(QColor("#b3261e"))
        return None

    def display(self, row: TodayItem, column: int) -> Any:
        return [
            self.section_label(row.section),
            self._when(row.when),
            row.title,
            row.detail,
            status_label(row.status),
        ][column]
