"""Attachment files travel between devices: uploaded before the rows, downloaded after."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.services import attachments
from desktop.domain.uow import unit_of_work
from desktop.sync import blobs
from desktop.sync.client import SyncError
from desktop.sync.run import sync_all
from tests.server import test_blobs as server_blobs
from tests.sync.harness import Device

accounts = server_blobs.accounts  # alice owns A with bob on its team; wendy owns W

CONTRACT = b"framework agreement, signed and stamped\n" * 3000  # ~120 kB


def files_of(device: Device) -> Path:
    return attachments.store_root(device.db.path.parent)


def attach(device: Device, tmp_path: Path, account_id: str, name: str, data: bytes) -> str:
    source = tmp_path / f"from-{device.username}" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    with unit_of_work(device.db.sessions, device.user_id) as uow:
        attachments.attach(
            uow,
            files_of(device),
            source,
            parent_entity="account",
            parent_id=account_id,
            account_id=account_id,
            kind="contract",
        )
    return hashlib.sha256(data).hexdigest()


def full_sync(device: Device) -> tuple[blobs.BlobReport, blobs.BlobReport]:
    """What the CLI and the window do (``sync_all``): upload, sync_once, download."""
    run = sync_all(device.db.engine, device.client, files_of(device))
    assert run.report.rejected == 0, run.report.issues
    return run.sent, run.received


def test_a_file_attached_offline_reaches_a_teammate(devices, accounts, tmp_path):
    alice, bob = devices["alice"], devices["bob"]
    alice.sync()
    content_hash = attach(alice, tmp_path, accounts["A"], "contract.pdf", CONTRACT)
    up, _ = full_sync(alice)
    assert up.uploaded == 1
    assert not up.problems
    _, down = full_sync(bob)
    assert down.downloaded == 1
    assert not down.problems
    assert attachments.content_path(files_of(bob), content_hash).read_bytes() == CONTRACT
    # Nothing left to move on either side.
    again_up, again_down = full_sync(alice)
    assert again_up.uploaded == 0
    assert again_down.downloaded == 0
    assert full_sync(bob)[1].downloaded == 0


def test_an_interrupted_upload_resumes_where_it_stopped(devices, accounts, tmp_path, monkeypatch):
    alice, bob = devices["alice"], devices["bob"]
    monkeypatch.setattr(blobs, "CHUNK", 50_000)
    content_hash = attach(alice, tmp_path, accounts["A"], "contract.pdf", CONTRACT)
    sent: list[int] = []
    upload = alice.client.upload_blob

    def flaky(h: str, size: int, offset: int, chunk: bytes) -> Any:
        sent.append(offset)
        if offset == 50_000 and len(sent) == 2:  # the connection drops once
            raise SyncError("cannot reach the server", code="network", retryable=True)
        return upload(h, size, offset, chunk)

    monkeypatch.setattr(alice.client, "upload_blob", flaky)
    with pytest.raises(SyncError):
        blobs.upload_pending(alice.db.engine, alice.client, files_of(alice))
    assert alice.client.blob_status(content_hash).received == 50_000
    sent.clear()
    up, _ = full_sync(alice)
    assert up.uploaded == 1
    assert sent == [50_000, 100_000]  # the first 50 kB were not sent again
    full_sync(bob)
    assert attachments.content_path(files_of(bob), content_hash).read_bytes() == CONTRACT


def test_an_upload_left_unfinished_is_finished_after_its_row_went_up(
    devices, accounts, tmp_path, monkeypatch
):
    alice, bob = devices["alice"], devices["bob"]
    content_hash = attach(alice, tmp_path, accounts["A"], "contract.pdf", CONTRACT)
    # The user stopped the upload; the rows were pushed all the same.
    report = blobs.upload_pending(
        alice.db.engine, alice.client, files_of(alice), cancel=lambda: True
    )
    assert report.cancelled
    assert report.uploaded == 0
    alice.sync()
    assert full_sync(bob)[1].problems == [
        "the file contract.pdf is not available from the server yet"
    ]
    assert full_sync(alice)[0].uploaded == 1
    assert full_sync(bob)[1].downloaded == 1
    assert attachments.content_path(files_of(bob), content_hash).read_bytes() == CONTRACT


def test_a_device_outside_the_scope_never_gets_the_file(devices, accounts, tmp_path):
    alice, wendy = devices["alice"], devices["wendy"]
    content_hash = attach(alice, tmp_path, accounts["A"], "contract.pdf", CONTRACT)
    full_sync(alice)
    # wendy's device does not even learn of the attachment ...
    _, down = full_sync(wendy)
    assert down.downloaded == 0
    assert not down.problems
    # ... and a row she makes around the noted hash on another device opens nothing.
    other = Device(wendy.server, tmp_path / "wendy-other", "wendy")
    try:
        forged = server_blobs.Hand(other).attach(accounts["W"], content_hash)
        assert forged.status == "rejected"
    finally:
        other.close()
    assert not attachments.content_path(files_of(wendy), content_hash).exists()


def test_a_row_made_before_the_upload_around_the_hash_downloads_nothing(
    devices, accounts, tmp_path
):
    alice, wendy = devices["alice"], devices["wendy"]
    content_hash = hashlib.sha256(CONTRACT).hexdigest()
    other = Device(wendy.server, tmp_path / "wendy-other", "wendy")
    try:
        assert server_blobs.Hand(other).attach(accounts["W"], content_hash).status == "applied"
    finally:
        other.close()
    attach(alice, tmp_path, accounts["A"], "contract.pdf", CONTRACT)
    full_sync(alice)
    _, down = full_sync(wendy)
    assert down.downloaded == 0
    assert down.problems == ["the file contract.pdf is not available from the server yet"]
    assert not attachments.content_path(files_of(wendy), content_hash).exists()


def test_a_damaged_download_is_refused_and_tried_again(devices, accounts, tmp_path, monkeypatch):
    alice, bob = devices["alice"], devices["bob"]
    content_hash = attach(alice, tmp_path, accounts["A"], "contract.pdf", CONTRACT)
    full_sync(alice)
    bob.sync()
    download = bob.client.download_blob
    answers: list[bytes] = []

    def damaged(h: str) -> bytes:
        data = download(h)
        answers.append(data)
        return data[:-1] + b"X" if len(answers) % 2 else data

    monkeypatch.setattr(bob.client, "download_blob", damaged)
    down = blobs.download_missing(bob.db.engine, bob.client, files_of(bob))
    assert len(answers) == 2
    assert down.downloaded == 1
    target = attachments.content_path(files_of(bob), content_hash)
    assert target.read_bytes() == CONTRACT

    # Always damaged: nothing is put in place (no partial file), the next sync tries again.
    target.unlink()
    monkeypatch.setattr(bob.client, "download_blob", lambda h: b"garbage")
    down = blobs.download_missing(bob.db.engine, bob.client, files_of(bob))
    assert down.downloaded == 0
    assert "arrived damaged" in down.problems[0]
    assert not target.exists()
    assert list(target.parent.iterdir()) == []
    monkeypatch.setattr(bob.client, "download_blob", download)
    assert blobs.download_missing(bob.db.engine, bob.client, files_of(bob)).downloaded == 1


def test_a_file_over_the_servers_limit_is_named_and_kept(devices, accounts, tmp_path):
    alice = devices["alice"]
    big = b"scan" * (400 * 1024)  # 1.6 MB; the test server takes 1 MB
    content_hash = attach(alice, tmp_path, accounts["A"], "scan.tiff", big)
    up = blobs.upload_pending(alice.db.engine, alice.client, files_of(alice))
    assert up.problems == ["the file scan.tiff is larger than the server accepts (1 MB)"]
    assert attachments.content_path(files_of(alice), content_hash).read_bytes() == big
    assert alice.sync().rejected == 0
