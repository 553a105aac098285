"""One whole sync of this device, as the window's sync controller and ``fieldbook sync``
both run it: files up, rows both ways, files down, then the counts the status bar
shows. No Qt here; the caller runs it off the GUI thread and passes a progress
callback (``phase, done, total``) and, to stop between pages, a cancel check.

Also the sign-in and sign-out steps both callers share (server, keyring)."""

from __future__ import annotations

import datetime as dt
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from desktop.domain.services.device import get_meta, pending_outbox
from desktop.domain.services.sync_issues import open_issue_count
from desktop.sync import credentials
from desktop.sync.blobs import BlobReport, download_missing, upload_pending
from desktop.sync.client import SyncClient, SyncError, make_http
from desktop.sync.engine import (
    LAST_SYNC,
    SERVER_URL,
    USERNAME,
    Cancel,
    Progress,
    SyncReport,
    sync_once,
)
from desktop.sync.protocol import Health


@dataclass(frozen=True)
class Counts:
    """What the status bar shows besides the state: changes not sent yet, conflicts and
    refusals to settle, the last successful sync."""

    pending: int
    issues: int
    last_sync: dt.datetime | None


@dataclass(frozen=True)
class SyncRun:
    report: SyncReport
    sent: BlobReport  # files uploaded (and those that could not be)
    received: BlobReport  # files downloaded
    counts: Counts  # after the run


def read_counts(session: Session) -> Counts:
    last = get_meta(session, LAST_SYNC)
    try:
        last_sync = dt.datetime.fromisoformat(last) if last else None
    except ValueError:
        last_sync = None
    return Counts(pending_outbox(session), open_issue_count(session), last_sync)


def sync_all(
    engine: Engine,
    client: SyncClient,
    files: Path,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> SyncRun:
    """Upload files → sync rows → download files → counts. ``client`` carries the
    token; ``files`` is the attachments store. Raises ``SyncError``."""
    # Contents first: the server refuses a row whose file it holds from someone else
    # until this user has uploaded it too.
    sent = upload_pending(engine, client, files, progress, cancel)
    report = sync_once(engine, client, progress=progress, cancel=cancel)
    received = download_missing(engine, client, files, progress, cancel)
    with Session(engine) as session:
        counts = read_counts(session)
    return SyncRun(report, sent, received, counts)


# -- who is signed in -------------------------------------------------------------------


@dataclass(frozen=True)
class StoredSignIn:
    """The server and user this device last signed in to, and the remembered token."""

    server_url: str  # "" when never signed in
    username: str
    token: str | None  # None: not in the keyring (signed out, or no keyring)
    keyring_ok: bool
    counts: Counts


def stored_sign_in(engine: Engine) -> StoredSignIn:
    with Session(engine) as session:
        server = get_meta(session, SERVER_URL) or ""
        username = get_meta(session, USERNAME) or ""
        counts = read_counts(session)
    usable = credentials.keyring_usable()
    token = credentials.load_token(server, username) if server and username else None
    return StoredSignIn(server, username, token, usable, counts)


def sign_out(
    server_url: str,
    username: str,
    token: str | None,
    http: Callable[[str], httpx.Client] = make_http,
) -> SyncError | None:
    """Tell the server (if it answers) and forget the token in the keyring; the
    server's error when it could not be told (offline), else None."""
    problem = None
    if token and server_url:
        try:
            with http(server_url) as client:
                SyncClient(client, token).logout()
        except SyncError as exc:
            problem = exc
    if server_url and username:
        credentials.forget_token(server_url, username)
    return problem


# -- what went wrong --------------------------------------------------------------------


class SyncFailed(Exception):
    """A SyncError plus what the worker learnt about it (the server's protocol)."""

    def __init__(self, error: SyncError, server_protocol: int | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.server_protocol = server_protocol


def certificate_problem(exc: BaseException) -> str | None:
    """The certificate error behind a failed connection, if that is what it was."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return current.verify_message or str(current)
        if isinstance(current, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(current):
            return str(current)
        for arg in getattr(current, "args", ()):
            if isinstance(arg, ssl.SSLError):
                return str(arg)
        current = current.__cause__ or current.__context__
    return None


def server_protocol(server_url: str) -> int | None:
    """The protocol version the server says it speaks (/health); None if it does not say."""
    try:
        with make_http(server_url) as http:
            response = http.get("/health")
            return Health.model_validate_json(response.content).protocol
    except Exception:
        return None
