"""Accounts: validation, 查重 on create and rename, the list query, hierarchy, history,
handover, the public pool and attachments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.errors import PermissionDeniedError, ValidationError
from desktop.domain.models import Complaint, Contact, Policy, Quote, Task, User, Visit
from desktop.domain.services import accounts, attachments, contacts, pool
from desktop.domain.services.accounts import AccountQuery, DuplicateWarning
from desktop.domain.uow import unit_of_work
from desktop.store.migrate import Database
from tests.seed import seeded

NOW = dt.datetime(2025, 6, 2, 2, 0, tzinfo=dt.UTC)


def make_user(db: Database, name: str, role: str = "rep") -> str:
    with unit_of_work(db.sessions, None) as uow:
        return uow.add(User(username=name, display_name=name.title(), role=role)).id


def new_account(db: Database, actor: str | None = None, **values: object) -> str:
    with unit_of_work(db.sessions, actor) as uow:
        return accounts.create_account(uow, {"name": "测试科技有限公司", **values})


def test_validation_names_each_wrong_field(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, unit_of_work(db.sessions, None) as uow:
        accounts.create_account(
            uow,
            {
                "name": "  ",
                "credit_code": "914403001922038217",
                "phone": "call me",
                "website": "not a site",
                "tier": "D",
            },
        )
    assert caught.value.errors == {
        "name": "is required",
        "credit_code": "the last character should be 6: a character was probably mistyped",
        "phone": "is not a phone number (digits, spaces, + - ( ) and an extension)",
        "website": "is not a web address",
        "tier": "must be A, B or C",
    }


def test_create_stores_clean_values(db: Database) -> None:
    account_id = new_account(
        db,
        credit_code=" 9144030071526726xg ",
        tags="战略，续约, 战略",
        phone="010-6666 8888 转 123",
        short_name="",
    )
    with db.sessions() as session:
        record = accounts.get_account(session, account_id)
    assert record["credit_code"] == "9144030071526726XG"
    assert record["tags"] == ",战略,续约,"
    assert record["short_name"] is None


def test_duplicate_needs_a_reason_which_is_stored(db: Database) -> None:
    new_account(db, name="华为技术有限公司", credit_code="914403001922038216")
    with pytest.raises(DuplicateWarning) as caught, unit_of_work(db.sessions, None) as uow:
        accounts.create_account(uow, {"name": "华为技术有限责任公司"})
    assert [(m.account_name, m.field) for m in caught.value.matches] == [
        ("华为技术有限公司", "name")
    ]
    with pytest.raises(DuplicateWarning), unit_of_work(db.sessions, None) as uow:
        accounts.create_account(uow, {"name": "华为技术有限责任公司"}, duplicate_reason="  ")


def test_duplicate_with_reason(db: Database) -> None:
    new_account(db, name="华为技术有限公司")
    with unit_of_work(db.sessions, None) as uow:
        account_id = accounts.create_account(
            uow, {"name": "华为技术(有限责任公司)"}, duplicate_reason="另一法人主体"
        )
    with db.sessions() as session:
        assert accounts.get_account(session, account_id)["duplicate_reason"] == "另一法人主体"


def test_rename_checks_duplicates_but_other_edits_do_not(db: Database) -> None:
    new_account(db, name="比亚迪股份有限公司")
    other = new_account(db, name="另一家有限公司")
    with unit_of_work(db.sessions, None) as uow:
        old = accounts.update_account(uow, other, {"city": "深圳"})
    assert old == {"city": None}
    with pytest.raises(DuplicateWarning), unit_of_work(db.sessions, None) as uow:
        accounts.update_account(uow, other, {"name": "比亚迪有限公司"})


def test_delete_restore_and_recently_deleted(db: Database) -> None:
    account_id = new_account(db)
    with unit_of_work(db.sessions, None) as uow:
        accounts.delete_account(uow, account_id)
    with db.sessions() as session:
        assert [r["id"] for r in accounts.recently_deleted(session)] == [account_id]
        assert accounts.account_ids(session, AccountQuery()) == []
    with unit_of_work(db.sessions, None) as uow:
        accounts.restore_account(uow, account_id)
    with db.sessions() as session:
        assert accounts.account_ids(session, AccountQuery()) == [account_id]


def test_history_shows_who_when_and_old_to_new(db: Database) -> None:
    rep = make_user(db, "zhangwei")
    account_id = new_account(db, rep, city="上海")
    with unit_of_work(db.sessions, rep, reason="搬迁") as uow:
        accounts.update_account(uow, account_id, {"city": "苏州"})
    with db.sessions() as session:
        (entry,) = accounts.history(session, account_id)
    assert (entry.field, entry.old_value, entry.new_value) == ("city", "上海", "苏州")
    assert (entry.changed_by, entry.reason) == ("Zhangwei", "搬迁")


def test_list_filters_sort_and_search(db: Database) -> None:
    rep = make_user(db, "liuna")
    a = new_account(db, name="甲公司", tier="A", city="北京", tags="战略", owner_id=rep)
    b = new_account(db, name="乙公司", tier="B", city="上海", status="active")
    c = new_account(db, name="丙公司", tier="C", city="北京", industry="金融")

    def ids(**kw: object) -> list[str]:
        with db.sessions() as session:
            return accounts.account_ids(session, AccountQuery(**kw), now=NOW)  # type: ignore[arg-type]

    assert set(ids()) == {a, b, c}
    assert ids(tiers=("A", "B"), sort="tier") == [a, b]
    assert ids(tiers=("A", "B"), sort="tier", descending=True) == [b, a]
    assert set(ids(city="北京")) == {a, c}
    assert ids(owner_id=rep) == [a]
    assert set(ids(owner_id=accounts.POOL)) == {b, c}
    assert ids(tag="战略") == [a]
    assert ids(statuses=("active",)) == [b]
    assert ids(industry="金融") == [c]
    assert ids(text="yigongsi") == [b]
    assert ids(text="北京") == []  # the city is a filter, not a search field
    assert ids(not_visited_days=30, tiers=("A",)) == [a]


def test_not_visited_filter_and_incomplete_filter(db: Database) -> None:
    visited = new_account(db, name="常去公司", tier="C", industry="金融", city="北京")
    idle = new_account(db, name="冷落公司", tier="C")
    with unit_of_work(db.sessions, None) as uow:
        uow.add(
            Visit(
                account_id=visited,
                status="done",
                report="谈了续约",
                planned_start=NOW - dt.timedelta(days=3),
            )
        )
        uow.add(Contact(account_id=visited, name="王芳"))
    with db.sessions() as session:
        assert accounts.account_ids(session, AccountQuery(not_visited_days=30), now=NOW) == [idle]
        assert accounts.account_ids(session, AccountQuery(incomplete=True)) == [idle]
        rows = accounts.account_rows(session, [visited, idle])
    assert rows[visited].completeness == 100
    assert rows[idle].completeness == 0
    assert rows[visited].contacts == 1


def test_sort_by_owner_follows_their_names_with_the_pool_first(db: Database) -> None:
    zhao, an = make_user(db, "zhao"), make_user(db, "an")  # shown as "Zhao", "An"
    z = new_account(db, name="甲公司", owner_id=zhao)
    a = new_account(db, name="乙公司", owner_id=an)
    pooled = new_account(db, name="丙公司")
    with db.sessions() as session:
        assert accounts.account_ids(session, AccountQuery(sort="owner")) == [pooled, a, z]
        descending = AccountQuery(sort="owner", descending=True)
        assert accounts.account_ids(session, descending) == [z, a, pooled]


def test_last_and_next_visit_rows_and_sort(db: Database) -> None:
    old = new_account(db, name="甲公司")
    recent = new_account(db, name="乙公司")
    never = new_account(db, name="丙公司")
    with unit_of_work(db.sessions, None) as uow:
        for account_id, days in ((old, 40), (recent, 2)):
            uow.add(
                Visit(
                    account_id=account_id,
                    status="done",
                    report="谈了续约",
                    planned_start=NOW - dt.timedelta(days=days),
                )
            )
        uow.add(Visit(account_id=old, status="planned", planned_start=NOW + dt.timedelta(days=1)))
        # Still "planned" but in the past: not a next visit.
        uow.add(
            Visit(account_id=recent, status="planned", planned_start=NOW - dt.timedelta(days=9))
        )
        uow.add(Visit(account_id=never, status="planned", planned_start=NOW + dt.timedelta(days=5)))

    def ids(sort: str, descending: bool = False) -> list[str]:
        with db.sessions() as session:
            query = AccountQuery(sort=sort, descending=descending)
            return accounts.account_ids(session, query, now=NOW)

    assert ids("last_visit") == [never, old, recent]  # never visited: the longest ago
    assert ids("last_visit", descending=True) == [recent, old, never]
    assert ids("next_visit") == [old, never, recent]  # nothing planned: last either way
    assert ids("next_visit", descending=True) == [never, old, recent]
    with db.sessions() as session:
        rows = accounts.account_rows(session, [old, recent, never])
    assert rows[recent].last_visit == NOW - dt.timedelta(days=2)
    assert rows[never].last_visit is None


def test_hierarchy_refuses_loops_and_rolls_totals_up(db: Database) -> None:
    group = new_account(db, name="集团总部", potential=Decimal("100.50"))
    child = new_account(db, name="华东分部", parent_id=group, potential=Decimal(200))
    grandchild = new_account(db, name="上海办事处", parent_id=child)
    with pytest.raises(ValidationError) as caught, unit_of_work(db.sessions, None) as uow:
        accounts.update_account(uow, group, {"parent_id": grandchild})
    assert caught.value.errors == {"parent_id": "would make the group a loop"}
    with db.sessions() as session:
        totals = accounts.group_totals(session, group)
        assert [r["name"] for r in accounts.children(session, group)] == ["华东分部"]
    assert (totals.accounts, totals.potential) == (3, Decimal("300.50"))


def _with_open_and_closed_work(db: Database, account_id: str, rep: str) -> None:
    with seeded(db.sessions, rep) as uow:
        start = NOW + dt.timedelta(days=2)
        uow.add(Visit(account_id=account_id, owner_id=rep, status="planned", planned_start=start))
        uow.add(Visit(account_id=account_id, owner_id=rep, status="done", planned_start=NOW))
        uow.add(Task(account_id=account_id, owner_id=rep, title="寄样品", status="open"))
        uow.add(
            Quote(
                account_id=account_id,
                owner_id=rep,
                number="Q-1",
                status="sent",
                issued_on=NOW.date(),
                valid_until=NOW.date(),
            )
        )
        uow.add(Complaint(account_id=account_id, owner_id=rep, title="延迟", opened_at=NOW))
        uow.add(Contact(account_id=account_id, name="赵敏"))


def test_handover_moves_accounts_and_open_work_with_a_reason(db: Database) -> None:
    manager = make_user(db, "wangfang", "manager")
    old_rep, new_rep = make_user(db, "lijun"), make_user(db, "sunhao")
    first = new_account(db, name="一号客户有限公司", owner_id=old_rep)
    second = new_account(db, name="二号客户有限公司", owner_id=old_rep)
    _with_open_and_closed_work(db, first, old_rep)
    with unit_of_work(db.sessions, manager, reason="李军调岗") as uow:
        result = accounts.handover(uow, [first, second], new_rep)
    assert result == accounts.HandoverResult(
        accounts=2, visits=1, tasks=1, quotes=1, complaints=1, opportunities=0
    )
    with db.sessions() as session:
        owners = {r.status: r.owner_id for r in session.query(Visit)}
        assert owners == {"planned": new_rep, "done": old_rep}  # done work keeps its rep
        assert accounts.account_ids(session, AccountQuery(owner_id=new_rep)) != []
        entry = next(e for e in accounts.history(session, first) if e.field == "owner_id")
    assert (entry.old_value, entry.new_value, entry.reason) == (old_rep, new_rep, "李军调岗")
    assert entry.changed_by == "Wangfang"


def test_only_a_manager_hands_over_and_must_say_why(db: Database) -> None:
    rep, other = make_user(db, "lijun"), make_user(db, "sunhao")
    manager = make_user(db, "wangfang", "manager")
    account_id = new_account(db, owner_id=rep)
    with pytest.raises(PermissionDeniedError), unit_of_work(db.sessions, rep, reason="x") as uow:
        accounts.handover(uow, [account_id], other)
    with pytest.raises(ValidationError), unit_of_work(db.sessions, manager) as uow:
        accounts.handover(uow, [account_id], other)


def _pool_policy(db: Database, limit: int) -> None:
    with unit_of_work(db.sessions, None) as uow:
        uow.add(Policy(key="pool", value={"claim_limit": limit, "return_days": {"C": 30}}))


def test_claim_respects_the_limit_and_refuses_a_taken_account(db: Database) -> None:
    _pool_policy(db, 1)
    rep, other = make_user(db, "lijun"), make_user(db, "sunhao")
    first, second = new_account(db, name="公海一有限公司"), new_account(db, name="公海二有限公司")
    with unit_of_work(db.sessions, rep) as uow:
        pool.claim(uow, first, rep)
    with (
        pytest.raises(pool.ClaimError, match="already belongs to Lijun"),
        unit_of_work(db.sessions, other) as uow,
    ):
        pool.claim(uow, first, other)
    with (
        pytest.raises(pool.ClaimError, match="already hold 1"),
        unit_of_work(db.sessions, rep) as uow,
    ):
        pool.claim(uow, second, rep)
    with unit_of_work(db.sessions, rep) as uow:
        pool.release(uow, first)
        pool.claim(uow, second, rep)


def test_neglected_accounts_warn_a_week_before_then_return(db: Database) -> None:
    _pool_policy(db, 10)
    rep = make_user(db, "lijun")
    claimed_at = NOW - dt.timedelta(days=25)
    with unit_of_work(db.sessions, rep, now=lambda: claimed_at) as uow:
        account_id = accounts.create_account(
            uow, {"name": "冷门有限公司", "tier": "C"}, to_pool=True
        )
        pool.claim(uow, account_id, rep)
    with db.sessions() as session:
        (warning,) = pool.due_soon(session, NOW, owner_ids=[rep])
        assert warning.days_left(NOW) == 5
    with unit_of_work(db.sessions, rep, now=lambda: NOW) as uow:
        assert pool.return_neglected(uow) == []
    later = NOW + dt.timedelta(days=6)
    with unit_of_work(db.sessions, None, now=lambda: later) as uow:
        assert pool.return_neglected(uow) == [account_id]
    with db.sessions() as session:
        assert accounts.get_account(session, account_id)["owner_id"] is None


def test_a_backlog_goes_back_to_the_pool_in_batches_most_overdue_first(db: Database) -> None:
    _pool_policy(db, 10)
    rep = make_user(db, "lijun")
    ids = []
    for days in (40, 60, 50):
        with unit_of_work(db.sessions, rep, now=lambda d=days: NOW - dt.timedelta(days=d)) as uow:
            ids.append(
                accounts.create_account(uow, {"name": f"冷门{days}有限公司", "owner_id": rep})
            )
    with unit_of_work(db.sessions, None, now=lambda: NOW) as uow:
        assert pool.return_neglected(uow, limit=2) == [ids[1], ids[2]]
    with unit_of_work(db.sessions, None, now=lambda: NOW) as uow:
        assert pool.return_neglected(uow, limit=2) == [ids[0]]


def test_a_visit_resets_the_return_clock(db: Database) -> None:
    _pool_policy(db, 10)
    rep = make_user(db, "lijun")
    old = NOW - dt.timedelta(days=40)
    with unit_of_work(db.sessions, rep, now=lambda: old) as uow:
        account_id = accounts.create_account(uow, {"name": "常客有限公司", "owner_id": rep})
    with unit_of_work(db.sessions, rep) as uow:
        uow.add(
            Visit(
                account_id=account_id,
                status="done",
                report="谈了续约",
                planned_start=NOW - dt.timedelta(days=2),
            )
        )
    with unit_of_work(db.sessions, None, now=lambda: NOW) as uow:
        assert pool.return_neglected(uow) == []


def test_contacts_primary_is_unique_and_fields_validated(db: Database) -> None:
    account_id = new_account(db)
    with unit_of_work(db.sessions, None) as uow:
        first = contacts.create_contact(uow, account_id, {"name": "王芳", "is_primary": True})
        contacts.create_contact(
            uow, account_id, {"name": "李军", "is_primary": True, "role": "decision_maker"}
        )
    with pytest.raises(ValidationError) as caught, unit_of_work(db.sessions, None) as uow:
        contacts.create_contact(uow, account_id, {"name": "", "email": "wang@", "mobile": "abc"})
    assert set(caught.value.errors) == {"name", "email", "mobile"}
    with db.sessions() as session:
        listed = contacts.list_contacts(session, account_id)
    assert [(c["name"], c["is_primary"]) for c in listed] == [("李军", True), ("王芳", False)]
    assert first in {c["id"] for c in listed}


def test_attachments_are_stored_once_by_hash_and_size_limited(
    db: Database, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = new_account(db)
    scan = tmp_path / "营业执照.pdf"
    scan.write_bytes(b"%PDF-1.4 licence")
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(scan.read_bytes())
    root = attachments.store_root(data_dir)
    with unit_of_work(db.sessions, None) as uow:
        first = attachments.attach(
            uow,
            root,
            scan,
            parent_entity="account",
            parent_id=account_id,
            account_id=account_id,
            kind="business_licence",
        )
        attachments.attach(
            uow, root, copy, parent_entity="account", parent_id=account_id, account_id=account_id
        )
    assert len(list(root.rglob("*"))) == 2  # one folder, one file
    with db.sessions() as session:
        assert attachments.file_of(session, root, first).read_bytes() == b"%PDF-1.4 licence"
        listed = attachments.list_attachments(session, "account", account_id)
    assert [a["filename"] for a in listed] == ["营业执照.pdf", "copy.pdf"]
    monkeypatch.setattr(attachments, "MAX_BYTES", 4)
    with (
        pytest.raises(ValidationError, match="at most 0 MB"),
        unit_of_work(db.sessions, None) as uow,
    ):
        attachments.attach(
            uow, root, scan, parent_entity="account", parent_id=account_id, account_id=account_id
        )


def test_a_new_account_belongs_to_its_creator_unless_put_in_the_pool(db: Database) -> None:
    from desktop.domain.services import accounts as service
    from tests.visits_data import add_user

    rep = add_user(db)
    with unit_of_work(db.sessions, rep) as uow:
        mine = service.create_account(uow, {"name": "宁波东港物流有限公司"})
        pooled = service.create_account(uow, {"name": "温州瓯江阀门有限公司"}, to_pool=True)
    with db.sessions() as session:
        assert service.get_account(session, mine)["owner_id"] == rep
        assert service.get_account(session, pooled)["owner_id"] is None


def test_a_mobile_number_in_china_has_eleven_digits(db: Database) -> None:
    account = new_account(db)
    for wrong in ("1381234567", "12800138000", "138001380001"):
        with pytest.raises(ValidationError) as caught, unit_of_work(db.sessions, None) as uow:
            contacts.create_contact(uow, account, {"name": "王芳", "mobile": wrong})
        assert set(caught.value.errors) == {"mobile"}
    with unit_of_work(db.sessions, None) as uow:
        for right in ("13800138000", "138 0013 8000", "+86 139-1234-5678", "+1 415 555 0100"):
            contacts.create_contact(uow, account, {"name": "王芳", "mobile": right})


def test_a_pasted_spreadsheet_row_becomes_one_line_in_a_one_line_field(db: Database) -> None:
    with unit_of_work(db.sessions, None) as uow:
        account = accounts.create_account(
            uow,
            {
                "name": "华为\t技术有限公司\r\n",
                "address": "深圳市\t龙岗区",
                "notes": "第一行\n第二行",
            },
        )
    with db.sessions() as session:
        saved = accounts.get_account(session, account)
    assert (saved["name"], saved["address"]) == ("华为 技术有限公司", "深圳市 龙岗区")
    assert saved["notes"] == "第一行\n第二行"  # a many-line field keeps its lines
