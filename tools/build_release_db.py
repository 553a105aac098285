"""Build populated databases of a released version, for the upgrade tests.

``python tools/build_release_db.py [0.1.0]`` extracts the release's code from git
(``git archive <tag>``, or the release commit when the tag is missing) into a temporary
folder and runs THAT code with this checkout's virtual environment:

- a sync server (SQLite) holding the demo dataset, with passwords for two demo users;
- the admin's laptop: signed in, a first download of everything, edits pushed, one
  conflict recorded, one edit still waiting in the outbox, an attachment uploaded;
- a rep's laptop that made the conflicting edit first.

It writes ``tests/fixtures/releases/<version>/device.sqlite3.gz`` (the admin's laptop),
``server.sqlite3.gz`` and ``manifest.json`` (who signed in, with which password, and the
row count of every table). The tests in tests/unit/test_upgrades.py and
tests/server/test_upgrades.py upgrade copies of them to head.

The fixtures are committed: rebuild them only for a new release (never for an old one,
whose files must stay what that release wrote).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "releases"
# version -> (tag, the commit the tag points at: used when the tag is missing)
RELEASES = {"0.1.0": ("v0.1.0", "3d42ab8")}
PASSWORD = "correct horse"  # tests/sync/harness.py signs in with it
DEMO_ACCOUNTS = 24


def extract(version: str, target: Path) -> str:
    """Write the release's tree into ``target``; returns the ref used."""
    tag, commit = RELEASES[version]
    for ref in (tag, commit):
        found = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
            capture_output=True,
            text=True,
        )
        if found.returncode == 0:
            break
    else:
        raise SystemExit(f"neither {tag} nor {commit} is in this repository")
    archive = target.with_suffix(".tar")
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), ref], check=True
    )
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    archive.unlink()
    return ref


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", nargs="?", default="0.1.0", choices=sorted(RELEASES))
    parser.add_argument("--populate", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.populate:
        populate_0_1_0(Path(args.populate))
        return
    out = FIXTURES / args.version
    with tempfile.TemporaryDirectory(prefix="fieldbook-release-") as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        ref = extract(args.version, tree)
        work = Path(tmp) / "work"
        work.mkdir()
        env = {
            **os.environ,
            "PYTHONPATH": str(tree),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        env.pop("FIELDBOOK_DATA_DIR", None)
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--populate", str(work)],
            cwd=tree,
            env=env,
            check=True,
        )
        out.mkdir(parents=True, exist_ok=True)
        counts = {}
        for name, source in (
            ("device", work / "admin-laptop" / "fieldbook.sqlite3"),
            ("server", work / "server" / "server.sqlite3"),
        ):
            counts[name] = _compact(source)
            with source.open("rb") as raw, gzip.open(out / f"{name}.sqlite3.gz", "wb", 9) as gz:
                shutil.copyfileobj(raw, gz)
        manifest = json.loads((work / "manifest.json").read_text(encoding="utf-8"))
        manifest.update(ref=ref, version=args.version, rows=counts)
        (out / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    for path in sorted(out.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")


def _compact(path: Path) -> dict[str, int]:
    """Fold the WAL into the file and drop free pages; returns each table's rows."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("VACUUM")
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def populate_0_1_0(work: Path) -> None:
    """Runs inside the 0.1.0 tree (PYTHONPATH): only 0.1.0's own API is used here."""
    import datetime as dt

    from argon2 import PasswordHasher
    from sqlalchemy import select

    import desktop
    from desktop.domain import models as m
    from desktop.domain.services import attachments, records
    from desktop.domain.uow import unit_of_work
    from desktop.store.demo import generate
    from desktop.store.migrate import open_database
    from desktop.sync import blobs
    from server import admin, auth
    from server.db import default_url, open_server_database
    from tests.sync.harness import PASSWORD as HARNESS_PASSWORD
    from tests.sync.harness import Device, Server

    # The code that runs must be the release's, not this checkout's.
    assert Path(desktop.__file__).resolve().is_relative_to(Path.cwd().resolve()), desktop.__file__
    assert desktop.__version__ == "0.1.0", desktop.__version__
    assert HARNESS_PASSWORD == PASSWORD
    # Cheap hashing to build; each hash names its own parameters, so any release verifies.
    auth.use_hasher(PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))

    demo = open_database(work / "demo")
    with demo.sessions() as session, session.begin():
        generate(session, DEMO_ACCOUNTS, seed=1, today=dt.date(2026, 12, 1))
    demo.dispose()

    # The demo's synced rows become the server's, as the 0.1.0 bench loads them.
    server_file = work / "server" / "server.sqlite3"
    open_server_database(default_url(server_file.parent)).dispose()
    connection = sqlite3.connect(server_file)
    connection.execute("ATTACH DATABASE ? AS demo", (str(work / "demo" / "fieldbook.sqlite3"),))
    for name in m.SYNCED:
        columns = ", ".join(
            f'"{r[1]}"' for r in connection.execute(f'PRAGMA main.table_info("{name}")')
        )
        connection.execute(
            f'INSERT INTO main."{name}" ({columns}) SELECT {columns} FROM demo."{name}"'
        )
    connection.execute("UPDATE srv_counter SET value = 1")
    connection.commit()
    connection.close()

    server = Server(work / "server")
    with server.db.sessions() as s, s.begin():
        admin.reset_password(s, "admin", PASSWORD)
        admin.reset_password(s, "zhangwei", PASSWORD)
        admin.add_team(s, "西部大客户部")
    try:
        laptop = Device(server, work / "admin-laptop", "admin")
        rep = Device(server, work / "rep-laptop", "zhangwei")
        with laptop.db.sessions() as s:
            account = s.scalar(
                select(m.Account.id).where(m.Account.owner_id == rep.user_id).limit(1)
            )
            contact = s.scalar(select(m.Contact.id).where(m.Contact.account_id == account))
            order = s.scalar(select(m.Order.id).limit(1))
            handed = s.scalar(
                select(m.Account.id)
                .where(m.Account.owner_id == rep.user_id, m.Account.id != account)
                .limit(1)
            )
            other_rep = s.scalar(
                select(m.User.id).where(m.User.role == "rep", m.User.id != rep.user_id).limit(1)
            )
        assert None not in (account, contact, order, handed, other_rep)
        with unit_of_work(laptop.db.sessions, laptop.user_id) as uow:
            new = records.create(
                uow, m.Account, {"name": "升级测试有限公司", "owner_id": rep.user_id, "tier": "B"}
            )
            records.create(uow, m.Contact, {"account_id": new, "name": "欧阳娜娜"})
            records.update(uow, m.Account, account, {"notes": "年度框架协议续签"})
            records.delete(uow, m.Contact, contact)
            records.create(uow, m.AccountTeamMember, {"account_id": new, "user_id": other_rep})
            records.create(
                uow, m.Delivery, {"order_id": order, "delivered_on": dt.date(2026, 12, 2)}
            )
            records.create(
                uow,
                m.WeeklyReport,
                {"owner_id": laptop.user_id, "week_start": dt.date(2026, 11, 30)},
            )
            # A handover: the account leaves the rep's scope (a server scope event).
            records.update(uow, m.Account, handed, {"owner_id": other_rep})
        source = work / "contract.pdf"
        source.write_bytes(b"%PDF-1.4 framework agreement\n" * 40)
        files = attachments.store_root(laptop.db.path.parent)
        with unit_of_work(laptop.db.sessions, laptop.user_id) as uow:
            attachments.attach(
                uow,
                files,
                source,
                parent_entity="account",
                parent_id=new,
                account_id=new,
                kind="contract",
            )
        blobs.upload_pending(laptop.db.engine, laptop.client, files)
        assert laptop.sync().rejected == 0
        assert rep.sync().rejected == 0
        # Both change the same field from the same base; the rep's edit reaches the
        # server first, so the admin's laptop keeps a conflict (a sync_issue row).
        with unit_of_work(laptop.db.sessions, laptop.user_id) as uow:
            records.update(uow, m.Account, new, {"tier": "A"})
        with unit_of_work(rep.db.sessions, rep.user_id) as uow:
            records.update(uow, m.Account, new, {"tier": "C"})
        assert rep.sync().rejected == 0
        assert laptop.sync().rejected == 0
        # Left in the admin's outbox: the upgraded laptop must still send it.
        with unit_of_work(laptop.db.sessions, laptop.user_id) as uow:
            records.update(uow, m.Account, new, {"short_name": "升级测试"})
        with laptop.db.sessions() as s:
            pending = s.scalar(
                select(m.OutboxEntry.mutation_id).order_by(m.OutboxEntry.mutation_id.desc())
            )
        manifest = {
            "device_user": "admin",
            "password": PASSWORD,
            "other_user": "zhangwei",
            "pending_account": new,
            "pending_field": {"short_name": "升级测试"},
            "pending_mutation_id": pending,
        }
        (work / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        laptop.close()
        rep.close()
        # Last, so no later sign-in clears it: a failed one the server remembers.
        refused = server.http().post(
            "/auth/login",
            json={
                "username": "zhangwei",
                "password": "wrong password",
                "device_id": "a-stranger",
                "device_name": "unknown",
            },
        )
        assert refused.status_code == 401, refused.text
    finally:
        server.close()


if __name__ == "__main__":
    main()
