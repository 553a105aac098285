"""Item models of the Visits area: the agenda list and the Today list."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from desktop.domain.services.completeness import Check
from desktop.domain.services.today import TodayItem
from desktop.domain.services.visits import VisitRow
from desktop.ui.accounts import health_words
from desktop.ui.format import ERROR_COLOR
from desktop.ui.labels import complaint_label, value_label
from desktop.ui.table_model import Index, TableModel

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


def checkin_text(row: VisitRow, zone: ZoneInfo) -> str:
    """Whether the visit was checked in on time, late, or recorded after the fact."""
    if row.checked_in_at is not None:
        at = f"{row.checked_in_at.astimezone(zone):%H:%M}"
        if row.checkin == "on_time":
            return QCoreApplication.translate("VisitLabels", "On time %1").replace("%1", at)
        return QCoreApplication.translate("VisitLabels", "Late %1").replace("%1", at)
    if row.recorded_after_at is not None:
        return QCoreApplication.translate("VisitLabels", "Recorded later (%1)").replace(
            "%1", f"{row.recorded_after_at.astimezone(zone):%m-%d}"
        )
    return ""


class AgendaModel(TableModel[VisitRow]):
    """The week's visits as a list, in time order."""

    DAY, TIME, ACCOUNT, TYPE, PURPOSE, OWNER, STATUS, CHECKIN = range(8)
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
            self.tr("Check-in"),
        ]

    def sort_value(self, row: VisitRow, column: int) -> Any:
        if column in (self.DAY, self.TIME):
            return row.start.timestamp()
        return self.display(row, column)

    def role_data(self, row: VisitRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(visit_colour(row.visit_type, row.status))
        late = row.checkin in ("late", "recorded_later")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHECKIN and late:
            return QBrush(QColor(ERROR_COLOR))
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
            checkin_text(row, self.zone),
        ][column]


