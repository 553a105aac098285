"""Column types that keep money exact and times in UTC on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, ColumnDefault, Dialect, String, Table, Text
from sqlalchemy.types import DateTime, TypeDecorator

from desktop.domain.money import from_fen, to_decimal, to_fen


class Money(TypeDecorator[Decimal]):
    """A Decimal amount in yuan, stored as integer fen (exact, summable in SQL)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must be Decimal, never float")
        return to_fen(to_decimal(value))

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return from_fen(int(value))


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal quantity or rate stored as its exact text (SQLite has no decimal)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(to_decimal(value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(value)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime, stored as naive UTC; naive input is refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: times must carry a time zone")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def json_text(value: Any) -> str:
    """JSON as JSONText stores it (the same text on every device and server)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class JSONText(TypeDecorator[Any]):
    """JSON stored as text, identical on SQLite and PostgreSQL."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json_text(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return json.loads(value)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class StoredColumn(NamedTuple):
    key: str
    default: Callable[[], Any]  # the column's default, for a row without a value
    process: Callable[[Any], Any] | None  # to the stored value; None: stored as given

    def values(self, rows: Iterable[Mapping[str, Any]]) -> list[Any]:
        """This column of ``rows``, stored form. A value that is the very object of the
        row before (a batch's timestamps, an empty dict) is converted once."""
        key, default, process = self
        out: list[Any] = []
        last: Any = None
        last_out: Any = None
        for row in rows:
            value = row.get(key, _MISSING)
            if value is _MISSING:
                value = default()
            if value is None or process is None:
                out.append(value)
            elif value is last:
                out.append(last_out)
            else:
                last, last_out = value, process(value)
                out.append(last_out)
        return out


_MISSING = object()


@functools.cache
def stored_form(table: Table, dialect: Dialect) -> tuple[StoredColumn, ...]:
    """Per column of ``table``, looked up once: what SQLAlchemy's insert would do to a
    value (default, then the type's conversion), for code that writes many rows
    through the driver."""
    return tuple(
        StoredColumn(
            column.key,
            _default_of(column.default),
            # The dialect's own type: a TypeDecorator's bind_processor alone skips it.
            column.type.dialect_impl(dialect).bind_processor(dialect),
        )
        for column in table.columns
    )


def _default_of(default: Any) -> Callable[[], Any]:
    if isinstance(default, ColumnDefault) and default.is_callable:
        return functools.partial(default.arg, None)  # SQLAlchemy's wrapper takes a context
    value = default.arg if isinstance(default, ColumnDefault) else None
    return lambda: value
