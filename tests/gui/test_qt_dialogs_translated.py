"""Qt's own dialogs speak the interface's language (Qt's qtbase translations)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QFileSystemModel, QLabel

from desktop.ui.testing import screenshot


def test_file_dialog_in_chinese(qtbot: Any, chinese: None, tmp_path: Path) -> None:
    (tmp_path / "报价").mkdir()
    dialog = QFileDialog(None, "导出", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    buttons = dialog.findChild(QDialogButtonBox)
    words = {button.text() for button in buttons.buttons()}
    screenshot(dialog, "file_dialog_zh_CN")
    assert "Look in:" not in labels
    assert "Files of type:" not in labels
    assert any("查找范围" in text for text in labels), labels
    assert any("文件类型" in text for text in labels), labels
    assert any("取消" in text for text in words), words
    model = dialog.findChild(QFileSystemModel)
    folder = model.index(str(tmp_path / "报价"))
    qtbot.waitUntil(lambda: folder.siblingAtColumn(2).data() is not None)
    assert folder.siblingAtColumn(2).data() == "文件夹"
