"""Attachment contents to and from the server, by SHA-256 (server/blobs.py).

Rows sync through push and pull; the bytes move here, around ``sync_once``:

1. ``upload_pending`` before the push: the server refuses an attachment row pointing at
   content it holds from someone else until this user has uploaded it too. Uploads go
   in chunks and resume from the server's offset after an interruption. A content whose
   upload did not finish is remembered (local_meta) and tried again on the next sync,
   even once its row has been pushed.
2. ``download_missing`` after the pull: each live attachment whose file is not on this
   computer is fetched into a temporary file, its SHA-256 checked, then moved into place
   (a refused or broken download never leaves a partial file behind). A file the server
   does not give out (not in this user's view, not uploaded yet) is noted, not fatal.

Local files are only ever read (upload) or created (download), never removed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from desktop.domain.models import Attachment, OutboxEntry
from desktop.domain.rules.fields import CONTENT_HASH
from desktop.domain.services.attachments import content_path
from desktop.domain.services.device import get_meta, set_meta
from desktop.sync.client import SyncClient, SyncError
from desktop.sync.engine import Progress

CHUNK = 1024 * 1024
DOWNLOAD_ATTEMPTS = 2
# Hashes whose upload has not finished yet (JSON list), kept across syncs.
UNSENT = "blobs_unsent"
UPLOAD_PHASE = "upload"
DOWNLOAD_PHASE = "download"


@dataclass
class BlobReport:
    uploaded: int = 0
    downloaded: int = 0
    cancelled: bool = False
    # One sentence per file that did not move (not fatal; the next sync tries again).
    problems: list[str] = field(default_factory=list)


def _quiet(phase: str, done: int, total: int | None) -> None:
    pass


def _never() -> bool:
    return False


def _sessions(engine: Engine) -> Session:
    return Session(engine, expire_on_commit=False)


def _unsent(session: Session) -> list[str]:
    try:
        value = json.loads(get_meta(session, UNSENT) or "[]")
    except ValueError:
        return []
    return [h for h in value if isinstance(h, str)] if isinstance(value, list) else []


def _to_upload(engine: Engine) -> tuple[list[tuple[str, str]], list[str]]:
    """(hash, filename) of contents to upload: pending attachment rows, and earlier
    uploads that did not finish; plus the remembered list as it was."""
    with _sessions(engine) as s:
        remembered = _unsent(s)
        row_ids = s.scalars(
            select(OutboxEntry.row_id).where(
                OutboxEntry.entity == Attachment.__tablename__, OutboxEntry.state == "pending"
            )
        ).all()
        names: dict[str, str] = {}
        for row_id in row_ids:
            row = s.get(Attachment, row_id)
            if row is not None and row.deleted_at is None:
                names.setdefault(row.content_hash, row.filename)
        for content_hash in remembered:
            if content_hash not in names:
                name = s.scalar(
                    select(Attachment.filename).where(Attachment.content_hash == content_hash)
                )
                names[content_hash] = name or content_hash[:12]
    return sorted(names.items(), key=lambda item: item[1]), remembered


def _remember(engine: Engine, unsent: list[str]) -> None:
    with _sessions(engine) as s, s.begin():
        set_meta(s, UNSENT, json.dumps(sorted(set(unsent))))


def _too_large(filename: str, error: SyncError) -> str:
    found = re.search(r"(\d+)\s*MB", str(error))
    limit = f" ({found.group(1)} MB)" if found else ""
    return f"the file {filename} is larger than the server accepts{limit}"


def _upload_one(
    client: SyncClient, path: Path, content_hash: str, cancel: Callable[[], bool]
) -> bool:
    """Send the file from where the server's copy stopped; True once complete."""
    size = path.stat().st_size
    status = client.blob_status(content_hash)
    if status.complete:
        return True
    offset = status.received if status.received <= size else 0
    with path.open("rb") as handle:
        while True:
            handle.seek(offset)
            chunk = handle.read(CHUNK)
            try:
                status = client.upload_blob(content_hash, size, offset, chunk)
            except SyncError as exc:
                if exc.code != "offset_mismatch":
                    raise
                # The server holds a different amount (a lost answer): resume there.
                offset = client.blob_status(content_hash).received
                continue
            if status.complete:
                return True
            if cancel():
                return False
            offset = status.received


