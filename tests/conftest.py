"""Shared fixtures: a fresh data folder and database per test, offscreen Qt.

Qt runs offscreen in tests only (never set globally). Tests that use ``qtbot`` share
one QApplication for the session (pytest-qt).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Offscreen always (an empty or desktop value would try a real display and abort), on
# one 1366x768 screen, the most common business laptop's; FIELDBOOK_TEST_DISPLAY=1 lets
# a developer watch the widgets instead.
if not os.environ.get("FIELDBOOK_TEST_DISPLAY"):
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).parent / 'fixtures' / 'laptop_screen.json'}"
    )
# No real keyring in tests: a test that needs one installs the recording backend.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
os.environ.pop("FIELDBOOK_DATA_DIR", None)

from desktop.store.migrate import Database, open_database


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir(mode=0o700)
    return path


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    yield database
    database.dispose()
