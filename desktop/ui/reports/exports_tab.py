"""The Reports page's meeting pack and list exports: each a cancellable job with a
progress bar, written where the user chose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.reports import exports
from desktop.reports.meeting_pack import build_meeting_pack
from desktop.reports.xlsx import ExportCancelled
from desktop.ui.context import AppContext
from desktop.ui.i18n import interface_language
from desktop.ui.reports.choices import current_quarter, fill_team_combo
from desktop.ui.tasks import Cancelled, Job


class ExportsTab(QWidget):
    """The meeting pack and the account list, written on a worker with progress and cancel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.last_path: Path | None = None
        layout = QVBoxLayout(self)
        pack = QGroupBox(self.tr("Meeting pack"))
        form = QFormLayout(pack)
        self.period = QLineEdit(current_quarter())
        self.period.setObjectName("pack-period")
        self.team = QComboBox()
        self.team.addItem(self.tr("All teams"), None)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(self.language.findData(interface_language()))
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Headers in"), self.language)
        self.pack_button = QPushButton(self.tr("Export meeting pack…"))
        self.pack_button.clicked.connect(self._ask_pack)
        form.addRow(self.pack_button)
        layout.addWidget(pack)
        lists = QGroupBox(self.tr("Lists"))
        row = QHBoxLayout(lists)
        self.accounts_button = QPushButton(self.tr("Export all accounts…"))
        self.accounts_button.clicked.connect(self._ask_accounts)
        self.targets_button = QPushButton(self.tr("Export targets grid…"))
        self.targets_button.clicked.connect(self._ask_targets)
        row.addWidget(self.accounts_button)
        row.addWidget(self.targets_button)
        row.addStretch(1)
        layout.addWidget(lists)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("export-progress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.status = QLabel()
        self.status.setObjectName("export-status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def set_teams(self, teams: list[tuple[str, str]]) -> None:
        fill_team_combo(self.team, teams, self.tr("All teams"))

    def _ask(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save workbook"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not name:
            return None
        return Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def _ask_pack(self) -> None:
        path = self._ask(f"meeting-pack-{self.period.text().strip()}.xlsx")
        if path is not None:
            self.export_meeting_pack(path)

    def _ask_accounts(self) -> None:
        path = self._ask("accounts.xlsx")
        if path is not None:
            self.export_accounts(path)

    def _ask_targets(self) -> None:
        path = self._ask("targets.xlsx")
        if path is not None:
            self.export_targets(path)

    def _start(self, work: Any, done_text: str) -> Job:
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        for button in (self.pack_button, self.accounts_button, self.targets_button):
            button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))

        def finished(result: tuple[Path, int]) -> None:
            self._stop()
            self.last_path = result[0]
            self.status.setText(done_text.format(result[1], str(result[0])))

        self.job = self.ctx.tasks.run(work, finished, self._failed, self._on_progress, key="export")
        return self.job

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error: BaseException) -> None:
        self._stop()
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
        else:
            self.status.setText(self.tr("Export failed: {0}").format(str(error)))

    def _stop(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        for button in (self.pack_button, self.accounts_button, self.targets_button):
            button.setEnabled(True)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def export_meeting_pack(self, path: Path) -> Job:
        period = self.period.text().strip()
        team_id = self.team.currentData()
        language = self.language.currentData()
        db, zone = self.ctx.db, self.ctx.zone

        def work(job: Job) -> tuple[Path, int]:
            def progress(done: int, total: int) -> None:
                job.check()
                job.progress(done, total)

            with db.sessions() as session:
                result = build_meeting_pack(
                    session,
                    path,
                    period,
                    team_id=team_id,
                    language=language,
                    tz=zone,
                    progress=progress,
                )
            return path, len(result.sheets)

        return self._start(work, self.tr("Wrote {0} sheets to {1}"))

    def export_accounts(self, path: Path) -> Job:
        language = self.language.currentData()
        db, zone = self.ctx.db, self.ctx.zone

        def work(job: Job) -> tuple[Path, int]:
            with db.sessions() as session:
                total = exports.count_accounts(session)
                try:
                    count = exports.export_accounts(
                        session,
                        path,
                        language=language,
                        tz=zone,
                        progress=lambda n: job.progress(n, total),
                        cancelled=lambda: job.cancelled,
                    )
                except ExportCancelled as exc:
                    raise Cancelled from exc
            return path, count

        return self._start(work, self.tr("Wrote {0} accounts to {1}"))

    def export_targets(self, path: Path) -> Job:
        language = self.language.currentData()
        db = self.ctx.db

        def work(job: Job) -> tuple[Path, int]:
            with db.sessions() as session:
                return path, exports.export_targets(session, path, language=language)

        return self._start(work, self.tr("Wrote {0} targets to {1}"))
