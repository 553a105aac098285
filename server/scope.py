"""Who may see and write which rows, computed on the server from its own tables.

A rep sees the accounts they own or are on the account team of, the public pool
(accounts without an owner), everything hanging off those accounts, the catalog,
users and teams, and their own targets and weekly reports. A manager sees the same for
every user of their team; an admin sees everything. Writes need the account to be the
user's (or the team's): pool accounts are only claimed, never edited in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_, select, true
from sqlalchemy.orm import Session

from desktop.domain.models import (
    Account,
    AccountTeamMember,
    Delivery,
    Order,
    Payment,
    Quote,
    QuoteLine,
    Synced,
    User,
)
from desktop.sync.tree import ACCOUNT_CHILDREN

# Visible to every signed-in user (owners' names must display everywhere).
GLOBAL = frozenset(
    {"team", "user", "policy", "product", "price_list", "price_list_item", "competitor"}
)
# Shared lists every user may add to and edit, reps included.
EVERYONE_WRITES = frozenset({"competitor"})
CATALOG = frozenset({"policy", "product", "price_list", "price_list_item"})
ADMIN_ONLY = frozenset({"team", "user"})
# Rows whose scope is their owner when they carry no account.
OWNER_COLUMN = {
    "task": "owner_id",
    "attachment": "created_by",
    "change_record": "changed_by",
    "sales_target": "owner_id",
    "weekly_report": "owner_id",
}
# Columns whose change moves a row (and its children) into someone else's view.
SCOPE_COLUMNS = {
    "account": ("owner_id",),
    "account_team_member": ("account_id", "user_id"),
    "quote_line": ("quote_id",),
    "delivery": ("order_id",),
    "payment": ("order_id",),
    **{name: ("account_id",) for name in ACCOUNT_CHILDREN if name != "account_team_member"},
    "sales_target": ("owner_id",),
    "weekly_report": ("owner_id",),
}
for _name, _column in OWNER_COLUMN.items():
    if _column not in SCOPE_COLUMNS[_name]:
        SCOPE_COLUMNS[_name] = (*SCOPE_COLUMNS[_name], _column)


@dataclass(frozen=True)
class Viewer:
    user_id: str
    role: str
    team_id: str | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def load_viewer(session: Session, user_id: str) -> Viewer | None:
    user = session.get(User, user_id)
    if user is None or user.deleted_at is not None or not user.active:
        return None
    return Viewer(user_id=user.id, role=user.role, team_id=user.team_id)


def owner_ids(viewer: Viewer) -> Select[str]:
    """The users whose own rows the viewer sees: self, or the manager's team."""
    if viewer.role == "manager" and viewer.team_id is not None:
        return select(User.id).where(or_(User.team_id == viewer.team_id, User.id == viewer.user_id))
    return select(User.id).where(User.id == viewer.user_id)


def account_ids(viewer: Viewer, *, include_pool: bool) -> Select[str]:
    owners = owner_ids(viewer)
    members = select(AccountTeamMember.account_id).where(
        AccountTeamMember.user_id.in_(owners), AccountTeamMember.deleted_at.is_(None)
    )
    condition = or_(Account.owner_id.in_(owners), Account.id.in_(members))
    if include_pool:
        condition = or_(condition, Account.owner_id.is_(None))
    return select(Account.id).where(condition)


def clause(model: type[Synced], viewer: Viewer, *, write: bool = False) -> ColumnElement[bool]:
    """A WHERE condition: the rows of ``model`` the viewer may see (or write)."""
    name = model.__tablename__
    if viewer.is_admin:
        return true()
    if name in GLOBAL:
        if not write or name in EVERYONE_WRITES:
            return true()
        if name in ADMIN_ONLY or viewer.role == "rep":
            return false()
        return true()
    # Reps only read the pool (they claim from it); managers also fill and edit it.
    accounts = account_ids(viewer, include_pool=not write or viewer.role == "manager")
    if name == "account":
        return Account.id.in_(accounts)
    if name == "quote_line":
        return QuoteLine.quote_id.in_(select(Quote.id).where(Quote.account_id.in_(accounts)))
    if name in ("delivery", "payment"):
        table = Delivery if name == "delivery" else Payment
        return table.order_id.in_(select(Order.id).where(Order.account_id.in_(accounts)))
    columns = model.__table__.columns
    owner_column = OWNER_COLUMN.get(name)
    by_owner = columns[owner_column].in_(owner_ids(viewer)) if owner_column else None
    if "account_id" in columns and name in ACCOUNT_CHILDREN:
        by_account = columns["account_id"].in_(accounts)
        if by_owner is None:
            return by_account
        return or_(by_account, and_(columns["account_id"].is_(None), by_owner))
    if by_owner is not None:
        return by_owner
    return false()


