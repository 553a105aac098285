"""Competitors in the window: the shared list (from the Pipeline page) and an account's
incumbents (its Competitors tab). Loads on a worker; writes through ``save`` so a
refused name stays in the form with the reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.services import competitors
from desktop.domain.services.competitors import IncumbentRow
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_tabs import AccountTab
from desktop.ui.context import AppContext
from desktop.ui.format import form_footer, show_as_error
from desktop.ui.pipeline.dialogs import save
from desktop.ui.table_model import ROW_ID_ROLE, TableModel, setup_table


class CompetitorsModel(TableModel[Record]):
    def headers(self) -> list[str]:
        return [self.tr("Competitor"), self.tr("Strengths"), self.tr("Notes")]

    def display(self, row: Record, column: int) -> Any:
        return str(row[("name", "strengths", "notes")[column]]).replace("\n", " ")


class CompetitorForm(QDialog):
    """One competitor: new or edit. ``submitted`` with the fields."""

    def __init__(self, record: Record | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("competitor-form")
        self.setWindowTitle(self.tr("Edit competitor") if record else self.tr("New competitor"))
        record = record or {}
        form = QFormLayout(self)
        self.name = QLineEdit(str(record.get("name", "")))
        self.strengths = QPlainTextEdit(str(record.get("strengths", "")))
        self.strengths.setFixedHeight(60)
        self.notes = QPlainTextEdit(str(record.get("notes", "")))
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Strengths"), self.strengths)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = form_footer(form, self, self._submit)
        self.on_submit: Any = None

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text().strip(),
            "strengths": self.strengths.toPlainText().strip(),
            "notes": self.notes.toPlainText().strip(),
        }

    def _submit(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("Give the competitor a name."))
            return
        if self.on_submit is not None:
            self.on_submit(self.values())


class CompetitorsDialog(QDialog):
    """The shared list: add a competitor, double-click one to edit it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("competitors-dialog")
        self.setWindowTitle(self.tr("Competitors"))
        self.resize(720, 420)
        self.form: CompetitorForm | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The whole team shares this list.")))
        self.model = CompetitorsModel(self)
        self.table = setup_table(
            QTableView(), self.model, "competitors-list", single=True, stretch=1
        )
        self.table.doubleClicked.connect(lambda index: self.edit(index.row()))
        layout.addWidget(self.table, 1)
        self.error = show_as_error(QLabel())
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add competitor…"))
        self.add_button.clicked.connect(lambda: self.edit(None))
        row.addWidget(self.add_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        ctx.tasks.changed.connect(self._changed)
        self.reload()

    def _changed(self, entities: set[str]) -> None:
        if "competitor" in entities:
            self.reload()

    def reload(self) -> None:
        self.ctx.tasks.read(competitors.list_competitors, self.model.set_rows, key="competitors")

    def edit(self, row: int | None) -> None:
        record = self.model.row_at(row) if row is not None else None
        form = CompetitorForm(record, self)
        self.form = form

        def submitted(values: dict[str, str]) -> None:
            def work(uow: UnitOfWork) -> None:
                if record is None:
                    competitors.create_competitor(uow, values)
                else:
                    competitors.update_competitor(uow, str(record["id"]), values)

            save(self.ctx, work, form, on_error=self.error.setText)

        form.on_submit = submitted
        form.open()


class IncumbentsModel(TableModel[IncumbentRow]):
    def headers(self) -> list[str]:
        return [self.tr("Competitor"), self.tr("Supplies"), self.tr("Notes")]

    def display(self, row: IncumbentRow, column: int) -> Any:
        return (row.name, row.supplies, row.notes)[column]


def load_incumbents(session: Session, account_id: str) -> tuple[list[IncumbentRow], list[Record]]:
    return competitors.incumbents(session, account_id), competitors.list_competitors(session)


class AccountCompetitorsTab(AccountTab):
    """Who supplies the account today: add one from the shared list, or remove one."""

    entity = "incumbent"
    watched = frozenset({"incumbent", "competitor"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, IncumbentsModel(), parent)
        self.choices: list[Record] = []
        self.open_button.hide()  # an incumbent has no page of its own
        self.competitor = QComboBox()
        self.competitor.setObjectName("incumbent-competitor")
        self.supplies = QLineEdit()
        self.supplies.setPlaceholderText(self.tr("What they supply"))
        self.add_button = QPushButton(self.tr("Add incumbent"))
        self.add_button.setObjectName("add-incumbent")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        buttons = self.layout().itemAt(2).layout()  # the row under the list (AccountTab)
        for at, widget in enumerate(
            (self.competitor, self.supplies, self.add_button, self.remove_button), start=1
        ):
            buttons.insertWidget(at, widget)  # type: ignore[attr-defined]

    def title(self) -> str:
        return self.tr("Competitors")

    def loader(self, account_id: str) -> Any:
        return lambda session: load_incumbents(session, account_id)

    def show_result(self, result: tuple[list[IncumbentRow], list[Record]]) -> None:
        rows, choices = result
        self.model.set_rows(rows)
        self.choices = choices
        chosen = self.competitor.currentData()
        self.competitor.clear()
        for record in choices:
            self.competitor.addItem(str(record["name"]), record["id"])
        if chosen is not None and (at := self.competitor.findData(chosen)) >= 0:
            self.competitor.setCurrentIndex(at)
        self.summary.setText(
            self.tr("Incumbents: %1").replace("%1", "、".join(r.name for r in rows))
            if rows
            else self.tr("No incumbents recorded: who supplies this account today?")
        )

    def add(self) -> None:
        account_id, competitor_id = self.account_id, self.competitor.currentData()
        if account_id is None or competitor_id is None:
            return
        supplies = self.supplies.text().strip()

        def work(uow: UnitOfWork) -> str:
            return competitors.add_incumbent(uow, account_id, str(competitor_id), supplies)

        save(self.ctx, work, None, on_error=self.summary.setText, on_done=self.supplies.clear)

    def remove(self) -> None:
        index = self.table.currentIndex()
        incumbent_id = index.data(ROW_ID_ROLE) if index.isValid() else None
        if incumbent_id is None:
            return

        def work(uow: UnitOfWork) -> None:
            competitors.remove_incumbent(uow, str(incumbent_id))

        save(self.ctx, work, None, on_error=self.summary.setText)
