"""Attachment contents: knowing a file's hash is not holding it.

A user may point an attachment at content the server holds from someone else only by
uploading it too, and downloads need a row in view whose content its uploader set.
"""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
import pytest

from desktop.domain import models as m
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.server.test_write_scope import Attacker, new_id
from tests.sync.harness import Device

FILE = b"signed contract, page 1 of 3\n" * 100
HASH = hashlib.sha256(FILE).hexdigest()


class Hand(Attacker):
    """A signed-in device speaking the protocol by hand (as a modified client could)."""

    def headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.device.client.token}",
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
        }

    def attach(self, account_id: str, content_hash: str = HASH) -> Any:
        return self.push(
            "attachment",
            new_id(),
            "insert",
            parent_entity="account",
            parent_id=account_id,
            account_id=account_id,
            filename="contract.pdf",
            content_hash=content_hash,
            size=len(FILE),
            kind="contract",
        )

    def upload(
        self, data: bytes = FILE, offset: int = 0, size: int | None = None
    ) -> httpx.Response:
        return self.device.http.put(
            f"/sync/v1/blobs/{HASH}",
            params={"size": len(FILE) if size is None else size, "offset": offset},
            content=data,
            headers=self.headers(),
        )

    def download(self) -> httpx.Response:
        return self.device.http.get(f"/sync/v1/blobs/{HASH}", headers=self.headers())

    def status(self) -> dict[str, Any]:
        answer = self.device.http.get(f"/sync/v1/blobs/{HASH}/status", headers=self.headers())
        assert answer.status_code == 200, answer.text
        return dict(answer.json())


@pytest.fixture
def accounts(devices: dict[str, Device]) -> dict[str, str]:
    """alice (East) owns A, with bob on its account team; wendy (West) owns W."""
    root = devices["root"]
    users = root.server.users
    rows: dict[str, str] = {}
    with unit_of_work(root.db.sessions, root.user_id) as uow:
        rows["A"] = records.create(uow, m.Account, {"name": "A", "owner_id": users["alice"]})
        rows["W"] = records.create(uow, m.Account, {"name": "W", "owner_id": users["wendy"]})
        uow.session.flush()
        rows["A:bob"] = records.create(
            uow, m.AccountTeamMember, {"account_id": rows["A"], "user_id": users["bob"]}
        )
    assert root.sync().rejected == 0
    return rows


def test_a_noted_hash_opens_nothing(devices, accounts):
    alice, wendy = Hand(devices["alice"]), Hand(devices["wendy"])
    assert alice.upload().json()["complete"]
    assert alice.attach(accounts["A"]).status == "applied"
    # wendy noted the hash (say, before she left the account team) and makes a row of her own.
    refused = wendy.attach(accounts["W"])
    assert refused.status == "rejected"
    assert refused.reason.startswith("upload the file first")
    assert wendy.download().status_code == 404
    # The status tells her nothing about what the server holds.
    assert wendy.status() == {"content_hash": HASH, "size": 0, "received": 0, "complete": False}


def test_a_row_made_before_the_owner_uploaded_opens_nothing_either(devices, accounts):
    alice, wendy = Hand(devices["alice"]), Hand(devices["wendy"])
    # Nobody has uploaded this content yet: the row is accepted ...
    assert alice.attach(accounts["A"]).status == "applied"
    assert wendy.attach(accounts["W"]).status == "applied"
    assert alice.upload().json()["complete"]
    # ... but it was not set by anyone who holds the file.
    assert wendy.download().status_code == 404
    assert alice.download().content == FILE


def test_the_team_downloads_until_taken_off_the_account_team(devices, accounts):
    alice, bob = Hand(devices["alice"]), Hand(devices["bob"])
    # The device's order: the row goes up first, then the contents.
    assert alice.attach(accounts["A"]).status == "applied"
    assert alice.status()["complete"] is False
    assert bob.download().status_code == 404  # not uploaded yet
    assert alice.upload(FILE[:1000], size=len(FILE)).json()["received"] == 1000
    assert alice.status()["received"] == 1000
    assert alice.upload(FILE[1000:], offset=1000).json()["complete"]
    assert alice.status()["complete"] is True
    assert bob.download().content == FILE
    assert Hand(devices["root"]).download().content == FILE
    assert alice.push("account_team_member", accounts["A:bob"], "delete").status == "applied"
    assert bob.download().status_code == 404


def test_someone_holding_the_same_file_uploads_it_and_attaches_it(devices, accounts):
    alice, wendy = Hand(devices["alice"]), Hand(devices["wendy"])
    assert alice.upload().json()["complete"]
    assert alice.attach(accounts["A"]).status == "applied"
    # Stored already, but wendy proves she holds it by sending every byte.
    assert wendy.status()["complete"] is False
    wrong = wendy.upload(b"x" * len(FILE))
    assert wrong.status_code == 422
    assert "do not match" in wrong.json()["detail"]
    assert wendy.upload().json()["complete"]
    assert wendy.attach(accounts["W"]).status == "applied"
    assert wendy.download().content == FILE


def test_uploads_resume_where_they_stopped_within_the_size_limit(devices):
    alice = Hand(devices["alice"])
    too_big = alice.upload(b"", size=2 * 1024 * 1024)
    assert too_big.status_code == 413
    assert "limit of 1 MB" in too_big.json()["detail"]
    assert alice.upload(FILE[:500]).json()["received"] == 500
    again = alice.upload(FILE[100:], offset=100)
    assert again.status_code == 409
    assert again.json()["detail"] == "resume at byte 500"
    assert alice.upload(FILE[500:], offset=500).json()["complete"]
    assert alice.upload(FILE).json()["complete"]  # already hers: nothing to send
