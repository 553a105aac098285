"""Who may write which row, decided by the server before and after the write: account
ownership (claim, release, handover), account teams, attachment contents (proof of
possession) and scope (a write must stay within the user's accounts).

A mixin of the push's writer (``server.push._Writer``), whose state it reads.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Account, Synced
from desktop.sync.protocol import Mutation
from server.models import BlobOwner
from server.rejections import NeedsCare, Rejected
from server.scope import ScopeCache, Values, Viewer, can_see


class WriteChecks:
    session: Session
    viewer: Viewer
    scope: ScopeCache
    careful: bool

    if TYPE_CHECKING:

        def _row(self, model: type[Synced], row_id: str) -> Synced | None: ...

    def _check_account_team(self, m: Mutation, row: Synced | None, values: dict[str, Any]) -> None:
        """Who may change an account team, decided on the rows before the write.

        A membership grants access to its account, so the scope check made after the
        write would let a row authorize itself. Only the account's owner, a manager of
        the owner's team (any manager for a pool account) or an admin adds, edits,
        restores or removes members, for the account the row is in now and the one it
        would be in after the write; a rep may always leave a team themselves.
        """
        if self.viewer.is_admin:
            return
        old_account = getattr(row, "account_id", None)
        if m.op == "delete" and getattr(row, "user_id", None) == self.viewer.user_id:
            return
        accounts = {values.get("account_id", old_account), old_account} - {None}
        for account_id in accounts:
            if not self._runs_team(str(account_id)):
                raise Rejected(
                    "only the account's owner or their manager may change its account team",
                    "account_team",
                )

    def _check_content(self, row: Synced | None, content_hash: str) -> None:
        """Proof of possession: an attachment may point at content the server holds from
        someone else only if this user uploaded it too (server/blobs.py), else knowing a
        file's hash would open it. Content nobody has uploaded yet is accepted: the
        first to upload it owns it, and downloads check who set a row's content."""
        if getattr(row, "content_hash", None) == content_hash:
            return
        uploaders = set(
            self.session.scalars(
                select(BlobOwner.user_id).where(BlobOwner.content_hash == content_hash)
            )
        )
        if uploaders and self.viewer.user_id not in uploaders:
            raise Rejected(
                "upload the file first: the server holds this content from someone else "
                "and you have not uploaded it",
                "upload_first",
            )

    def _runs_team(self, account_id: str) -> bool:
        account = self._row(Account, account_id)
        if not isinstance(account, Account) or account.deleted_at is not None:
            return False
        if account.owner_id is None:
            return self.viewer.role == "manager"
        if account.owner_id == self.viewer.user_id:
            return True
        return self.viewer.role == "manager" and account.owner_id in self.scope.owners()

    def _writable(self, model: type[Synced], row_id: str) -> bool:
        """After a flush: the database's answer (careful path only)."""
        return can_see(self.session, model, row_id, self.viewer, write=True)

    def _predict_writable(self, model: type[Synced], value: Values) -> None:
        """Before writing (fast path): go on only when Python says yes for sure."""
        if not self.scope.visible(model, value, write=True):
            raise NeedsCare

    def _check_owner_rules(
        self, model: type[Synced], row: Synced | None, values: dict[str, Any]
    ) -> None:
        """Account ownership: reps claim from the pool or release to it; managers hand over."""
        if model is not Account or "owner_id" not in values or self.viewer.is_admin:
            return
        new_owner = values["owner_id"]
        account = row if isinstance(row, Account) else None
        old_owner = account.owner_id if account is not None else None
        if account is not None and new_owner == old_owner:
            return
        me = self.viewer.user_id
        if self.viewer.role == "rep":
            if account is None and new_owner in (me, None):
                return
            claim = account is not None and old_owner is None and new_owner == me
            if claim and account is not None and account.deleted_at is None:
                return
            if account is not None and old_owner == me and new_owner is None:
                return
            if account is not None and old_owner is not None and old_owner != me:
                raise Rejected(
                    f"account {account.name!r} already belongs to another rep",
                    "owned_by_other",
                    name=account.name,
                )
            raise Rejected(
                "only a manager can hand an account over to someone else", "handover_by_manager"
            )
        if new_owner is not None and new_owner not in self.scope.owners():
            raise Rejected(
                "a manager can hand accounts only to users of their team", "handover_in_team"
            )

    def _claimable(self, row: Synced, values: dict[str, Any]) -> bool:
        return (
            isinstance(row, Account)
            and row.owner_id is None
            and self.viewer.role != "admin"
            and values.get("owner_id")
            in (
                {self.viewer.user_id}
                | (self.scope.owners() if self.viewer.role == "manager" else set())
            )
        )

    def _check_before(self, row: Synced, values: dict[str, Any]) -> None:
        model = type(row)
        if not self.careful:
            if self.scope.visible(model, partial(getattr, row), write=True):
                return
            if self._claimable(row, values):
                return
            raise NeedsCare
        if self._writable(model, row.id) or self._claimable(row, values):
            return
        claiming = values.get("owner_id") == self.viewer.user_id
        if (
            isinstance(row, Account)
            and row.owner_id is not None
            and (claiming or can_see(self.session, model, row.id, self.viewer))
        ):
            raise Rejected(
                f"account {row.name!r} already belongs to another rep",
                "owned_by_other",
                name=row.name,
            )
        if isinstance(row, Account) and row.owner_id is None:
            raise Rejected(
                f"account {row.name!r} is in the public pool: claim it first",
                "in_pool",
                name=row.name,
            )
        raise Rejected(
            f"you may not change this {model.label}: it is outside your accounts",
            "outside_scope",
            entity=model.__tablename__,
        )

    @staticmethod
    def _released(applied: dict[str, Any]) -> bool:
        """An account given back to the pool (the rep may no longer write it)."""
        return "owner_id" in applied and applied["owner_id"] is None
