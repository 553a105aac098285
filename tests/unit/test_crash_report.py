"""A crash leaves a report in the data folder: what failed and where, never customer data."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

from desktop.app import write_crash_report


def test_crash_report_has_the_traceback_but_not_the_data(data_dir: Path) -> None:
    secret = "招商银行 13800138000 token=abc123"
    try:
        raise ValueError(secret)
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
        assert exc_type is not None
        assert exc is not None
        report = write_crash_report(data_dir, exc_type, exc, tb)
    text = report.read_text(encoding="utf-8")
    assert report.parent == data_dir / "crash-reports"
    assert "ValueError" in text
    assert "test_crash_report_has_the_traceback_but_not_the_data" in text
    assert "Fieldbook" in text
    # The exception's message may carry customer data: it is left out.
    assert "招商银行" not in text
    assert "13800138000" not in text
    assert "abc123" not in text
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
