"""User, team and device administration (the ``fieldbook-server`` sub-commands).

Users and teams are synced rows, so each change takes a server version and enters the
change log like any pushed edit; credentials stay in the server's own table.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import codec
from desktop.domain.models import ROLES, Synced, Team, User
from desktop.domain.models.types import utcnow
from desktop.domain.uow import remote_apply
from server import auth
from server.models import ChangeLog, Credential
from server.push import lock_counter


class AdminError(Exception):
    """A problem with the command's input, printed as one line."""


def _stamp(session: Session, row: Synced, fields: list[str], *, new: bool) -> int:
    counter = lock_counter(session)
    counter.value += 1
    version = counter.value
    now = utcnow()
    row.version = version
    if new:
        row.created_at = now
        row.field_versions = {}
    else:
        row.field_versions = {**(row.field_versions or {}), **dict.fromkeys(fields, version)}
    row.updated_at = now
    session.add(ChangeLog(version=version, entity=row.__tablename__, row_id=row.id, at=now))
    return version


def find_team(session: Session, name_or_id: str) -> Team:
    team = session.get(Team, name_or_id) or session.scalar(
        select(Team).where(Team.name == name_or_id, Team.deleted_at.is_(None))
    )
    if team is None:
        raise AdminError(f"no team {name_or_id!r}; create it with: team add {name_or_id}")
    return team


def find_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AdminError(f"no user {username!r}")
    return user


def add_team(session: Session, name: str) -> str:
    if session.scalar(select(Team.id).where(Team.name == name, Team.deleted_at.is_(None))):
        raise AdminError(f"team {name!r} already exists")
    with remote_apply(session):
        team = Team(name=name)
        session.add(team)
        session.flush()
        _stamp(session, team, [], new=True)
        session.flush()
    return team.id


def add_user(
    session: Session,
    username: str,
    password: str,
    *,
    role: str,
    display_name: str | None = None,
    team: str | None = None,
    rep_code: str | None = None,
) -> str:
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}")
    if not username.strip():
        raise AdminError("the user name is empty")
    if len(password) < 8:
        raise AdminError("the password needs at least 8 characters")
    if session.scalar(select(User.id).where(User.username == username)):
        raise AdminError(f"user {username!r} already exists")
    team_id = find_team(session, team).id if team else None
    with remote_apply(session):
        user = User(
            username=username,
            display_name=display_name or username,
            role=role,
            team_id=team_id,
            rep_code=rep_code,
            active=True,
        )
        session.add(user)
        session.flush()
        _stamp(session, user, [], new=True)
        session.add(Credential(user_id=user.id, password_hash=auth.hash_password(password)))
        if role == "manager" and team_id is not None:
            team_row = session.get(Team, team_id)
            if team_row is not None and team_row.manager_id is None:
                team_row.manager_id = user.id
                _stamp(session, team_row, ["manager_id"], new=False)
        session.flush()
    return user.id


def set_user(session: Session, username: str, changes: dict[str, Any]) -> None:
    user = find_user(session, username)
    with remote_apply(session):
        changed = [
            k for k, v in changes.items() if codec.encode(getattr(user, k)) != codec.encode(v)
        ]
        for key in changed:
            setattr(user, key, changes[key])
        if changed:
            _stamp(session, user, changed, new=False)
        session.flush()


def disable_user(session: Session, username: str) -> None:
    user = find_user(session, username)
    set_user(session, username, {"active": False})
    credential = session.get(Credential, user.id)
    if credential is not None:
        credential.disabled = True
    auth.revoke_user(session, user.id)


def reset_password(session: Session, username: str, password: str) -> None:
    if len(password) < 8:
        raise AdminError("the password needs at least 8 characters")
    user = find_user(session, username)
    credential = session.get(Credential, user.id)
    if credential is None:
        session.add(Credential(user_id=user.id, password_hash=auth.hash_password(password)))
    else:
        credential.password_hash = auth.hash_password(password)
        credential.disabled = False
        credential.changed_at = utcnow()
    auth.revoke_user(session, user.id)
