"""Run by `make test`: every user-visible string has zh_CN text, no .ts is stale."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from translations import check

if __name__ == "__main__":
    sys.exit(check())
