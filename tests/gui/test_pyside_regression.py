"""PySide6 6.12.0 on Python 3.11 aborts ("Fatal Python error: none_dealloc") after a few
thousand calls of Qt methods that return nothing, a table model's data() returning
None among them. pyproject pins PySide6 below 6.12 on 3.11; this proves the installed
combination survives 200,000 such calls (in a subprocess, so an abort fails the test
instead of killing the run)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    from PySide6.QtCore import QAbstractTableModel, QIdentityProxyModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 1000
        def columnCount(self, parent=QModelIndex()):
            return 10
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return None

    model = Model()
    # Through a proxy, so every data() call crosses C++ -> Python -> C++ and the
    # None result is converted by shiboken, as when a view paints.
    proxy = QIdentityProxyModel()
    proxy.setSourceModel(model)
    widget = QWidget()
    index = proxy.index(3, 3)
    for i in range(100_000):
        proxy.data(index, Qt.ItemDataRole.DecorationRole)
        widget.setToolTip("")
    print("survived")
    """
)


def test_two_hundred_thousand_void_calls_survive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
