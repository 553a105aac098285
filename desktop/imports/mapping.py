"""Which column holds which field: guessed honestly from the headers, changed by the user.

Every column ends in one of three states, and the user is shown which and why: mapped
to a field, ignored (unknown header, a system column, ``--ignore``), or ambiguous (two
columns could be the same field, or one header could be two fields; neither is used
until the user says which).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop.imports.fields import field_named, fields_of, header_key
from desktop.imports.programs import SYSTEM, recognise, system_column


class MappingError(ValueError):
    """A ``--map``/``--ignore`` names a column or a field that does not exist."""


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    field: str | None
    note: str = ""  # why it is unmapped, or "set by you"


@dataclass
class ColumnMapping:
    kind: str
    columns: list[Column]
    program: str | None = None
    ambiguous: list[str] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, int]:
        """field name -> column index, for the mapped columns."""
        return {c.field: c.index for c in self.columns if c.field is not None}

    def with_fields(self, chosen: Mapping[str, int]) -> ColumnMapping:
        """The same columns mapped as ``chosen`` (field -> column) says: the window's
        choices, which replace the guess."""
        by_column = {index: name for name, index in chosen.items()}
        columns = []
        for c in self.columns:
            name = by_column.get(c.index)
            if name == c.field:
                columns.append(c)
            elif name is not None:
                columns.append(Column(c.index, c.header, name, "set by you"))
            else:
                note = "ignored by you" if c.field is not None else c.note
                columns.append(Column(c.index, c.header, None, note))
        return ColumnMapping(self.kind, columns, self.program, [])


def guess(
    kind: str,
    headers: Sequence[str],
    *,
    assign: Mapping[str, str] | None = None,
    ignore: Sequence[str] = (),
) -> ColumnMapping:
    """The mapping of ``headers`` for ``kind``; ``assign`` (header -> field name or label)
    and ``ignore`` (headers) are the user's word and win over any guess."""
    fields = fields_of(kind)
    keys = [header_key(h) for h in headers]
    chosen: dict[int, tuple[str | None, str]] = {}
    for header in ignore:
        chosen[_column(headers, keys, header)] = (None, "ignored by you")
    for header, name in (assign or {}).items():
        f = field_named(kind, name)
        if f is None:
            known = ", ".join(x.name for x in fields)
            raise MappingError(f"--map {header}={name}: no field {name!r} ({known})")
        chosen[_column(headers, keys, header)] = (f.name, "set by you")
    program = recognise(kind, headers)
    taken = {name for name, _ in chosen.values() if name}
    for index, key in enumerate(keys):
        if index in chosen or not key:
            continue
        if system_column(headers[index]):
            chosen[index] = (None, SYSTEM)
        elif program is not None and key in program.columns:
            meaning = program.columns[key]
            if isinstance(meaning, str):
                if meaning not in taken:
                    chosen[index] = (meaning, "")
                    taken.add(meaning)
            else:
                chosen[index] = (None, meaning[1])
    ambiguous: list[str] = []
    for primary in (True, False):
        for f in fields:
            if f.name in taken:
                continue
            names = f.keys() if primary else f.fallback_keys()
            hits = [i for i, key in enumerate(keys) if i not in chosen and key and key in names]
            if len(hits) == 1:
                chosen[hits[0]] = (f.name, "")
                taken.add(f.name)
            elif len(hits) > 1:
                both = " and ".join(repr(headers[i]) for i in hits)
                ambiguous.append(f"{both} could each be {f.label}")
                for i in hits:
                    chosen[i] = (None, f"ambiguous: could be {f.label}")
    columns = []
    for index, header in enumerate(headers):
        state = chosen.get(index, (None, "" if not keys[index] else "not a known column"))
        columns.append(Column(index, header, *state))
    return ColumnMapping(kind, columns, program.name if program else None, ambiguous)


def _column(headers: Sequence[str], keys: Sequence[str], header: str) -> int:
    key = header_key(header)
    for index, (raw, k) in enumerate(zip(headers, keys, strict=True)):
        if raw == header or (key and k == key):
            return index
    named = ", ".join(repr(h) for h in headers if h)
    raise MappingError(f"the file has no column {header!r} (its columns: {named})")


def parse_pairs(pairs: Sequence[str]) -> dict[str, str]:
    """``--map`` arguments, "Header=field" each."""
    found: dict[str, str] = {}
    for pair in pairs:
        header, sep, name = pair.rpartition("=")
        if not sep or not header.strip() or not name.strip():
            raise MappingError(f'--map {pair!r}: write it as "Header=field"')
        found[header.strip()] = name.strip()
    return found
