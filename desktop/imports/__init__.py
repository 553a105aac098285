"""Importing what people really have: other CRMs' exports, old spreadsheets, phone contacts.

Qt-free; the window and the command line take the same steps:

1. ``read_table``: the data of a file (files.py reads the formats and encodings,
   table.py finds the sheet, the header row and the rows that are not data;
   vcard.py turns a phone's contacts into rows).
2. ``mapping.guess``: which column is which field, by whole aliases (fields.py) and the
   known exports of other programs (programs.py); the user may change it.
3. ``plan.preview``: every row as create / update / unchanged / skip / error, with
   the reason (values.py parses the cells, lookups.py finds the users and accounts
   they name).
4. ``apply.commit``: all or nothing, through the unit of work and the domain services.
"""

from __future__ import annotations

from pathlib import Path

from desktop.imports.files import VCARDS, ImportFileError
from desktop.imports.table import Table
from desktop.imports.table import read_table as _read_sheet


def read_table(path: Path, kind: str = "accounts", sheet: str | None = None) -> Table:
    """The rows of ``path`` to import as ``kind``: a workbook, a text file or vCards."""
    if Path(path).suffix.lower() in VCARDS:
        if kind != "contacts":
            raise ImportFileError(
                f"{Path(path).name}: a vCard file holds contacts; import it as contacts"
            )
        from desktop.imports.vcard import read_vcards

        return read_vcards(Path(path))
    return _read_sheet(path, kind, sheet)
