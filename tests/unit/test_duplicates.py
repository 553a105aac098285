"""查重: names, codes and phones compared in normalised form."""

from __future__ import annotations

import pytest

from desktop.domain.models import Account, Contact
from desktop.domain.services.duplicates import code_key, find_duplicates, name_key, phone_key
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("华为技术有限公司", "华为技术有限责任公司"),
        ("比亚迪股份有限公司", "比亚迪有限公司"),
        ("华为技术有限公司", " 华为 技术 有限公司 "),
        ("华为技术（深圳）有限公司", "华为技术(深圳)有限公司"),  # full-width brackets
        ("ＡＢＣ科技有限公司", "abc科技有限公司"),  # full-width letters, case
        ("Golden Bridge Trading Co., Ltd.", "golden bridge trading co ltd"),
        ("Golden Bridge Trading Limited", "GOLDEN-BRIDGE TRADING"),
        ("上海汽车集团股份有限公司", "上海汽车"),
    ],
)
def test_same_company_same_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("华为技术有限公司", "华为终端有限公司"),
        ("中国移动", "中国联通"),
        ("Atlas Energy", "Atlas Capital"),
    ],
)
def test_different_companies_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_a_suffix_alone_is_kept() -> None:
    assert name_key("有限公司") == "有限公司"
    assert name_key("  ，。 ") is None


def test_code_and_phone_keys() -> None:
    assert code_key(" 9144030071526726xg") == "9144030071526726XG"
    assert phone_key("+86 138-0013-8000") == phone_key("13800138000") == "13800138000"
    assert phone_key("(010) 6666 8888") == "01066668888"
    assert phone_key("123") is None


def _seed(db: Database) -> str:
    with unit_of_work(db.sessions, None) as uow:
        account = uow.add(
            Account(name="华为技术有限公司", short_name="华为", credit_code="914403001922038216")
        )
        uow.add(Contact(account_id=account.id, name="张伟", mobile="138 0013 8000"))
        uow.add(Account(name="已删除科技有限公司"))
        return account.id


def test_find_duplicates_by_each_key(db: Database) -> None:
    huawei = _seed(db)
    with db.sessions() as session:
        by_name = find_duplicates(session, name="华为技术有限责任公司")
        by_short = find_duplicates(session, name="华为")
        by_code = find_duplicates(session, credit_code="914403001922038216")
        by_phone = find_duplicates(session, phones=["+86 13800138000"])
        nothing = find_duplicates(session, name="华为终端有限公司", phones=["13900000000"])
    assert [(m.account_id, m.field) for m in by_name] == [(huawei, "name")]
    assert [m.account_name for m in by_short] == ["华为技术有限公司"]
    assert [m.field for m in by_code] == ["credit_code"]
    assert [m.value for m in by_phone] == ["+86 13800138000"]
    assert nothing == []


def test_the_account_itself_and_deleted_ones_do_not_count(db: Database) -> None:
    huawei = _seed(db)
    with unit_of_work(db.sessions, None) as uow:
        row = uow.session.query(Account).filter_by(name="已删除科技有限公司").one()
        uow.delete(row)
    with db.sessions() as session:
        assert find_duplicates(session, name="华为", exclude_account_id=huawei) == []
        assert find_duplicates(session, name="已删除科技有限公司") == []
