"""Programs outside Python that some tests read their output with.

They are required, never a reason to skip: a test that passed without looking at its PDF
would say nothing. ``.ci/run`` installs them; on a developer machine a missing one fails
the test with the package to install.
"""

from __future__ import annotations

import shutil

import pytest


def require(program: str, package: str) -> str:
    """The path of ``program``; fails the test when it is not installed."""
    found = shutil.which(program)
    if found is None:
        pytest.fail(
            f"this test needs {program}: install the Debian package {package} (.ci/run does it)",
            pytrace=False,
        )
    return found


def pdftotext() -> str:
    return require("pdftotext", "poppler-utils")


def pdfimages() -> str:
    return require("pdfimages", "poppler-utils")
