"""The pages of the main window, in navigation order.

Each entry: key, module, class, the English label (translated in context "Navigation").
Pages are imported and built the first time they are shown, so start-up stays fast.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("today", "desktop.ui.pages.today", "TodayPage", QT_TRANSLATE_NOOP("Navigation", "Today")),
    (
        "accounts",
        "desktop.ui.pages.accounts",
        "AccountsPage",
        QT_TRANSLATE_NOOP("Navigation", "Accounts"),
    ),
    ("tasks", "desktop.ui.pages.tasks", "TasksPage", QT_TRANSLATE_NOOP("Navigation", "Tasks")),
    ("visits", "desktop.ui.pages.visits", "VisitsPage", QT_TRANSLATE_NOOP("Navigation", "Visits")),
    ("quotes", "desktop.ui.pages.quotes", "QuotesPage", QT_TRANSLATE_NOOP("Navigation", "Quotes")),
    (
        "approvals",
        "desktop.ui.pages.approvals",
        "ApprovalsPage",
        QT_TRANSLATE_NOOP("Navigation", "Approvals"),
    ),
    (
        "pipeline",
        "desktop.ui.pages.pipeline",
        "PipelinePage",
        QT_TRANSLATE_NOOP("Navigation", "Pipeline"),
    ),
    (
        "targets",
        "desktop.ui.pages.targets",
        "TargetsPage",
        QT_TRANSLATE_NOOP("Navigation", "Targets"),
    ),
    (
        "complaints",
        "desktop.ui.pages.complaints",
        "ComplaintsPage",
        QT_TRANSLATE_NOOP("Navigation", "Complaints"),
    ),
    (
        "reports",
        "desktop.ui.pages.reports",
        "ReportsPage",
        QT_TRANSLATE_NOOP("Navigation", "Reports"),
    ),
    ("sync", "desktop.ui.pages.sync", "SyncPage", QT_TRANSLATE_NOOP("Navigation", "Sync")),
)
