"""The pre-visit briefing: the right facts, and a PDF whose text (pdftotext) carries
the Chinese account name and the last call report's notes."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.domain.models import Complaint, Quote
from desktop.reports.briefing import collect, render_html
from desktop.store.migrate import Database
from tests.programs import pdftotext
from tests.seed import seeded
from tests.visits_data import add_account, add_contact, add_user, at, done_visit, plan


@pytest.fixture
def account_with_history(db: Database) -> tuple[str, str]:
    rep = add_user(db)
    account = add_account(db, "上海华测电子有限公司", owner_id=rep)
    add_contact(db, account, "李明", "decision_maker")
    add_contact(db, account, "王强", "user")
    done_visit(db, account, rep, at("2026-01-05"), notes="第一次拜访，了解需求")
    done_visit(db, account, rep, at("2026-01-20"), notes="演示样机，客户反馈良好")
    done_visit(db, account, rep, at("2026-02-03"), notes="讨论价格")
    done_visit(db, account, rep, at("2026-02-20"), notes="客户确认二季度采购三百台")
    visit = plan(db, account, rep, at("2026-03-02", "09:30"), purpose="商务谈判")
    with seeded(db.sessions, rep) as uow:
        uow.add(
            Quote(
                number="Q-2026-R01-0007",
                account_id=account,
                owner_id=rep,
                status="sent",
                total=Decimal("125000.50"),
                valid_until=dt.date(2026, 3, 15),
            )
        )
        uow.add(
            Quote(
                number="Q-2025-R01-0001",
                account_id=account,
                owner_id=rep,
                status="accepted",
                total=Decimal("1"),
            )
        )
        uow.add(
            Complaint(
                account_id=account,
                title="交货延迟两周",
                severity="high",
                status="open",
                opened_at=at("2026-02-25"),
            )
        )
    return account, visit


def test_briefing_holds_the_last_three_reports_and_open_items(
    db: Database, account_with_history: tuple[str, str]
) -> None:
    account, visit = account_with_history
    with db.sessions() as session:
        briefing = collect(session, account, visit_id=visit, today=dt.date(2026, 3, 1))
    assert briefing.account_name == "上海华测电子有限公司"
    assert [r.notes for r in briefing.reports] == [
        "客户确认二季度采购三百台",
        "讨论价格",
        "演示样机，客户反馈良好",
    ]
    assert [c[0] for c in briefing.contacts] == ["李明", "王强"]
    assert [q[0] for q in briefing.quotes] == ["Q-2026-R01-0007 A"]
    assert [c[0] for c in briefing.complaints] == ["交货延迟两周"]
    assert briefing.visit == "2026-03-02 09:30 · 商务谈判"
    html = render_html(briefing)
    assert "¥125,000.50" in html
    assert "<script" not in render_html(
        type(briefing)(**{**briefing.__dict__, "account_name": "<script>x</script>"})
    )


def test_briefing_pdf_text_has_the_chinese_name_and_last_notes(
    qapp: object, db: Database, account_with_history: tuple[str, str], tmp_path: Path
) -> None:
    from desktop.ui.pdf import render_pdf

    account, visit = account_with_history
    with db.sessions() as session:
        briefing = collect(session, account, visit_id=visit)
    path = render_pdf(render_html(briefing), tmp_path / "briefing.pdf", "briefing")
    text = subprocess.run(
        [pdftotext(), str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = "".join(text.split())
    assert "上海华测电子有限公司" in flat
    assert "客户确认二季度采购三百台" in flat
    assert text.count("\f") == 1  # one page


def test_missing_file_items_are_worded_not_raw_field_names(
    db: Database, account_with_history: tuple[str, str]
) -> None:
    account, visit = account_with_history
    with db.sessions() as session:
        briefing = collect(session, account, visit_id=visit)
    # An A account with two contacts, no credit code, no business licence.
    html = render_html(briefing)
    assert "Credit code filled in" in html
    assert "At least 3 contacts" in html
    assert "Business licence attached" in html
    assert "credit_code" not in html
    assert "business_licence" not in html


def test_stakeholder_gaps_of_the_tier_rule_are_listed(
    qapp: object, db: Database, account_with_history: tuple[str, str], tmp_path: Path
) -> None:
    """An A account wants a decision maker and a finance contact met within 90 days:
    its decision maker attended none of the visits, and nobody is in finance."""
    from desktop.ui.pdf import render_pdf

    account, visit = account_with_history
    with db.sessions() as session:
        briefing = collect(session, account, visit_id=visit, now=at("2026-03-01"))
    assert [(g.role, g.state, g.days) for g in briefing.gaps] == [
        ("decision_maker", "not_met", 90),
        ("finance", "missing", 90),
    ]
    path = render_pdf(render_html(briefing), tmp_path / "briefing.pdf", "briefing")
    text = subprocess.run(
        [pdftotext(), str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Stakeholder gaps" in text
    assert "Missing: decision maker (not met within 90 days)" in text
    assert "Missing: finance (nobody in this role)" in text
