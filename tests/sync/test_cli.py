"""``fieldbook login``, ``sync`` and ``logout`` against an in-process server."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from desktop.commands import main
from desktop.commands import sync as sync_commands
from desktop.domain.models import Account
from desktop.domain.services import records
from desktop.domain.services.device import current_user_id
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import open_database
from tests.sync.harness import BASE, PASSWORD, Server
from tests.sync.memory_keyring import MemoryKeyring


@pytest.fixture
def wired(server: Server, monkeypatch: pytest.MonkeyPatch) -> Server:
    monkeypatch.setattr(sync_commands, "HTTP_FACTORY", lambda url: server.http())
    return server


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_login_keeps_the_token_in_the_keyring_only(
    wired, memory_keyring, data_dir: Path, monkeypatch, capsys
):
    code = run(
        [
            "login",
            "--data-dir",
            str(data_dir),
            "--server",
            BASE,
            "--user",
            "alice",
            "--password-stdin",
        ],
        monkeypatch,
        PASSWORD + "\n",
    )
    assert code == 0
    assert "keyring" in capsys.readouterr().out
    (((service, username), token),) = memory_keyring.store.items()
    assert (service, username) == ("Fieldbook", f"{BASE}|alice")
    # The token is nowhere in the data folder.
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes()

    assert run(["sync", "--data-dir", str(data_dir)], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "pulled" in out
    db = open_database(data_dir)
    with db.sessions() as s:
        assert current_user_id(s) == wired.users["alice"]
    with unit_of_work(db.sessions, wired.users["alice"]) as uow:
        records.create(uow, Account, {"name": "命令行客户", "owner_id": wired.users["alice"]})
    db.dispose()
    assert run(["sync", "--data-dir", str(data_dir)], monkeypatch) == 0
    assert "pushed 1 change(s) (1 applied" in capsys.readouterr().out

    assert run(["logout", "--data-dir", str(data_dir)], monkeypatch) == 0
    assert memory_keyring.store == {}
    assert run(["sync", "--data-dir", str(data_dir)], monkeypatch) == 1
    assert "no stored sign-in" in capsys.readouterr().err


def test_without_a_secure_keyring_the_user_is_told(wired, data_dir: Path, monkeypatch, capsys):
    # tests/conftest.py selects the null backend.
    code = run(
        [
            "login",
            "--data-dir",
            str(data_dir),
            "--server",
            BASE,
            "--user",
            "bob",
            "--password-stdin",
        ],
        monkeypatch,
        PASSWORD + "\n",
    )
    assert code == 0
    assert "will not be remembered" in capsys.readouterr().err
    code = run(
        ["sync", "--data-dir", str(data_dir), "--password-stdin"], monkeypatch, PASSWORD + "\n"
    )
    assert code == 0
    assert "pulled" in capsys.readouterr().out


def test_wrong_password_and_bad_server_are_one_clear_line(
    wired, data_dir: Path, monkeypatch, capsys
):
    code = run(
        [
            "login",
            "--data-dir",
            str(data_dir),
            "--server",
            BASE,
            "--user",
            "alice",
            "--password-stdin",
        ],
        monkeypatch,
        "nope\n",
    )
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("fieldbook: sign-in failed: wrong user name or password")
    assert "Traceback" not in err
    code = run(
        [
            "login",
            "--data-dir",
            str(data_dir),
            "--server",
            "ftp:/x",
            "--user",
            "alice",
            "--password-stdin",
        ],
        monkeypatch,
        "x\n",
    )
    assert code == 1
    assert "not a server address" in capsys.readouterr().err


def test_sync_carries_attachment_files_both_ways(wired, tmp_path: Path, monkeypatch, capsys):
    """alice attaches a contract in her data folder; after `fieldbook sync` on both
    sides, the same bytes are in her manager's."""
    from desktop.domain.services import attachments

    alice_dir, boss_dir = tmp_path / "alice", tmp_path / "boss"
    for folder, user in ((alice_dir, "alice"), (boss_dir, "boss")):
        argv = ["sync", "--data-dir", str(folder), "--server", BASE, "--user", user]
        assert run([*argv, "--password-stdin"], monkeypatch, PASSWORD + "\n") == 0
    source = tmp_path / "合同.pdf"
    source.write_bytes(b"%PDF contract\n" * 5000)
    db = open_database(alice_dir)
    with unit_of_work(db.sessions, wired.users["alice"]) as uow:
        account = records.create(uow, Account, {"name": "A", "owner_id": wired.users["alice"]})
        uow.session.flush()
        attachments.attach(
            uow,
            attachments.store_root(alice_dir),
            source,
            parent_entity="account",
            parent_id=account,
            account_id=account,
        )
    db.dispose()
    argv = ["sync", "--server", BASE, "--password-stdin"]
    assert run([*argv, "--data-dir", str(alice_dir), "--user", "alice"], monkeypatch, PASSWORD) == 0
    assert "uploaded 1 file(s)" in capsys.readouterr().out
    assert run([*argv, "--data-dir", str(boss_dir), "--user", "boss"], monkeypatch, PASSWORD) == 0
    assert "downloaded 1 file(s)" in capsys.readouterr().out
    (copy,) = [p for p in attachments.store_root(boss_dir).rglob("*") if p.is_file()]
    assert copy.read_bytes() == source.read_bytes()


@pytest.mark.parametrize("user", ["alice", "boss"])
def test_every_command_works_right_after_login_before_the_first_sync(
    user, wired, memory_keyring, data_dir: Path, tmp_path: Path, monkeypatch, capsys
):
    login = ["login", "--data-dir", str(data_dir), "--server", BASE, "--user", user]
    assert run([*login, "--password-stdin"], monkeypatch, PASSWORD + "\n") == 0
    capsys.readouterr()
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("名称,级别,城市\n登录即用科技有限公司,A,杭州\n", encoding="utf-8")
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("客户,姓名,手机\n登录即用科技有限公司,李雷,13812345678\n", encoding="utf-8")
    data = ["--data-dir", str(data_dir)]
    # The user's own row (the accounts' owner) came with the sign-in.
    assert run(["import", "accounts", str(accounts), *data], monkeypatch) == 0
    assert "imported: 1 created" in capsys.readouterr().out
    assert run(["import", "contacts", str(contacts), *data], monkeypatch) == 0
    assert "imported: 1 created" in capsys.readouterr().out
    assert run(["search", "dlj", *data], monkeypatch) == 0
    assert "登录即用科技有限公司" in capsys.readouterr().out
    assert run(["quote", "list", *data], monkeypatch) == 0
    out = tmp_path / "out.xlsx"
    for export in (["accounts"], ["meeting-pack", "--period", "2026"], ["targets"]):
        assert run(["export", *export, "-o", str(out), *data], monkeypatch) == 0, export
    assert run(["info", *data], monkeypatch) == 0
    capsys.readouterr()
    # The first sync sends what was made before it.
    assert run(["sync", *data], monkeypatch) == 0
    assert "pushed 2 change(s) (2 applied" in capsys.readouterr().out
