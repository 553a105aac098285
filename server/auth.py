"""Passwords (argon2), opaque tokens stored as hashes, and sign-in rate limits.

Rate limits live in the database so several stateless workers share them. A sign-in
first reserves an attempt (one atomic ``INSERT ... ON CONFLICT DO UPDATE ...
RETURNING`` per key, committed before the password is checked), so however many
requests arrive at once, no more than ``MAX_FAILURES`` of them reach argon2 in a
window; a success clears the count. The keys:

- the user name from one address (``MAX_FAILURES``): the lock a mistyping user meets;
  a colleague behind the same office NAT signs in as someone else, under another key;
- the user name from any address (``MAX_FAILURES_ANYWHERE``), counted only for attempts
  the first key let through: it caps guesses spread over many addresses, and is large
  enough that locking someone out takes a few dozen addresses, not one laptop.

A device id belongs to the user who first signed in with it: another user who
presents it gets a new id (``Grant.device_id``), and the owner's device, tokens and
mutations stay as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import case, delete, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.domain.ids import new_id
from desktop.domain.models import User
from desktop.domain.models.types import UTCDateTime, utcnow
from server.models import Credential, Device, LoginFailure, Token

TOKEN_LIFETIME = dt.timedelta(days=30)
MAX_FAILURES = 5
MAX_FAILURES_ANYWHERE = 100
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
            f"too many failed sign-ins; try again in {max(1, -(-retry_after // 60))} minute(s)"
        )


@dataclass(frozen=True)
class Grant:
    token: str
    user_id: str
    expires_at: dt.datetime
    # The id the device signs in with from now on: the one it sent, or a new one when
    # that id belongs to another user's device.
    device_id: str


@dataclass(frozen=True)
class Identity:
    user_id: str
    device_id: str
    token_hash: str


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def limit_keys(username: str, address: str) -> list[tuple[str, int]]:
    """The rate-limit keys of a sign-in and their limits, checked in this order."""
    name = username.casefold()
    return [(f"login:{name}|{address}", MAX_FAILURES), (f"user:{name}", MAX_FAILURES_ANYWHERE)]


def _count_attempt(session: Session, key: str, now: dt.datetime) -> tuple[int, dt.datetime]:
    """Add one attempt to ``key`` atomically; its count and window start after that.

    One statement, so parallel requests each get their own count: a read, then the
    password check, then a write let 35 of 40 parallel wrong passwords reach argon2
    on PostgreSQL (limit 5), and two first inserts of one key broke its primary key
    there (a 500). RETURNING needs SQLite 3.35 (2021)."""
    dialect = session.get_bind().dialect.name
    table = LoginFailure.__table__
    insert = (postgresql if dialect == "postgresql" else sqlite).insert
    expired = table.c.window_start <= now - FAILURE_WINDOW
    started = literal(now, UTCDateTime())
    statement = (
        insert(table)
        .values(key=key, window_start=now, failures=1)
        .on_conflict_do_update(
            index_elements=[table.c.key],
            # Both right-hand sides read the row as it was (SQL's SET semantics).
            set_={
                "failures": case((expired, 1), else_=table.c.failures + 1),
                "window_start": case((expired, started), else_=table.c.window_start),
            },
        )
        .returning(table.c.failures, table.c.window_start)
    )
    failures, since = session.execute(statement).one()
    return int(failures), since


def reserve_attempt(session: Session, username: str, address: str) -> None:
    """Count this sign-in before its password is checked, in a writing transaction of
    its own that commits before argon2 runs. ``TooManyAttempts`` past a limit (its
    transaction may roll back: a refused attempt never reaches argon2, so it need
    not count)."""
    now = utcnow()
    for key, limit in limit_keys(username, address):
        failures, started = _count_attempt(session, key, now)
        if failures > limit:
            left = FAILURE_WINDOW - (now - started)
            raise TooManyAttempts(max(1, int(left.total_seconds())))


def _forget_expired(session: Session, now: dt.datetime) -> None:
    """Drop counts whose window has passed (guesses at made-up names would pile up).

    Rows another sign-in holds are skipped, not waited for (PostgreSQL), so this
    never waits in a cycle with the attempts being counted."""
    stale = (
        select(LoginFailure.key)
        .where(LoginFailure.window_start <= now - FAILURE_WINDOW)
        .with_for_update(skip_locked=True)
    )
    session.execute(delete(LoginFailure).where(LoginFailure.key.in_(stale)))


def check_password(session: Session, username: str, password: str) -> str:
    """The user's id if the password is right and the user may sign in (argon2: call
    after ``reserve_attempt`` committed, outside any write transaction)."""
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
    return user.id


def grant(
    session: Session,
    user_id: str,
    username: str,
    address: str,
    device_id: str,
    device_name: str,
) -> Grant:
    """After a right password: clear the user's counts, bind the device, hand out a
    token. Call inside a writing transaction."""
    now = utcnow()
    credential = session.get(Credential, user_id)
    if credential is None or credential.disabled:
        # Disabled by an administrator while the password was being checked.
        raise LoginRefused("wrong user name or password, or the user is disabled")
    keys = [key for key, _ in limit_keys(username, address)]
    session.execute(delete(LoginFailure).where(LoginFailure.key.in_(keys)))
    _forget_expired(session, now)
    device = session.get(Device, device_id)
    if device is not None and device.user_id != user_id:
        # Another user's device id (a copied data folder, or someone who read it):
        # this sign-in becomes a new device; the owner's is left as it is.
        device_id, device = new_id(), None
    if device is not None and device.revoked:
        raise LoginRefused("this device was revoked by an administrator")
    if device is None:
        session.add(Device(id=device_id, user_id=user_id, name=device_name, last_seen_at=now))
    else:
        device.last_seen_at = now
        if device_name:
            device.name = device_name
    token = secrets.token_urlsafe(32)
    expires = now + TOKEN_LIFETIME
    session.add(
        Token(
            token_hash=token_digest(token),
            user_id=user_id,
            device_id=device_id,
            created_at=now,
            expires_at=expires,
        )
    )
    return Grant(token=token, user_id=user_id, expires_at=expires, device_id=device_id)


def other_devices(session: Session, user_id: str, device_id: str) -> int:
    """The user's other devices (revoked ones too: their document numbers still exist)."""
    return len(
        list(
            session.scalars(
                select(Device.id).where(Device.user_id == user_id, Device.id != device_id)
            )
        )
    )


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
