"""Document numbers made on the device, offline: ``Q-2026-ZW-0042``, ``SO-2026-ZW-0007``.

A number is ``<kind>-<year>-<rep code><device tag>-<NNNN>``. The rep code (User.rep_code)
separates reps, so two reps' laptops never collide; the counter is this device's
(``device.next_counter``), one per kind, year and code. The device tag is empty
unless the rep works on more than one device: then each device gets its own tag
(local meta ``number_tag``, e.g. "B"), so the same rep's devices never collide either.
After a reinstall the device has synced the rep's earlier documents, so the counter
continues after the highest number it can see rather than starting again at 1.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.domain.models import User
from desktop.domain.services.device import device_id, get_meta, next_counter, set_meta

NUMBER_TAG = "number_tag"


def device_tag(other_devices: int) -> str:
    """ "" on a rep's first device, then B, C, ... (quote numbers stay unique per device)."""
    if other_devices <= 0:
        return ""
    if other_devices < 25:
        return chr(ord("A") + other_devices)
    return str(other_devices + 1)


def rep_code(session: Session, user_id: str | None) -> str:
    """The owner's rep code, or a code from this device's id when there is none."""
    user = session.get(User, user_id) if user_id else None
    code = (user.rep_code or "").strip().upper() if user is not None else ""
    if not code:
        code = "D" + device_id(session).replace("-", "")[-4:].upper()
    return code + (get_meta(session, NUMBER_TAG) or "")


def allocate(
    session: Session, kind: str, year: int, owner_id: str | None, column: InstrumentedAttribute[str]
) -> str:
    """The next free number; call inside the write transaction that stores it."""
    code = rep_code(session, owner_id)
    prefix = f"{kind}-{year}-{code}-"
    counter_name = f"{kind}:{year}:{code}"
    value = next_counter(session, counter_name)
    highest = 0
    for number in session.scalars(
        select(column).where(func.substr(column, 1, len(prefix)) == prefix)
    ):
        tail = number[len(prefix) :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    if value <= highest:
        value = highest + 1
        set_meta(session, f"counter:{counter_name}", str(value))
    return f"{prefix}{value:04d}"
