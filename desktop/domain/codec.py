"""Field values in wire form: what the outbox stores and the sync protocol carries.

Decimal -> text (money as yuan text, exact), dates and times -> ISO 8601 (times in
UTC), everything else as JSON already is. One place, so device and server agree.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import Boolean, Date, Integer, String, Text

from desktop.domain.models.base import Synced
from desktop.domain.models.types import DecimalText, JSONText, Money, UTCDateTime
from desktop.domain.money import round_fen, to_decimal


def encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(model: type[Synced], field: str, value: Any) -> Any:
    """Wire value -> Python value of ``model.field``; raises ValueError on junk."""
    return decoder(model, field)(value)


@functools.cache
def decoder(model: type[Synced], field: str) -> Callable[[Any], Any]:
    """The function ``decode`` uses for one column, chosen once (a pull decodes millions)."""
    kind = model.__table__.columns[field].type
    if isinstance(kind, Money | DecimalText):
        return partial(_decimal, field)
    if isinstance(kind, UTCDateTime):
        return partial(_datetime, field)
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Boolean):
        return partial(_boolean, field)
    if isinstance(kind, Integer):
        return partial(_integer, field)
    if isinstance(kind, JSONText):
        return _as_is
    return partial(_text, field, getattr(kind, "length", None))


def _decimal(field: str, value: Any) -> Decimal | None:
    if value is None:
        return None
    if not isinstance(value, str | int):
        raise ValueError(f"{field}: expected a decimal as text")
    return Decimal(str(value))


def _datetime(field: str, value: Any) -> dt.datetime | None:
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError(f"{field}: time without zone")
    return parsed.astimezone(dt.UTC)


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


def _boolean(field: str, value: Any) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise ValueError(f"{field}: expected true or false")
    return value


def _integer(field: str, value: Any) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError(f"{field}: expected an integer")
    return value


def _as_is(value: Any) -> Any:
    return value


def _text(field: str, length: int | None, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{field}: expected text")
    if length is not None and len(value) > length:
        raise ValueError(f"{field}: longer than {length} characters")
    return value


def normalize(model: type[Synced], field: str, value: Any) -> Any:
    """The value as it will be stored: money rounded to the fen, decimals parsed, and
    in a one-line text field (``String``, not ``Text``) tabs and line breaks (a pasted
    spreadsheet row) become single spaces.

    The unit of work stores and sends this, so the outbox never carries a value the
    database would not hold.
    """
    if value is None:
        return None
    kind = model.__table__.columns[field].type
    if isinstance(kind, Money | DecimalText) and isinstance(value, float):
        raise TypeError(f"{field}: money and rates must be Decimal, never float")
    if isinstance(kind, Money):
        return round_fen(to_decimal(value))
    if isinstance(kind, DecimalText):
        return to_decimal(value)
    if isinstance(kind, String) and not isinstance(kind, Text) and isinstance(value, str):
        return one_line(value)
    return value


_BREAKS = re.compile(r"[ \t]*[\t\r\n]+[ \t]*")


def one_line(text: str) -> str:
    """Tabs and line breaks (and the blanks around them) as one space each run."""
    return _BREAKS.sub(" ", text).strip() if _BREAKS.search(text) else text


def encode_row(row: Synced, fields: list[str] | None = None) -> dict[str, Any]:
    names = fields if fields is not None else row.data_columns()
    return {name: encode(getattr(row, name)) for name in names}
