"""The quote as PDF from the window: in the interface's language unless the user picks
the other one, with the seller's details (policy ``seller``), and a 草稿/待审批
watermark on a quote that is not approved. The first export of a run without seller
details says so and offers the settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from desktop.domain.services import quotes, seller
from desktop.domain.services.quotes import QuoteView
from desktop.reports.quote_document import Company, build, to_html
from desktop.ui.context import AppContext
from desktop.ui.i18n import interface_language
from desktop.ui.pdf import render_pdf


def ask_and_export(
    ctx: AppContext, parent: QWidget, view: QuoteView, done: Callable[[Path], None]
) -> None:
    """Say once when the seller details are missing, then ask where (and in which
    language) to save the quote, then export it."""

    def checked(details: dict[str, str]) -> None:
        if seller.is_set(details) or ctx.seller_prompted:
            choose_file(ctx, parent, view, done)
            return
        ctx.seller_prompted = True
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("QuotePdf", "Seller details not set"),
            QCoreApplication.translate(
                "QuotePdf",
                "Your company's details (name, address, tax id, bank, account number, "
                "invoice type) are not set yet, so the quote has no letterhead and an "
                "empty supplier block. An administrator sets them once in Settings → Seller.",
            ),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setObjectName("seller-missing")
        settings = None
        if ctx.is_manager:  # the Seller tab is there (an admin's to edit)
            settings = box.addButton(
                QCoreApplication.translate("QuotePdf", "Open settings"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        box.addButton(
            QCoreApplication.translate("QuotePdf", "Export anyway"),
            QMessageBox.ButtonRole.RejectRole,
        )

        def answered() -> None:
            if settings is not None and box.clickedButton() is settings:
                from desktop.ui.settings_dialog import SettingsDialog

                dialog = SettingsDialog(ctx, parent)
                dialog.setObjectName("settings-from-pdf")
                dialog.open()
            else:
                choose_file(ctx, parent, view, done)

        box.finished.connect(answered)
        box.open()

    ctx.tasks.read(seller.load, checked, key="quote-pdf-seller")


def choose_file(
    ctx: AppContext, parent: QWidget, view: QuoteView, done: Callable[[Path], None]
) -> None:
    quote = view.quote
    suggested = str(Path.home() / f"{quote['number']}-{quote['revision']}.pdf")
    filters = {
        "zh_CN": QCoreApplication.translate("QuotePdf", "PDF in Chinese (*.pdf)"),
        "en": QCoreApplication.translate("QuotePdf", "PDF in English (*.pdf)"),
    }
    first = interface_language()
    ordered = [filters[first], *(f for lang, f in filters.items() if lang != first)]
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("QuotePdf", "Save quote as PDF"),
        suggested,
        ";;".join(ordered),
        ordered[0],
    )
    if path:
        lang = next((lang for lang, f in filters.items() if f == chosen), first)
        export(ctx, str(quote["id"]), Path(path), lang, done)


def export(
    ctx: AppContext,
    quote_id: str,
    path: Path,
    lang: str,
    done: Callable[[Path], None],
    failed: Callable[[BaseException], None] | None = None,
) -> None:
    """Read the saved quote and the seller in the background, then render here (Qt paints
    on the GUI thread); what prints is what was saved."""

    def load(session: Session) -> tuple[QuoteView, dict[str, str]]:
        return quotes.get_quote(session, quote_id), seller.load(session)

    def rendered(loaded: tuple[QuoteView, dict[str, str]]) -> None:
        view, details = loaded
        document = build(view, Company.of(details, ctx.settings), lang)
        try:
            render_pdf(
                to_html(document),
                path,
                f"{document.title} {document.number}",
                watermark=document.watermark,
            )
        except OSError as exc:
            if failed is not None:
                failed(exc)
            return
        done(path)

    ctx.tasks.read(load, rendered, failed)
