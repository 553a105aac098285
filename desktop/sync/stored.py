"""Rows in stored form: how the sync protocol carries whole rows.

Device and server share one schema (the models in ``desktop.domain``), so a row
travels as the values SQLite stores for it: text as text, money as integer fen,
booleans as 0/1, dates as ``YYYY-MM-DD``, times as naive UTC ``YYYY-MM-DD
HH:MM:SS.ffffff``, JSON as its text. A page groups rows by entity into blocks, a
list of column names and a list of value lists, so the device writes a block with
one ``executemany`` and no conversion per value, and the server sends what its
database returns (SQLite) or what PostgreSQL formats in the query.

Nothing from the network is written unchecked: every block is the entity's own model
(``Block``), so parsing an answer checks every value against its column (type,
length, null, the exact date and time format) in pydantic's compiled validator, and
``check_json`` checks the JSON columns with SQLite's JSON functions before a block is
written. ``explain`` names the row, the column and the problem of an answer that
failed.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from operator import getitem
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    create_model,
    model_validator,
)
from pydantic.types import Strict
from sqlalchemy import Boolean, Date, Integer, String

from desktop.domain.models import SYNCED
from desktop.domain.models.types import DecimalText, JSONText, Money, UTCDateTime

# Calendar dates only (month lengths and leap years in the pattern), years 0001-9999:
# exactly the text date.fromisoformat and SQLAlchemy's SQLite types read back.
_YEAR = r"(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])"
_LEAP_YEAR = r"(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_DATE = (
    rf"(?:{_YEAR}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
    rf"|(?:0[13578]|1[02])-31)|{_LEAP_YEAR}-02-29)"
)
DATE_PATTERN = rf"^{_DATE}$"
TIME_PATTERN = rf"^{_DATE} (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{{1,6}})?$"
DECIMAL_PATTERN = r"^-?\d+(?:\.\d+)?(?:E[+-]?\d+)?$"
_INT64 = 2**63

Value = Any


class BadBlock(ValueError):
    """A block from the server does not fit the schema; the message says where."""


@functools.cache
def _json_columns(entity: str) -> tuple[tuple[int, bool], ...]:
    """(position, holds field versions) of the entity's JSON columns."""
    table = SYNCED[entity].__table__
    return tuple(
        (at, name == "field_versions")
        for at, name in enumerate(_columns(entity))
        if isinstance(table.columns[name].type, JSONText)
    )


# Over a JSON array of one column's texts: the first that is not JSON, or (second
# parameter true) not an object of integer versions. SQLite's JSON functions do it in
# C, about 1 us a row; a Python check was 3 us even for "{}".
_BAD_JSON = """
SELECT j.key FROM json_each(?) AS j
WHERE j.value IS NOT NULL AND (
    NOT json_valid(j.value) OR (? AND (
        json_type(j.value) != 'object'
        OR EXISTS (SELECT 1 FROM json_each(j.value) AS v WHERE v.type != 'integer'))))
LIMIT 1
"""


def guarded_row(entity: str) -> str:
    """A ``SELECT`` of one row in block order from positional parameters that yields
    it only when its JSON columns hold what ``check_json`` accepts. An insert of it
    checks a page at almost no cost (1.4 us a row, where ``check_json`` takes 4); only
    when it leaves rows out is ``check_json`` asked why. (Positional: sqlite3 refuses
    numbered parameters with a sequence from Python 3.14 and warns before.)"""
    names = _columns(entity)
    values = ", ".join(f'? AS "{name}"' for name in names)
    parts = ["1"]
    for at, versions in _json_columns(entity):
        value = f'incoming."{names[at]}"'
        test = f"json_valid({value})"
        if versions:
            test += (
                f" AND json_type({value}) = 'object' AND NOT EXISTS "
                f"(SELECT 1 FROM json_each({value}) WHERE type != 'integer')"
            )
        parts.append(f"({value} IS NULL OR ({test}))")
    return f"SELECT * FROM (SELECT {values}) AS incoming WHERE {' AND '.join(parts)}"


