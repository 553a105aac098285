"""The Pipeline page (商机): the board by stage, or the same opportunities as a list.

Drag a card to another column to move it (to "Lost" asks why first); double-click a
card or a row to edit it; "New opportunity…" starts one for an account. The
opportunities, the column totals and the stage defaults are loaded on a worker; every
write goes through the rule book, and a refused one is said in the user's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.services import competitors, opportunities
from desktop.domain.services.opportunities import Card, StageTotal
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.export_view import ListExport
from desktop.ui.format import money, show_as_error
from desktop.ui.pages.base import Page, heading
from desktop.ui.pipeline.board import Board
from desktop.ui.pipeline.dialogs import LostDialog, OpportunityDialog, save
from desktop.ui.pipeline.table import OpportunitiesModel
from desktop.ui.table_model import ROW_ID_ROLE, SORT_ROLE, setup_table


@dataclass(frozen=True)
class Pipeline:
    cards: list[Card]
    totals: dict[str, StageTotal]
    defaults: dict[str, int]
    competitors: list[str]  # the shared list's names


# Cards a board column shows: the soonest to close. The column's header counts them all,
# and the list view shows them all.
BOARD_CARDS = 200


def load(session: Session, owner_ids: list[str] | None) -> Pipeline:
    return Pipeline(
        opportunities.cards(session, owner_ids, per_stage=BOARD_CARDS),
        opportunities.stage_totals_of(session, owner_ids),
        opportunities.stage_defaults(session),
        competitors.names(session),
    )


class PipelinePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pipeline = Pipeline([], opportunities.stage_totals([]), {}, [])
        self.listed: list[Card] = []  # every opportunity in scope, once the list is shown
        self.loaded = False
        self.wanted: str | None = None  # an opportunity to select once loaded
        self.dialog: OpportunityDialog | LostDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Pipeline")))
        top.addStretch(1)
        self.scope = QComboBox()
        self.scope.setObjectName("pipeline-scope")
        self.scope.addItem(self.tr("My opportunities"), "mine")
        self.scope.addItem(self.tr("All I can see"), "all")
        self.scope.setCurrentIndex(1 if ctx.is_manager else 0)
        self.scope.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.scope)
        self.board_button = QPushButton(self.tr("Board"))
        self.list_button = QPushButton(self.tr("List"))
        self.views = QButtonGroup(self)
        for number, button in enumerate((self.board_button, self.list_button)):
            button.setCheckable(True)
            self.views.addButton(button, number)
            top.addWidget(button)
        self.board_button.setChecked(True)
        self.competitors_button = QPushButton(self.tr("Competitors…"))
        self.competitors_button.clicked.connect(self.show_competitors)
        top.addWidget(self.competitors_button)
        self.new_button = QPushButton(self.tr("New opportunity…"))
        self.new_button.setObjectName("new-opportunity")
        self.new_button.clicked.connect(self.ask_new)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.summary = QLabel()
        self.summary.setObjectName("pipeline-summary")
        layout.addWidget(self.summary)
        self.error = show_as_error(QLabel())
        self.error.setObjectName("pipeline-error")
        layout.addWidget(self.error)

        self.stack = QStackedWidget()
        self.board = Board()
        self.board.moved.connect(self.move)
        self.board.opened.connect(self.ask_edit)
        self.stack.addWidget(self.board)
        self.model = OpportunitiesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = setup_table(
            QTableView(),
            self.proxy,
            "pipeline-list",
            sortable=True,
            single=True,
            fit=QHeaderView.ResizeMode.Interactive,
            stretch_last=True,
        )
        self.table.doubleClicked.connect(lambda index: self.ask_edit(index.data(ROW_ID_ROLE)))
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.views.idToggled.connect(self._view_toggled)
        self.export = ListExport(self.table, ctx, lambda: self.tr("Pipeline"), scope=self)
        top.addWidget(self.export.button)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("edit-opportunity")
        self.edit_button.clicked.connect(lambda: self.ask_edit(self.selected_id()))
        self.lost_button = QPushButton(self.tr("Mark lost…"))
        self.lost_button.setObjectName("mark-lost")
        self.lost_button.clicked.connect(lambda: self.ask_lost(self.selected_id()))
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.lost_button)
        layout.addLayout(buttons)

    # -- loading ----------------------------------------------------------------------

    def activate(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.refresh()

    def on_data_changed(self, entities: set[str]) -> None:
        if self.loaded and entities & {"opportunity", "account", "policy", "user", "competitor"}:
            self.refresh()

    def _owners(self) -> list[str] | None:
        if self.scope.currentData() == "all" or self.ctx.user_id is None:
            return None
        return [self.ctx.user_id]

    def refresh(self) -> None:
        owners = self._owners()
        self.ctx.tasks.read(lambda s: load(s, owners), self._show, key="pipeline")
        if self.stack.currentWidget() is self.table:
            self._load_list()

    def _load_list(self) -> None:
        owners = self._owners()
        self.ctx.tasks.read(
            lambda s: opportunities.cards(s, owners), self._show_list, key="pipeline-list"
        )

    def _show_list(self, cards: list[Card]) -> None:
        self.listed = cards
        self.model.set_rows(cards)

    def _show(self, pipeline: Pipeline) -> None:
        selected = self.selected_id()
        self.pipeline = pipeline
        self.board.show_cards(pipeline.cards, pipeline.totals)
        open_totals = [t for s, t in pipeline.totals.items() if s not in ("won", "lost")]
        self.summary.setText(
            self.tr("%1 open opportunities, %2, weighted %3")
            .replace("%1", str(sum(t.count for t in open_totals)))
            .replace("%2", money(sum((t.amount for t in open_totals), start=Decimal(0))))
            .replace("%3", money(sum((t.weighted for t in open_totals), start=Decimal(0))))
        )
        wanted, self.wanted = self.wanted, None
        shown = self.board.select(wanted or selected) if (wanted or selected) else False
        if wanted and not shown:  # not among the cards a column shows
            self.ask_edit(wanted)

    def _view_toggled(self, number: int, checked: bool) -> None:
        if checked:
            self.stack.setCurrentIndex(number)
        # The list is loaded when it is shown: reading and sorting thousands of rows it
        # does not show would cost the board its opening time.
        if checked and self.stack.currentWidget() is self.table:
            self._load_list()

    def selected_id(self) -> str | None:
        if self.stack.currentWidget() is self.table:
            rows = self.table.selectionModel().selectedRows()
            return str(rows[0].data(ROW_ID_ROLE)) if rows else None
        return self.board.selected_id()

    def open_record(self, entity: str, row_id: str) -> bool:
        if entity != "opportunity":
            return False
        self.wanted = row_id  # selected once the board has it (a new one, say)
        if self.loaded:
            self.refresh()
        self.activate()
        return True

    # -- writing ----------------------------------------------------------------------

    def _write(self, work: Any, dialog: OpportunityDialog | LostDialog | None = None) -> None:
        save(self.ctx, work, dialog, on_error=self.error.setText, on_done=self.error.clear)

    def move(self, opportunity_id: str, stage: str) -> None:
        if stage == "lost":
            self.ask_lost(opportunity_id)
            return

        def work(uow: UnitOfWork) -> None:
            opportunities.move(uow, opportunity_id, stage)

        self._write(work)

    def ask_lost(self, opportunity_id: str | None) -> None:
        known = [*self.pipeline.cards, *self.listed]
        card = next((c for c in known if c.id == opportunity_id), None)
        if card is None:
            self.error.setText(self.tr("Choose an opportunity first."))
            return
        named = [n for n in card.competitors.splitlines() if n]
        others = {c.lost_to for c in known if c.lost_to}
        names = [*named, *sorted(({*self.pipeline.competitors, *others}) - set(named))]
        dialog = LostDialog(card.name, names, self)
        self.dialog = dialog

        def submitted(reason: str, lost_to: str) -> None:
            def work(uow: UnitOfWork) -> None:
                opportunities.mark_lost(uow, card.id, reason, lost_to)

            self._write(work, dialog)

        dialog.submitted.connect(submitted)
        dialog.open()

    def ask_new(self) -> None:
        owner = None if self.ctx.is_manager else self.ctx.user_id
        dialog = OpportunityDialog(
            self.pipeline.defaults, ctx=self.ctx, owner_id=owner, parent=self
        )
        self.dialog = dialog

        def submitted(values: dict[str, Any]) -> None:
            fields = dict(values)
            account_id = fields.pop("account_id")

            def work(uow: UnitOfWork) -> str:
                return opportunities.create_opportunity(uow, account_id, fields)

            self._write(work, dialog)

        dialog.submitted.connect(submitted)
        dialog.open()

    def ask_edit(self, opportunity_id: str | None) -> None:
        if not opportunity_id:
            self.error.setText(self.tr("Choose an opportunity first."))
            return
        self.ctx.tasks.read(
            lambda s: opportunities.editing(s, opportunity_id), self._open_edit, key="pipeline-edit"
        )

    def _open_edit(self, editing: opportunities.Editing) -> None:
        dialog = OpportunityDialog(
            self.pipeline.defaults,
            record=editing.record,
            account_name=editing.account_name,
            contacts=editing.contacts,
            parent=self,
        )
        self.dialog = dialog
        opportunity_id = str(editing.record["id"])

        def submitted(values: dict[str, Any]) -> None:
            def work(uow: UnitOfWork) -> None:
                opportunities.update_opportunity(uow, opportunity_id, values)

            self._write(work, dialog)

        dialog.submitted.connect(submitted)
        dialog.open()

    def show_competitors(self) -> None:
        from desktop.ui.pipeline.competitors import CompetitorsDialog

        dialog = CompetitorsDialog(self.ctx, self)
        self.competitors_dialog = dialog
        dialog.open()
