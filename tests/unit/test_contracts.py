"""Contracts: drafted by the rep, signed only by her manager in his own name, locked once
signed, ending after they start; renewals due inside the tier's notice, on the command
line too."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from desktop.commands import main
from desktop.domain.models import Policy
from desktop.domain.rules import RuleViolation
from desktop.domain.services import contracts
from desktop.domain.services.targets import SHANGHAI
from desktop.store.migrate import Database
from tests.unit.test_quotes import TODAY, World


def draft(world: World, **values: object) -> str:
    return world.write(  # type: ignore[no-any-return]
        world.rep,
        contracts.create_contract,
        world.account,
        {
            "title": "2026 年度框架协议",
            "start_on": dt.date(2026, 1, 1),
            "end_on": dt.date(2026, 4, 30),
            "value": D(1200000),
            **values,
        },
        TODAY,
    )


def test_review_by_the_manager_and_the_lock(db: Database) -> None:
    world = World(db)
    contract = draft(world)
    [row] = world.read(contracts.list_contracts, TODAY)
    assert (row.number, row.status) == ("HT-2026-ZW-0001", "draft")
    world.write(world.rep, contracts.submit_for_review, contract)
    with pytest.raises(RuleViolation) as error:
        world.write(world.rep, contracts.sign, contract)  # her own contract
    assert error.value.code == "role_required"
    world.write(world.manager, contracts.sign, contract, "条款已审")
    [row] = world.read(contracts.list_contracts, TODAY)
    assert row.status == "signed"
    with pytest.raises(RuleViolation) as error:
        world.write(world.rep, contracts.update_contract, contract, {"value": D(1)})
    assert error.value.code == "locked"
    with pytest.raises(RuleViolation) as error:
        world.write(world.rep, contracts.set_status, contract, "draft")
    assert error.value.code == "status_change"
    world.write(world.rep, contracts.set_status, contract, "active")
    with pytest.raises(RuleViolation) as error:
        draft(world, start_on=dt.date(2026, 5, 1), end_on=dt.date(2026, 4, 1))
    assert (error.value.code, error.value.field) == ("ends_before_start", "end_on")


def test_renewals_inside_the_tier_s_notice(
    db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = World(db)  # a tier-B account: 60 days' notice by default
    today = dt.datetime.now(SHANGHAI).date()  # the command line's today
    soon = draft(world, end_on=today + dt.timedelta(days=45))
    later = draft(world, title="维保合同", end_on=today + dt.timedelta(days=75))
    for contract in (soon, later):
        world.write(world.rep, contracts.submit_for_review, contract)
        world.write(world.manager, contracts.sign, contract)
        world.write(world.rep, contracts.set_status, contract, "active")
    due = world.read(contracts.renewals_due, today)
    assert [r.id for r in due] == [soon]
    world.write(world.manager, lambda uow: uow.add(Policy(key="renewals", value={"B": 90})))
    assert [r.id for r in world.read(contracts.renewals_due, today)] == [soon, later]
    assert (
        main(["contracts", "list", "--data-dir", str(data_dir), "--renewing-within", "3650"]) == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert all(line.endswith("renewal due") for line in out)
    assert main(["contracts", "list", "--data-dir", str(data_dir), "--renewing-within", "-1"]) == 1
