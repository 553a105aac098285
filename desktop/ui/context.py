"""What every page gets: the database (through the task runner only), settings, user."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from desktop.domain.services import device
from desktop.settings import Settings
from desktop.store.migrate import Database
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

    from desktop.ui.accounts.pool_upkeep import PoolUpkeep
    from desktop.ui.sync.controller import SyncController


class AppEvents(QObject):
    """Application-wide signals pages listen to."""

    # A page asks the window to show a record: (entity, row id).
    open_record = Signal(str, str)
    # The signed-in / working user changed.
    user_changed = Signal()
    # Sync state for the status bar: (state word, detail).
    sync_state = Signal(str, str)


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    settings: Settings
    tasks: TaskRunner
    events: AppEvents
    user_id: str | None = None
    user_name: str = ""
    user_role: str = "rep"
    # Timers the app turns on (desktop/app.py); tests and embedded uses build pages
    # without them, so no timer outlives a test.
    reminders: bool = False  # Today's reminder timer (a banner before each visit)
    daily_pool_upkeep: bool = False  # the public-pool return runs daily, not only once
    # "name (server)" while signed in to a sync server (the status bar); "" otherwise.
    signed_in_as: str = ""
    # Where reminders also show, when the app has a tray icon.
    tray: QSystemTrayIcon | None = None
    # One per context, made on first use (controller_for, pool_upkeep_for).
    sync: SyncController | None = None
    pool_upkeep: PoolUpkeep | None = None
    # The first quote export without the seller's details said so (once per run).
    seller_prompted: bool = False

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(str(self.settings.get("timezone")))
        except (KeyError, ValueError):
            return ZoneInfo("Asia/Shanghai")

    @property
    def is_manager(self) -> bool:
        return self.user_role in ("manager", "admin")


def load_user(db: Database) -> tuple[str | None, str, str]:
    """The user this device works for: (id, display name, role); none before sign-in."""
    with db.sessions() as session:
        user = device.current_user(session)
    return user if user is not None else (None, "", "rep")


def build_context(db: Database, data_dir: Path, settings: Settings | None = None) -> AppContext:
    """The context for a window over ``db``: its user, a task runner, fresh events.

    The task runner reads the actor at each write, since signing in changes the user.
    Call ``ctx.tasks.shutdown()`` when done.
    """
    user_id, name, role = load_user(db)
    ctx: AppContext
    tasks = TaskRunner(db, lambda: ctx.user_id)
    ctx = AppContext(
        data_dir=data_dir,
        db=db,
        settings=settings if settings is not None else Settings(data_dir),
        tasks=tasks,
        events=AppEvents(),
        user_id=user_id,
        user_name=name,
        user_role=role,
    )
    return ctx
