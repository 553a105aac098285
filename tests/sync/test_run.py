"""``desktop.sync.run.sync_all``: the one sync job the window and ``fieldbook sync`` run
(files up, rows both ways, files down, counts), tested without Qt."""

from __future__ import annotations

import subprocess
import sys

from desktop.domain.services import accounts as account_service
from desktop.domain.services import attachments
from desktop.domain.uow import unit_of_work
from desktop.sync.run import read_counts, sync_all
from tests.server import test_blobs as server_blobs
from tests.sync.test_blob_transfer import CONTRACT, attach, files_of

accounts = server_blobs.accounts  # alice owns A with bob on its team


def test_files_go_up_before_the_rows_and_come_down_after_them(devices, accounts, tmp_path):
    alice, bob = devices["alice"], devices["bob"]
    attach(alice, tmp_path, accounts["A"], "contract.pdf", CONTRACT)
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account_service.update_account(uow, accounts["A"], {"phone": "0755-88886666"})
    phases: list[tuple[str, int, int | None]] = []

    sent = sync_all(
        alice.db.engine, alice.client, files_of(alice), lambda *step: phases.append(step)
    )

    assert sent.sent.uploaded == 1
    assert not sent.sent.problems
    assert sent.report.pushed >= 2  # the attachment row and the edit
    assert sent.counts.pending == 0
    assert sent.counts.issues == 0
    assert sent.counts.last_sync is not None
    order = [phase for phase, _done, _total in phases]
    assert order.index("upload") < order.index("push") < order.index("download")
    assert ("upload", 1, 1) in phases

    got = sync_all(bob.db.engine, bob.client, files_of(bob))

    assert got.received.downloaded == 1
    assert not got.received.problems
    assert "attachment" in got.report.entities
    with bob.db.sessions() as session:
        (stored,) = attachments.list_attachments(session, "account", accounts["A"])
    path = attachments.content_path(files_of(bob), stored["content_hash"])
    assert path.read_bytes() == CONTRACT


def test_a_cancelled_run_sends_nothing_and_counts_what_waits(devices, accounts):
    alice = devices["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account_service.update_account(uow, accounts["A"], {"phone": "0755-12345678"})
    with alice.db.sessions() as session:
        waiting = read_counts(session).pending
    assert waiting > 0

    stopped = sync_all(alice.db.engine, alice.client, files_of(alice), cancel=lambda: True)

    assert stopped.report.cancelled
    assert stopped.report.pushed == 0
    assert stopped.counts.pending == waiting  # the edit still waits, and the status bar says so
    done = sync_all(alice.db.engine, alice.client, files_of(alice))
    assert done.report.pushed == waiting
    assert done.counts.pending == 0


def test_the_sync_job_imports_no_qt() -> None:
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, desktop.sync.run, desktop.commands.sync;"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"
