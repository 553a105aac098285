"""The sign-in token lives in the OS keyring only, never in a file.

When the keyring has no secure backend (``fail`` or ``null``), we say so and keep the
token for this run only.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors

SERVICE = "Fieldbook"


def account_name(server_url: str, username: str) -> str:
    return f"{server_url}|{username}"


def keyring_usable() -> bool:
    """False when tokens cannot be remembered (no secure backend on this machine)."""
    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    module = type(backend).__module__
    if module.endswith((".fail", ".null")):
        return False
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:
        return False


def load_token(server_url: str, username: str) -> str | None:
    if not keyring_usable():
        return None
    try:
        return keyring.get_password(SERVICE, account_name(server_url, username))
    except keyring.errors.KeyringError:
        return None


def save_token(server_url: str, username: str, token: str) -> bool:
    """Store the token; False (and nothing written anywhere) without a secure keyring."""
    if not keyring_usable():
        return False
    try:
        keyring.set_password(SERVICE, account_name(server_url, username), token)
    except keyring.errors.KeyringError:
        return False
    return True


def forget_token(server_url: str, username: str) -> None:
    if not keyring_usable():
        return
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, account_name(server_url, username))


NOT_REMEMBERED = (
    "no secure keyring is available on this machine: the sign-in is kept for this run "
    "only and will not be remembered"
)
