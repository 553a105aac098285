"""The main window: navigation on the left, pages on the right, status bar below.

The window is built and painted before the database is open (``attach`` comes after
the first paint), so the user sees Fieldbook at once; SQLAlchemy, the models and the
migration check load behind it.
"""

from __future__ import annotations

import contextlib
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.settings import Settings
from desktop.ui.pages import PAGES
from desktop.ui.window_fit import MINIMUM, fit_geometry, geometry_text, parse_geometry

if TYPE_CHECKING:
    from desktop.ui.context import AppContext
    from desktop.ui.pages.base import Page


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext | None = None, data_dir: Path | None = None) -> None:
        super().__init__()
        self.ctx: AppContext = None  # type: ignore[assignment]  # set by attach()
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Fieldbook"))
        self._data_dir = data_dir or (ctx.data_dir if ctx else None)
        self._fit_to_screen()
        self.pages: dict[str, Page] = {}
        self._keys = [key for key, *_ in PAGES]

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(170)
        for _key, _module, _cls, label in PAGES:
            QListWidgetItem(QCoreApplication.translate("Navigation", label), self.nav)
        self.stack = QStackedWidget()
        for _ in PAGES:
            self.stack.addWidget(QWidget())  # real pages are built when first shown
        self.nav.setStyleSheet(
            "QListWidget#navigation { border: none; outline: 0; background: palette(base); }"
            "QListWidget#navigation::item { padding: 9px 14px; }"
        )
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._show_row)

        self._build_menus()
        self._build_status_bar(data_dir or (ctx.data_dir if ctx else None))
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """The database is open: connect the pages and show the first one."""
        self.ctx = ctx
        ctx.events.open_record.connect(self.open_record)
        ctx.events.sync_state.connect(self._on_sync_state)
        ctx.events.user_changed.connect(self._update_user_label)
        ctx.tasks.failed.connect(self._on_task_failed)
        ctx.tasks.problem.connect(self._on_problem)
        self._set_data_label(ctx.data_dir)
        self._update_user_label()
        from desktop.ui.sync.controller import controller_for

        self.sync = controller_for(ctx, self)
        self.addAction(self.sync.sync_action)  # F5 / Ctrl+R anywhere in the window
        self.sync.wiped.connect(self._on_wiped)
        from desktop.ui.sync.progress import SyncProgressBar

        self.sync_progress = SyncProgressBar(self.sync, parent=self)
        self.statusBar().insertPermanentWidget(2, self.sync_progress)  # before the state
        self.sync.start()
        from desktop.ui.accounts.pool_upkeep import start_pool_upkeep

        start_pool_upkeep(ctx, self)  # idle accounts back to the pool: now, then daily
        for action in (self.settings_action, self.about_action):
            action.setEnabled(True)
        self.statusBar().clearMessage()
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)  # emits, and shows the page
        else:
            self._show_row(self.nav.currentRow())

    @property
    def attached(self) -> bool:
        return self.ctx is not None

    # -- size ----------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        """Open inside the screen's available area (the last geometry when it still fits);
        an explicit minimum keeps a page's size hint from ever growing the window."""
        self.setMinimumSize(MINIMUM)
        saved = None
        if self._data_dir is not None:
            saved = parse_geometry(str(Settings(self._data_dir).get("window_geometry")))
        screen = self.screen() or QGuiApplication.primaryScreen()
        self.setGeometry(fit_geometry(screen.availableGeometry(), saved))

    def _save_geometry(self) -> None:
        if self._data_dir is None or self.isMaximized() or self.isFullScreen():
            return
        settings = Settings(self._data_dir)
        settings.set("window_geometry", geometry_text(self.geometry()))
        with contextlib.suppress(OSError):  # read-only data folder: default size next time
            settings.save()

    # -- pages ---------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            index = self._keys.index(key)
            _key, module, cls, _label = PAGES[index]
            page: Page = getattr(importlib.import_module(module), cls)(self.ctx)
            page.setObjectName(f"page-{key}")
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    def show_page(self, key: str) -> Page:
        self.nav.setCurrentRow(self._keys.index(key))
        return self.pages[key]

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if row < 0 or not self.attached:
            return
        page = self.page(self._keys[row])
        self.stack.setCurrentIndex(row)
        page.activate()

    @Slot(str, str)
    def open_record(self, entity: str, row_id: str) -> None:
        owners = {
            "account": "accounts",
            "contact": "accounts",
            "contract": "accounts",
            "visit": "visits",
            "task": "today",
            "quote": "quotes",
            "sales_order": "quotes",
            "complaint": "complaints",
            "opportunity": "pipeline",
            "sales_target": "targets",
        }
        key = owners.get(entity)
        if key is None:
            return
        page = self.show_page(key)
        page.open_record(entity, row_id)

    # -- menus ---------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_action.setEnabled(False)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, (key, _module, _cls, label) in enumerate(PAGES, start=1):
            action = QAction(QCoreApplication.translate("Navigation", label), self)
            if number <= 9:  # Ctrl+1 … Ctrl+9
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        from desktop.ui.help import add_help_actions

        add_help_actions(self, help_menu)  # User guide (F1), Keyboard shortcuts (Ctrl+/)
        self.about_action = QAction(self.tr("&About Fieldbook"), self)
        self.about_action.triggered.connect(self.open_about)
        self.about_action.setEnabled(False)
        help_menu.addAction(self.about_action)

    @Slot()
    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    @Slot()
    def open_about(self) -> None:
        from desktop.ui.about import AboutDialog

        AboutDialog(self.ctx, self).exec()

    # -- status bar ----------------------------------------------------------
    def _build_status_bar(self, data_dir: Path | None) -> None:
        bar = self.statusBar()
        self.data_label = QLabel()
        self.data_label.setObjectName("status-data-dir")
        if data_dir is not None:
            self._set_data_label(data_dir)
        self.user_label = QLabel()
        self.user_label.setObjectName("status-user")
        self.sync_label = QLabel(self.tr("Offline"))
        self.sync_label.setObjectName("status-sync")
        bar.addWidget(self.data_label, 1)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.sync_label)
        bar.showMessage(self.tr("Opening your data…"))

    def _set_data_label(self, data_dir: Path) -> None:
        self.data_label.setText(self.tr("Data: %1").replace("%1", str(data_dir)))
        self.data_label.setToolTip(str(data_dir))

    @Slot()
    def _update_user_label(self) -> None:
        if self.ctx.signed_in_as:
            text = self.tr("Signed in: %1").replace("%1", self.ctx.signed_in_as)
        else:
            text = self.tr("Not signed in")
        if self.ctx.user_name:
            text += " · " + self.tr("Working as %1").replace("%1", self.ctx.user_name)
        self.user_label.setText(text)

    @Slot(str, str)
    def _on_sync_state(self, state: str, detail: str) -> None:
        self.sync_label.setText(state)
        self.sync_label.setToolTip(detail)

    @Slot(str)
    def _on_task_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Error: %1").replace("%1", message), 10_000)

    @Slot(object)
    def _on_problem(self, error: BaseException) -> None:
        from desktop.ui.failure import show_failure

        show_failure(self, error, self.ctx.data_dir)

    @Slot(str)
    def _on_wiped(self, message: str) -> None:
        """The server revoked this device and its data was erased: say so, then close."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, self.tr("Device revoked"), message)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_geometry()
        if self.attached and hasattr(self, "sync"):
            self.sync.stop()  # no sync timer outlives the window
        for page in self.pages.values():
            page.close()
        super().closeEvent(event)
