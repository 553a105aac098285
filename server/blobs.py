"""Attachment contents: uploaded and downloaded by SHA-256, resumable, within scope.

Rows (``attachment``) sync through push and pull; the bytes move here. A user may
upload or download a content hash only when an attachment row with that hash is in
their view, so a device never receives a file its user may not see.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.models import Attachment
from desktop.sync.protocol import API_PREFIX, BlobStatus
from server import scope
from server.deps import ApiError, Caller, CallerDep, SessionDep, check_protocol
from server.models import Blob

HASH = re.compile(r"^[0-9a-f]{64}$")


def blob_path(root: Path, content_hash: str) -> Path:
    return root / content_hash[:2] / content_hash


def partial_path(root: Path, content_hash: str) -> Path:
    return root / "partial" / content_hash


def visible(session: Session, viewer: scope.Viewer, content_hash: str) -> bool:
    query = (
        select(Attachment.id)
        .where(Attachment.content_hash == content_hash, scope.clause(Attachment, viewer))
        .limit(1)
    )
    return session.scalar(query) is not None


def fail(status: int, detail: str, code: str) -> ApiError:
    return ApiError(status, detail, code)


def register(app: FastAPI) -> None:
    def check(s: Session, c: Caller, content_hash: str) -> None:
        if not HASH.match(content_hash):
            raise fail(400, "a content hash is 64 lowercase hex characters (SHA-256)", "bad_hash")
        with s.begin():
            if not visible(s, c.viewer, content_hash):
                raise fail(404, "no attachment with this content is in your view", "not_found")

    @app.get(
        f"{API_PREFIX}/blobs/{{content_hash}}/status",
        response_model=BlobStatus,
        dependencies=[Depends(check_protocol)],
    )
    def status(content_hash: str, c: CallerDep, s: SessionDep) -> BlobStatus:
        check(s, c, content_hash)
        with s.begin():
            blob = s.get(Blob, content_hash)
            if blob is None:
                return BlobStatus(content_hash=content_hash, size=0, received=0, complete=False)
            return BlobStatus(
                content_hash=content_hash,
                size=blob.size,
                received=blob.received,
                complete=blob.complete,
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
        check(s, c, content_hash)
        root: Path = settings.blob_dir
        chunk = await request.body()
        mismatch = False
        with s.begin():
            blob = s.get(Blob, content_hash)
            if blob is None:
                blob = Blob(content_hash=content_hash, size=size, received=0, complete=False)
                s.add(blob)
            if blob.complete:
                return BlobStatus(
                    content_hash=content_hash, size=blob.size, received=blob.size, complete=True
                )
            if blob.size != size:
                raise fail(409, f"the upload started with size {blob.size}", "size_mismatch")
            if offset != blob.received:
                raise fail(409, f"resume at byte {blob.received}", "offset_mismatch")
            if blob.received + len(chunk) > size:
                raise fail(400, "more bytes than the declared size", "too_many_bytes")
            part = partial_path(root, content_hash)
            part.parent.mkdir(parents=True, exist_ok=True)
            with part.open("r+b" if part.exists() else "wb") as handle:
                handle.seek(offset)
                handle.write(chunk)
                handle.truncate()
            blob.received += len(chunk)
            if blob.received == size:
                digest = hashlib.sha256(part.read_bytes()).hexdigest()
                if digest != content_hash:
                    part.unlink()
                    blob.received = 0
                    mismatch = True
            if mismatch:
                pass
            elif blob.received == size:
                final = blob_path(root, content_hash)
                final.parent.mkdir(parents=True, exist_ok=True)
                part.replace(final)
                blob.complete = True
            status = BlobStatus(
                content_hash=content_hash,
                size=blob.size,
                received=blob.received,
                complete=blob.complete,
            )
        if mismatch:
            raise fail(
                422,
                "the uploaded bytes do not match the content hash; upload again",
                "hash_mismatch",
            )
        return status

    @app.get(
        f"{API_PREFIX}/blobs/{{content_hash}}",
        dependencies=[Depends(check_protocol)],
        response_class=FileResponse,
    )
    def download(content_hash: str, request: Request, c: CallerDep, s: SessionDep) -> FileResponse:
        check(s, c, content_hash)
        with s.begin():
            blob = s.get(Blob, content_hash)
            if blob is None or not blob.complete:
                raise fail(404, "the file has not been uploaded yet", "not_uploaded")
        return FileResponse(
            blob_path(request.app.state.settings.blob_dir, content_hash),
            media_type="application/octet-stream",
        )
