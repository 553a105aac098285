"""Export what a list shows to .xlsx: the columns the user has visible, in their
on-screen order, with the list's filter and sort, and every matching row.

``ListExport(view, ctx, title)`` gives a list its "Export to Excel…" action: a button
for the page's layout (``button``), the table's context menu and Ctrl+E. It asks for a
file name (remembering the folder), then writes the workbook on a worker through
``ctx.tasks.run`` with a progress dialog whose Cancel leaves no file behind.

The source model (under any sort/filter proxies) speaks three methods:
``export_kind(column)`` (an ``desktop.reports.xlsx`` kind), ``export_item(row)`` (the
plain row behind a model row) and ``export_value(item, column)`` (a typed value:
Decimal money, dates, aware datetimes; written in the user's zone). ``TableModel`` has
them. A lazy list that holds only part of its rows passes ``rows``: a function that
returns ``LazyRows``, whose ``fetch(session)`` runs the list's own service query again
on the worker and yields every row, in the list's order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.reports.xlsx import Column, ExportCancelled, SheetWriter, new_workbook, save_atomically
from desktop.ui.context import AppContext
from desktop.ui.tasks import Cancelled, Job

STATE_FILE = "ui-state.ini"  # the window's own state beside the data (not user settings)
FOLDER_KEY = "export/folder"
SHORTCUT = "Ctrl+E"
EXPORT_PAGE = 1000  # rows a lazy list reads per query while exporting


class ExportableModel(Protocol):
    def export_kind(self, column: int) -> str: ...
    def export_item(self, row: int) -> Any: ...
    def export_value(self, item: Any, column: int) -> Any: ...


@dataclass(frozen=True)
class LazyRows:
    """Every row of a lazy list: ``fetch(session)`` yields them in the list's order on
    the worker; ``total`` sizes the progress bar (0: unknown)."""

    fetch: Callable[[Session], Iterable[Any]]
    total: int = 0


def by_ids(
    find_ids: Callable[[Session], Sequence[str]],
    fetch_page: Callable[[Session, list[str]], Mapping[str, Any]],
    total: int = 0,
    page_size: int = EXPORT_PAGE,
) -> LazyRows:
    """A list that holds ids: run its query again for every id (the list itself may
    hold only the first ones), then fetch the rows a page at a time, in that order
    (rows deleted meanwhile are left out)."""

    def fetch(session: Session) -> Iterator[Any]:
        ids = list(find_ids(session))
        for start in range(0, len(ids), page_size):
            page = ids[start : start + page_size]
            found = fetch_page(session, page)
            yield from (found[i] for i in page if i in found)

    return LazyRows(fetch, total)


def by_offset(
    fetch_page: Callable[[Session, int, int], list[Any]], total: int, page_size: int = EXPORT_PAGE
) -> LazyRows:
    """A list paged by offset: ``fetch_page(session, offset, limit)`` until a short page."""

    def fetch(session: Session) -> Iterator[Any]:
        offset = 0
        while True:
            page = fetch_page(session, offset, page_size)
            yield from page
            if len(page) < page_size:
                return
            offset += page_size

    return LazyRows(fetch, total)


def visible_columns(view: QTableView) -> list[int]:
    """The logical columns the user sees, in their on-screen (visual) order."""
    header = view.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [column for column in logical if not header.isSectionHidden(column)]


def source_of(model: QAbstractItemModel) -> QAbstractItemModel:
    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    return model


def items_in_view_order(view: QTableView) -> list[Any]:
    """The plain rows behind what the view shows, after its proxies filtered and sorted."""
    model = view.model()
    source = source_of(model)
    exportable: ExportableModel = source  # type: ignore[assignment]
    items = []
    for row in range(model.rowCount()):
        index: QModelIndex = model.index(row, 0)
        through = model
        while isinstance(through, QAbstractProxyModel):
            index = through.mapToSource(index)
            through = through.sourceModel()
        items.append(exportable.export_item(index.row()))
    return items


@dataclass(frozen=True)
class ExportPlan:
    """What to write, decided on the GUI thread from what the view shows."""

    title: str
    columns: list[int]
    sheet_columns: list[Column]
    model: ExportableModel
    items: list[Any] | None  # None: ``lazy`` reads them
    lazy: LazyRows | None

    @property
    def total(self) -> int:
        return len(self.items) if self.items is not None else (self.lazy.total if self.lazy else 0)


def plan_export(
    view: QTableView, title: str, rows: Callable[[], LazyRows] | None = None
) -> ExportPlan:
    model = view.model()
    source = source_of(model)
    if not hasattr(source, "export_value"):
        raise TypeError(f"{type(source).__name__} cannot export (no export_value)")
    exportable: ExportableModel = source  # type: ignore[assignment]
    columns = visible_columns(view)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    sheet_columns = [
        Column(header, exportable.export_kind(c))
        for header, c in zip(headers, columns, strict=True)
    ]
    lazy = rows() if rows is not None else None
    items = None if lazy is not None else items_in_view_order(view)
    return ExportPlan(title, columns, sheet_columns, exportable, items, lazy)


def write_plan(plan: ExportPlan, path: Path, job: Job, db: Any, zone: Any) -> int:
    """On the worker: stream the rows into a write-only workbook, then save it whole.

    A cancel (checked on every row) drops what was streamed and writes no file."""
    total = plan.total

    def values(items: Iterable[Any]) -> Iterator[list[Any]]:
        for item in items:
            job.check()
            yield [plan.model.export_value(item, c) for c in plan.columns]

    def progress(done: int) -> None:
        job.progress(done, max(total, done))

    workbook = new_workbook()
    writer = SheetWriter(workbook, plan.title, plan.sheet_columns, tz=zone)
    try:
        if plan.lazy is not None:
            with db.sessions() as session:
                count = writer.write(
                    values(plan.lazy.fetch(session)),
                    progress=progress,
                    cancelled=lambda: job.cancelled,
                )
        else:
            count = writer.write(
                values(plan.items or []), progress=progress, cancelled=lambda: job.cancelled
            )
        job.check()
    except (Cancelled, ExportCancelled) as exc:
        writer.discard()
        raise Cancelled from exc
    save_atomically(workbook, path)
    return count


class ExportProgress(QDialog):
    """Rows written so far, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, title: str, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export-progress")
        self.setWindowTitle(self.tr("Export to Excel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Exporting %1…").replace("%1", title))
        self.bar = QProgressBar()
        self.bar.setRange(0, total)  # 0..0: busy until the first figures arrive
        self.bar.setValue(0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("export-cancel")
        self.cancel_button.clicked.connect(self.request_cancel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(row)
        self.setMinimumWidth(360)
        self.done_ = False

    def set_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def request_cancel(self) -> None:
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)
        self.cancel_requested.emit()

    def reject(self) -> None:  # Esc
        if not self.done_:
            self.request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.done_:
            event.ignore()
            self.request_cancel()
            return
        super().closeEvent(event)

    def finish(self) -> None:
        self.done_ = True
        self.close()
        self.deleteLater()


class ListExport(QObject):
    """The "Export to Excel…" action of one list view. See the module docstring."""

    finished = Signal(str, int)  # path, rows written
    failed = Signal(str)  # a message; "" when the user cancelled

    def __init__(
        self,
        view: QTableView,
        ctx: AppContext,
        title: Callable[[], str],
        *,
        rows: Callable[[], LazyRows] | None = None,
        scope: QWidget | None = None,
        shortcut: bool = True,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = ctx
        self.title = title
        self.rows = rows
        self.job: Job | None = None
        self.dialog: ExportProgress | None = None
        self.last_path: Path | None = None
        self.action = QAction(self.tr("Export to Excel…"), view)
        self.action.setObjectName("export-xlsx")
        if shortcut:  # off for a list inside another list's scope: Ctrl+E would be ambiguous
            self.action.setShortcut(QKeySequence(SHORTCUT))
            self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(self.ask)
        # In the table's context menu; Ctrl+E wherever the focus is in ``scope``
        # (the page, say, so it works from the search box too).
        view.addAction(self.action)
        if scope is not None:
            scope.addAction(self.action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.button = QPushButton(self.tr("Export to Excel…"))
        self.button.setObjectName("export-xlsx-button")
        self.button.setToolTip(
            self.tr("Export the rows and columns shown (%1)").replace("%1", SHORTCUT)
            if shortcut
            else self.tr("Export the rows and columns shown")
        )
        self.button.clicked.connect(self.ask)

    # -- the file ---------------------------------------------------------------------

    def _state(self) -> QSettings:
        return QSettings(str(self.ctx.data_dir / STATE_FILE), QSettings.Format.IniFormat)

    def suggested_path(self) -> Path:
        folder = self._state().value(FOLDER_KEY)
        base = Path(str(folder)) if folder else Path.home()
        today = dt.datetime.now(self.ctx.zone).date().isoformat()
        return base / f"{self.title()} {today}.xlsx"

    def ask(self) -> None:
        if self.job is not None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.view.window(),
            self.tr("Export to Excel"),
            str(self.suggested_path()),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
        self._state().setValue(FOLDER_KEY, str(path.parent))
        self.export_to(path)

    # -- the work ---------------------------------------------------------------------

    def export_to(self, path: Path) -> Job:
        """Write what the view shows now to ``path``, on a worker, with progress."""
        title = self.title()
        plan = plan_export(self.view, title, self.rows)
        db, zone = self.ctx.db, self.ctx.zone
        self.dialog = ExportProgress(title, plan.total, self.view.window())
        self.button.setEnabled(False)
        self.action.setEnabled(False)
        job = self.ctx.tasks.run(
            lambda job: write_plan(plan, path, job, db, zone),
            lambda count: self._done(path, count),
            self._failed,
            self._progress,
        )
        self.job = job
        self.dialog.cancel_requested.connect(job.cancel)
        self.dialog.show()
        return job

    def cancel(self) -> None:
        if self.dialog is not None:
            self.dialog.request_cancel()

    def _progress(self, done: int, total: int, _text: str) -> None:
        if self.dialog is not None:
            self.dialog.set_progress(done, total)

    def _end(self) -> None:
        self.job = None
        self.button.setEnabled(True)
        self.action.setEnabled(True)
        if self.dialog is not None:
            self.dialog.finish()
            self.dialog = None

    def _done(self, path: Path, count: int) -> None:
        self._end()
        self.last_path = path
        self._tell(self.tr("Exported %n row(s) to %1", "", count).replace("%1", str(path)))
        self.finished.emit(str(path), count)

    def _failed(self, error: BaseException) -> None:
        self._end()
        if isinstance(error, Cancelled):
            self._tell(self.tr("Export cancelled; no file was written."))
            self.failed.emit("")
            return
        message = self.tr("Export failed: %1").replace("%1", str(error) or type(error).__name__)
        self._tell(message)
        self.failed.emit(message)

    def _tell(self, text: str) -> None:
        window = self.view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)  # stays until the next message
