"""The one account picker's query: name, short name, pinyin initials, credit code;
a rep's own accounts only when asked; deleted accounts never; the primary contact."""

from __future__ import annotations

from desktop.domain import models as m
from desktop.domain.services import accounts, records
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.visits_data import add_account, add_contact, add_user


def names(db: Database, query: str, owner_id: str | None = None) -> list[str]:
    with db.sessions() as session:
        return [c.name for c in accounts.pick_accounts(session, query, owner_id=owner_id)]


def test_the_picker_finds_accounts_by_name_pinyin_initials_and_credit_code(db: Database) -> None:
    rep = add_user(db)
    qinghai = add_account(db, "青海城市燃气有限公司", owner_id=rep)
    add_account(db, "上海华测电子有限公司", owner_id=rep)
    with unit_of_work(db.sessions, rep) as uow:
        row = uow.session.get(m.Account, qinghai)
        assert row is not None
        uow.update(row, {"short_name": "城市燃气", "credit_code": "91630100MA752XKQ5X"})
    assert names(db, "qhcs") == ["青海城市燃气有限公司"]
    assert names(db, "qinghai") == ["青海城市燃气有限公司"]
    assert names(db, "城市燃气") == ["青海城市燃气有限公司"]
    assert names(db, "91630100MA752XKQ5X") == ["青海城市燃气有限公司"]
    assert names(db, "华测") == ["上海华测电子有限公司"]
    assert names(db, "") == sorted(["青海城市燃气有限公司", "上海华测电子有限公司"])


def test_a_rep_picks_among_own_accounts_deleted_ones_never_and_the_primary_contact_comes_along(
    db: Database,
) -> None:
    rep = add_user(db)
    other = add_user(db, "liuna", "刘娜")
    mine = add_account(db, "杭州云帆科技有限公司", owner_id=rep)
    add_account(db, "上海华测电子有限公司", owner_id=other)
    gone = add_account(db, "北京已删除有限公司", owner_id=rep)
    contact = add_contact(db, mine, "王芳")
    with unit_of_work(db.sessions, rep) as uow:
        records.delete(uow, m.Account, gone)
    assert names(db, "", owner_id=rep) == ["杭州云帆科技有限公司"]
    assert names(db, "") == sorted(["杭州云帆科技有限公司", "上海华测电子有限公司"])
    with db.sessions() as session:
        [choice] = accounts.pick_accounts(session, "yunfan")
        assert (choice.primary_contact_id, choice.primary_contact_name) == (contact, "王芳")
        assert len(accounts.pick_accounts(session, "", limit=1)) == 1
