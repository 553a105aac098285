"""Search as you type: Chinese substrings, pinyin, codes, contacts' phones and e-mails."""

from __future__ import annotations

import pytest

from desktop.domain.models import Account, Contact
from desktop.domain.services.search import pinyin_forms, query_terms, search, search_text
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database


@pytest.fixture
def seeded(db: Database) -> Database:
    with unit_of_work(db.sessions, None) as uow:
        cmcc = uow.add(
            Account(
                name="中国移动通信集团有限公司",
                short_name="中国移动",
                credit_code="91110000710000320G",
                city="北京",
            )
        )
        uow.add(
            Contact(
                account_id=cmcc.id, name="李军", mobile="13800138000", email="lijun@chinamobile.com"
            )
        )
        uow.add(
            Account(
                name="华为技术有限公司",
                short_name="华为",
                credit_code="914403001922038216",
                city="深圳",
            )
        )
        uow.add(Account(name="Golden Bridge Trading Co., Ltd.", short_name="Golden Bridge"))
        uow.add(Account(name="重庆银行股份有限公司", short_name="重庆银行"))
    return db


def names(db: Database, query: str) -> list[str]:
    with db.sessions() as session:
        return [hit.name for hit in search(session, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("移动通信", ["中国移动通信集团有限公司"]),  # Chinese substring
        ("zgyd", ["中国移动通信集团有限公司"]),  # pinyin initials
        ("zhongguo", ["中国移动通信集团有限公司"]),  # full spelling
        ("ZhongGuo", ["中国移动通信集团有限公司"]),
        ("chongqing", ["重庆银行股份有限公司"]),  # polyphone read in its phrase
        ("1922038", ["华为技术有限公司"]),  # part of a credit code
        ("13800138000", ["中国移动通信集团有限公司"]),  # a contact's mobile
        ("138 0013 8000", ["中国移动通信集团有限公司"]),  # typed with spaces
        ("李军", ["中国移动通信集团有限公司"]),  # a contact's name
        ("chinamobile", ["中国移动通信集团有限公司"]),  # a contact's e-mail
        ("bridge trad", ["Golden Bridge Trading Co., Ltd."]),  # every term must match
        ("华为", ["华为技术有限公司"]),  # two characters: the short-query path
        ("hw", ["华为技术有限公司"]),
        ("ｈｕａｗｅｉ", ["华为技术有限公司"]),  # full-width letters
        ("有限公司", ["中国移动通信集团有限公司", "华为技术有限公司", "重庆银行股份有限公司"]),
        ("nothing like it", []),
        ("", []),
    ],
)
def test_search_finds(seeded: Database, query: str, expected: list[str]) -> None:
    assert sorted(names(seeded, query)) == sorted(expected)


def test_two_letters_do_not_match_inside_phone_numbers_or_emails(seeded: Database) -> None:
    assert names(seeded, "13") == []


def test_quotes_and_like_wildcards_are_plain_text(seeded: Database) -> None:
    assert names(seeded, '"中国') == []
    assert names(seeded, "%") == []
    assert names(seeded, "a_b") == []


def test_index_follows_edits_deletes_and_restores(seeded: Database) -> None:
    with unit_of_work(seeded.sessions, None) as uow:
        huawei = uow.session.query(Account).filter_by(short_name="华为").one()
        uow.update(huawei, {"short_name": "华为终端"})
    assert names(seeded, "终端") == ["华为技术有限公司"]
    with unit_of_work(seeded.sessions, None) as uow:
        contact = uow.session.query(Contact).filter_by(name="李军").one()
        uow.update(contact, {"mobile": "13900000000"})
    assert names(seeded, "13800138000") == []
    assert names(seeded, "13900000000") == ["中国移动通信集团有限公司"]
    with unit_of_work(seeded.sessions, None) as uow:
        huawei = uow.session.query(Account).filter_by(short_name="华为终端").one()
        uow.delete(huawei)
    assert names(seeded, "华为") == []
    with unit_of_work(seeded.sessions, None) as uow:
        huawei = uow.session.query(Account).filter_by(short_name="华为终端").one()
        uow.restore(huawei)
    assert names(seeded, "华为") == ["华为技术有限公司"]


def test_limit(seeded: Database) -> None:
    with seeded.sessions() as session:
        assert len(search(session, "有限公司", limit=2)) == 2


def test_pinyin_forms_keep_latin_runs() -> None:
    assert pinyin_forms("中国mobile") == ("zhongguomobile", "zgmobile")


def test_search_text_adds_digits_of_a_phone_number() -> None:
    assert search_text("138-0013-8000").split("\n") == ["138-0013-8000", "13800138000"]


def test_query_terms() -> None:
    assert query_terms("  中国  移动 ") == ["中国", "移动"]
    assert query_terms("+86 138-0013") == ["861380013"]
