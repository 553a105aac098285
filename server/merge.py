"""The per-field merge, a pure function: what of a device's edit applies to the row
the server holds, and what is a conflict.

A field the device changed applies unless the server changed it since the version the
edit was based on, to another value: then the server's value stays and the device's
is a conflict the user sees. Equal values merge silently. Client clocks order nothing:
only the server's field versions do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain import codec
from desktop.sync.protocol import FieldConflict


@dataclass
class Merge:
    applied: dict[str, Any] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)


def merge_fields(
    current: Mapping[str, Any],
    versions: Mapping[str, int],
    incoming: Mapping[str, Any],
    base_versions: Mapping[str, int],
    base_default: int,
) -> Merge:
    """``current``: the server's values; ``versions``: the version that last set each
    field; ``incoming``: the device's values, based on ``base_versions`` (a field not
    listed there is based on ``base_default``)."""
    merge = Merge()
    for name, value in incoming.items():
        theirs = current.get(name)
        if codec.encode(theirs) == codec.encode(value):
            continue
        if int(versions.get(name, 0)) > base_versions.get(name, base_default):
            merge.conflicts.append(
                FieldConflict(field=name, mine=codec.encode(value), theirs=codec.encode(theirs))
            )
            continue
        merge.applied[name] = value
    return merge
