"""The sync wire protocol: request and response bodies shared by device and server.

Versioned: every request carries ``PROTOCOL_HEADER: PROTOCOL_VERSION``; a server that
does not speak the device's version answers 426 with a message for the user. A
device's edits carry field values in the wire form of ``desktop.domain.codec``
(decimals as text, times as ISO 8601 UTC); the server's rows come in blocks of stored
values (``desktop.sync.stored``), each checked value by value as the answer is
parsed. A server adds an entity or a column only with a new protocol version. Models forbid unknown keys on requests so junk is refused early, and
ignore them on responses so a newer server can add fields.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from desktop.sync.stored import Block, Refused

# 2: rows travel in blocks of stored values (desktop.sync.stored).
# 3: a rejection carries a code and its parameters (desktop.domain.rules); the server
#    derives computed fields itself; the entities and columns added since 0.1.0
#    (opportunity fields, competitors, stakeholders, visit evidence). A server serves the previous version for one
#    release, so a company can upgrade the server before its laptops: server/compat.py
#    sends a protocol-2 laptop only the entities and columns it knows.
PROTOCOL_VERSION = 3
SUPPORTED_PROTOCOLS = frozenset({2, 3})
PROTOCOL_HEADER = "Fieldbook-Protocol"
API_PREFIX = "/sync/v1"

Op = Literal["insert", "update", "delete", "restore"]
Status = Literal["applied", "conflict", "rejected"]

MAX_BATCH = 500
MAX_PAGE = 5000
# The largest request body a server takes (413 beyond it); a device keeps its pushes
# under PUSH_BYTES and sends no single edit over MAX_MUTATION_BYTES.
MAX_REQUEST_BYTES = 16 * 1024 * 1024
PUSH_BYTES = 4 * 1024 * 1024
MAX_MUTATION_BYTES = 1024 * 1024

# Bounded text keeps malformed or hostile input from costing memory on the server.
Id = Field(min_length=1, max_length=64)


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Response(BaseModel):
    model_config = ConfigDict(extra="ignore")


class LoginRequest(_Request):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=400)
    device_id: str = Id
    device_name: str = Field(default="", max_length=200)


class LoginResponse(_Response):
    token: str
    user_id: str
    username: str
    display_name: str
    role: str
    expires_at: str
    # How many other devices this user has signed in on (quote numbers get a device tag).
    other_devices: int = 0
    # The id this device signs in with from now on: the one it sent, or a new one when
    # that id is another user's device (None from servers before this field).
    device_id: str | None = Field(default=None, min_length=1, max_length=64)
    # What the device needs before its first pull (the user's own row, their team,
    # the policies), in stored form like a pull's rows.
    tables: list[Block] = Field(default_factory=list)
    # Filled on the device: rows of ``tables`` it would not store (never sent).
    refused: list[Refused] = Field(default_factory=list, exclude=True)


class Mutation(_Request):
    mutation_id: int = Field(ge=1, le=2**62)
    entity: str = Field(min_length=1, max_length=40)
    row_id: str = Id
    op: Op
    fields: dict[str, Any] = Field(default_factory=dict)
    base_versions: dict[str, int] = Field(default_factory=dict)
    base_row_version: int = Field(default=0, ge=0)


class PushRequest(_Request):
    protocol: int = PROTOCOL_VERSION
    mutations: list[Mutation] = Field(default_factory=list, max_length=MAX_BATCH)


class FieldConflict(_Response):
    field: str
    mine: Any = None
    theirs: Any = None


class MutationResult(_Response):
    mutation_id: int
    status: Status
    version: int | None = None
    reason: str = ""
    # A rejection's rule (desktop.domain.rules.violation) and its parameters.
    code: str = ""
    params: dict[str, Any] = Field(default_factory=dict)
    conflicts: list[FieldConflict] = Field(default_factory=list)
    server_changed_by: str | None = None
    server_changed_at: str | None = None


class PushResponse(_Response):
    results: list[MutationResult] = Field(default_factory=list)
    # The rows the results touched as the server now holds them; a result's row that
    # is not here does not exist or is out of the user's scope.
    tables: list[Block] = Field(default_factory=list)
    # Set when the batch stopped at a gap: the mutation id the server needs next.
    expected_mutation_id: int | None = None
    head: int = 0
    # Filled on the device: rows of ``tables`` it would not store (never sent).
    refused: list[Refused] = Field(default_factory=list, exclude=True)


class PullRequest(_Request):
    protocol: int = PROTOCOL_VERSION
    cursor: int = Field(default=0, ge=0)
    # Opaque continuation of a pull that spans several pages.
    resume: str | None = Field(default=None, max_length=400)
    limit: int = Field(default=1000, ge=1, le=MAX_PAGE)


class Removal(_Response):
    entity: str
    id: str


class PullResponse(_Response):
    tables: list[Block] = Field(default_factory=list)
    removes: list[Removal] = Field(default_factory=list)
    # Set on the last page: the cursor to store with it. None while more pages follow.
    cursor: int | None = None
    resume: str | None = None
    more: bool = False
    must_resync: bool = False
    head: int = 0
    # Filled on the device: rows of ``tables`` it would not store (never sent).
    refused: list[Refused] = Field(default_factory=list, exclude=True)


class ErrorBody(_Response):
    detail: str
    code: str = ""
    wipe: bool = False


class BlobStatus(_Response):
    content_hash: str
    size: int
    received: int
    complete: bool


class Health(_Response):
    status: str
    protocol: int
    database: str
