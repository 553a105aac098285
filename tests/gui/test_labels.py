"""Words for stored codes are written once and read the same on every screen, and the
import wizard's column mapping speaks the user's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.domain.models import (
    COMPLAINT_CATEGORIES,
    COMPLAINT_SEVERITIES,
    COMPLAINT_STATUSES,
    OPPORTUNITY_STAGES,
)
from desktop.reports.labels import ZH_CN
from desktop.ui.labels import complaint_label, stage_label
from desktop.ui.testing import screenshot


def test_screen_words_match_the_workbooks_chinese(chinese: None) -> None:
    codes = [*COMPLAINT_CATEGORIES, *COMPLAINT_SEVERITIES, *COMPLAINT_STATUSES]
    assert {c: complaint_label(c) for c in codes} == {c: ZH_CN[c] for c in codes}
    assert {s: stage_label(s) for s in OPPORTUNITY_STAGES} == {
        s: ZH_CN[s] for s in OPPORTUNITY_STAGES
    }
    for state in ("on_track", "near_breach", "breached", "met", "missed"):
        assert complaint_label(state) == ZH_CN[state]


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


def test_import_mapping_form_in_chinese(
    qtbot: Any, chinese: None, main_window: Any, tmp_path: Path
) -> None:
    page = main_window.show_page("reports")
    page.tabs.setCurrentIndex(2)
    tab = page.importer
    source = tmp_path / "contacts.csv"
    source.write_text("电话,备注\n13812345678,x\n", encoding="utf-8")
    tab.kind.setCurrentIndex(tab.kind.findData("contacts"))
    tab.open_file(source)
    qtbot.waitUntil(lambda: tab.preview is not None, timeout=10000)
    labels = [
        tab.mapping_form.itemAt(row, tab.mapping_form.ItemRole.LabelRole).widget().text()
        for row in range(tab.mapping_form.rowCount())
    ]
    assert all(isinstance(w, str) for w in labels)
    assert labels[:3] == ["客户 *", "名称 *", "职务"]
    assert "微信" in labels
    assert "客户" in tab.summary.text()  # "choose a column for: 客户, 名称"
    main_window.resize(1300, 800)
    screenshot(main_window, "reports_import_mapping_zh_CN")
    assert isinstance(
        tab.mapping_form.itemAt(0, tab.mapping_form.ItemRole.LabelRole).widget(), QLabel
    )
