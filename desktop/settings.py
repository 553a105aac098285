"""User settings, declared once (key, default, type, label) and kept as JSON in the data
folder. Qt-free, so the CLI and tests read the same file as the window.

Secrets never come here: the sync token lives in the OS keyring only.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SETTINGS_FILENAME = "settings.json"


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    label: str  # English source text; the UI translates it


SETTINGS: tuple[Setting, ...] = (
    Setting("language", "system", str, "Language"),
    Setting("timezone", "Asia/Shanghai", str, "Time zone"),
    Setting("currency", "CNY", str, "Default currency"),
    # Written by Fieldbook 0.1 only: the server now lives with the database's sign-in;
    # the sign-in dialog reads this once as a starting point.
    Setting("server_url", "", str, "Server URL"),
    Setting(
        "allow_plain_http", False, bool, "Allow plain HTTP to a server that is not on this computer"
    ),
    Setting("sync_interval_s", 300, int, "Sync every (seconds)"),
    Setting("company_name", "", str, "Company name"),
    Setting("company_address", "", str, "Company address"),
    Setting("company_phone", "", str, "Company phone"),
    Setting("company_logo", "", str, "Company logo file"),
    Setting("pseudo_translation", False, bool, "Pseudo-translation (layout check)"),
    Setting("window_geometry", "", str, "The main window's last position and size (x,y,w,h)"),
)
_BY_KEY = {s.key: s for s in SETTINGS}


class Settings:
    """Typed access to settings.json under the data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILENAME
        self._values: dict[str, Any] = {}
        self.load_error: str | None = None
        if self.path.exists():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(loaded, dict):
                    raise ValueError("not a JSON object")
                self._values = {k: v for k, v in loaded.items() if k in _BY_KEY}
            except (OSError, ValueError) as exc:
                # A broken file must not stop the app; keep it aside for the user.
                self.load_error = f"{self.path.name} could not be read ({exc}); defaults are used"
                self.path.replace(self.path.with_suffix(".broken.json"))

    def get(self, key: str) -> Any:
        setting = _BY_KEY[key]
        value = self._values.get(key, setting.default)
        if not isinstance(value, setting.kind):
            return setting.default
        return value

    def set(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        if not isinstance(value, setting.kind):
            raise TypeError(f"{key} must be {setting.kind.__name__}")
        self._values[key] = value

    def save(self) -> None:
        """Write atomically: a crash mid-write leaves the old file, never half a file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self._values, handle, ensure_ascii=False, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
