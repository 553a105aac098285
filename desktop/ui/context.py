"""What every page gets: the database (through the task runner only), settings, user."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from desktop.settings import Settings
from desktop.store.migrate import Database
from desktop.ui.tasks import TaskRunner


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
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(str(self.settings.get("timezone")))
        except (KeyError, ValueError):
            return ZoneInfo("Asia/Shanghai")

    @property
    def is_manager(self) -> bool:
        return self.user_role in ("manager", "admin")
