"""Words for stored codes are written once and read the same on every screen, and the
import wizard's column mapping speaks the user's language."""

from __future__ import annotations

from typing import Any

from desktop.domain.models import (
    ACCOUNT_STATUSES,
    COMPLAINT_CATEGORIES,
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATUSES,
    OPPORTUNITY_STAGES,
)
from desktop.reports.labels import ACCOUNT_STATUS_ZH_CN, ZH_CN, Labels
from desktop.ui.labels import complaint_label, stage_label


def test_screen_words_match_the_workbooks_chinese(chinese: None) -> None:
    codes = [*COMPLAINT_CATEGORIES, *COMPLAINT_SEVERITIES, *COMPLAINT_STATUSES]
    assert {c: complaint_label(c) for c in codes} == {c: ZH_CN[c] for c in codes}
    assert {s: stage_label(s) for s in OPPORTUNITY_STAGES} == {
        s: ZH_CN[s] for s in OPPORTUNITY_STAGES
    }
    for state in ("on_track", "near_breach", "breached", "met", "missed"):
        assert complaint_label(state) == ZH_CN[state]


def test_account_statuses_read_the_same_on_screen_and_in_workbooks(chinese: None) -> None:
    from desktop.ui.accounts.model import status_text

    words = {s: status_text(s) for s in ACCOUNT_STATUSES}
    assert words == ACCOUNT_STATUS_ZH_CN
    assert words["lost"] != stage_label("lost")  # a customer lost, not a deal lost
    assert Labels("en").account_status("dormant") == "Dormant"


def test_words_in_english(qapp: Any) -> None:
    assert complaint_label("in_progress") == "In progress"
    assert complaint_label("near_breach") == "Close to breach"
    assert complaint_label("none") == ""
    assert stage_label("negotiation") == "Negotiation"
    assert stage_label("unknown-code") == "unknown-code"


def test_complaints_page_and_account_tab_say_the_same_status(
    qtbot: Any, chinese: None, main_window: Any
) -> None:
    from desktop.ui.account_tabs import AccountComplaintsModel

    page = main_window.show_page("complaints")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    view = page.views[0]
    statuses = {page.model.index(r, 4).data() for r in range(page.model.rowCount())}
    model = AccountComplaintsModel(main_window.ctx)
    model.set_rows([view])
    assert model.index(0, model.STATUS).data() in statuses
    assert model.index(0, model.STATUS).data() == ZH_CN[view.status]
