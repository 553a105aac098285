"""tools/make_migration.py: a model change becomes a NEW revision on top of head; the
released ones are never touched. Run on copies of the migration folders."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, String, Table, create_engine, inspect

from desktop.domain.models import SYNCED, Base
from desktop.store.migrate import MIGRATIONS as DEVICE_MIGRATIONS
from server.db import MIGRATIONS as SERVER_MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_migration", ROOT / "tools" / "make_migration.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _copy(source: Path, target: Path) -> Config:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    config = Config()
    config.set_main_option("script_location", str(target))
    return config


def _head(config: Config) -> str:
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def _next(config: Config, step: int = 1) -> str:
    """The number above every revision in use (the head may be a lower, reserved one)."""
    script = ScriptDirectory.from_config(config)
    return f"{max(int(r.revision) for r in script.walk_revisions()) + step:04d}"


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("0*.py")}


@pytest.fixture
def scratch_table() -> Iterator[Table]:
    """A new synced table in the models, for this test only."""
    table = Table(
        "scratch_note",
        Base.metadata,
        Column("id", String(36), primary_key=True),
        Column("version", Integer, nullable=False),
        Column("body", String(200)),
    )
    try:
        yield table
    finally:
        Base.metadata.remove(table)


@pytest.fixture
def tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = _load_tool()
    device = _copy(DEVICE_MIGRATIONS, tmp_path / "device")
    server = _copy(SERVER_MIGRATIONS, tmp_path / "server")
    head_file = tmp_path / "device" / "__init__.py"

    def make_engine(path: Path) -> Any:
        return create_engine(f"sqlite:///{path}")

    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "DEVICE_HEAD", head_file)
    monkeypatch.setattr(
        module, "_device", lambda: (device, tmp_path / "device" / "versions", make_engine)
    )
    monkeypatch.setattr(
        module, "_server", lambda: (server, tmp_path / "server" / "versions", make_engine)
    )
    return module


def _upgrade(config: Config, path: Path) -> set[str]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        return {i["name"] for i in inspect(engine).get_indexes("scratch_note")}
    finally:
        engine.dispose()


def test_a_model_change_becomes_the_next_revision_and_the_released_ones_stay(
    tool: ModuleType, tmp_path: Path, scratch_table: Table, capsys: pytest.CaptureFixture[str]
) -> None:
    versions = tmp_path / "device" / "versions"
    config, _, _ = tool._device()
    head = _head(config)
    number = _next(config)
    released = _digests(versions)
    tool.main(["device", "add_scratch_note"])
    (new,) = set(_digests(versions)) - set(released)
    assert new.startswith(f"{number}_add_scratch_note")
    assert {k: v for k, v in _digests(versions).items() if k in released} == released
    text = (versions / new).read_text(encoding="utf-8")
    assert f"down_revision = '{head}'" in text
    assert "op.create_table('scratch_note'" in text
    head_file = (tmp_path / "device" / "__init__.py").read_text(encoding="utf-8")
    assert f'HEAD = "{number}"' in head_file
    _upgrade(config, tmp_path / "device.sqlite3")  # the revision runs

    tool.main(["device", "add_nothing"])  # models and head agree now
    assert "the revision is empty" in capsys.readouterr().err
    assert sorted(_digests(versions))[-1].startswith(f"{_next(config, 0)}_add_nothing")


def test_a_new_synced_table_gets_the_servers_version_index(
    tool: ModuleType, tmp_path: Path, scratch_table: Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(SYNCED, "scratch_note", object())  # type: ignore[arg-type]
    versions = tmp_path / "server" / "versions"
    released = _digests(versions)
    tool.main(["server", "add_scratch_note"])
    assert {k: v for k, v in _digests(versions).items() if k in released} == released
    config, _, _ = tool._server()
    assert "ix_srv_version_scratch_note" in _upgrade(config, tmp_path / "server.sqlite3")


@pytest.mark.parametrize("name", ["", "Add Thing", "x", "drop;table"])
def test_a_name_that_is_not_a_slug_is_refused(tool: ModuleType, name: str) -> None:
    with pytest.raises(SystemExit, match="NAME is lower-case words"):
        tool.main(["device", name])


def test_two_heads_are_refused_before_anything_is_written(tool: ModuleType, tmp_path: Path) -> None:
    versions = tmp_path / "device" / "versions"
    (released,) = versions.glob("0001_*.py")
    config = tool._device()[0]
    head, number = _head(config), _next(config)
    for branch in ("a", "b"):
        (versions / f"{number}{branch}_branch.py").write_text(
            f"revision = '{number}{branch}'\ndown_revision = '{head}'\nbranch_labels = None\n"
            "depends_on = None\n\n\ndef upgrade() -> None:\n    pass\n",
            encoding="utf-8",
        )
    before = _digests(versions)
    with pytest.raises(SystemExit, match="2 heads"):
        tool.main(["device", "add_thing"])
    assert _digests(versions) == before
    assert released.exists()
