"""Screenshots for the README: ``python tools/docs_screenshots.py`` (offscreen).

Builds a demo data folder (300 accounts), opens the main window as its manager on a
1366x768 screen and saves the main pages in English and Chinese under docs/screenshots/,
then an account's profile beside the list, a key account's plan and collections, and
Settings → Rules.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The tests' 1366x768 laptop screen; the window as it is there, maximised below a title bar.
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={ROOT / 'tests' / 'fixtures' / 'laptop_screen.json'}"
)
sys.path.insert(0, str(ROOT))

PAGES = ("today", "accounts", "tasks", "visits", "quotes", "approvals", "pipeline", "reports")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.store.demo import generate
    from desktop.store.migrate import open_database
    from desktop.ui.context import build_context
    from desktop.ui.i18n import install_translators, remove_translators
    from desktop.ui.main_window import MainWindow
    from desktop.ui.pdf import register_bundled_font
    from desktop.ui.window_fit import FRAME

    app = QApplication([])
    # The bundled CJK font (as a Chinese desktop's own would): Chinese text, not boxes.
    register_bundled_font()
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        db = open_database(data)
        with db.sessions() as session, session.begin():
            generate(session, 300, seed=1)
        for language in ("en", "zh_CN"):
            translators = install_translators(app, language)
            ctx = build_context(db, data)
            tasks = ctx.tasks
            window = MainWindow(ctx)
            window.resize(1366, 768 - FRAME)
            window.show()
            for key in PAGES:
                page = window.show_page(key)
                if key == "quotes":  # the editor with a quote, not the empty state
                    tasks.wait_idle()
                    app.processEvents()
                    page.table.selectRow(0)  # type: ignore[attr-defined]
                deadline = time.monotonic() + 1.5
                while time.monotonic() < deadline:
                    app.processEvents()
                    time.sleep(0.01)
                tasks.wait_idle()
                app.processEvents()
                window.grab().save(str(out / f"{key}_{language}.png"))
            profile_and_rules(app, window, out, language)
            window.close()
            tasks.shutdown()
            remove_translators(app, translators)
        db.dispose()
    print(f"saved to {out}")


def settle(app: Any, window: Any) -> None:
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.ctx.tasks.wait_idle()
    app.processEvents()


def key_account(ctx: Any) -> str:
    """The demo's key account with a plan this year and the most instalments."""
    from sqlalchemy import func, select

    from desktop.domain.models import AccountPlan, Instalment

    with ctx.db.sessions() as session:
        query = (
            select(AccountPlan.account_id)
            .join(Instalment, Instalment.account_id == AccountPlan.account_id, isouter=True)
            .group_by(AccountPlan.account_id)
            .order_by(func.count(Instalment.id).desc(), AccountPlan.account_id)
        )
        return str(session.scalars(query).first())


def profile_and_rules(app: Any, window: Any, out: Path, language: str) -> None:
    """The first account's profile beside the list; the Rules tab of the settings."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QScrollArea, QTabWidget

    from desktop.ui.accounts.plan_tab import PlanTab
    from desktop.ui.receivables.account_tab import AccountInstalmentsTab
    from desktop.ui.settings_dialog import SettingsDialog

    page = window.show_page("accounts")
    page.open_account(page.model.ids()[0])
    settle(app, window)
    window.grab().save(str(out / f"account_profile_{language}.png"))
    # A key account's plan and its collections (the demo plans its key accounts).
    page.open_account(key_account(window.ctx))
    settle(app, window)
    tabs = page.detail.tabs
    for name, kind in (("plan", PlanTab), ("receivables", AccountInstalmentsTab)):
        tabs.setCurrentWidget(
            next(w for w in map(tabs.widget, range(tabs.count())) if isinstance(w, kind))
        )
        settle(app, window)
        window.grab().save(str(out / f"account_{name}_{language}.png"))
    tabs.setCurrentIndex(0)
    page.close_detail()
    dialog = SettingsDialog(window.ctx, window)
    dialog.show()
    dialog.resize(dialog.sizeHint().expandedTo(QSize(900, 680)).boundedTo(window.size()))
    dialog.findChild(QTabWidget, "settings-tabs").setCurrentWidget(dialog.rules_tab)
    settle(app, window)
    # The stage defaults and the commission rates, above the tab's one Save.
    dialog.rules_tab.findChild(QScrollArea).ensureWidgetVisible(dialog.rules_tab.commission)
    app.processEvents()
    dialog.grab().save(str(out / f"settings_rules_{language}.png"))
    dialog.close()


if __name__ == "__main__":
    main()
