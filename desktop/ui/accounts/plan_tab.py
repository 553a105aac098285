"""The account's Plan tab (大客户计划 / 计划): for a year, the account's target and its
attainment, objectives (add, edit, mark achieved) and each one's actions (follow-ups
on the task list), whitespace by product category, the SWOT and the account team.

Loads and writes on the worker (``ctx.tasks``). SWOT text typed and not saved is never
dropped silently: a refresh keeps it, another account keeps it as a draft for when the
account is shown again, and changing the year asks first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.services import account_team, plans
from desktop.domain.services.accounts.reading import users
from desktop.domain.services.plan_figures import CategoryRow
from desktop.domain.services.plans import Objective, Plan
from desktop.ui.account_tabs import AccountView
from desktop.ui.accounts.changed import ask_to_discard
from desktop.ui.accounts.detail import AccountDetail
from desktop.ui.accounts.plan_dialogs import (
    ActionDialog,
    ObjectiveDialog,
    status_words,
)
from desktop.ui.accounts.plan_team import TeamBox
from desktop.ui.context import AppContext
from desktop.ui.format import MessageLabel, local_date, money
from desktop.ui.rule_text import error_message
from desktop.ui.table_model import RecordTableModel, setup_table

SWOT_BOXES = ("strengths", "weaknesses", "opportunities", "threats")


@dataclass(frozen=True)
class PlanScreen:
    plan: Plan
    users: list[tuple[str, str]]


def load_plan(session: Session, account_id: str, year: int, viewer: str | None) -> PlanScreen:
    return PlanScreen(plans.plan_of(session, account_id, year, viewer), users(session))


def _target(o: Objective) -> str:
    if o.target_value is None:
        return ""
    return money(o.target_value) if o.is_money else f"{o.target_value} {o.unit}".strip()


def _state_word(row: CategoryRow) -> str:
    return {
        "ours": QCoreApplication.translate("PlanTab", "Buys from us"),
        "lapsed": QCoreApplication.translate("PlanTab", "Bought last year only"),
        "competitor": QCoreApplication.translate("PlanTab", "Whitespace: buys from a competitor"),
        "open": QCoreApplication.translate("PlanTab", "Whitespace: never bought"),
    }[row.state]


class PlanTab(AccountView):
    watched = frozenset(
        {
            "account",
            "account_plan",
            "plan_objective",
            "task",
            "account_team_member",
            "sales_order",
            "sales_target",
            "incumbent",
            "product",
            "quote_line",
        }
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.screen: PlanScreen | None = None
        self.shown_key: tuple[str, int] | None = None  # (account, year) on screen
        self.swot_base: dict[str, str] = {}
        self.drafts: dict[tuple[str, int], dict[str, str]] = {}  # unsaved SWOT text
        statuses = status_words()

        self.year = QSpinBox()
        self.year.setObjectName("plan-year")
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.datetime.now(ctx.zone).year)
        self.year.valueChanged.connect(self._year_changed)
        self._year_shown = self.year.value()
        self.figures = QLabel()
        self.figures.setObjectName("plan-figures")
        self.figures.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.figures, 1)
        self.message = MessageLabel()
        self.message.setObjectName("plan-message")
        self.message.setWordWrap(True)

        # Objectives and the selected one's actions.
        self.objectives = RecordTableModel(
            [self.tr("Objective"), self.tr("Target"), self.tr("Due"), self.tr("Status")],
            lambda o, c: [o.title, _target(o), local_date(o.due_date), statuses[o.status]][c],
            self,
        )
        self.objective_view = setup_table(
            QTableView(), self.objectives, "plan-objectives", single=True, wrap=False, stretch=0
        )
        self.objective_view.selectionModel().selectionChanged.connect(self._show_actions)
        self.objective_view.doubleClicked.connect(lambda _i: self.edit_objective())
        self.actions = RecordTableModel(
            [self.tr("Action"), self.tr("Due"), self.tr("Assigned to"), self.tr("Status")],
            lambda t, c: [
                t.title,
                local_date(t.due_date),
                t.owner_name,
                {
                    "open": QCoreApplication.translate("PlanTab", "Open"),
                    "done": QCoreApplication.translate("PlanTab", "Done"),
                }.get(t.status, QCoreApplication.translate("PlanTab", "Cancelled")),
            ][c],
            self,
        )
        self.action_view = setup_table(
            QTableView(), self.actions, "plan-actions", single=True, wrap=False, stretch=0
        )
        self.add_objective_button = QPushButton(self.tr("Add objective"))
        self.add_objective_button.setObjectName("plan-add-objective")
        self.add_objective_button.clicked.connect(lambda: self.edit_objective(new=True))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("plan-edit-objective")
        self.edit_button.clicked.connect(lambda: self.edit_objective())
        self.achieved_button = QPushButton(self.tr("Mark achieved"))
        self.achieved_button.setObjectName("plan-mark-achieved")
        self.achieved_button.clicked.connect(self.mark_achieved)
        self.add_action_button = QPushButton(self.tr("Add action"))
        self.add_action_button.setObjectName("plan-add-action")
        self.add_action_button.setToolTip(
            self.tr("A follow-up with a due date and an assignee: it shows on the task list")
        )
        self.add_action_button.clicked.connect(self.add_action)
        buttons = QHBoxLayout()
        for button in (self.add_objective_button, self.edit_button, self.achieved_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_action_button)
        objectives_page = QWidget()
        column = QVBoxLayout(objectives_page)
        column.addWidget(self.objective_view, 3)
        column.addLayout(buttons)
        column.addWidget(QLabel(self.tr("Actions of the selected objective (follow-ups)")))
        column.addWidget(self.action_view, 2)

        # Whitespace by product category.
        self.whitespace = RecordTableModel(
            [
                self.tr("Category"),
                self.tr("This year"),
                self.tr("Last year"),
                self.tr("Competitors"),
                self.tr("What it is"),
            ],
            lambda r, c: [
                r.category or QCoreApplication.translate("PlanTab", "(no product lines)"),
                money(r.this_year),
                money(r.last_year),
                "、".join(r.competitors),
                _state_word(r),
            ][c],
            self,
        )
        self.whitespace_view = setup_table(
            QTableView(), self.whitespace, "plan-whitespace", wrap=False, stretch=4
        )

        # SWOT: four small boxes and a summary.
        swot_page = QWidget()
        grid = QGridLayout(swot_page)
        titles = {
            "strengths": self.tr("Strengths"),
            "weaknesses": self.tr("Weaknesses"),
            "opportunities": self.tr("Opportunities"),
            "threats": self.tr("Threats"),
            "summary": self.tr("Summary"),
        }
        self.swot: dict[str, QPlainTextEdit] = {}
        for index, key in enumerate((*SWOT_BOXES, "summary")):
            box = QPlainTextEdit()
            box.setObjectName(f"plan-{key}")
            box.setTabChangesFocus(True)
            self.swot[key] = box
            row, col = divmod(index, 2)
            cell = QVBoxLayout()
            cell.addWidget(QLabel(titles[key]))
            cell.addWidget(box)
            grid.addLayout(cell, row, col, 1, 2 if key == "summary" else 1)
        self.save_swot_button = QPushButton(self.tr("Save SWOT"))
        self.save_swot_button.setObjectName("plan-save-swot")
        self.save_swot_button.clicked.connect(self.save_swot)
        grid.addWidget(self.save_swot_button, 3, 1)

        self.team = TeamBox()
        self.team.add_requested.connect(
            lambda user, role: self._write(
                lambda uow: account_team.add_member(uow, self._account(), user, role)
            )
        )
        self.team.role_requested.connect(
            lambda member, role: self._write(lambda uow: account_team.set_role(uow, member, role))
        )
        self.team.remove_requested.connect(
            lambda member: self._write(lambda uow: account_team.remove_member(uow, member))
        )

        self.sections = QTabWidget()
        self.sections.setObjectName("plan-sections")
        self.sections.addTab(objectives_page, self.tr("Objectives"))
        self.sections.addTab(self.whitespace_view, self.tr("Whitespace"))
        # Scrolled when the window is short (a 720-line laptop), never squeezed.
        swot_scroll = QScrollArea()
        swot_scroll.setWidgetResizable(True)
        swot_scroll.setFrameShape(QFrame.Shape.NoFrame)
        swot_scroll.setWidget(swot_page)
        self.sections.addTab(swot_scroll, self.tr("SWOT"))
        self.sections.addTab(self.team, self.tr("Account team"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)
        layout.addWidget(self.message)

    def title(self) -> str:
        return self.tr("Plan")

    # -- loading --------------------------------------------------------------------------

    def _account(self) -> str:
        assert self.account_id is not None
        return self.account_id

    def loader(self, account_id: str) -> Any:
        year, viewer = self.year.value(), self.ctx.user_id
        return lambda session: load_plan(session, account_id, year, viewer)

    def set_account(self, account_id: str | None) -> None:
        if account_id != self.account_id and self.shown_key is not None:
            # Another account: this one's unsaved SWOT waits for it to be shown again.
            typed = self.typed_swot()
            if typed:
                self.drafts[self.shown_key] = typed
            else:
                self.drafts.pop(self.shown_key, None)
        super().set_account(account_id)

    def typed_swot(self) -> dict[str, str]:
        """SWOT boxes whose text differs from the plan as loaded."""
        return {
            k: box.toPlainText()
            for k, box in self.swot.items()
            if box.toPlainText() != self.swot_base.get(k, "")
        }

    def show_result(self, result: PlanScreen) -> None:
        plan = result.plan
        if plan.year != self.year.value():
            return  # an answer for a year no longer chosen
        key = (plan.account_id, plan.year)
        restored = key != self.shown_key
        typed = self.typed_swot() if not restored else self.drafts.pop(key, {})
        self.screen, self.shown_key = result, key
        self.swot_base = dict(plan.swot)
        for name, box in self.swot.items():
            box.setPlainText(typed.get(name, plan.swot.get(name, "")))
            box.setReadOnly(not plan.may_edit)
        if typed and restored:
            self.message.note(self.tr("Your unsaved SWOT text is kept: save it or change it."))
        self._show_figures(plan)
        picked = self.selected_objective()
        self.objectives.set_rows(plan.objectives)
        if picked is not None and (row := self.objectives.row_of(picked.id)) >= 0:
            self.objective_view.selectRow(row)
        elif plan.objectives:
            self.objective_view.selectRow(0)
        self._show_actions()
        self.whitespace.set_rows(plan.figures.categories)
        for button in (
            self.add_objective_button,
            self.edit_button,
            self.achieved_button,
            self.add_action_button,
            self.save_swot_button,
        ):
            button.setEnabled(plan.may_edit)
        owner = dict(plan.people).get(plan.owner_id or "", self.tr("nobody (public pool)"))
        self.team.show_team(owner, plan.team, result.users, plan.owner_id, plan.may_run_team)
        if not plan.may_edit:
            self.message.note(
                self.tr(
                    "Only the owner, the account team and the owner's manager change this plan."
                )
            )

    def _show_figures(self, plan: Plan) -> None:
        f = plan.figures
        pct = f.attainment_pct
        text = (
            self.tr("Target %1 · won %2 · attainment %3 · orders this year %4")
            .replace("%1", money(f.target) if f.target else self.tr("none set"))
            .replace("%2", money(f.won))
            .replace("%3", f"{pct} %" if pct is not None else "–")
            .replace("%4", money(f.revenue))
        )
        if f.potential:
            share = f.share_of_wallet_pct
            text += " · " + (
                self.tr("potential %1 (share of wallet %2)")
                .replace("%1", money(f.potential))
                .replace("%2", f"{share} %" if share is not None else "–")
            )
        self.figures.setText(text)

    def _year_changed(self, year: int) -> None:
        if year == self._year_shown:
            return
        if not self.typed_swot():
            self._show_year(year)
            return
        # Typed SWOT text: the year stays until the user says to discard it.
        self._set_year(self._year_shown)

        def answered(discard: bool) -> None:
            if discard:
                self.swot_base = {k: b.toPlainText() for k, b in self.swot.items()}
                self._set_year(year)
                self._show_year(year)

        box = ask_to_discard(
            self,
            self.tr("Discard the SWOT text?"),
            self.tr("What you typed in the SWOT has not been saved. Discard it?"),
            answered,
        )
        box.setObjectName("plan-discard-swot")

    def _set_year(self, year: int) -> None:
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)

    def _show_year(self, year: int) -> None:
        self._year_shown = year
        self.shown_key = None
        self.message.note("")
        self.reload()

    # -- objectives and actions -----------------------------------------------------------

    def selected_objective(self) -> Objective | None:
        rows = self.objective_view.selectionModel().selectedRows()
        return self.objectives.rows[rows[0].row()] if rows else None

    def _show_actions(self, *_args: Any) -> None:
        objective = self.selected_objective()
        self.actions.set_rows(objective.actions if objective is not None else [])

    def edit_objective(self, new: bool = False) -> None:
        objective = None if new else self.selected_objective()
        if (not new and objective is None) or self.account_id is None:
            return
        account, year = self.account_id, self.year.value()
        dialog = ObjectiveDialog(year, objective, self)
        dialog.setObjectName("objective-dialog")
        target = objective.id if objective is not None else None

        def submit(values: dict[str, Any]) -> None:
            self._write(
                lambda uow: plans.save_objective(uow, account, year, values, target),
                dialog=dialog,
            )

        dialog.submitted.connect(submit)
        dialog.open()

    def mark_achieved(self) -> None:
        if (objective := self.selected_objective()) is not None:
            self._write(lambda uow: plans.set_status(uow, objective.id, "achieved"))

    def add_action(self) -> None:
        objective = self.selected_objective()
        if objective is None or self.screen is None:
            self.message.setText(self.tr("Choose an objective first."))
            return
        today = dt.datetime.now(self.ctx.zone).date()
        due = min(objective.due_date or today, today + dt.timedelta(days=7))
        dialog = ActionDialog(self.screen.plan.people, self.ctx.user_id, due, self)
        dialog.setObjectName("action-dialog")

        def submit(values: dict[str, Any]) -> None:
            self._write(
                lambda uow: plans.add_action(
                    uow, objective.id, values["title"], values["due_date"], values["owner_id"]
                ),
                dialog=dialog,
            )

        dialog.submitted.connect(submit)
        dialog.open()

    # -- SWOT -----------------------------------------------------------------------------

    def save_swot(self) -> None:
        if self.account_id is None:
            return
        account, year = self.account_id, self.year.value()
        values = {k: box.toPlainText() for k, box in self.swot.items()}

        def saved(_result: Any) -> None:
            self.swot_base = dict(values)
            self.message.note(self.tr("SWOT saved."))

        self._write(lambda uow: plans.save_swot(uow, account, year, values), saved)

    # -- writing --------------------------------------------------------------------------

    def _write(self, change: Any, on_done: Any = None, dialog: Any = None) -> None:
        self.message.note("")

        def done(result: Any) -> None:
            if dialog is not None:
                dialog.accept()
            if on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            text = error_message(error) if isinstance(error, DomainError) else str(error)
            if dialog is not None:
                dialog.error.setText(text)
            else:
                self.message.setText(text)

        self.ctx.tasks.write(change, done, failed)


def add_plan(ctx: AppContext, detail: AccountDetail) -> PlanTab:
    """Put the Plan tab on the account detail, after Health (the account's own tabs
    stay together; the other areas' lists follow)."""
    tab = PlanTab(ctx)
    detail.tabs.insertTab(4, tab, tab.title())
    detail.account_shown.connect(tab.set_account)
    return tab
