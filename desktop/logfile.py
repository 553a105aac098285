"""The log file, ``<data>/logs/fieldbook.log``: ids and events, never tokens or content.

Every traceback goes here (and only here): the window and the command line show one
clear sentence and say where this file is.
"""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOGS_DIR = "logs"
LOG_NAME = "fieldbook.log"


def log_file(data_dir: Path) -> Path:
    return data_dir / LOGS_DIR / LOG_NAME


def _handler_for(path: Path) -> logging.Handler | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return handler
    return None


def setup_logging(data_dir: Path) -> logging.Handler:
    """Log INFO and above to the data folder's log file (once per file)."""
    path = log_file(data_dir)
    existing = _handler_for(path)
    if existing is not None:
        return existing
    path.parent.mkdir(exist_ok=True, mode=0o700)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return handler


@contextmanager
def logging_to(data_dir: Path) -> Iterator[Path]:
    """Log to the data folder's file while a command runs, then close the file."""
    existed = _handler_for(log_file(data_dir)) is not None
    handler = setup_logging(data_dir)
    try:
        yield log_file(data_dir)
    finally:
        if not existed:
            logging.getLogger().removeHandler(handler)
            handler.close()
