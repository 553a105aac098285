"""The FastAPI application: health, sign-in, push, pull and attachment contents.

Every endpoint but ``/health`` and ``/auth/login`` needs a bearer token; the sync
endpoints also need the protocol header. Errors are JSON ``{"detail": ...}`` with a
message for the user; no traceback ever leaves the server, and neither tokens nor
passwords are logged.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from desktop import __version__
from desktop.domain.models import User
from desktop.sync.protocol import (
    API_PREFIX,
    PROTOCOL_VERSION,
    SUPPORTED_PROTOCOLS,
    ErrorBody,
    Health,
    LoginRequest,
    LoginResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
)
from server import auth, blobs, compat, pull, push, scope
from server.db import ServerDatabase, writing
from server.deps import ApiError, CallerDep, ProtocolDep, SessionDep, stated_protocol
from server.limits import BodyLimit
from server.rejections import DeviceReused
from server.rows import blocks_by_id, sign_in_rows

log = logging.getLogger("fieldbook.server")


@dataclass
class Settings:
    blob_dir: Path
    max_blob_size: int = 50 * 1024 * 1024


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 409, 413, 426, 429, 503)
}


def create_app(database: ServerDatabase, settings: Settings) -> FastAPI:
    # Pushes take the counter lock (one at a time on the whole server): more than one
    # in this process would only wait for it while the other threads' Python slowed
    # the one holding it (20 at once: 1,258 -> 839 mutations/s).
    pushing = threading.Lock()

    app = FastAPI(title="Fieldbook sync server", version=__version__, responses=ERRORS)
    app.state.database = database
    app.state.settings = settings
    app.add_middleware(BodyLimit)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        body = {"detail": exc.detail, "code": exc.code, "wipe": exc.wipe}
        return JSONResponse(body, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"
            for e in exc.errors()[:5]
        )
        return JSONResponse(
            {"detail": f"invalid request: {problems}", "code": "invalid"}, status_code=422
        )

    @app.exception_handler(OperationalError)
    async def _busy(request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database busy or unavailable: %s", type(exc.orig).__name__)
        return JSONResponse(
            {"detail": "the server is busy; try again in a moment", "code": "busy"},
            status_code=503,
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"detail": "internal server error", "code": "internal"}, status_code=500
        )

    @app.get("/health", response_model=Health)
    def health(s: SessionDep) -> Health:
        return Health(status="ok", protocol=PROTOCOL_VERSION, database=database.dialect)

    @app.post("/auth/login", response_model=LoginResponse)
    def login(
        body: LoginRequest,
        request: Request,
        s: SessionDep,
        protocol: Annotated[int, Depends(stated_protocol)],
    ) -> JSONResponse:
        address = request.client.host if request.client else "unknown"
        try:
            # Counted and committed first: parallel attempts never exceed the limit.
            with writing(), s.begin():
                auth.reserve_attempt(s, body.username, address)
        except auth.TooManyAttempts as exc:
            raise ApiError(
                429, str(exc), "rate_limited", headers={"Retry-After": str(exc.retry_after)}
            ) from None
        try:
            with s.begin():  # argon2 outside the write lock
                user_id = auth.check_password(s, body.username, body.password)
            with writing(), s.begin():
                grant = auth.grant(
                    s, user_id, body.username, address, body.device_id, body.device_name
                )
        except auth.LoginRefused as exc:
            raise ApiError(401, str(exc), "login_refused") from None
        with s.begin():
            user = s.get(User, grant.user_id)
            viewer = scope.load_viewer(s, grant.user_id)
            if user is None or viewer is None:
                raise ApiError(401, "this user is disabled", "login_refused")
            answer = LoginResponse(
                token=grant.token,
                user_id=user.id,
                username=user.username,
                display_name=user.display_name,
                role=user.role,
                expires_at=grant.expires_at.isoformat(),
                other_devices=auth.other_devices(s, user.id, grant.device_id),
                device_id=grant.device_id,
            ).model_dump(exclude={"tables"})
            # Rows in stored form, as a pull sends them (not revalidated here).
            answer["tables"] = compat.for_protocol(protocol, sign_in_rows(s, viewer))
        return JSONResponse(answer)

    @app.post("/auth/logout", status_code=204)
    def logout(c: CallerDep, s: SessionDep) -> None:
        with writing(), s.begin():
            auth.revoke_token(s, c.identity.token_hash)

    @app.post(f"{API_PREFIX}/push", response_model=PushResponse)
    def push_endpoint(
        body: PushRequest, c: CallerDep, s: SessionDep, protocol: ProtocolDep
    ) -> JSONResponse:
        _check_body_protocol(body.protocol)
        try:
            with pushing, writing(), s.begin():
                outcome = push.push(s, c.viewer, c.identity.device_id, body)
        except DeviceReused as exc:
            raise ApiError(409, str(exc), "device_reused") from None
        # The rows the user may see as they are now, read after the commit, outside the
        # counter lock (newer than the push left them is fine: a device never stores an
        # older state over a newer one).
        with s.begin():
            tables = compat.for_protocol(protocol, blocks_by_id(s, outcome.touched, c.viewer))
        # Built as plain data (the rows already in stored form): a PushResponse, unvalidated.
        return JSONResponse(
            {
                "results": outcome.answers,
                "tables": tables,
                "expected_mutation_id": outcome.expected_mutation_id,
                "head": outcome.head,
            }
        )

    @app.post(f"{API_PREFIX}/pull", response_model=PullResponse)
    def pull_endpoint(
        body: PullRequest, c: CallerDep, s: SessionDep, protocol: ProtocolDep
    ) -> JSONResponse:
        _check_body_protocol(body.protocol)
        try:
            with s.begin():
                page = pull.pull(
                    s, c.viewer, c.identity.device_id, body.cursor, body.resume, body.limit
                )
        except pull.BadResume as exc:
            raise ApiError(400, str(exc), "bad_resume") from None
        page["tables"] = compat.for_protocol(protocol, page["tables"])
        page["removes"] = compat.removes_for_protocol(protocol, page["removes"])
        return JSONResponse(page)

    blobs.register(app)
    return app


def _check_body_protocol(version: int) -> None:
    if version not in SUPPORTED_PROTOCOLS:
        raise ApiError(
            426,
            f"this server speaks sync protocol {PROTOCOL_VERSION}, not {version}; update Fieldbook",
            "upgrade_required",
        )
