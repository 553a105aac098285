"""Helpers for GUI tests: screenshots of real widgets, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def screenshot(widget: QWidget, name: str) -> Path:
    """Save what the user would see of ``widget`` as screenshots/<name>.png."""
    QApplication.processEvents()
    path = SCREENSHOTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not save {path}")
    return path
