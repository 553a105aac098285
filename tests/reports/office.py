"""Open a workbook in a real spreadsheet program: LibreOffice, headless.

Conversions are slow (seconds each), so tests keep them few. Each call uses its own
LibreOffice profile folder, so parallel runs do not fight over one profile lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CSV_UTF8_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (Debian package libreoffice-calc-nogui) is missing in CI")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    return found


def convert(source: Path, target_format: str, workdir: Path) -> Path:
    """Convert ``source`` into ``workdir``; returns the new file."""
    profile = workdir / "lo-profile"
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(workdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    extension = target_format.split(":", 1)[0]
    produced = workdir / f"{source.stem}.{extension}"
    assert produced.exists(), f"LibreOffice did not convert {source.name}: {result.stderr}"
    return produced