def check_json(connection: sqlite3.Connection, entity: str, rows: list[Any]) -> None:
    """Raise ``BadBlock`` unless every JSON column of ``rows`` holds valid JSON (and
    ``field_versions`` an object of integer versions)."""
    for at, versions in _json_columns(entity):
        texts = json.dumps([row[at] for row in rows], ensure_ascii=False)
        bad = connection.execute(_BAD_JSON, (texts, versions)).fetchone()
        if bad is not None:
            row = rows[bad[0]]
            what = "not an object of versions" if versions else "not valid JSON"
            row_id = row[_columns(entity).index("id")]
            name = _columns(entity)[at]
            raise BadBlock(f"{SYNCED[entity].label or entity} {row_id}: {name}: {what}")


@dataclass(frozen=True)
class Refused:
    """A row of the server's the device would not store, and why."""

    entity: str
    row_id: str
    reason: str


def drop_bad_json(
    connection: sqlite3.Connection, entity: str, rows: list[Any]
) -> tuple[list[Any], list[Refused]]:
    """``rows`` without those whose JSON columns ``check_json`` refuses, and those."""
    try:
        check_json(connection, entity, rows)
        return rows, []
    except BadBlock:
        pass
    good: list[Any] = []
    refused: list[Refused] = []
    for row in rows:
        try:
            check_json(connection, entity, [row])
            good.append(row)
        except BadBlock as exc:
            refused.append(Refused(entity, _row_id(entity, row), str(exc)))
    return good, refused


def salvage(body: bytes) -> tuple[dict[str, Any], list[Refused]] | None:
    """An answer whose blocks failed to parse, with the rows that do not fit taken out
    (each named with its reason) so the rest can be stored; None if it is not an
    answer of blocks at all."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    blocks = data.get("tables") if isinstance(data, dict) else None
    if not isinstance(blocks, list):
        return None
    refused: list[Refused] = []
    kept: list[dict[str, Any]] = []
    with closing(sqlite3.connect(":memory:")) as connection:
        for block in blocks:
            if not isinstance(block, dict) or not isinstance(block.get("rows"), list):
                return None
            entity, names, rows = str(block.get("entity")), block.get("columns"), block["rows"]
            try:
                if entity not in SYNCED or names != list(_columns(entity)):
                    check_block(entity, names if isinstance(names, list) else [], [])
            except BadBlock as exc:
                refused.extend(Refused(entity[:40], "?", str(exc)) for _ in rows[:1])
                continue
            good = []
            for row in rows:
                try:
                    _rows_adapter(entity).validate_python([row])
                except ValidationError as exc:
                    reason = _describe(entity, [row], exc)
                    refused.append(Refused(entity, _row_id(entity, row), reason))
                    continue
                good.append(row)
            good, bad_json = drop_bad_json(connection, entity, good)
            refused.extend(bad_json)
            kept.append({**block, "rows": good})
    return {**data, "tables": kept}, refused


def _row_id(entity: str, row: Any) -> str:
    at = _columns(entity).index("id")
    if isinstance(row, list) and len(row) > at and isinstance(row[at], str):
        return str(row[at])[:64]
    return "?"


def columns(entity: str) -> tuple[str, ...]:
    """The entity's columns in the order a block carries them."""
    return _columns(entity)


@functools.cache
def _columns(entity: str) -> tuple[str, ...]:
    return tuple(c.key for c in SYNCED[entity].__table__.columns)


def _value_type(entity: str, name: str) -> Any:
    column = SYNCED[entity].__table__.columns[name]
    kind = column.type
    value: Any
    if isinstance(kind, UTCDateTime):
        value = Annotated[str, Strict(), StringConstraints(pattern=TIME_PATTERN)]
    elif isinstance(kind, Date):
        value = Annotated[str, Strict(), StringConstraints(pattern=DATE_PATTERN)]
    elif isinstance(kind, DecimalText):
        value = Annotated[str, Strict(), StringConstraints(max_length=40, pattern=DECIMAL_PATTERN)]
    elif isinstance(kind, Money | Integer):
        value = Annotated[int, Strict(), Field(ge=-_INT64, le=_INT64 - 1)]
    elif isinstance(kind, Boolean):
        value = Literal[0, 1]
    elif isinstance(kind, JSONText):
        value = Annotated[str, Strict()]  # its JSON is checked by check_json
    elif isinstance(kind, String) and kind.length is not None:
        value = Annotated[str, Strict(), StringConstraints(max_length=kind.length)]
    else:
        value = Annotated[str, Strict()]
    return value | None if column.nullable else value


