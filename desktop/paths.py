"""Where things live: the data folder (or --data-dir) and bundled resources.

Qt-free. ``resource_path`` knows PyInstaller's ``sys._MEIPASS`` so the frozen app finds
its fonts, translations and icons.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Fieldbook"
ENV_DATA_DIR = "FIELDBOOK_DATA_DIR"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def location_file() -> Path:
    """Where Settings remembers a data folder the user moved (outside that folder)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "location.json"


def chosen_data_dir() -> Path | None:
    try:
        value = json.loads(location_file().read_text(encoding="utf-8")).get("data_dir")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(value) if isinstance(value, str) and value else None


def choose_data_dir(path: Path | None) -> None:
    """Remember ``path`` as the data folder from the next start (None: the default)."""
    target = location_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"data_dir": str(path) if path else ""}), encoding="utf-8")


def resolve_data_dir(explicit: str | os.PathLike[str] | None) -> Path:
    """--data-dir wins, then $FIELDBOOK_DATA_DIR, then the folder chosen in Settings,
    then the platform's user data folder."""
    if explicit:
        path = Path(explicit).expanduser()
    elif os.environ.get(ENV_DATA_DIR):
        path = Path(os.environ[ENV_DATA_DIR]).expanduser()
    else:
        path = chosen_data_dir() or default_data_dir()
    path = path.resolve()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # The folder holds customer data: readable by its user only.
    os.chmod(path, 0o700)
    return path


def resource_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
