"""A server one release ahead still serves the laptops of the release before it: a
0.1.0 laptop (protocol 2) signs in, pulls and pushes, and is sent only the entities and
columns it knows, in its own order; a laptop of today gets everything."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path
from typing import Any

from desktop.domain import models as m
from desktop.domain.services import records
from desktop.domain.uow import unit_of_work
from desktop.sync import stored as stored_form
from desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from server import compat
from tests.server.test_rule_book import team  # noqa: F401  (the fixture)
from tests.server.test_stakeholders import alice_people
from tests.sync.harness import PASSWORD

RELEASE = Path(__file__).resolve().parent.parent / "fixtures" / "releases" / "0.1.0"


def test_the_frozen_lists_are_what_0_1_0_laptops_hold(tmp_path: Path) -> None:
    copy = tmp_path / "device.sqlite3"
    copy.write_bytes(gzip.decompress((RELEASE / "device.sqlite3.gz").read_bytes()))
    with sqlite3.connect(copy) as db:
        for entity, columns in compat.RELEASED[2].items():
            held = {row[1] for row in db.execute(f'PRAGMA table_info("{entity}")')}
            assert held == set(columns), entity


def _pull_as(device: Any, protocol: int) -> dict[str, Any]:
    with device.server.http() as http:
        answer = http.post(
            "/sync/v1/pull",
            json={"cursor": 0, "protocol": protocol},
            headers={
                "Authorization": f"Bearer {device.client.token}",
                PROTOCOL_HEADER: str(protocol),
            },
        )
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_0_1_0_laptop_gets_only_what_it_knows(team: Any) -> None:  # noqa: F811
    world = alice_people(team)
    alice = team["alice"]
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        records.create(uow, m.Competitor, {"name": "远航科技"})
    assert alice.sync().rejected == 0

    old = _pull_as(alice, 2)
    entities = {block["entity"] for block in old["tables"]}
    assert {"account", "contact", "visit"} <= entities
    assert not entities & {"competitor", "visit_attendee"}
    for block in old["tables"]:
        assert tuple(block["columns"]) == compat.RELEASED[2][block["entity"]]
        assert all(len(row) == len(block["columns"]) for row in block["rows"])
    contact = next(b for b in old["tables"] if b["entity"] == "contact")
    names = {row[contact["columns"].index("name")] for row in contact["rows"]}
    assert names == {"王总", "李财务"}

    new = _pull_as(alice, PROTOCOL_VERSION)
    entities = {block["entity"] for block in new["tables"]}
    assert {"competitor", "visit_attendee"} <= entities
    contact = next(b for b in new["tables"] if b["entity"] == "contact")
    assert tuple(contact["columns"]) == stored_form.columns("contact")
    cfo = next(r for r in contact["rows"] if r[contact["columns"].index("id")] == world["cfo"])
    assert cfo[contact["columns"].index("attitude")] == "supportive"


def test_a_0_1_0_laptop_signs_in_to_rows_it_can_read(team: Any) -> None:  # noqa: F811
    alice_people(team)
    alice = team["alice"]
    with alice.server.http() as http:
        answer = http.post(
            "/auth/login",
            json={"username": "alice", "password": PASSWORD, "device_id": alice.device_id},
            headers={PROTOCOL_HEADER: "2"},
        )
    assert answer.status_code == 200, answer.text
    assert {block["entity"] for block in answer.json()["tables"]} >= {"user", "team"}
    for block in answer.json()["tables"]:
        assert tuple(block["columns"]) == compat.RELEASED[2][block["entity"]]


def test_a_0_1_0_laptop_never_gets_a_file_of_a_contract(team: Any, tmp_path: Path) -> None:  # noqa: F811
    import datetime as dt

    from desktop.domain.services import attachments, contracts

    alice = team["alice"]
    root = attachments.store_root(tmp_path)
    licence, scan = tmp_path / "licence.png", tmp_path / "signed.pdf"
    licence.write_bytes(b"licence")
    scan.write_bytes(b"%PDF signed")
    with unit_of_work(alice.db.sessions, alice.user_id) as uow:
        account = records.create(uow, m.Account, {"name": "华信", "owner_id": alice.user_id})
        contract = contracts.create_contract(uow, account, {"title": "框架"}, dt.date(2026, 3, 1))
        for source, parent, parent_id in (
            (licence, "account", account),
            (scan, "contract", contract),
        ):
            attachments.attach(
                uow, root, source, parent_entity=parent, parent_id=parent_id, account_id=account
            )
    assert alice.sync().rejected == 0

    def files(protocol: int) -> set[str]:
        pulled = _pull_as(alice, protocol)
        block = next(b for b in pulled["tables"] if b["entity"] == "attachment")
        at = block["columns"].index("filename")
        return {row[at] for row in block["rows"]}

    assert files(2) == {"licence.png"}
    assert files(PROTOCOL_VERSION) == {"licence.png", "signed.pdf"}
    sales = compat.RELEASED[2]
    assert "contract_id" not in sales["sales_order"]
    assert "competitors" not in sales["quote"]
