"""``fieldbook search``: the same matching as the search box, one account per line."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.commands import main
from desktop.store.demo import generate
from desktop.store.migrate import open_database


@pytest.fixture
def demo_dir(data_dir: Path) -> Path:
    db = open_database(data_dir)
    with db.sessions() as session, session.begin():
        generate(session, 20)
    db.dispose()
    return data_dir


def test_search_prints_id_name_city_tier_owner(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "zgyd", "--data-dir", str(demo_dir)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    account_id, name, city, tier, owner = line.split("\t")
    assert name == "中国移动通信集团有限公司"
    assert len(account_id) == 36
    assert tier in "ABC"
    assert city
    assert owner


def test_limit_and_no_match(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "有限公司", "--limit", "3", "--data-dir", str(demo_dir)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main(["search", "no such company", "--data-dir", str(demo_dir)]) == 1
    assert capsys.readouterr().out == ""


def test_bad_limit_is_one_clear_line(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "华为", "--limit", "0", "--data-dir", str(demo_dir)]) == 1
    assert capsys.readouterr().err == "fieldbook: --limit must be at least 1\n"
