"""Request dependencies: a database session, the signed-in caller, the protocol check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SUPPORTED_PROTOCOLS
from server import auth, scope
from server.models import Device, Token


class ApiError(Exception):
    """An answer with a status and a message for the user (``{"detail": ...}``)."""

    def __init__(
        self,
        status: int,
        detail: str,
        code: str = "",
        *,
        wipe: bool = False,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.detail, self.code, self.wipe = status, detail, code, wipe
        self.headers = headers or {}


@dataclass(frozen=True)
class Caller:
    viewer: scope.Viewer
    identity: auth.Identity


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.database.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_caller(s: SessionDep, authorization: Annotated[str | None, Header()] = None) -> Caller:
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "sign in first (no token)", "unauthenticated")
    with s.begin():
        identity = auth.authenticate(s, token)
        if identity is None:
            row = s.get(Token, auth.token_digest(token))
            device = s.get(Device, row.device_id) if row is not None else None
            if device is not None and device.wipe:
                raise ApiError(
                    401,
                    "this device was revoked; its local data must be wiped",
                    "revoked",
                    wipe=True,
                )
            raise ApiError(
                401, "your sign-in has expired or was revoked; sign in again", "unauthenticated"
            )
        viewer = scope.load_viewer(s, identity.user_id)
        if viewer is None:
            raise ApiError(401, "this user is disabled", "unauthenticated")
    return Caller(viewer=viewer, identity=identity)


CallerDep = Annotated[Caller, Depends(get_caller)]


def check_protocol(
    fieldbook_protocol: Annotated[str | None, Header(alias=PROTOCOL_HEADER)] = None,
) -> int:
    """The caller's protocol version; 426 unless this server speaks it."""
    if fieldbook_protocol not in {str(v) for v in SUPPORTED_PROTOCOLS}:
        raise ApiError(
            426,
            f"this server speaks sync protocol {PROTOCOL_VERSION}; the device sent "
            f"{fieldbook_protocol or 'none'}. Update Fieldbook to sync with this server.",
            "upgrade_required",
        )
    return int(fieldbook_protocol)


ProtocolDep = Annotated[int, Depends(check_protocol)]


def stated_protocol(
    fieldbook_protocol: Annotated[str | None, Header(alias=PROTOCOL_HEADER)] = None,
) -> int:
    """The protocol a caller states where none is required (sign-in): this server's own
    when it states none or one this server does not speak."""
    if fieldbook_protocol in {str(v) for v in SUPPORTED_PROTOCOLS}:
        return int(fieldbook_protocol)
    return PROTOCOL_VERSION
