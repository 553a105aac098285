"""Today's "Accounts at risk": a rep sees their own accounts whose health score is at
risk with the score and the first reason; a manager sees their team's, each naming its
rep; an account not at risk, or of another team, is not listed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.domain.health import at_risk
from desktop.store.migrate import Database
from tests.unit.test_today_team import DAY, NOW, Teams
from tests.visits_data import add_account


def _neglected(teams: Teams, owner: str, number: str) -> None:
    """Never visited, owed for a year, no orders since: 70 - 15 - 10 - 10 - 10 = 25."""
    teams.order(
        owner,
        number,
        order_date=DAY - dt.timedelta(days=400),
        payment_due=DAY - dt.timedelta(days=370),
    )


def test_a_rep_sees_their_at_risk_account_with_its_score_and_reason(db: Database) -> None:
    teams = Teams(db)
    _neglected(teams, teams.rep, "SO-1")
    _neglected(teams, teams.stranger, "SO-2")
    quiet = add_account(db, "苏州恒远精密机械有限公司", owner_id=teams.rep)  # 45: not at risk

    view = teams.build(teams.rep)
    assert quiet in {i.record_id for i in view.section("coverage")}  # due, yet not at risk
    [item] = view.section("at_risk")  # not the quiet account, nor another team's
    assert (item.record_id, item.title, item.detail) == (
        teams.account,
        "上海华测电子有限公司",
        "25",
    )
    assert at_risk(int(item.detail))
    assert item.reason is not None
    assert item.reason.code == "no_decision_maker"
    assert item.owner_name == ""


def test_a_manager_sees_the_teams_at_risk_accounts_naming_the_rep(db: Database) -> None:
    teams = Teams(db)
    _neglected(teams, teams.rep, "SO-1")
    _neglected(teams, teams.stranger, "SO-2")

    [item] = teams.build(teams.manager).section("at_risk")
    assert (item.record_id, item.owner_name) == (teams.account, "张伟")
    [other] = teams.build(teams.other_manager).section("at_risk")
    assert (other.record_id, other.owner_name) == (teams.far_account, "李军")
    assert teams.build(teams.colleague).section("at_risk") == []


def test_scores_come_from_the_health_cache_and_unscored_accounts_are_scored_live(
    db: Database,
) -> None:
    from sqlalchemy import delete, select, update

    from desktop.domain.models import AccountHealth

    teams = Teams(db)
    _neglected(teams, teams.rep, "SO-1")
    with db.sessions() as session:
        held = session.scalar(
            select(AccountHealth.score).where(AccountHealth.account_id == teams.account)
        )
    assert held == 25  # the write scored its account in the cache
    [from_cache] = teams.build(teams.rep).section("at_risk")

    with db.sessions() as session, session.begin():
        session.execute(delete(AccountHealth))  # e.g. a first download not yet scored
    [live] = teams.build(teams.rep).section("at_risk")
    assert (live.record_id, live.detail, live.reason) == (
        from_cache.record_id,
        from_cache.detail,
        from_cache.reason,
    )

    quiet = add_account(db, "苏州恒远精密机械有限公司", owner_id=teams.rep)
    with db.sessions() as session, session.begin():
        session.execute(
            update(AccountHealth).where(AccountHealth.account_id == quiet).values(score=12)
        )
    listed = [i.record_id for i in teams.build(teams.rep).section("at_risk")]
    assert listed == [quiet, teams.account]  # the cache's 12 is read, lowest first


def test_after_a_first_download_today_waits_for_the_full_pass_instead_of_scoring_all(
    db: Database, monkeypatch: Any
) -> None:
    from sqlalchemy import delete

    from desktop.domain.models import AccountHealth
    from desktop.domain.services import health_cache

    teams = Teams(db)
    _neglected(teams, teams.rep, "SO-1")
    with db.sessions() as session, session.begin():
        session.execute(delete(AccountHealth))
    monkeypatch.setattr(health_cache, "AT_ONCE", 0)  # "thousands" unscored
    assert teams.build(teams.rep).section("at_risk") == []
    with db.sessions() as session, session.begin():
        health_cache.refresh_all(session, NOW)
    [item] = teams.build(teams.rep).section("at_risk")
    assert item.record_id == teams.account
