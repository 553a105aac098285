"""The account detail's Files tab: the attached files, add (of a kind), open, remove.
It only asks (signals); the page does the writes and reads."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.services import attachments
from desktop.domain.services.records import Record
from desktop.ui.format import local_datetime, show_as_error
from desktop.ui.table_model import RecordTableModel, setup_table


def file_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class FilesTab(QWidget):
    add_requested = Signal(str, str)  # path, kind
    open_requested = Signal(str)  # attachment id
    remove_requested = Signal(str)

    def __init__(self, zone: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        layout = QVBoxLayout(self)
        self.kinds = {
            "business_licence": self.tr("Business licence"),
            "contract": self.tr("Contract"),
            "business_card": self.tr("Business card"),
            "other": self.tr("Other file"),
        }

        def cell(item: Record, column: int) -> str:
            if column == 0:
                return str(item["filename"])
            if column == 1:
                return self.kinds.get(item["kind"], item["kind"])
            if column == 2:
                return file_size(int(item["size"]))
            return local_datetime(item["created_at"], self.zone)

        self.model = RecordTableModel(
            [self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("Added")], cell, self
        )
        self.view = setup_table(
            QTableView(),
            self.model,
            "files-view",
            row_numbers=True,
            fit=QHeaderView.ResizeMode.ResizeToContents,
            stretch_last=True,
        )
        self.view.doubleClicked.connect(lambda _i: self._open())
        layout.addWidget(self.view)
        self.message = QLabel()
        self.message.setObjectName("files-message")
        show_as_error(self.message)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("file-kind")
        for kind, label in self.kinds.items():
            self.kind.addItem(label, kind)
        add = QPushButton(self.tr("Add file…"))
        add.setObjectName("file-add")
        add.clicked.connect(self._choose)
        open_button = QPushButton(self.tr("Open"))
        open_button.setObjectName("file-open")
        open_button.clicked.connect(self._open)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("file-remove")
        remove.clicked.connect(self._remove)
        for widget in (self.kind, add, open_button, remove):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(
            self.tr("Files are copied into the data folder; at most %1 MB each.").replace(
                "%1", str(attachments.MAX_BYTES // (1024 * 1024))
            )
        )
        hint.setEnabled(False)
        layout.addWidget(hint)

    def show_files(self, files: list[Record]) -> None:
        self.model.set_rows(files)
        self.message.setText("")

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path:
            self.add_requested.emit(path, self.kind.currentData())

    def _selected(self) -> Record | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        item: Record = self.model.rows[rows[0].row()]
        return item

    def _open(self) -> None:
        if (item := self._selected()) is not None:
            self.open_requested.emit(item["id"])

    def _remove(self) -> None:
        if (item := self._selected()) is not None:
            self.remove_requested.emit(item["id"])
