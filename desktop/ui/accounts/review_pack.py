"""The account's "Review pack…": asks where to save it, as PDF or Excel and in which
language (the file type says both, the interface's language offered first); reads,
draws the charts and writes a workbook on a worker, lays a PDF out on the GUI thread
(desktop/ui/review_pack_file.py), and says where it went, or why not, under the
account's owner line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desktop.domain.errors import NotFoundError
from desktop.ui.accounts.detail import AccountDetail
from desktop.ui.context import AppContext
from desktop.ui.failure import sentence
from desktop.ui.format import fill
from desktop.ui.i18n import interface_language
from desktop.ui.pdf import register_bundled_font
from desktop.ui.review_pack_file import PackFile, prepare, print_pdf
from desktop.ui.tasks import Job, TaskFailed


class AccountReviewPack(QObject):
    def __init__(self, ctx: AppContext, detail: AccountDetail, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.folder = Path.home()
        detail.review_pack_requested.connect(self.ask)

    def kinds(self) -> dict[str, tuple[str, str]]:
        """File-type filter -> (suffix, language), the interface's language first."""
        kinds = {
            self.tr("PDF in Chinese (*.pdf)"): (".pdf", "zh_CN"),
            self.tr("PDF in English (*.pdf)"): (".pdf", "en"),
            self.tr("Excel in Chinese (*.xlsx)"): (".xlsx", "zh_CN"),
            self.tr("Excel in English (*.xlsx)"): (".xlsx", "en"),
        }
        first = interface_language()
        return dict(sorted(kinds.items(), key=lambda item: item[1][1] != first))

    def ask(self) -> None:
        account = self.detail.account
        if account is None:
            return
        year = dt.datetime.now(self.ctx.zone).year
        kinds = self.kinds()
        name = f"{account['name']}-{self.tr('review pack')}-{year}.pdf"
        path, chosen = QFileDialog.getSaveFileName(
            self.detail,
            self.tr("Save the review pack"),
            str(self.folder / name),
            ";;".join(kinds),
            next(iter(kinds)),
        )
        if not path:
            return
        suffix, language = kinds.get(chosen, next(iter(kinds.values())))
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.folder = target.parent
        self.write(str(account["id"]), target, language, year)

    def write(self, account_id: str, path: Path, language: str, year: int) -> None:
        """Collect and write on a worker; the message says the outcome."""
        register_bundled_font()  # once, here: Qt's font database is set up on this thread
        now = dt.datetime.now(dt.UTC)
        zone, db = self.ctx.zone, self.ctx.db
        self.detail.review_pack_button.setEnabled(False)
        self.detail.pack_message.note(self.tr("Writing the review pack…"))
        self.detail.pack_message.show()

        def work(job: Job) -> PackFile:
            with db.sessions() as session:
                return prepare(
                    session, account_id, path, language=language, year=year, now=now, zone=zone
                )

        def prepared(pack: PackFile) -> None:
            try:
                print_pdf(pack)  # a QTextDocument: laid out here, on the GUI thread
            except OSError as exc:
                self.failed(TaskFailed(sentence(exc, self.ctx.data_dir), exc))
                return
            self.saved(path)

        self.ctx.tasks.run(work, prepared, self.failed, key="review-pack")

    def saved(self, path: Path) -> None:
        self.detail.review_pack_button.setEnabled(True)
        self.detail.pack_message.note(fill(self.tr("Review pack saved to %1"), path))

    def failed(self, error: BaseException) -> None:
        self.detail.review_pack_button.setEnabled(True)
        if isinstance(error, TaskFailed):  # a full disk, no permission: the sentence says
            text = str(error)
        elif isinstance(error, OSError):
            text = fill(
                self.tr("The review pack was not saved: %1"), error.strerror or type(error).__name__
            )
        elif isinstance(error, NotFoundError):  # the account was deleted meanwhile
            text = self.tr("The review pack was not saved: the account is no longer there.")
        else:
            text = self.tr("The review pack was not saved.")
        self.detail.pack_message.setText(text)
