"""Passwords (argon2), opaque tokens stored as hashes, and sign-in rate limits.

Rate limits live in the database so several stateless workers share them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.domain.models import User
from desktop.domain.models.types import utcnow
from server.models import Credential, Device, LoginFailure, Token

TOKEN_LIFETIME = dt.timedelta(days=30)
MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=10)

_hasher = PasswordHasher()


def use_hasher(hasher: PasswordHasher) -> None:
    """Swap the argon2 parameters (tests use cheap ones; hashes record their own)."""
    global _hasher
    _hasher = hasher


class LoginRefused(Exception):
    """Wrong name or password, or a disabled user (one message for all: no oracle)."""


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            f"too many failed sign-ins; try again in {max(1, retry_after // 60)} minute(s)"
        )


@dataclass(frozen=True)
class Grant:
    token: str
    user_id: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class Identity:
    user_id: str
    device_id: str
    token_hash: str


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_limit(session: Session, keys: list[str], now: dt.datetime) -> None:
    for key in keys:
        row = session.get(LoginFailure, key)
        if row is None:
            continue
        elapsed = now - row.window_start
        if elapsed < FAILURE_WINDOW and row.failures >= MAX_FAILURES:
            raise TooManyAttempts(int((FAILURE_WINDOW - elapsed).total_seconds()))


def _record_failure(session: Session, keys: list[str], now: dt.datetime) -> None:
    for key in keys:
        row = session.get(LoginFailure, key)
        if row is None:
            session.add(LoginFailure(key=key, window_start=now, failures=1))
        elif now - row.window_start >= FAILURE_WINDOW:
            row.window_start, row.failures = now, 1
        else:
            row.failures += 1


def login(
    session: Session, username: str, password: str, device_id: str, device_name: str, address: str
) -> Grant:
    """Check the password and hand out a new token; call inside a transaction."""
    now = utcnow()
    keys = [f"user:{username.casefold()}", f"addr:{address}"]
    _check_limit(session, keys, now)
    user = session.scalar(select(User).where(User.username == username))
    credential = session.get(Credential, user.id) if user is not None else None
    ok = False
    if user is not None and credential is not None:
        try:
            ok = _hasher.verify(credential.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    if (
        not ok
        or user is None
        or credential is None
        or credential.disabled
        or not user.active
        or user.deleted_at is not None
    ):
        raise LoginRefused("wrong user name or password, or the user is disabled")
    for key in keys:
        failure = session.get(LoginFailure, key)
        if failure is not None:
            session.delete(failure)
    device = session.get(Device, device_id)
    if device is not None and device.revoked:
        raise LoginRefused("this device was revoked by an administrator")
    if device is None:
        session.add(Device(id=device_id, user_id=user.id, name=device_name, last_seen_at=now))
    else:
        device.user_id, device.last_seen_at = user.id, now
        if device_name:
            device.name = device_name
    token = secrets.token_urlsafe(32)
    expires = now + TOKEN_LIFETIME
    session.add(
        Token(
            token_hash=token_digest(token),
            user_id=user.id,
            device_id=device_id,
            created_at=now,
            expires_at=expires,
        )
    )
    return Grant(token=token, user_id=user.id, expires_at=expires)


def other_devices(session: Session, user_id: str, device_id: str) -> int:
    """The user's other devices (revoked ones too: their document numbers still exist)."""
    return len(
        list(
            session.scalars(
                select(Device.id).where(Device.user_id == user_id, Device.id != device_id)
            )
        )
    )


def login_failed(session: Session, username: str, address: str) -> None:
    """Count a failed sign-in (in its own transaction: the login's was rolled back)."""
    _record_failure(session, [f"user:{username.casefold()}", f"addr:{address}"], utcnow())


def authenticate(session: Session, token: str) -> Identity | None:
    row = session.get(Token, token_digest(token))
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        return None
    return Identity(user_id=row.user_id, device_id=row.device_id, token_hash=row.token_hash)


def revoke_token(session: Session, token_hash: str) -> None:
    session.execute(update(Token).where(Token.token_hash == token_hash).values(revoked_at=utcnow()))


def revoke_device(session: Session, device_id: str, *, wipe: bool) -> bool:
    device = session.get(Device, device_id)
    if device is None:
        return False
    device.revoked = True
    device.wipe = wipe
    session.execute(
        update(Token)
        .where(Token.device_id == device_id, Token.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return True


def revoke_user(session: Session, user_id: str) -> None:
    session.execute(
        update(Token)
        .where(Token.user_id == user_id, Token.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
