"""The import wizard: choose a file, check what was read and how each column is mapped,
settle unknown owners, preview every row, import all or nothing.

It shows what ``fieldbook import --dry-run`` prints: the sheet and why, the header row,
the program that wrote the file, each column's field (or why it is left out, changeable
here), the words read through the tier/status table, rows skipped with their reason and
rows with errors. The preview is a model over the preview's rows that formats a row only
when the view shows it, so 50,000 rows open at once. Reading and previewing run in the
background (``ctx.tasks``); the commit is one write.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.services.accounts import users as list_users
from desktop.domain.uow import UnitOfWork
from desktop.imports import read_table
from desktop.imports.apply import ImportResult, apply, refusal
from desktop.imports.fields import fields_of
from desktop.imports.mapping import ColumnMapping, guess
from desktop.imports.plan import Options, Preview, RowPreview, preview
from desktop.imports.table import Table
from desktop.imports.values import STATUS_WORDS, TIER_WORDS, fold
from desktop.ui.context import AppContext
from desktop.ui.labels import value_label
from desktop.ui.reports.import_model import PreviewModel
from desktop.ui.reports.import_text import problems_text
from desktop.ui.rule_text import error_text
from desktop.ui.table_model import setup_table
from desktop.ui.tasks import Job


class ImportTab(QWidget):
    """Choose a file and a sheet, check the column mapping, preview, import all or nothing."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.table_data: Table | None = None
        self.guessed: ColumnMapping | None = None
        self.preview: Preview | None = None
        self.column_boxes: dict[int, QComboBox] = {}
        self.column_notes: dict[int, QLabel] = {}
        self.owner_boxes: dict[str, QComboBox] = {}
        self.owner_choices: dict[str, str] = {}
        self.owner_counts: dict[str, int] = {}
        self.users: list[tuple[str, str]] = []
        self.actions = {
            "create": self.tr("Create"),
            "update": self.tr("Update"),
            "unchanged": self.tr("Unchanged"),
            "skip": self.tr("Skip"),
            "error": self.tr("Error"),
        }
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox()
        for kind, label in (
            ("accounts", self.tr("Accounts")),
            ("contacts", self.tr("Contacts")),
            ("products", self.tr("Products")),
            ("targets", self.tr("Targets")),
        ):
            self.kind.addItem(label, kind)
        self.choose = QPushButton(self.tr("Choose file…"))
        self.choose.clicked.connect(self._ask_file)
        self.file_label = QLabel(self.tr("No file chosen"))
        self.sheet = QComboBox()
        self.sheet.setObjectName("import-sheet")
        top.addWidget(QLabel(self.tr("Import")))
        top.addWidget(self.kind)
        top.addWidget(self.choose)
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel(self.tr("Sheet")))
        top.addWidget(self.sheet)
        layout.addLayout(top)
        self.source = QLabel()
        self.source.setObjectName("import-source")
        self.source.setWordWrap(True)
        layout.addWidget(self.source)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.mapping_box = QGroupBox(self.tr("Columns"))
        self.mapping_grid = QGridLayout()
        inner = QWidget()
        inner.setLayout(self.mapping_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        box_layout = QVBoxLayout(self.mapping_box)
        box_layout.addWidget(scroll)
        left.addWidget(self.mapping_box, 3)
        self.owners_box = QGroupBox(self.tr("Owners who are not users"))
        owners_layout = QVBoxLayout(self.owners_box)
        self.all_mine = QCheckBox(self.tr("Make me the owner of every account"))
        self.all_mine.toggled.connect(self.refresh_preview)
        owners_layout.addWidget(self.all_mine)
        self.owners_form = QFormLayout()
        owners_layout.addLayout(self.owners_form)
        self.owners_box.hide()
        left.addWidget(self.owners_box, 1)
        body.addLayout(left, 2)
        right = QVBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        right.addWidget(self.summary)
        self.words = QLabel()
        self.words.setObjectName("import-words")
        self.words.setWordWrap(True)
        self.words.setToolTip(self.word_table())
        right.addWidget(self.words)
        show = QHBoxLayout()
        show.addWidget(QLabel(self.tr("Show")))
        self.show_only = QComboBox()
        self.show_only.setObjectName("import-show")
        for key, label in (
            ("", self.tr("All rows")),
            ("error", self.tr("Errors")),
            ("skip", self.tr("Skipped")),
            ("create", self.tr("To create")),
            ("update", self.tr("To update")),
        ):
            self.show_only.addItem(label, key)
        self.show_only.currentIndexChanged.connect(self._show_rows)
        show.addWidget(self.show_only)
        show.addStretch(1)
        right.addLayout(show)
        self.model = PreviewModel(
            self, [self.tr("Row"), self.tr("Action"), self.tr("Record"), self.tr("Details")]
        )
        self.view = setup_table(QTableView(), self.model, select_rows=False, stretch_last=True)
        # Fixed widths: measuring 50,000 rows' contents would freeze the window.
        for column, width in enumerate((70, 90, 240)):
            self.view.setColumnWidth(column, width)
        right.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import-commit")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        buttons.addWidget(self.import_button)
        right.addLayout(buttons)
        body.addLayout(right, 3)
        layout.addLayout(body, 1)
        self.kind.currentIndexChanged.connect(self._reopen)
        self.sheet.currentIndexChanged.connect(self._on_sheet)

    # -- reading ---------------------------------------------------------------------------

    def _ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from"),
            "",
            self.tr("Spreadsheets and contacts (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.vcf)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.summary.setText(self.tr("Reading…"))
        self.import_button.setEnabled(False)
        kind = self.kind.currentData()

        def work(job: Job) -> Table:
            return read_table(path, kind, sheet)

        self.ctx.tasks.run(work, self._on_table, self._on_error, key="import-read")

    def _reopen(self) -> None:
        if self.path is not None:
            self.open_file(self.path)

    def _on_error(self, error: BaseException) -> None:
        # A rule the rule book checks at commit reads in the user's language.
        text = error_text(error, "account") if isinstance(error, DomainError) else str(error)
        self.summary.setText(text)
        self.import_button.setEnabled(False)

    def _on_sheet(self) -> None:
        sheet = self.sheet.currentText()
        table = self.table_data
        if self.path is not None and table is not None and sheet and sheet != table.sheet:
            self.open_file(self.path, sheet)

    def _on_table(self, table: Table) -> None:
        self.table_data = table
        self.owner_choices = {}
        self.owner_counts = {}
        self.all_mine.blockSignals(True)
        self.all_mine.setChecked(False)
        self.all_mine.blockSignals(False)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(table.sheets)
        self.sheet.setCurrentText(table.sheet)
        self.sheet.setEnabled(bool(table.sheets))
        self.sheet.blockSignals(False)
        self.guessed = guess(self.kind.currentData(), table.headers)
        self._show_source()
        self._show_mapping()
        self.refresh_preview()

    def _show_source(self) -> None:
        table, guessed = self.table_data, self.guessed
        assert table is not None
        assert guessed is not None
        parts = []
        if table.format == "vcard":
            parts.append(self.tr("{0} vCards").format(len(table.rows)))
        else:
            if table.format == "csv":
                parts.append(self.tr("Text in {0}").format(table.encoding))
            elif len(table.sheets) > 1:
                parts.append(
                    self.tr("Sheet {0}: its header names {1} known columns").format(
                        table.sheet, sum(1 for c in guessed.columns if c.field)
                    )
                )
            parts.append(self.tr("header in row {0}").format(table.header_line))
            parts.append(self.tr("{0} data rows").format(len(table.rows)))
        if table.hidden:
            parts.append(self.tr("hidden sheets are not data: {0}").format(", ".join(table.hidden)))
        if guessed.program:
            parts.append(self.tr("recognised: {0}").format(guessed.program))
        self.source.setText(" · ".join(parts))

    # -- mapping ---------------------------------------------------------------------------

    def _show_mapping(self) -> None:
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.column_boxes = {}
        self.column_notes = {}
        assert self.guessed is not None
        fields = fields_of(self.kind.currentData())
        for row, column in enumerate(c for c in self.guessed.columns if c.header):
            box = QComboBox()
            box.setObjectName(f"import-column-{column.index}")
            box.addItem(self.tr("(not imported)"), None)
            for f in fields:
                box.addItem(self.field_label(f.label) + (" *" if f.required else ""), f.name)
            box.setCurrentIndex(max(box.findData(column.field), 0))
            box.currentIndexChanged.connect(
                lambda _i, index=column.index: self._on_column_changed(index)
            )
            note = QLabel(self.note(column.note))
            note.setStyleSheet("color: #666")
            self.mapping_grid.addWidget(QLabel(column.header), row, 0)
            self.mapping_grid.addWidget(box, row, 1)
            self.mapping_grid.addWidget(note, row, 2)
            self.column_boxes[column.index] = box
            self.column_notes[column.index] = note
        self.mapping_grid.setRowStretch(len(self.column_boxes), 1)

    def _on_column_changed(self, index: int) -> None:
        """A field is read from one column: choosing it here clears it elsewhere."""
        name = self.column_boxes[index].currentData()
        if name is not None:
            for other, box in self.column_boxes.items():
                if other != index and box.currentData() == name:
                    box.blockSignals(True)
                    box.setCurrentIndex(0)
                    box.blockSignals(False)
                    self.column_notes[other].setText(self.tr("ignored by you"))
        self.column_notes[index].setText(
            self.tr("set by you") if name is not None else self.tr("ignored by you")
        )
        self.refresh_preview()

    def mapping(self) -> ColumnMapping:
        assert self.guessed is not None
        chosen = {
            box.currentData(): index
            for index, box in self.column_boxes.items()
            if box.currentData() is not None
        }
        return self.guessed.with_fields(chosen)

    def note(self, text: str) -> str:
        """A column's note from desktop.imports in the user's language."""
        if text.startswith("ambiguous: could be "):
            label = text.removeprefix("ambiguous: could be ")
            return self.tr("ambiguous: could be {0}").format(self.field_label(label))
        return {
            "": "",
            "not a known column": self.tr("not a known column"),
            "set by you": self.tr("set by you"),
            "ignored by you": self.tr("ignored by you"),
            "a system column of the program": self.tr("a system column of the program"),
            "Fieldbook has no field for it": self.tr("Fieldbook has no field for it"),
            "contacts are imported on their own": self.tr("contacts are imported on their own"),
            "the same as Name": self.tr("the same as Name"),
            "your own company in Odoo": self.tr("your own company in Odoo"),
            "contacts have no owner in Fieldbook": self.tr("contacts have no owner in Fieldbook"),
        }.get(text, text)

    def field_label(self, label: str) -> str:
        """An import field (its English label in desktop.imports.fields) in the
        user's language."""
        return {
            "Name": self.tr("Name"),
            "Short name": self.tr("Short name"),
            "Credit code": self.tr("Credit code"),
            "Industry": self.tr("Industry"),
            "Province": self.tr("Province"),
            "City": self.tr("City"),
            "Address": self.tr("Address"),
            "Phone": self.tr("Phone"),
            "Website": self.tr("Website"),
            "Tier": self.tr("Tier"),
            "Status": self.tr("Status"),
            "Owner": self.tr("Owner"),
            "Potential": self.tr("Potential"),
            "Tags": self.tr("Tags"),
            "Notes": self.tr("Notes"),
            "Account": self.tr("Account"),
            "First name": self.tr("First name"),
            "Last name": self.tr("Last name"),
            "Title": self.tr("Title"),
            "Department": self.tr("Department"),
            "Role": self.tr("Role"),
            "Mobile": self.tr("Mobile"),
            "Email": self.tr("Email"),
            "WeChat": self.tr("WeChat"),
            "Birthday": self.tr("Birthday"),
            "SKU": self.tr("SKU"),
            "Specification": self.tr("Specification"),
            "Unit": self.tr("Unit"),
            "List price": self.tr("List price"),
            "Tax rate": self.tr("Tax rate"),
            "Category": self.tr("Category"),
            "Rep": self.tr("Rep"),
            "Period": self.tr("Period"),
            "Target": self.tr("Target"),
        }.get(label, label)

    def word_table(self) -> str:
        """The tier and status words an import understands (desktop.imports.values)."""
        lines = [self.tr("Words read as a tier or a status:")]
        for table in (TIER_WORDS, STATUS_WORDS):
            by_value: dict[str, list[str]] = {}
            for word, value in table.items():
                by_value.setdefault(value, []).append(word)
            for value, words in by_value.items():
                shown = value_label("account", "status", value) if table is STATUS_WORDS else value
                lines.append(f"{shown}: {', '.join(words)}")
        return "\n".join(lines)

    # -- owners ----------------------------------------------------------------------------

    def options(self) -> Options:
        table = self.table_data
        options = Options(unmatched_skip=table is not None and table.format == "vcard")
        if self.all_mine.isChecked() and self.kind.currentData() == "accounts":
            options.owner = self.ctx.user_id
        options.owners = {fold(name): user for name, user in self.owner_choices.items()}
        return options

    def _show_owners(self, unknown: dict[str, int]) -> None:
        self.owner_counts.update(unknown)
        names = [n for n in self.owner_counts if n in unknown or n in self.owner_choices]
        if set(names) == set(self.owner_boxes):
            # The same owners: keep the lists (and the focus) the user is working in.
            self.owners_box.setVisible(bool(names) or self.all_mine.isChecked())
            return
        while self.owners_form.rowCount():
            self.owners_form.removeRow(0)
        self.owner_boxes = {}
        for name in sorted(names, key=lambda n: -self.owner_counts[n]):
            box = QComboBox()
            box.addItem(self.tr("(choose a user)"), None)
            for uid, display in self.users:
                box.addItem(display, uid)
            box.setCurrentIndex(max(box.findData(self.owner_choices.get(name)), 0))
            box.currentIndexChanged.connect(lambda _i, owner=name: self._on_owner(owner))
            label = self.tr("{0} ({1} rows)").format(name, self.owner_counts[name])
            self.owners_form.addRow(label, box)
            self.owner_boxes[name] = box
        self.owners_box.setVisible(bool(names) or self.all_mine.isChecked())

    def _on_owner(self, name: str) -> None:
        user = self.owner_boxes[name].currentData()
        if user is None:
            self.owner_choices.pop(name, None)
        else:
            self.owner_choices[name] = user
        self.refresh_preview()

    # -- preview and commit ----------------------------------------------------------------

    def refresh_preview(self) -> None:
        if self.table_data is None or self.guessed is None:
            return
        kind, table, mapping, options = (
            self.kind.currentData(),
            self.table_data,
            self.mapping(),
            self.options(),
        )
        actor = self.ctx.user_id
        self.import_button.setEnabled(False)

        def work(session: Session) -> tuple[Preview, list[tuple[str, str]]]:
            checked = preview(session, kind, table, mapping, actor_id=actor, options=options)
            return checked, list_users(session)

        self.ctx.tasks.read(work, self._on_preview, self._on_error, key="import-preview")

    def _on_preview(self, result: tuple[Preview, list[tuple[str, str]]]) -> None:
        checked, self.users = result
        self.preview = checked
        self._show_owners(checked.unknown_owners)
        self.words.setText(
            "\n".join(
                self.tr("Read as {0}: {1} → {2} ({3} rows)").format(
                    self.field_label(label),
                    word,
                    value_label("account", "status", result) if label == "Status" else result,
                    count,
                )
                for (label, word, result), count in sorted(checked.words.items())
            )
        )
        c = checked.counts
        if checked.unmapped_required:
            text = self.tr("Choose a column for: {0}").format(
                ", ".join(self.field_label(label) for label in checked.unmapped_required)
            )
        else:
            text = self.tr(
                "{0} to create, {1} to update, {2} unchanged, {3} skipped, {4} with errors"
            ).format(c["create"], c["update"], c["unchanged"], c["skip"], c["error"])
            if checked.unknown_owners:
                text += " " + self.tr("Choose a user for each owner on the left.")
        self.summary.setText(text)
        self._show_rows()
        self.import_button.setEnabled(refusal(checked) is None and checked.writes > 0)

    def _show_rows(self) -> None:
        if self.preview is None:
            return
        only = self.show_only.currentData()
        rows = self.preview.rows
        self.model.set_rows([r for r in rows if r.action == only] if only else rows)

    def details(self, row: RowPreview) -> str:
        if row.problems:
            return problems_text(row.problems, self.field_label)
        if row.reason:
            return row.reason
        return ", ".join(f"{name}: {old} → {new}" for name, (old, new) in row.changes.items())

    def commit(self) -> None:
        checked = self.preview
        if checked is None or refusal(checked) is not None:
            return
        source = self.path.name if self.path else ""
        self.import_button.setEnabled(False)

        def work(uow: UnitOfWork) -> ImportResult:
            return apply(uow, checked, source=source)

        def done(result: ImportResult) -> None:
            self.summary.setText(
                self.tr("Imported: {0} created, {1} updated.").format(
                    result.created, result.updated
                )
            )
            # The rows are in: the old preview would offer the same import again.
            self.preview = None
            self.model.set_rows([])

        self.ctx.tasks.write(work, done, self._on_error, reason=f"imported from {source}")
