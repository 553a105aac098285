"""Settings: language, data folder, server, company details for documents."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import choose_data_dir, chosen_data_dir
from desktop.ui.context import AppContext
from desktop.ui.i18n import LANGUAGES


def server_url_problem(url: str, allow_plain_http: bool) -> str | None:
    """None if the URL is acceptable; plain http only to this computer unless allowed."""
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("https", "http") or not parsed.hostname:
        return "not a web address (https://server.example.com)"
    local = parsed.hostname in ("localhost", "127.0.0.1", "::1")
    if parsed.scheme == "http" and not (local or allow_plain_http):
        return "plain http sends your password unencrypted; use https"
    return None


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        settings = ctx.settings
        layout = QVBoxLayout(self)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        form.addRow(self.tr("Language:"), self.language)

        self.data_dir = QLineEdit(str(chosen_data_dir() or ctx.data_dir))
        self.data_dir.setReadOnly(True)
        browse = QPushButton(self.tr("Change…"))
        browse.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Data folder:"), row)
        form.addRow("", QLabel(self.tr("Language and data folder apply after a restart.")))
        layout.addWidget(general)

        sync = QGroupBox(self.tr("Sync"))
        form = QFormLayout(sync)
        self.allow_http = QCheckBox(self.tr("Allow plain HTTP to another computer (unsafe)"))
        self.allow_http.setChecked(bool(settings.get("allow_plain_http")))
        form.addRow("", self.allow_http)
        self.sync_interval = QComboBox()
        self.sync_interval.setObjectName("sync-interval")
        for seconds, text in (
            (60, self.tr("Every minute")),
            (300, self.tr("Every 5 minutes")),
            (900, self.tr("Every 15 minutes")),
            (1800, self.tr("Every 30 minutes")),
            (0, self.tr("Only when I press Sync")),
        ):
            self.sync_interval.addItem(text, seconds)
        interval = int(settings.get("sync_interval_s"))
        interval = max(interval, 0)
        if self.sync_interval.findData(interval) < 0:  # set elsewhere: keep it, say what it is
            text = (
                self.tr("Every %1 minutes").replace("%1", str(interval // 60))
                if interval % 60 == 0
                else self.tr("Every %1 seconds").replace("%1", str(interval))
            )
            self.sync_interval.addItem(text, interval)
        self.sync_interval.setCurrentIndex(self.sync_interval.findData(interval))
        form.addRow(self.tr("Sync automatically:"), self.sync_interval)
        from desktop.ui.sync.dialogs import AccountRow

        self.sync_account = AccountRow(ctx, self)
        form.addRow(self.tr("Account:"), self.sync_account)
        layout.addWidget(sync)

        # Per computer: printed until an admin sets the seller's details for everyone.
        company = QGroupBox(self.tr("Company details on this computer's documents"))
        form = QFormLayout(company)
        self.company_name = QLineEdit(str(settings.get("company_name")))
        self.company_address = QLineEdit(str(settings.get("company_address")))
        self.company_phone = QLineEdit(str(settings.get("company_phone")))
        self.company_logo = QLineEdit(str(settings.get("company_logo")))
        logo_button = QPushButton(self.tr("Choose…"))
        logo_button.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.company_logo, 1)
        logo_row.addWidget(logo_button)
        form.addRow(self.tr("Name:"), self.company_name)
        form.addRow(self.tr("Address:"), self.company_address)
        form.addRow(self.tr("Phone:"), self.company_phone)
        form.addRow(self.tr("Logo:"), logo_row)
        form.addRow(
            "",
            QLabel(self.tr("Used until an administrator sets the seller's details (Seller tab).")),
        )
        layout.addWidget(company)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if ctx.is_manager:  # managers and admins also set the team's rules (a Rules tab)
            from desktop.ui.rules import add_rules_tab

            self.rules_tab = add_rules_tab(self, layout, ctx)
            from desktop.ui.seller_settings import SellerTab

            self.seller_tab = SellerTab(ctx)
            tabs = self.findChild(QTabWidget, "settings-tabs")
            assert tabs is not None
            tabs.addTab(self.seller_tab, self.tr("Seller"))
            from desktop.ui.accounts.key_account_rules import add_key_account_rules

            self.key_account_rules = add_key_account_rules(self, ctx)
            # One save button per tab: the Rules and Seller tabs save with their own.
            tabs.currentChanged.connect(self._tab_changed)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setVisible(index == 0)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel") if index == 0 else self.tr("Close"))

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the data folder"), self.data_dir.text()
        )
        if folder:
            self.data_dir.setText(folder)

    @Slot()
    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.company_logo.setText(path)

    @Slot()
    def save(self) -> None:
        settings = self.ctx.settings
        settings.set("language", str(self.language.currentData()))
        settings.set("allow_plain_http", self.allow_http.isChecked())
        settings.set("sync_interval_s", int(self.sync_interval.currentData()))
        settings.set("company_name", self.company_name.text().strip())
        settings.set("company_address", self.company_address.text().strip())
        settings.set("company_phone", self.company_phone.text().strip())
        settings.set("company_logo", self.company_logo.text().strip())
        try:
            settings.save()
            folder = Path(self.data_dir.text())
            if folder != (chosen_data_dir() or self.ctx.data_dir):
                choose_data_dir(folder)
        except OSError as exc:
            QMessageBox.critical(
                self,
                self.tr("Settings not saved"),
                self.tr("The settings could not be saved: %1").replace("%1", str(exc)),
            )
            return
        self.sync_account.controller.apply_interval()  # the running timer follows at once
        self.accept()
