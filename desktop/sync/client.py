"""The HTTP client of the sync protocol (httpx), with errors a user can read.

Whatever the server answers (an error page, a proxy's HTML, truncated JSON), the caller
gets a ``SyncError`` with one clear sentence, never a traceback.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from desktop.sync import stored
from desktop.sync.protocol import (
    API_PREFIX,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    BlobStatus,
    LoginRequest,
    LoginResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
)

M = TypeVar("M", bound=BaseModel)
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class SyncError(Exception):
    """Sync failed; ``str(exc)`` is the message for the user.

    ``retryable``: try again later (network, busy server). ``auth``: sign in again.
    ``wipe``: the administrator revoked this device and asked to erase its data.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str = "",
        status: int | None = None,
        retryable: bool = False,
        auth: bool = False,
        wipe: bool = False,
    ) -> None:
        super().__init__(message)
        self.code, self.status, self.retryable = code, status, retryable
        self.auth, self.wipe = auth, wipe


def check_server_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SyncError(f"{url!r} is not a server address; use http://host:port or https://host")
    return url.strip().rstrip("/")


def make_http(server_url: str) -> httpx.Client:
    return httpx.Client(base_url=check_server_url(server_url), timeout=TIMEOUT)


class SyncClient:
    """One server, one token. ``http`` may be any httpx.Client (tests pass in-process ones)."""

    def __init__(self, http: httpx.Client, token: str | None = None) -> None:
        self.http = http
        self.token = token

    def _headers(self) -> dict[str, str]:
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _request(
        self, method: str, path: str, body: BaseModel | None, model: type[M] | None
    ) -> M | None:
        content = body.model_dump_json().encode("utf-8") if body is not None else None
        response = self._send(method, path, content)
        if model is None:
            return None
        return _parse(response, model)

    def _send(
        self,
        method: str,
        path: str,
        content: bytes | None,
        params: dict[str, int] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """One request; a SyncError for a network failure or an error answer."""
        try:
            response = self.http.request(
                method, path, headers=headers or self._headers(), content=content, params=params
            )
        except httpx.TimeoutException as exc:
            raise SyncError(
                "the server did not answer in time; try again later", code="timeout", retryable=True
            ) from exc
        except httpx.TransportError as exc:
            raise SyncError(
                f"cannot reach the server ({type(exc).__name__}); check the "
                "address and the network",
                code="network",
                retryable=True,
            ) from exc
        if response.status_code >= 400:
            raise _error(response)
        return response

    def login(
        self, username: str, password: str, device_id: str, device_name: str = ""
    ) -> LoginResponse:
        body = LoginRequest(
            username=username, password=password, device_id=device_id, device_name=device_name[:200]
        )
        result = self._request("POST", "/auth/login", body, LoginResponse)
        assert result is not None
        self.token = result.token
        return result

    def logout(self) -> None:
        self._request("POST", "/auth/logout", None, None)

    def push(self, request: PushRequest) -> PushResponse:
        result = self._request("POST", f"{API_PREFIX}/push", request, PushResponse)
        assert result is not None
        return result

    def pull(self, request: PullRequest) -> PullResponse:
        result = self._request("POST", f"{API_PREFIX}/pull", request, PullResponse)
        assert result is not None
        return result

    # -- attachment contents (server/blobs.py) -------------------------------------------
    def blob_status(self, content_hash: str) -> BlobStatus:
        """How much of this content the server holds from this user."""
        response = self._send("GET", f"{API_PREFIX}/blobs/{content_hash}/status", None)
        return _parse(response, BlobStatus)

    def upload_blob(self, content_hash: str, size: int, offset: int, chunk: bytes) -> BlobStatus:
        """Send ``chunk`` at ``offset`` of a file of ``size`` bytes."""
        headers = {**self._headers(), "Content-Type": "application/octet-stream"}
        response = self._send(
            "PUT",
            f"{API_PREFIX}/blobs/{content_hash}",
            chunk,
            params={"size": size, "offset": offset},
            headers=headers,
        )
        return _parse(response, BlobStatus)

    def download_blob(self, content_hash: str) -> bytes:
        """The whole content (attachments are a few MB at most)."""
        return self._send("GET", f"{API_PREFIX}/blobs/{content_hash}", None).content


def _parse(response: httpx.Response, model: type[M]) -> M:
    try:
        return model.model_validate_json(response.content)
    except (ValidationError, ValueError) as exc:
        salvaged = _salvage(response, model)
        if salvaged is not None:
            return salvaged
        reason = stored.explain(response.content)
        if reason is not None:
            raise SyncError(
                f"the server sent data this Fieldbook cannot store ({reason})",
                code="bad_data",
                status=response.status_code,
            ) from exc
        raise SyncError(
            "the server's answer is not what a Fieldbook sync server sends; check the "
            "server address",
            code="bad_response",
            status=response.status_code,
            retryable=True,
        ) from exc


def _salvage(response: httpx.Response, model: type[M]) -> M | None:
    """An answer of rows some of which this device cannot store: the others, with the
    refused ones named (``refused``), so one bad row never stops a sync."""
    if model not in (PullResponse, PushResponse, LoginResponse):
        return None
    found = stored.salvage(response.content)
    if found is None:
        return None
    data, refused = found
    try:
        result = model.model_validate(data)
    except ValidationError:
        return None
    result.refused = refused  # type: ignore[attr-defined]
    return result


def _error(response: httpx.Response) -> SyncError:
    status = response.status_code
    detail, code, wipe = "", "", False
    try:
        data: Any = json.loads(response.content)
        if isinstance(data, dict):
            detail = str(data.get("detail") or "")[:300]
            code = str(data.get("code") or "")
            wipe = data.get("wipe") is True
    except ValueError:
        pass
    if status == 401:
        return SyncError(
            detail or "sign in again",
            code=code or "unauthenticated",
            status=status,
            auth=True,
            wipe=wipe,
        )
    if status == 426:
        return SyncError(
            detail or "this Fieldbook is too old for the server; update it",
            code="upgrade_required",
            status=status,
        )
    if status == 429:
        return SyncError(
            detail or "too many attempts; wait a few minutes",
            code="rate_limited",
            status=status,
            retryable=True,
        )
    if status in (502, 503, 504):
        return SyncError(
            detail or "the server is busy or down; try again later",
            code=code or "busy",
            status=status,
            retryable=True,
        )
    if status >= 500:
        return SyncError(
            f"the server failed ({status}); try again later or tell the administrator",
            code="server_error",
            status=status,
            retryable=True,
        )
    if not detail:
        return SyncError(
            f"the server refused the request ({status}); is this the right address?",
            code="refused",
            status=status,
        )
    return SyncError(detail, code=code, status=status)