@functools.cache
def _rows_type(entity: str) -> Any:
    """list[tuple[...]]: a block's rows, one typed value per column."""
    values: Any = tuple(_value_type(entity, name) for name in _columns(entity))
    row: Any = tuple.__class_getitem__(values)
    return list.__class_getitem__(row)


@functools.cache
def _rows_adapter(entity: str) -> TypeAdapter[Any]:
    return TypeAdapter(_rows_type(entity))


class RowBlock(BaseModel):
    """Rows of one entity: the column names, then one list of values per row, in that
    order. On the wire every block is the entity's own model (``Block``), whose rows
    are checked value by value while the answer is parsed."""

    model_config = ConfigDict(extra="ignore")

    entity: str
    columns: list[str]
    rows: list[Any] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_columns(self) -> RowBlock:
        if self.entity in SYNCED and tuple(self.columns) != _columns(self.entity):
            raise ValueError(_other_columns(self.entity))
        return self


def _block_model(entity: str) -> type[RowBlock]:
    tag: Any = getitem(Literal, entity)
    return create_model(
        f"{entity}_block",
        __base__=RowBlock,
        entity=(tag, ...),
        rows=(_rows_type(entity), Field(default_factory=list)),
    )


if TYPE_CHECKING:
    Block = RowBlock
else:
    Block = Annotated[
        Union[tuple(_block_model(entity) for entity in SYNCED)],  # noqa: UP007
        Field(discriminator="entity"),
    ]


def _other_columns(entity: str) -> str:
    return (
        f"{SYNCED[entity].label or entity} rows come with other columns than this "
        "Fieldbook knows; the server and Fieldbook need the same version"
    )


def check_block(entity: str, names: list[str], rows: list[list[Value]]) -> None:
    """Raise ``BadBlock`` unless every row holds a valid stored value per column."""
    if entity not in SYNCED:
        raise BadBlock(f"rows of {entity!r}, which this Fieldbook does not know")
    if tuple(names) != _columns(entity):
        raise BadBlock(_other_columns(entity))
    try:
        _rows_adapter(entity).validate_python(rows)
    except ValidationError as exc:
        raise BadBlock(_describe(entity, rows, exc)) from None
    # closing(): sqlite3's own context manager ends a transaction, not the connection.
    with closing(sqlite3.connect(":memory:")) as connection:
        check_json(connection, entity, rows)


def explain(body: bytes) -> str | None:
    """Why the blocks of an answer that failed to parse do not fit, in one sentence
    naming the row and the column (None: the blocks are not the problem)."""
    try:
        data = json.loads(body)
        blocks = data.get("tables") if isinstance(data, dict) else None
    except ValueError:
        return None
    if not isinstance(blocks, list):
        return None
    for block in blocks:
        if not isinstance(block, dict):
            return "a block of rows is not an object"
        names, rows = block.get("columns"), block.get("rows")
        if not isinstance(names, list) or not isinstance(rows, list):
            return "a block of rows has no column names or no rows"
        try:
            check_block(str(block.get("entity")), names, rows)
        except BadBlock as exc:
            return str(exc)
    return None


def _describe(entity: str, rows: list[list[Value]], exc: ValidationError) -> str:
    first = exc.errors(include_url=False, include_context=False)[0]
    where = first["loc"]
    label = SYNCED[entity].label or entity
    if len(where) < 2 or not isinstance(where[0], int) or not isinstance(where[1], int):
        return f"{label} rows are not lists of values ({first['msg']})"
    index, column = where[0], where[1]
    row, at = rows[index], _columns(entity).index("id")
    row_id = row[at] if len(row) > at and isinstance(row[at], str) else f"#{index + 1}"
    name = _columns(entity)[column] if column < len(_columns(entity)) else f"#{column + 1}"
    return f"{label} {row_id[:64]}: {name}: {first['msg']}"
