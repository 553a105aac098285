"""The account plan's dialogs: an objective (title, target and unit or money, due
date, status, notes) and an action (a follow-up: title, due date, assignee). Cancel
or Escape asks before dropping what was typed; the write is the tab's (``submitted``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain.services import plans
from desktop.domain.services.plans import MONEY_UNIT, Objective
from desktop.ui.accounts.changed import AskingDialog
from desktop.ui.format import form_footer
from desktop.ui.rule_text import rule_text


def parse_target(text: str) -> Decimal | str | None:
    """A target as typed (¥ and separators allowed): a Decimal, None when blank, or
    "bad" when it is no number."""
    clean = text.strip().replace("¥", "").replace(",", "").replace("，", "").replace(" ", "")
    if not clean:
        return None
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return "bad"
    return value if value.is_finite() else "bad"


class ObjectiveDialog(AskingDialog):
    submitted = Signal(dict)

    def __init__(self, year: int, objective: Objective | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.year = year
        self.setWindowTitle(self.tr("Plan objective") if objective else self.tr("New objective"))
        form = QFormLayout(self)
        self.title_edit = QLineEdit(objective.title if objective else "")
        self.title_edit.setObjectName("objective-title")
        self.target = QLineEdit(
            str(objective.target_value) if objective and objective.target_value else ""
        )
        self.target.setObjectName("objective-target")
        self.target.setPlaceholderText(self.tr("e.g. 2000000 or 3"))
        self.unit = QComboBox()
        self.unit.setObjectName("objective-unit")
        self.unit.setEditable(True)
        self.unit.addItem(self.tr("¥ (money)"), MONEY_UNIT)
        for word in (self.tr("sites"), self.tr("products"), "%"):
            self.unit.addItem(word, word)
        if objective is not None and objective.unit != MONEY_UNIT:
            self.unit.setEditText(objective.unit)
        self.due = QDateEdit()
        self.due.setObjectName("objective-due")
        self.due.setCalendarPopup(True)
        due = objective.due_date if objective and objective.due_date else dt.date(year, 12, 31)
        self.due.setDate(QDate(due.year, due.month, due.day))
        self.status = QComboBox()
        self.status.setObjectName("objective-status")
        for code, word in status_words().items():
            self.status.addItem(word, code)
        if objective is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(objective.status)))
        self.notes = QPlainTextEdit(objective.notes if objective else "")
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Objective"), self.title_edit)
        form.addRow(self.tr("Target"), self.target)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = form_footer(form, self, self.try_accept)
        self.error.setObjectName("objective-error")
        self._base = self.values()

    def unit_code(self) -> str:
        text = self.unit.currentText().strip()
        index = self.unit.findText(text)
        return str(self.unit.itemData(index)) if index >= 0 else text

    def values(self) -> dict[str, Any]:
        day = self.due.date()
        return {
            "title": self.title_edit.text().strip(),
            "target_text": self.target.text().strip(),
            "unit": self.unit_code(),
            "due_date": dt.date(day.year(), day.month(), day.day()),
            "status": self.status.currentData(),
            "notes": self.notes.toPlainText(),
        }

    def try_accept(self) -> None:
        values = self.values()
        target = parse_target(values.pop("target_text"))
        if target == "bad":
            self.error.setText(self.tr("The target is not a number."))
            return
        values["target_value"] = target
        problems = plans.validate_objective(values, self.year)
        if problems:
            field, code = next(iter(problems.items()))
            params = {"field": field, "year": self.year}
            self.error.setText(rule_text(code, params, "plan_objective"))
            return
        self.error.setText("")
        self.submitted.emit(values)


class ActionDialog(AskingDialog):
    """A new action of an objective: a follow-up with a due date and an assignee."""

    submitted = Signal(dict)

    def __init__(
        self,
        people: list[tuple[str, str]],
        me: str | None,
        due: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New action"))
        form = QFormLayout(self)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("action-title")
        self.due = QDateEdit(QDate(due.year, due.month, due.day))
        self.due.setObjectName("action-due")
        self.due.setCalendarPopup(True)
        self.assignee = QComboBox()
        self.assignee.setObjectName("action-assignee")
        for user_id, name in people:
            self.assignee.addItem(name, user_id)
        if me is not None and (index := self.assignee.findData(me)) >= 0:
            self.assignee.setCurrentIndex(index)
        form.addRow(self.tr("Action"), self.title_edit)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Assigned to"), self.assignee)
        self.error = form_footer(form, self, self.try_accept)
        self._base = self.values()

    def values(self) -> dict[str, Any]:
        day = self.due.date()
        return {
            "title": self.title_edit.text().strip(),
            "due_date": dt.date(day.year(), day.month(), day.day()),
            "owner_id": self.assignee.currentData(),
        }

    def try_accept(self) -> None:
        values = self.values()
        if not values["title"]:
            self.error.setText(rule_text("required", {"field": "title"}, "task"))
            return
        self.submitted.emit(values)


def status_words() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("PlanTab", "Open"),
        "achieved": QCoreApplication.translate("PlanTab", "Achieved"),
        "dropped": QCoreApplication.translate("PlanTab", "Dropped"),
    }
