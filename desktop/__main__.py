"""Entry point: ``python -m desktop`` and the ``fieldbook`` console script."""

from __future__ import annotations

import multiprocessing
import sys

from desktop.commands import main as _main


def main() -> None:
    # A frozen app starts its helper processes (desktop.store.bulk_load) as itself.
    multiprocessing.freeze_support()
    sys.exit(_main())


if __name__ == "__main__":
    main()
