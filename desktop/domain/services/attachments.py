"""Attachments: files on an account, contact, visit, quote or contract.

The bytes are copied into ``<data_dir>/attachments/<hash[:2]>/<sha256>`` (the same
file attached twice is stored once); the ``Attachment`` row carries the metadata and
syncs like any row, the content moves separately.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.models import Attachment
from desktop.domain.rules import RuleViolation
from desktop.domain.rules.fields import CONTENT_HASH
from desktop.domain.rules.links import ATTACHMENT_PARENTS
from desktop.domain.services.records import Record, to_record
from desktop.domain.uow import UnitOfWork

FOLDER = "attachments"
MAX_BYTES = 20 * 1024 * 1024
KINDS = ("business_licence", "contract", "business_card", "other")


def store_root(data_dir: Path) -> Path:
    return data_dir / FOLDER


def content_path(root: Path, content_hash: str) -> Path:
    """Where the content with this SHA-256 lives under ``root``. Anything but 64 hex
    digits is refused: a hash from another device must never name a path elsewhere
    (``../../etc/passwd``)."""
    if not CONTENT_HASH.match(content_hash):
        raise RuleViolation("bad_format", "content_hash", format="content_hash")
    return root / content_hash[:2] / content_hash


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def store_file(root: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the store; returns (sha256, size). Refuses files too large."""
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError(
            {
                "file": f"is {size / 1048576:.1f} MB; attachments may be at most "
                f"{MAX_BYTES // 1048576} MB"
            }
        )
    content_hash = _hash_file(source)
    target = content_path(root, content_hash)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        os.close(fd)
        try:
            shutil.copyfile(source, tmp)
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return content_hash, size


def attach(
    uow: UnitOfWork,
    root: Path,
    source: Path,
    *,
    parent_entity: str,
    parent_id: str,
    account_id: str | None,
    kind: str = "other",
) -> str:
    if parent_entity not in ATTACHMENT_PARENTS:
        raise ValidationError(
            {"parent_entity": "files attach to accounts, contacts, visits, quotes, contracts"}
        )
    if kind not in KINDS:
        raise ValidationError({"kind": "is not a known kind of file"})
    content_hash, size = store_file(root, source)
    row = Attachment(
        parent_entity=parent_entity,
        parent_id=parent_id,
        account_id=account_id,
        filename=source.name,
        content_hash=content_hash,
        size=size,
        mime_type=mimetypes.guess_type(source.name)[0],
        kind=kind,
    )
    uow.add(row)
    return row.id


def list_attachments(session: Session, parent_entity: str, parent_id: str) -> list[Record]:
    rows = session.scalars(
        select(Attachment)
        .where(
            Attachment.parent_entity == parent_entity,
            Attachment.parent_id == parent_id,
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.created_at)
    )
    return [to_record(r) for r in rows]


def file_of(session: Session, root: Path, attachment_id: str) -> Path:
    """The stored file to open with the system viewer; NotFoundError if it has not
    arrived yet (contents sync separately)."""
    row = session.get(Attachment, attachment_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"attachment {attachment_id} not found")
    path = content_path(root, row.content_hash)
    if not path.exists():
        raise NotFoundError(f"the file {row.filename} is not on this computer yet; sync first")
    return path


def remove(uow: UnitOfWork, attachment_id: str) -> None:
    row = uow.session.get(Attachment, attachment_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"attachment {attachment_id} not found")
    uow.delete(row)


def restore(uow: UnitOfWork, attachment_id: str) -> None:
    """Undo of ``remove``: the attachment is back (nothing happens if it never left)."""
    row = uow.session.get(Attachment, attachment_id)
    if row is None:
        raise NotFoundError(f"attachment {attachment_id} not found")
    uow.restore(row)
