"""The one account picker as a rep uses it: pinyin initials typed, Enter picks the only
match (nothing is pre-selected); the new quote gets the account's primary contact; the
complaint dialog and the visit planner use the same picker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.domain.models import Account, Complaint, Quote
from desktop.store.migrate import Database
from desktop.ui.account_picker import AccountPickerDialog
from desktop.ui.context import AppContext
from desktop.ui.testing import screenshot
from tests.visits_data import add_account, add_contact, add_user, page_context

QINGHAI = "青海城市燃气有限公司"


@pytest.fixture
def ctx(qapp: object, data_dir: Path, db: Database) -> Iterator[AppContext]:
    rep = add_user(db, signed_in=True)
    context = page_context(db, data_dir, rep, "张伟", "rep")
    add_contact(db, add_account(db, QINGHAI, owner_id=rep), "马海")
    add_account(db, "上海华测电子有限公司", owner_id=rep)
    add_account(db, "青岛海川设备有限公司", owner_id=rep)
    yield context
    context.tasks.wait_idle()
    context.tasks.shutdown()


def qinghai_id(ctx: AppContext) -> str:
    with ctx.db.sessions() as session:
        return str(session.scalars(select(Account.id).where(Account.name == QINGHAI)).one())


def open_dialog(qtbot: Any) -> AccountPickerDialog:
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AccountPickerDialog))
    qtbot.waitUntil(lambda: len(dialog.picker.model.choices) == 3)
    return dialog


def test_a_new_quote_for_an_account_typed_in_pinyin_initials(qtbot: Any, ctx: AppContext) -> None:
    from desktop.ui.pages.quotes import QuotesPage

    page = QuotesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activate()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot)
    picker = dialog.picker
    # Nothing is chosen for the user: Enter on an empty search starts no quote.
    assert picker.list.currentIndex().row() == -1
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(picker.search, "qhcs")
    qtbot.waitUntil(lambda: [c.name for c in picker.model.choices] == ["青海城市燃气有限公司"])
    screenshot(dialog, "account_picker_en")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: page.editor.view is not None)
    assert page.editor.view is not None
    quote = page.editor.view.quote
    assert quote["account_id"] == qinghai_id(ctx)
    with ctx.db.sessions() as session:
        row = session.get(Quote, quote["id"])
        assert row is not None
        assert row.contact_id is not None
    qtbot.waitUntil(lambda: page.editor.contact.currentText() == "马海")


def test_down_then_enter_picks_in_the_visit_planner_and_typing_a_new_name_picks_again(
    qtbot: Any, ctx: AppContext
) -> None:
    from desktop.ui.pages.visits import VisitsPage

    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    dialog = page.plan_visit()
    picker = dialog.picker
    qtbot.keyClicks(picker.search, "qingdao")
    qtbot.waitUntil(lambda: len(picker.model.choices) == 1)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.account_id is not None)
    assert dialog.isVisible()
    assert not dialog.warning.isVisible()
    assert picker.chosen_label.text() == "Account: 青岛海川设备有限公司"
    picker.search.clear()
    qtbot.keyClicks(picker.search, "qhcs")
    qtbot.keyClick(picker.search, Qt.Key.Key_Enter)  # before or after the results: it picks
    qtbot.waitUntil(lambda: dialog.account_id == qinghai_id(ctx))
    # The primary contact is ticked for the visit.
    qtbot.waitUntil(lambda: len(dialog.contacts.checked) == 1)
    assert dialog.isVisible()
    dialog.reject()


def test_a_complaint_is_logged_for_the_account_picked(qtbot: Any, ctx: AppContext) -> None:
    from desktop.ui.pages.complaints import ComplaintDialog, ComplaintsPage

    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ComplaintDialog))
    qtbot.keyClicks(dialog.title, "Late delivery")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.error.text() == "Choose the account from the list"
    qtbot.keyClicks(dialog.account.search, "huace")
    qtbot.waitUntil(lambda: len(dialog.account.model.choices) == 1)
    qtbot.keyClick(dialog.account.search, Qt.Key.Key_Return)
    assert dialog.error.text() == ""  # the error goes once it is fixed
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    ctx.tasks.wait_idle()
    with ctx.db.sessions() as session:
        [row] = session.query(Complaint).all()
        assert row.title == "Late delivery"