def can_see(
    session: Session, model: type[Synced], row_id: str, viewer: Viewer, *, write: bool = False
) -> bool:
    query = select(model.id).where(model.id == row_id, clause(model, viewer, write=write))
    return session.scalar(query) is not None


def team_user_ids(session: Session, viewer: Viewer) -> set[str]:
    return set(session.scalars(owner_ids(viewer)))


RowGetter = Callable[[type[Synced], str], Synced | None]
Values = Callable[[str], Any]


class ScopeCache:
    """``clause`` evaluated in Python for one request: no query per row.

    Reads the rows themselves (``get_row``: the request's loaded rows, pending edits
    included) plus two small facts fetched once: the viewer's owner set and which
    accounts have a live team member from it. Only a True is trusted on its own: a
    caller asks ``can_see`` (SQL) before refusing anything on a False.
    """

    def __init__(self, session: Session, viewer: Viewer, get_row: RowGetter) -> None:
        self.session = session
        self.viewer = viewer
        self.get_row = get_row
        self._owners: frozenset[str] | None = None
        self._members: dict[str, bool] = {}

    def owners(self) -> frozenset[str]:
        if self._owners is None:
            if self.viewer.role == "manager" and self.viewer.team_id is not None:
                self._owners = frozenset(self.session.scalars(owner_ids(self.viewer)))
            else:
                self._owners = frozenset({self.viewer.user_id})
        return self._owners

    def forget_members(self) -> None:
        """An account team changed: ask the database again."""
        self._members.clear()

    def load_members(self, account_ids: Iterable[str]) -> None:
        wanted = [i for i in set(account_ids) if i not in self._members]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found = set(
                self.session.scalars(
                    select(AccountTeamMember.account_id).where(
                        AccountTeamMember.account_id.in_(chunk),
                        AccountTeamMember.user_id.in_(sorted(self.owners())),
                        AccountTeamMember.deleted_at.is_(None),
                    )
                )
            )
            self._members.update({i: i in found for i in chunk})

    def _member(self, account_id: str) -> bool:
        if account_id not in self._members:
            self.load_members([account_id])
        return self._members[account_id]

    def _account(self, account_id: str, owner_id: str | None, write: bool) -> bool:
        if owner_id is not None and owner_id in self.owners():
            return True
        if self._member(account_id):
            return True
        include_pool = not write or self.viewer.role == "manager"
        return include_pool and owner_id is None

    def account_visible(self, account_id: Any, write: bool) -> bool:
        if account_id is None:
            return False
        account = self.get_row(Account, str(account_id))
        if account is None:
            return False
        return self._account(account.id, getattr(account, "owner_id", None), write)

    def _parent_account_visible(self, model: type[Synced], row_id: Any, write: bool) -> bool:
        if row_id is None:
            return False
        parent = self.get_row(model, str(row_id))
        return parent is not None and self.account_visible(
            getattr(parent, "account_id", None), write
        )

    def visible(self, model: type[Synced], value: Values, *, write: bool = False) -> bool:
        """Whether the row whose columns ``value`` returns falls in ``clause(model)``."""
        name = model.__tablename__
        if self.viewer.is_admin:
            return True
        if name in GLOBAL:
            if not write or name in EVERYONE_WRITES:
                return True
            return name not in ADMIN_ONLY and self.viewer.role != "rep"
        if name == "account":
            return self._account(value("id"), value("owner_id"), write)
        if name == "quote_line":
            return self._parent_account_visible(Quote, value("quote_id"), write)
        if name in ("delivery", "payment"):
            return self._parent_account_visible(Order, value("order_id"), write)
        columns = model.__table__.columns
        owner_column = OWNER_COLUMN.get(name)
        by_owner = owner_column is not None and value(owner_column) in self.owners()
        if "account_id" in columns and name in ACCOUNT_CHILDREN:
            account_id = value("account_id")
            if account_id is None:
                return by_owner
            return self.account_visible(account_id, write)
        return by_owner
