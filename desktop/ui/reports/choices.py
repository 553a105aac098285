"""Choices the Reports tabs share: the current quarter as a period, the team box."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox


def current_quarter(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def fill_team_combo(combo: QComboBox, teams: list[tuple[str, str]], everyone: str) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everyone, None)
    for tid, name in teams:
        combo.addItem(name, tid)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
