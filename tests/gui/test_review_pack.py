"""The account's "Review pack…": a click asks for the file (PDF or Excel, English or
Chinese), the pack is written in the background, and the account says where it went;
a disk that is full says so in red and leaves no file."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.ui.format import ERROR_STYLE
from tests.gui.test_account_tabs import open_account
from tests.programs import pdftotext
from tests.reports.review_pack_data import NAME, build

SHOTS = Path("/work/shots/review")


@pytest.fixture
def window(main_window: Any) -> Any:
    main_window.resize(1366, 768)
    return main_window


def answer_with(monkeypatch: pytest.MonkeyPatch, path: Path, kind: str) -> list[str]:
    """The save dialog answers ``path`` with the file type whose text starts with
    ``kind``; returns the file types it offered."""
    offered: list[str] = []

    def answer(
        parent: Any, caption: str, directory: str, filters: str, selected: str
    ) -> tuple[str, str]:
        offered.extend(filters.split(";;"))
        return str(path), next(f for f in offered if f.startswith(kind))

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


def click_review_pack(qtbot: Any, page: Any) -> None:
    button = page.detail.review_pack_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=20000)


def grab(window: Any, name: str) -> None:
    """What the user sees, for a person to look at (/work/shots when it is there)."""
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        window.grab().save(str(SHOTS / f"{name}.png"))


def test_the_profile_writes_the_pack_as_pdf_and_says_where(
    qtbot: Any, window: Any, app_context: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = build(app_context.db, rep=app_context.user_id).account
    page = open_account(qtbot, window, account)
    offered = answer_with(monkeypatch, tmp_path / "华测", "PDF in English")
    click_review_pack(qtbot, page)
    assert offered[0] == "PDF in English (*.pdf)"  # the interface's language first
    written = tmp_path / "华测.pdf"
    message = page.detail.pack_message
    assert message.text() == f"Review pack saved to {written}"
    assert message.isVisible()
    assert message.styleSheet() != ERROR_STYLE
    text = subprocess.run(
        [pdftotext(), str(written), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = "".join(text.split())
    assert NAME in flat
    assert "王强" in flat
    assert "Finance:nobodyplaysit" in flat
    grab(window, "profile_saved_en")


def test_in_chinese_the_pack_can_be_a_workbook(
    qtbot: Any,
    chinese: None,
    window: Any,
    app_context: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = build(app_context.db, rep=app_context.user_id).account
    page = open_account(qtbot, window, account)
    assert page.detail.review_pack_button.text() == "复盘资料…"
    offered = answer_with(monkeypatch, tmp_path / "华测.xlsx", "中文 Excel")
    click_review_pack(qtbot, page)
    assert offered[0] == "中文 PDF (*.pdf)"
    written = tmp_path / "华测.xlsx"
    assert page.detail.pack_message.text() == f"复盘资料已保存到 {written}"
    book = openpyxl.load_workbook(written)
    assert "关键人地图" in book.sheetnames
    assert book["摘要"]["B2"].value == NAME
    grab(window, "profile_saved_zh_CN")


def test_a_full_disk_is_said_in_red_and_leaves_no_file(
    qtbot: Any, window: Any, app_context: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = build(app_context.db, rep=app_context.user_id).account
    page = open_account(qtbot, window, account)
    real = Path.write_bytes

    def full(self: Path, data: Any) -> int:
        if self.name.endswith(".part"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    out = tmp_path / "out"
    out.mkdir()
    answer_with(monkeypatch, out / "pack.pdf", "PDF in English")
    click_review_pack(qtbot, page)
    message = page.detail.pack_message
    assert message.text().startswith("The disk is full, so this was not saved")
    assert message.styleSheet() == ERROR_STYLE
    assert list(out.iterdir()) == []


def test_the_packs_chinese_health_reasons_read_as_the_health_tabs(chinese: None) -> None:
    from desktop.domain.health import TEXTS, Reason
    from desktop.reports.review_pack import Words
    from desktop.ui.accounts.health_words import reason_line

    params = {"days": 120, "cadence": 30, "amount": "380000.00", "count": 2, "pct": 25}
    reasons = [Reason(code, -10 if "over" in code else 5, params) for code in TEXTS]
    assert [Words("zh_CN").reason(r) for r in reasons] == [reason_line(r) for r in reasons]
