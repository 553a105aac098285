"""Today and the meeting pack count visit coverage by the same rule: an account Today
lists as overdue is exactly one the meeting pack counts as not covered."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from openpyxl import load_workbook

from desktop.domain.services import today
from desktop.reports.meeting_pack import build_meeting_pack
from desktop.store.migrate import Database
from tests.visits_data import add_account, add_user, at, done_visit

NOW = at("2026-05-20", "09:00")


def test_today_and_the_meeting_pack_agree_on_coverage(db: Database, tmp_path: Path) -> None:
    rep = add_user(db)
    visited = {
        "A, visited 10 days ago": ("A", "active", "2026-05-10"),
        "A, visited 31 days ago": ("A", "active", "2026-04-19"),
        "A, dormant, 60 days ago": ("A", "dormant", "2026-03-21"),
        "B, prospect, 80 days ago": ("B", "prospect", "2026-03-01"),
        "B, 100 days ago": ("B", "active", "2026-02-09"),
        "C, 150 days ago": ("C", "active", "2025-12-21"),
    }
    for name, (tier, status, day) in visited.items():
        account = add_account(db, name, tier=tier, owner_id=rep, status=status)
        done_visit(db, account, rep, at(day))
    add_account(db, "B, prospect, never visited", tier="B", owner_id=rep, status="prospect")
    add_account(db, "C, new this week", tier="C", owner_id=rep, created=at("2026-05-18"))
    add_account(db, "A, lost", tier="A", owner_id=rep, status="lost")

    with db.sessions() as session:
        view = today.build(session, rep, NOW, coverage_limit=100)
        build_meeting_pack(session, tmp_path / "pack.xlsx", "2026-Q2", now=NOW)
    overdue = Counter(
        i.detail for i in view.items if i.section == "coverage" and i.status == "overdue"
    )
    sheet = load_workbook(tmp_path / "pack.xlsx")["Visits"]
    pack = {row[0]: row[1:4] for row in sheet.iter_rows(min_row=2, values_only=True)}

    assert pack == {"A": (30, 3, 1), "B": (90, 3, 1), "C": (182, 2, 2)}
    for tier, (_, accounts, covered) in pack.items():
        assert accounts - covered == overdue[tier], tier
