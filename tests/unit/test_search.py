"""Search as you type: Chinese substrings, pinyin, codes, contacts' phones and e-mails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.models import Account, Contact
from desktop.domain.services import accounts
from desktop.domain.services import search as search_service
from desktop.domain.services.accounts import AccountQuery
from desktop.domain.services.search import (
    pinyin_forms,
    query_terms,
    search,
    search_text,
    syllables,
)
from desktop.domain.uow import unit_of_work
from desktop.store import search_index
from desktop.store.migrate import Database


@pytest.fixture
def seeded(db: Database) -> Database:
    with unit_of_work(db.sessions, None) as uow:
        cmcc = uow.add(
            Account(
                name="中国移动通信集团有限公司",
                short_name="中国移动",
                credit_code="911100007100003203",
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
        ("移", ["中国移动通信集团有限公司"]),  # one Chinese character, anywhere in a name
        ("司", ["中国移动通信集团有限公司", "华为技术有限公司", "重庆银行股份有限公司"]),
        ("yd", ["中国移动通信集团有限公司"]),  # initials from inside the name
        ("ch", ["重庆银行股份有限公司"]),  # the start of a syllable (chong)
        ("br", ["Golden Bridge Trading Co., Ltd."]),  # the start of a word
        ("lj", ["中国移动通信集团有限公司"]),  # a contact's initials
        ("华为 终", []),  # a short and a long term: both must match
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


@pytest.mark.parametrize(
    "text",
    [
        "重庆银行",
        "中国银行行长",
        "长江实业",
        "朝阳区",
        "音乐快乐",
        "单于",
        "曾经",
        "深圳新锐科技有限公司",
    ],
)
def test_syllables_read_like_pypinyin(text: str) -> None:
    from pypinyin import lazy_pinyin

    assert syllables(text) == lazy_pinyin(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="重庆银行长江中国人民共和华朝阳区音乐快单于曾经深圳新锐科技有限公司", max_size=14
    )
)
def test_any_run_reads_like_pypinyin(text: str) -> None:
    """Phrases overlapping, cut short or starting a run's tail split the same way."""
    from pypinyin import lazy_pinyin

    assert syllables(text) == lazy_pinyin(text)


def test_polyphones_follow_their_phrase() -> None:
    assert syllables("重庆") == ["chong", "qing"]
    assert syllables("银行") == ["yin", "hang"]


def test_a_contact_removed_or_moved_no_longer_finds_its_account(seeded: Database) -> None:
    with unit_of_work(seeded.sessions, None) as uow:
        contact = uow.session.query(Contact).filter_by(name="李军").one()
        uow.delete(contact)
    assert names(seeded, "李军") == []
    with unit_of_work(seeded.sessions, None) as uow:
        contact = uow.session.query(Contact).filter_by(name="李军").one()
        uow.restore(contact)
        huawei = uow.session.query(Account).filter_by(short_name="华为").one()
        uow.update(contact, {"account_id": huawei.id})
    assert names(seeded, "李军") == ["华为技术有限公司"]


def test_a_deleted_account_is_not_found_by_its_contacts(seeded: Database) -> None:
    with unit_of_work(seeded.sessions, None) as uow:
        cmcc = uow.session.query(Account).filter_by(short_name="中国移动").one()
        uow.delete(cmcc)
    assert names(seeded, "13800138000") == []


def _index_snapshot(db: Database) -> dict[str, tuple[list[str], set[str]]]:
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT account_id, body, words FROM search_account_doc"
        ).all()
    return {a: (sorted(body.split("\n")), set(words.split())) for a, body, words in rows}


def test_rebuild_gives_the_index_the_triggers_keep(seeded: Database) -> None:
    kept = _index_snapshot(seeded)
    with seeded.engine.begin() as connection:
        search_index.rebuild(connection.connection.driver_connection)
    assert _index_snapshot(seeded) == kept
    assert names(seeded, "zgyd") == ["中国移动通信集团有限公司"]
    with unit_of_work(seeded.sessions, None) as uow:  # the triggers are back
        uow.add(Account(name="招商银行股份有限公司"))
    assert names(seeded, "zsyh") == ["招商银行股份有限公司"]


@pytest.fixture
def many(db: Database) -> Database:
    with unit_of_work(db.sessions, None) as uow:
        for n in range(30):
            row = uow.add(Account(name=f"{'北京' if n % 3 else '上海'}测试{n:02d}科技有限公司"))
            uow.add(Contact(account_id=row.id, name=f"联系人{n}", mobile=f"139{n:08d}"))
    return db


@pytest.mark.parametrize("narrow", [5000, 3])  # fetched whole, and walked in order
@pytest.mark.parametrize("text", ["测试", "bj", "北京 有限", "科", "上海", "139000000"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_first_screen_is_the_head_of_the_whole_list(
    many: Database, monkeypatch: pytest.MonkeyPatch, narrow: int, text: str, descending: bool
) -> None:
    monkeypatch.setattr(search_service, "NARROW", narrow)
    query = AccountQuery(text=text, descending=descending)
    with many.sessions() as session:
        every = accounts.account_ids(session, query)
        head = accounts.list_accounts(session, query, limit=4)
        assert head.ids == every[:4]
        assert head.total in (len(every), None)
        assert accounts.count_accounts(session, query) == len(every)
        filtered = AccountQuery(text=text, descending=descending, tiers=("C",))
        assert accounts.list_accounts(session, filtered, limit=4).ids == every[:4]
        assert accounts.count_accounts(session, filtered) == len(every)
        assert accounts.count_accounts(session, AccountQuery(text=text, tiers=("A",))) == 0


def test_the_head_tells_its_total_unless_counting_costs_more(
    many: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with many.sessions() as session:
        assert accounts.list_accounts(session, AccountQuery(), limit=4).total == 30
        assert accounts.list_accounts(session, AccountQuery(tiers=("C",)), limit=4).total == 30
        assert accounts.list_accounts(session, AccountQuery(text="上海"), limit=4).total == 10
        monkeypatch.setattr(search_service, "NARROW", 3)
        broad = AccountQuery(text="测试")
        assert accounts.list_accounts(session, broad, limit=4).total is None  # counted later
        assert accounts.count_accounts(session, broad) == 30
