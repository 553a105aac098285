"""Entry point: ``python -m desktop`` and the ``fieldbook`` console script."""

from __future__ import annotations

import sys

from desktop.commands import main as _main


def main() -> None:
    sys.exit(_main())


if __name__ == "__main__":
    main()