def upload_pending(
    engine: Engine,
    client: SyncClient,
    attachments_dir: Path,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> BlobReport:
    """Upload the contents of attachments waiting to be pushed (call before sync_once).

    Network failures raise SyncError (the sync stops, and the rows wait with it); a file
    the server refuses (too large, missing here) is a problem in the report.
    """
    progress, cancel = progress or _quiet, cancel or _never
    report = BlobReport()
    todo, remembered = _to_upload(engine)
    unsent = {content_hash for content_hash, _ in todo}
    try:
        for done, (content_hash, filename) in enumerate(todo):
            progress(UPLOAD_PHASE, done, len(todo))
            if cancel():
                report.cancelled = True
                break
            path = content_path(attachments_dir, content_hash)
            if not path.is_file():
                report.problems.append(f"the file {filename} is not on this computer to upload")
                unsent.discard(content_hash)
                continue
            try:
                complete = _upload_one(client, path, content_hash, cancel)
            except SyncError as exc:
                if exc.code == "too_large" or exc.status == 413:
                    report.problems.append(_too_large(filename, exc))
                    unsent.discard(content_hash)
                    continue
                if exc.code == "hash_mismatch":
                    report.problems.append(
                        f"the file {filename} changed on this computer; attach it again"
                    )
                    unsent.discard(content_hash)
                    continue
                raise
            if not complete:
                report.cancelled = True
                break
            unsent.discard(content_hash)
            report.uploaded += 1
        else:
            progress(UPLOAD_PHASE, len(todo), len(todo))
    finally:
        if unsent != set(remembered):
            _remember(engine, list(unsent))
    return report


def _missing(engine: Engine, attachments_dir: Path) -> list[tuple[str, str]]:
    with _sessions(engine) as s:
        rows = s.execute(
            select(Attachment.content_hash, Attachment.filename)
            .where(Attachment.deleted_at.is_(None))
            .order_by(Attachment.filename)
        ).all()
    names: dict[str, str] = {}
    for content_hash, filename in rows:
        if not CONTENT_HASH.match(content_hash):
            continue  # names no content (the server refuses such rows since protocol 3)
        if not content_path(attachments_dir, content_hash).exists():
            names.setdefault(content_hash, filename)
    return list(names.items())


def _save(target: Path, content_hash: str, data: bytes) -> bool:
    """Write into place atomically if the bytes match the hash; False if they do not."""
    if hashlib.sha256(data).hexdigest() != content_hash:
        return False
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def download_missing(
    engine: Engine,
    client: SyncClient,
    attachments_dir: Path,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> BlobReport:
    """Fetch the files of live attachments missing on this computer (after sync_once)."""
    progress, cancel = progress or _quiet, cancel or _never
    report = BlobReport()
    todo = _missing(engine, attachments_dir)
    for done, (content_hash, filename) in enumerate(todo):
        progress(DOWNLOAD_PHASE, done, len(todo))
        if cancel():
            report.cancelled = True
            return report
        target = content_path(attachments_dir, content_hash)
        for _ in range(DOWNLOAD_ATTEMPTS):
            try:
                data = client.download_blob(content_hash)
            except SyncError as exc:
                if exc.status in (403, 404):
                    report.problems.append(
                        f"the file {filename} is not available from the server yet"
                    )
                    break
                raise
            if _save(target, content_hash, data):
                report.downloaded += 1
                break
        else:
            report.problems.append(
                f"the file {filename} arrived damaged {DOWNLOAD_ATTEMPTS} times; "
                "it is tried again with the next sync"
            )
    progress(DOWNLOAD_PHASE, len(todo), len(todo))
    return report
