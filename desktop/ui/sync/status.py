"""The sync state the window shows, and its words: the status bar's line and tooltip,
a failure in plain words (and whether to try again by itself), a refused address."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from desktop.sync.protocol import PROTOCOL_VERSION
from desktop.sync.run import SyncFailed, certificate_problem


@dataclass(frozen=True)
class SyncStatus:
    signed_in: bool = False
    server_url: str = ""
    username: str = ""
    display_name: str = ""
    remembered: bool = False  # the token is in the OS keyring
    keyring_ok: bool | None = None  # None: not checked yet
    syncing: bool = False
    online: bool | None = None  # None: not tried yet
    pending: int = 0
    issues: int = 0
    last_sync: dt.datetime | None = None
    error: str = ""  # plain words; "" when the last attempt worked
    retry_in_s: float | None = None
    cancelled: bool = False  # the user stopped the last sync


@dataclass(frozen=True)
class SyncProgress:
    """How far the running sync is: sending (with a total) or receiving (count only)."""

    phase: str  # "upload" | "push" | "pull" | "download"
    done: int
    total: int  # 0: not known (a pull does not know how much is coming)


def status_text(s: SyncStatus, zone: ZoneInfo) -> str:
    """The status bar's line."""
    if not s.signed_in:
        return QCoreApplication.translate("SyncStatus", "Offline")
    parts = []
    if s.syncing:
        parts.append(QCoreApplication.translate("SyncStatus", "Syncing…"))
    elif s.cancelled:
        parts.append(QCoreApplication.translate("SyncStatus", "Sync stopped"))
    elif s.online is False:
        parts.append(QCoreApplication.translate("SyncStatus", "Offline"))
    else:
        parts.append(QCoreApplication.translate("SyncStatus", "Online"))
    parts.append(
        QCoreApplication.translate("SyncStatus", "%1 pending").replace("%1", str(s.pending))
    )
    if s.last_sync is not None:
        parts.append(
            QCoreApplication.translate("SyncStatus", "last sync %1").replace(
                "%1", local_time(s.last_sync, zone)
            )
        )
    if s.issues:
        parts.append(
            QCoreApplication.translate("SyncStatus", "%1 to settle").replace("%1", str(s.issues))
        )
    if s.error and not s.syncing:
        # The whole sentence is in the tooltip and on the Sync page.
        parts.append(s.error if len(s.error) <= 60 else s.error[:58].rstrip() + "…")
    return " · ".join(parts)


def status_detail(s: SyncStatus) -> str:
    """The status bar's tooltip."""
    if not s.signed_in:
        return s.error or QCoreApplication.translate(
            "SyncStatus", "Not signed in: sign in on the Sync page to sync."
        )
    lines = [QCoreApplication.translate("SyncStatus", "Server: %1").replace("%1", s.server_url)]
    if s.error:
        lines.append(s.error)
    if s.retry_in_s is not None:
        lines.append(
            QCoreApplication.translate("SyncStatus", "Trying again by itself in %1 s.").replace(
                "%1", str(round(s.retry_in_s))
            )
        )
    return "\n".join(lines)


def local_time(when: dt.datetime, zone: ZoneInfo) -> str:
    local = when.astimezone(zone)
    today = dt.datetime.now(zone).date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


def url_problem(url: str, allow_plain_http: bool) -> str | None:
    """A translated reason the address is refused (https, or http to this computer)."""
    from desktop.ui.settings_dialog import server_url_problem

    problem = server_url_problem(url, allow_plain_http)
    if problem is None:
        return None
    if problem.startswith("plain http"):
        return QCoreApplication.translate(
            "SyncStatus",
            "Plain http would send your password unencrypted. Use https, or allow "
            "plain HTTP explicitly in Settings.",
        )
    return QCoreApplication.translate(
        "SyncStatus", "Not a web address (for example https://server.example.com)."
    )


def describe(exc: BaseException) -> tuple[str, bool]:
    """Plain words for a failure, and whether to try again by itself."""
    if not isinstance(exc, SyncFailed):
        return QCoreApplication.translate("SyncStatus", "Sync failed unexpectedly (%1).").replace(
            "%1", type(exc).__name__
        ), True
    error = exc.error
    certificate = certificate_problem(error)
    if certificate is not None:
        return (
            QCoreApplication.translate(
                "SyncStatus",
                "The server's certificate is not trusted (%1). Fieldbook will not "
                "connect until the certificate is fixed; tell your administrator.",
            ).replace("%1", certificate),
            True,
        )
    code = error.code
    if code == "login_refused":
        if "revoked" in str(error):
            return QCoreApplication.translate(
                "SyncStatus", "This device was revoked by an administrator."
            ), False
        return QCoreApplication.translate("SyncStatus", "Wrong user name or password."), False
    if error.auth:
        return QCoreApplication.translate(
            "SyncStatus", "Your sign-in expired or was revoked. Sign in again."
        ), False
    if code == "upgrade_required":
        if exc.server_protocol is not None and exc.server_protocol < PROTOCOL_VERSION:
            return (
                QCoreApplication.translate(
                    "SyncStatus",
                    "The server is older than this Fieldbook. Ask your administrator "
                    "to update the server.",
                ),
                False,
            )
        return QCoreApplication.translate(
            "SyncStatus", "This Fieldbook is too old for the server. Update Fieldbook."
        ), False
    if code in ("network", "timeout"):
        return QCoreApplication.translate(
            "SyncStatus", "Server unreachable: no network, or the server is down."
        ), True
    if code == "rate_limited":
        return QCoreApplication.translate(
            "SyncStatus", "Too many attempts; waiting before trying again."
        ), True
    if code in ("busy", "server_error", "bad_response", "resync_loop"):
        return QCoreApplication.translate(
            "SyncStatus", "The server has a problem right now; trying again later."
        ), True
    if code == "gap":
        return (
            QCoreApplication.translate(
                "SyncStatus",
                "The server is missing some of this device's changes. Ask your "
                "administrator to reset this device.",
            ),
            False,
        )
    if code == "refused" or not code:
        return QCoreApplication.translate(
            "SyncStatus", "The server refused the request: %1"
        ).replace("%1", str(error)), True
    return str(error), error.retryable
