"""A large import: the search index is built once at the end (its triggers paused) and
the 查重 keys are held in memory; what a user sees afterwards is as if each row had been
saved alone."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from desktop.domain import models as m
from desktop.domain.credit_code import complete
from desktop.domain.services import accounts, contacts
from desktop.domain.services.duplicates import KeyIndex, find_duplicates
from desktop.domain.uow import unit_of_work
from desktop.imports import read_table
from desktop.imports.apply import BULK_ROWS, commit
from desktop.imports.mapping import guess
from desktop.imports.plan import preview
from desktop.store.migrate import Database
from tests.reports import builders as b

ROWS = BULK_ROWS + 200


def _import(db: Database, path: Path, kind: str, actor: str) -> None:
    table = read_table(path, kind)
    with db.sessions() as s:
        checked = preview(s, kind, table, guess(kind, table.headers), actor_id=actor)
    assert checked.counts["error"] == 0
    commit(db.sessions, checked, actor_id=actor, source=path.name)


def _search(db: Database, text: str) -> list[str]:
    with db.sessions() as s:
        found = accounts.list_accounts(s, accounts.AccountQuery(text=text))
        return [r.name for r in accounts.account_rows(s, found.ids).values()]


def test_many_rows_are_searchable_and_checked_for_duplicates(db: Database, tmp_path: Path) -> None:
    with unit_of_work(db.sessions, None) as uow:
        rep = b.user(uow, "zhangwei", "张伟", b.team(uow))
        old = b.account(uow, "华信精密制造有限公司", rep)
    path = tmp_path / "accounts.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["客户名称", "统一社会信用代码", "负责人"])
        out.writerow(["华信精密制造（有限责任公司）", "", "zhangwei"])  # the old one again
        out.writerow(["天元物流有限公司", complete("91310115MA1K0001"), "zhangwei"])
        out.writerow(["天元物流（有限责任公司）", complete("91310115MA1K0002"), "zhangwei"])
        for i in range(ROWS):
            out.writerow([f"苏州测试{i:05d}机械有限公司", "", "zhangwei"])
    _import(db, path, "accounts", rep)

    with db.sessions() as s:
        reasons = dict(s.execute(select(m.Account.name, m.Account.duplicate_reason)).all())
    # Each duplicate is named as it would be when saved alone: the old account's twin,
    # and the second of two rows of the file that are the same company.
    assert reasons["华信精密制造（有限责任公司）"] == "imported from accounts.csv"
    assert reasons["天元物流有限公司"] is None
    assert reasons["天元物流（有限责任公司）"] == "imported from accounts.csv"
    assert reasons["苏州测试00042机械有限公司"] is None
    # The index was built: by name, by pinyin, and for rows written before the import.
    assert _search(db, "测试01100") == ["苏州测试01100机械有限公司"]
    assert "天元物流有限公司" in _search(db, "tywl")
    assert "华信精密制造有限公司" in _search(db, "华信")

    contact_file = tmp_path / "contacts.csv"
    with contact_file.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["客户名称", "姓名", "手机"])
        for i in range(ROWS):
            out.writerow([f"苏州测试{i:05d}机械有限公司", f"联系人{i}", f"139{i:08d}"])
    _import(db, contact_file, "contacts", rep)
    assert _search(db, "13900000777") == ["苏州测试00777机械有限公司"]
    # The triggers are back: an edit after the import is searchable at once.
    with unit_of_work(db.sessions, rep) as uow:
        accounts.update_account(uow, old, {"name": "华信新材料有限公司"})
        first = uow.session.scalars(select(m.Contact).order_by(m.Contact.name)).first()
        assert first is not None
        contacts.update_contact(uow, first.id, {"mobile": "13711112222"})
    assert _search(db, "新材料") == ["华信新材料有限公司"]
    assert len(_search(db, "13711112222")) == 1


def test_key_index_answers_as_the_database_does(db: Database) -> None:
    with unit_of_work(db.sessions, None) as uow:
        rep = b.user(uow, "zhangwei", "张伟")
        one = b.account(uow, "华为技术有限公司", rep, short_name="华为")
        b.account(uow, "华为技术（有限责任公司）", rep, credit_code=complete("91440300MA5F0001"))
        uow.add(m.Contact(account_id=one, name="李明", mobile="+86 138 1234 5678"))
    probes = [
        {"name": "华为技术股份有限公司"},
        {"short_name": "华为", "phones": ["13812345678"]},
        {"credit_code": complete("91440300MA5F0001").lower()},
        {"name": "华为技术有限公司", "exclude_account_id": one},
        {"name": "不相干的公司"},
    ]
    with db.sessions() as s:
        keys = KeyIndex(s)
        for probe in probes:
            held = find_duplicates(s, keys=keys, **probe)  # type: ignore[arg-type]
            assert held == find_duplicates(s, **probe), probe  # type: ignore[arg-type]
    keys.note("new-id", "新公司有限公司", None, None)
    assert [m.account_id for m in find_duplicates(s, keys=keys, name="新公司")] == ["new-id"]
    keys.note("new-id", "改名后有限公司", None, None)
    assert find_duplicates(s, keys=keys, name="新公司") == []
