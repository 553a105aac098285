"""Attachment contents: uploaded and downloaded by SHA-256, resumable, within scope.

Rows (``attachment``) sync through push and pull; the bytes move here. Knowing a hash
is not holding the file, so possession is proven by uploading it:

- Any signed-in user may upload bytes. Each user's upload resumes from their own
  partial file; when all bytes are in and match the hash, the user is recorded as an
  owner of that content (``srv_blob_owner``) and the file is stored once for everyone.
- An attachment row may point at content stored from someone else only if its writer
  uploaded it too (server/push.py refuses the row otherwise).
- A download needs an attachment row in the user's view whose content was set by one
  of the content's uploaders, so a device never receives a file its user may not see,
  and a row made up around a hash someone noted down opens nothing.
- The status of an upload is this user's own: ``complete`` once they uploaded it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from desktop.domain.models import Attachment
from desktop.sync.protocol import API_PREFIX, BlobStatus
from server import scope
from server.db import writing
from server.deps import ApiError, CallerDep, SessionDep, check_protocol
from server.models import Blob, BlobOwner, ChangeLog

HASH = re.compile(r"^[0-9a-f]{64}$")
# Rows looked at per download before giving up (each costs a change-log lookup at most).
_ROWS_CHECKED = 200


def blob_path(root: Path, content_hash: str) -> Path:
    return root / content_hash[:2] / content_hash


def partial_path(root: Path, user_id: str, content_hash: str) -> Path:
    return root / "partial" / user_id / content_hash


def owners(session: Session, content_hash: str) -> set[str]:
    """The users who uploaded this content (proved they hold it)."""
    query = select(BlobOwner.user_id).where(BlobOwner.content_hash == content_hash)
    return set(session.scalars(query))


def readable(session: Session, viewer: scope.Viewer, content_hash: str) -> bool:
    """An attachment row in the viewer's scope holds this content, put there by one of
    the users who uploaded it (the row's creator, or whoever last set its content)."""
    uploaders = owners(session, content_hash)
    if not uploaders:
        return False
    rows = session.execute(
        select(Attachment.created_by, Attachment.field_versions)
        .where(Attachment.content_hash == content_hash, scope.clause(Attachment, viewer))
        .limit(_ROWS_CHECKED)
    )
    for created_by, versions in rows:
        set_at = (versions or {}).get("content_hash")
        setter = (
            created_by
            if set_at is None
            else session.scalar(select(ChangeLog.user_id).where(ChangeLog.version == set_at))
        )
        if setter in uploaders:
            return True
    return False


def fail(status: int, detail: str, code: str) -> ApiError:
    return ApiError(status, detail, code)


def _check_hash(content_hash: str) -> None:
    if not HASH.match(content_hash):
        raise fail(400, "a content hash is 64 lowercase hex characters (SHA-256)", "bad_hash")


def _received(part: Path) -> int:
    return part.stat().st_size if part.exists() else 0


@dataclass
class _Upload:
    """One upload request of one user's file (each user resumes their own partial file)."""

    s: Session
    root: Path
    user_id: str
    content_hash: str
    size: int

    def start(self, offset: int) -> BlobStatus | None:
        """Complete already (this user uploaded it), or None once the offset is right."""
        with self.s.begin():
            blob = self.s.get(Blob, self.content_hash)
            owned = self.s.get(BlobOwner, (self.user_id, self.content_hash)) is not None
            stored_size = blob.size if blob is not None and blob.complete else None
        if stored_size is not None and owned:
            return BlobStatus(
                content_hash=self.content_hash,
                size=stored_size,
                received=stored_size,
                complete=True,
            )
        if stored_size is not None and stored_size != self.size:
            raise fail(409, f"this content has size {stored_size}", "size_mismatch")
        received = _received(self.part)
        if offset != received:
            raise fail(409, f"resume at byte {received}", "offset_mismatch")
        return None

    @property
    def part(self) -> Path:
        return partial_path(self.root, self.user_id, self.content_hash)

    def receive(self, offset: int, chunk: bytes) -> BlobStatus:
        part = self.part
        if offset + len(chunk) > self.size:
            raise fail(400, "more bytes than the declared size", "too_many_bytes")
        part.parent.mkdir(parents=True, exist_ok=True)
        with part.open("r+b" if part.exists() else "wb") as handle:
            handle.seek(offset)
            handle.write(chunk)
            handle.truncate()
        received = offset + len(chunk)
        if received < self.size:
            return BlobStatus(
                content_hash=self.content_hash, size=self.size, received=received, complete=False
            )
        if hashlib.sha256(part.read_bytes()).hexdigest() != self.content_hash:
            part.unlink()
            raise fail(
                422,
                "the uploaded bytes do not match the content hash; upload again",
                "hash_mismatch",
            )
        try:
            self._store()
        except IntegrityError:
            # Another upload of the same content finished at the same moment (PostgreSQL).
            self._store()
        return BlobStatus(
            content_hash=self.content_hash, size=self.size, received=self.size, complete=True
        )

    def _store(self) -> None:
        """Keep the file (once for everyone) and record that this user holds it."""
        s, content_hash = self.s, self.content_hash
        with writing(), s.begin():
            blob = s.get(Blob, content_hash)
            if blob is None or not blob.complete:
                final = blob_path(self.root, content_hash)
                final.parent.mkdir(parents=True, exist_ok=True)
                self.part.replace(final)
                if blob is None:
                    s.add(
                        Blob(
                            content_hash=content_hash,
                            size=self.size,
                            received=self.size,
                            complete=True,
                        )
                    )
                else:
                    blob.size, blob.received, blob.complete = self.size, self.size, True
            else:
                # The same bytes are stored already: this upload proved possession.
                self.part.unlink(missing_ok=True)
            if s.get(BlobOwner, (self.user_id, content_hash)) is None:
                s.add(BlobOwner(user_id=self.user_id, content_hash=content_hash))


def register(app: FastAPI) -> None:
    @app.get(
        f"{API_PREFIX}/blobs/{{content_hash}}/status",
        response_model=BlobStatus,
        dependencies=[Depends(check_protocol)],
    )
    def status(content_hash: str, request: Request, c: CallerDep, s: SessionDep) -> BlobStatus:
        _check_hash(content_hash)
        me = c.viewer.user_id
        with s.begin():
            blob = s.get(Blob, content_hash)
            owned = s.get(BlobOwner, (me, content_hash)) is not None
            if blob is not None and blob.complete and owned:
                return BlobStatus(
                    content_hash=content_hash, size=blob.size, received=blob.size, complete=True
                )
        part = partial_path(request.app.state.settings.blob_dir, me, content_hash)
        return BlobStatus(
            content_hash=content_hash, size=0, received=_received(part), complete=False
        )

    @app.put(
        f"{API_PREFIX}/blobs/{{content_hash}}",
        response_model=BlobStatus,
        dependencies=[Depends(check_protocol)],
    )
    async def upload(
        content_hash: str,
        request: Request,
        c: CallerDep,
        s: SessionDep,
        size: Annotated[int, Query(ge=0, le=2**50)],
        offset: Annotated[int, Query(ge=0, le=2**50)] = 0,
    ) -> BlobStatus:
        settings = request.app.state.settings
        if size > settings.max_blob_size:
            limit_mb = settings.max_blob_size // (1024 * 1024)
            raise fail(
                413, f"the file is larger than the server's limit of {limit_mb} MB", "too_large"
            )
        _check_hash(content_hash)
        # Database and file work run on the thread pool: a write may wait for SQLite's
        # lock and a hash check reads the whole file, neither on the event loop.
        upload = _Upload(s, settings.blob_dir, c.viewer.user_id, content_hash, size)
        done = await run_in_threadpool(upload.start, offset)
        if done is not None:
            return done
        chunk = await request.body()
        return await run_in_threadpool(upload.receive, offset, chunk)

    @app.get(
        f"{API_PREFIX}/blobs/{{content_hash}}",
        dependencies=[Depends(check_protocol)],
        response_class=FileResponse,
    )
    def download(content_hash: str, request: Request, c: CallerDep, s: SessionDep) -> FileResponse:
        _check_hash(content_hash)
        with s.begin():
            if not readable(s, c.viewer, content_hash):
                raise fail(404, "no attachment with this content is in your view", "not_found")
            blob = s.get(Blob, content_hash)
            if blob is None or not blob.complete:
                raise fail(404, "the file has not been uploaded yet", "not_uploaded")
        return FileResponse(
            blob_path(request.app.state.settings.blob_dir, content_hash),
            media_type="application/octet-stream",
        )
