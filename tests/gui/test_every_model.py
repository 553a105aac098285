"""Every item model of the app passes pytest-qt's ``qtmodeltester`` (Qt's own
QAbstractItemModelTester) with realistic rows: the window over the demo data with
every page shown and an account open (the models as the pages fill them), plus the
models that live in dialogs and wizards, filled the way those fill them. A model
class added to desktop/ui without a place here fails the test."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

import desktop.ui
from desktop.domain.models import Complaint, User
from desktop.domain.services import accounts, weekly
from desktop.domain.services.contract_links import Linked
from desktop.domain.services.sync_issues import Issue
from desktop.domain.uow import unit_of_work
from desktop.ui.pages import PAGES
from desktop.ui.sync.models import ConflictModel, RejectedModel
from desktop.ui.table_model import ChoiceModel, TableModel
from tests.gui import test_import_wizard as import_wizard


def model_classes() -> set[type[QAbstractItemModel]]:
    """Every concrete item model class defined in desktop.ui."""
    found: set[type[QAbstractItemModel]] = set()
    for info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, QAbstractItemModel)
                and cls.__module__ == module.__name__
                and cls is not TableModel  # the base: its subclasses say what to show
            ):
                found.add(cls)
    return found


def realistic_data(ctx: Any) -> str:
    """What the demo data lacks for every list to have rows: a rep's weekly report
    submitted this week, a change waiting to be sent. The account to open: one with
    complaints (so with visits, quotes and orders too)."""
    with ctx.db.sessions() as session:
        rep = session.scalar(select(User.id).where(User.role == "rep").order_by(User.username))
        account_id = session.scalar(select(Complaint.account_id).order_by(Complaint.id))
    monday = weekly.week_start(dt.datetime.now(ctx.zone).date())
    with unit_of_work(ctx.db.sessions, rep) as uow:
        report = weekly.save_draft(
            uow, rep, monday, summary="拜访 3 家客户，报价 2 份", next_week_plan="跟进华为报价"
        )
    with unit_of_work(ctx.db.sessions, rep) as uow:
        weekly.submit(uow, report)
    with unit_of_work(ctx.db.sessions, ctx.user_id) as uow:
        accounts.update_account(uow, account_id, {"phone": "021-5555 1234"})
    return str(account_id)


def window_models(
    qtbot: Any, window: Any, account_id: str, folder: Path
) -> list[QAbstractItemModel]:
    """Show every page (and an account with each of its tabs, a quote with its lines,
    the catalog, the weekly reports, an import preview); the models they filled."""
    ctx = window.ctx

    def settle() -> None:
        ctx.tasks.wait_idle()
        QApplication.processEvents()

    for key, *_ in PAGES:
        window.show_page(key)
        settle()
    accounts_page = window.show_page("accounts")
    accounts_page.open_account(account_id)
    qtbot.waitUntil(lambda: accounts_page.detail.account is not None)
    tabs = accounts_page.detail.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
    quotes_page = window.show_page("quotes")
    quotes_page.table.selectRow(0)
    qtbot.waitUntil(lambda: quotes_page.editor.lines.rowCount() > 0)
    for tab in (quotes_page.orders, quotes_page.catalog):
        quotes_page.tabs.setCurrentWidget(tab)
        settle()
    visits_page = window.show_page("visits")
    visits_page.tabs.setCurrentWidget(visits_page.weekly)
    settle()
    _rep, username = import_wizard._rep(window)
    import_wizard._open(qtbot, window, import_wizard._report(folder / "report.csv", username))
    settle()
    return [
        model
        for model in window.findChildren(QAbstractItemModel)
        if type(model).__module__.startswith("desktop.ui.")
    ]


def dialog_models(ctx: Any) -> list[QAbstractItemModel]:
    """Models of dialogs not open here, filled as the dialogs fill them."""
    picker = ChoiceModel()
    with ctx.db.sessions() as session:
        picker.set_choices([(c.id, c.name) for c in accounts.pick_accounts(session, "")])
    now = dt.datetime.now(dt.UTC)
    issue = Issue(
        id=1,
        kind="conflict",
        entity="account",
        row_id="a1",
        record_name="华为技术有限公司",
        field="phone",
        mine="0755-2878 0808",
        theirs="0755-2878 9999",
        current="0755-2878 0808",
        reason="changed on the server meanwhile",
        changed_by="王芳",
        changed_at=now,
        state="open",
        created_at=now,
        record_exists=True,
    )
    conflicts = ConflictModel(ctx.zone)
    conflicts.set_rows([issue])
    rejected = RejectedModel(ctx.zone)
    rejected.set_rows(
        [
            replace(issue, id=2, kind="rejected", field=None, reason="no_access"),
            replace(issue, id=3, kind="rejected", field="discount_pct", reason="value_rule"),
        ]
    )
    from desktop.domain.services import competitors, contracts, receivables
    from desktop.ui.pipeline.competitors import CompetitorsModel
    from desktop.ui.pipeline.contract_detail import LinkedModel
    from desktop.ui.pipeline.contracts_tab import ContractsModel
    from desktop.ui.receivables.account_tab import InstalmentsModel

    competitor_list = CompetitorsModel()  # Pipeline → Competitors…
    contract_list = ContractsModel()  # an account's Contracts tab, every account's here
    with ctx.db.sessions() as session:
        competitor_list.set_rows(competitors.list_competitors(session))
        contract_list.set_rows(contracts.list_contracts(session, dt.date.today()))
        instalments = InstalmentsModel()  # an account's Receivables tab, every account's here
        instalments.set_rows(receivables.ledger(session, dt.date.today()).lines)
    linked = LinkedModel()  # a contract's window: its quotes and orders
    linked.set_rows(
        [
            Linked("quote", "q1", "Q-2026-ZW-0001 A", "accepted", D("85880.00")),
            Linked("order", "o1", "SO-2026-000001", "partial", D("85880.00")),
        ]
    )
    return [picker, conflicts, rejected, competitor_list, contract_list, instalments, linked]


def test_every_model_passes_the_model_tester(
    qtbot: Any, qtmodeltester: Any, main_window: Any, tmp_path: Path
) -> None:
    account_id = realistic_data(main_window.ctx)
    checked: dict[type, int] = {}
    for model in window_models(qtbot, main_window, account_id, tmp_path) + dialog_models(
        main_window.ctx
    ):
        if model.rowCount() == 0:
            continue
        qtmodeltester.check(model)
        checked[type(model)] = checked.get(type(model), 0) + model.rowCount()
    missing = {cls.__name__ for cls in model_classes()} - {cls.__name__ for cls in checked}
    assert not missing, f"models never checked with rows: {sorted(missing)}"