class TodayModel(TableModel[TodayItem]):
    """Today's items, section by section; each row opens its record.

    The first column names the section with a coloured dot; its words are shown in
    full on a section's first row only (the others keep the dot and greyed words), and
    sections are shaded in turn, so the list reads as groups. A section capped on a
    manager's Today ends with a row that says how many more there are.
    """

    # Every row reads the same way: its section, the client, what, when, whose, status.
    SECTION, TITLE, DETAIL, WHEN, OWNER, STATUS = range(6)
    EXPORT_KINDS: ClassVar[dict[int, str]] = {}
    COLOURS: ClassVar[dict[str, str]] = {
        "visits": "#2f6fb3",
        "approvals": "#8a4fbf",
        "contract_reviews": "#6d28d9",
        "overdue": ERROR_COLOR,
        "due_today": "#d97706",
        "team_overdue": "#c2410c",
        "coverage": "#0f766e",
        "at_risk": ERROR_COLOR,
        "quotes": "#ca8a04",
        "renewals": "#4d7c0f",
        "deliveries": "#7c5a2e",
        "receivables": "#be123c",
        "complaints": "#db2777",
        "complaints_breached": ERROR_COLOR,
    }
    URGENT = frozenset({"overdue", "breached"})

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._first: set[int] = set()  # rows that open a section
        self._shaded: set[int] = set()  # rows of every other section
        self._icons: dict[str, QIcon] = {}
        self.counts: dict[str, int] = {}  # section -> its items (capped ones included)

    @property
    def items(self) -> list[TodayItem]:
        return self.rows

    def section_label(self, section: str) -> str:
        return {
            "visits": self.tr("Today's visits"),
            "approvals": self.tr("Quotes waiting for your approval"),
            "contract_reviews": self.tr("Contracts waiting for your review"),
            "overdue": self.tr("Overdue follow-ups"),
            "due_today": self.tr("Follow-ups due today"),
            "team_overdue": self.tr("Team's overdue follow-ups"),
            "coverage": self.tr("Accounts due for a visit"),
            "at_risk": self.tr("Accounts at risk"),
            "quotes": self.tr("Quotes expiring within 7 days"),
            "renewals": self.tr("Contracts to renew"),
            "deliveries": self.tr("Late deliveries"),
            "receivables": self.tr("Receivables: overdue and due this week"),
            "complaints": self.tr("Complaints near their SLA"),
            "complaints_breached": self.tr("Complaints past their SLA"),
        }.get(section, section)

    def set_items(self, items: list[TodayItem]) -> None:
        self._first, self._shaded = set(), set()
        self.counts = {}
        for item in items:
            self.counts[item.section] = self.counts.get(item.section, 0) + (
                item.more if item.entity == "more" else 1
            )
        sections = 0
        for row, item in enumerate(items):
            if row == 0 or items[row - 1].section != item.section:
                self._first.add(row)
                sections += 1
            if sections % 2 == 0:
                self._shaded.add(row)
        self.set_rows(items)

    def headers(self) -> list[str]:
        return [
            self.tr("Section"),
            self.tr("Client"),
            self.tr("What"),
            self.tr("When"),
            self.tr("Rep"),
            self.tr("Status"),
        ]

    def has_owners(self) -> bool:
        """Whether any row is a team member's (the Rep column is worth showing)."""
        return any(item.owner_name for item in self.rows)

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
        return row.record_id or None

    def _icon(self, section: str) -> QIcon:
        if section not in self._icons:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.COLOURS.get(section, "#7a8793")))
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            self._icons[section] = QIcon(pixmap)
        return self._icons[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            return QBrush(QColor("#f4f6f8")) if index.row() in self._shaded else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.SECTION:
            row = self.row_at(index.row())
            return None if row is None else self._icon(row.section)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.SECTION:
            row = self.row_at(index.row())
            if row is None:
                return None
            first = index.row() in self._first
            return QBrush(QColor(self.COLOURS.get(row.section, "#333333") if first else "#9aa3ad"))
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            font = QFont()
            if index.column() == self.SECTION and index.row() in self._first:
                font.setBold(True)
                return font
            row = self.row_at(index.row())
            if row is not None and row.entity == "more":
                font.setItalic(True)
                return font
            return None
        return super().data(index, role)

    def role_data(self, row: TodayItem, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if row.entity == "more":
            return QBrush(QColor("#5f6b76"))
        if row.status in self.URGENT:
            return QBrush(QColor(ERROR_COLOR))
        return None

    def _status(self, row: TodayItem) -> str:
        if not row.status:
            return ""
        if row.entity == "quote":
            return value_label("quote", "status", row.status) or row.status
        if row.section == "deliveries":
            return value_label("sales_order", "delivery_status", row.status) or row.status
        if row.entity == "complaint":
            return complaint_label(row.status)
        if row.section == "at_risk":
            return health_words.verdict(int(row.detail))[0]
        if row.section == "contract_reviews":
            return self.tr("Under review")
        if row.section == "renewals" and isinstance(row.when, dt.date):
            return self.tr("Ends in %1 days").replace("%1", str((row.when - self._today()).days))
        return status_label(row.status)

    def _section(self, row: TodayItem) -> str:
        return f"{self.section_label(row.section)} ({self.counts.get(row.section, 0)})"

    def display(self, row: TodayItem, column: int) -> Any:
        if row.entity == "more":
            more = self.tr("… and %1 more").replace("%1", str(row.more))
            return [self._section(row), "", more, "", "", ""][column]
        what = row.what
        if row.section == "coverage":
            what = self.tr("Tier %1: due for a visit").replace("%1", row.detail)
        if row.section == "at_risk":
            what = self.tr("Health %1: %2").replace("%1", row.detail)
            reason = health_words.reason_words(row.reason) if row.reason else ""
            what = what.replace("%2", reason)
        return [
            self._section(row),
            row.client,
            what,
            self._when(row.when),
            row.owner_name,
            self._status(row),
        ][column]
