"""Export what you see: every list writes its visible columns, in their on-screen
order, with its filter and sort and all matching rows, as typed cells."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.domain.services import accounts
from desktop.reports.xlsx import MONEY_FORMAT
from desktop.ui.export_view import ListExport, visible_columns
from desktop.ui.testing import screenshot

TIMEOUT = 20_000


def read_sheet(path: Path) -> tuple[list[str], list[list[Any]], list[list[Any]]]:
    """Headers, values and number formats of the first sheet."""
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows())
    headers = [c.value for c in rows[0]]
    values = [[c.value for c in row] for row in rows[1:]]
    formats = [[c.number_format for c in row] for row in rows[1:]]
    workbook.close()
    return headers, values, formats


def shown_headers(export: ListExport) -> list[str]:
    model = export.view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in visible_columns(export.view)]


def run_export(qtbot: Any, export: ListExport, path: Path) -> None:
    with qtbot.waitSignal(export.finished, timeout=TIMEOUT):
        export.export_to(path)


@pytest.fixture
def accounts_page(qtbot: Any, main_window: Any, monkeypatch: Any) -> Any:
    # Small pages, so the list has fetched only part of its rows when we export.
    monkeypatch.setattr("desktop.ui.accounts.model.PAGE_SIZE", 5)
    main_window.resize(900, 500)
    page = main_window.show_page("accounts")
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=TIMEOUT)
    return page


def test_accounts_export_has_the_visible_columns_in_order_and_every_filtered_row(
    qtbot: Any, accounts_page: Any, tmp_path: Path
) -> None:
    page = accounts_page
    header = page.table.horizontalHeader()
    # Hide City, show Potential, and drag Potential to the front.
    page.table.set_column_visible(8, False)  # city
    page.table.set_column_visible(10, True)  # potential
    header.moveSection(header.visualIndex(10), 0)
    # Filter: active accounts; sort by potential, largest first.
    page.filters.status_filter.setCurrentIndex(page.filters.status_filter.findData("active"))
    qtbot.waitUntil(lambda: page.query.statuses == ("active",), timeout=TIMEOUT)
    page._on_header_clicked(10)
    page._on_header_clicked(10)
    assert page.query.sort == "potential"
    assert page.query.descending
    with page.ctx.db.sessions() as s:
        ids = accounts.account_ids(s, page.query)
        rows = accounts.account_rows(s, ids)
    qtbot.waitUntil(lambda: page.model.ids() == ids, timeout=TIMEOUT)
    assert 5 < len(ids) < 40
    assert len(page.model._rows) < len(ids)  # the list has not fetched every row yet

    path = tmp_path / "accounts.xlsx"
    run_export(qtbot, page.export, path)

    headers, values, formats = read_sheet(path)
    assert headers == shown_headers(page.export)
    assert headers[:3] == ["Potential", "Name", "Short name"]
    assert "City" not in headers
    assert "Province" not in headers
    assert [v[1] for v in values] == [rows[i].name for i in ids]
    potentials = [v[0] for v in values]
    assert potentials == [
        None if rows[i].potential is None else pytest.approx(float(rows[i].potential)) for i in ids
    ]
    assert all(f[0] == MONEY_FORMAT for f, p in zip(formats, potentials, strict=True) if p)
    assert isinstance(potentials[0], int | float)  # a number, not "¥1,234.00"
    status = headers.index("Status")
    assert {v[status] for v in values} == {"Active"}
    assert "Exported" in page.window().statusBar().currentMessage()


def test_export_in_chinese_has_chinese_headers(
    qtbot: Any, chinese: None, main_window: Any, tmp_path: Path
) -> None:
    page = main_window.show_page("complaints")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=TIMEOUT)
    path = tmp_path / "投诉.xlsx"
    run_export(qtbot, page.export, path)
    headers, values, _ = read_sheet(path)
    assert headers[:2] == ["客户", "标题"]
    assert len(values) == page.proxy.rowCount()
    assert page.export.button.text() == "导出到 Excel…"
    main_window.resize(1200, 700)
    screenshot(main_window, "complaints_export_zh_CN")


def test_cancel_leaves_no_file(
    qtbot: Any, accounts_page: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    page = accounts_page
    release = threading.Event()
    real = accounts.account_rows

    def slow_rows(session: Any, ids: Any) -> Any:
        if threading.current_thread().name.startswith("fb-job"):
            release.wait(TIMEOUT / 1000)  # the export waits here until the user cancelled
        return real(session, ids)

    monkeypatch.setattr(accounts, "account_rows", slow_rows)
    out = tmp_path / "out"
    out.mkdir()
    path = out / "cancelled.xlsx"
    page.export.export_to(path)
    dialog = page.export.dialog
    assert dialog is not None
    assert dialog.isVisible()
    screenshot(dialog, "export_progress_en")
    with qtbot.waitSignal(page.export.failed, timeout=TIMEOUT) as failed:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        release.set()
    assert failed.args == [""]
    assert not path.exists()
    assert list(out.iterdir()) == []  # no partial file either
    assert "cancelled" in page.window().statusBar().currentMessage()
    assert page.export.button.isEnabled()


def test_ctrl_e_asks_for_a_file_and_remembers_the_folder(
    qtbot: Any, accounts_page: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    page = accounts_page
    asked: list[str] = []
    folder = tmp_path / "exports"
    folder.mkdir()

    def answer(parent: Any, caption: str, directory: str, filter: str) -> tuple[str, str]:
        asked.append(directory)
        return str(folder / "mine"), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    page.search.setFocus()
    with qtbot.waitSignal(page.export.finished, timeout=TIMEOUT):
        page.export.action.trigger()
    assert (folder / "mine.xlsx").exists()
    assert page.export.action.shortcut().toString() == "Ctrl+E"
    assert page.export.action in page.table.actions()  # in the table's context menu
    with qtbot.waitSignal(page.export.finished, timeout=TIMEOUT):
        page.export.ask()
    assert Path(asked[1]).parent == folder  # the second time it starts where we saved
    assert Path(asked[1]).name.startswith("Accounts ")


def test_complaints_export_follows_the_sort_and_writes_typed_cells(
    qtbot: Any, main_window: Any, tmp_path: Path
) -> None:
    page = main_window.show_page("complaints")
    page.scope.setCurrentIndex(page.scope.findData(False))  # all, closed ones too
    qtbot.waitUntil(lambda: page.model.rowCount() > 3, timeout=TIMEOUT)
    header = page.view.horizontalHeader()
    page.view.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # age, oldest first
    header.setSectionHidden(1, True)  # title
    header.moveSection(header.visualIndex(7), 0)  # age to the front
    path = tmp_path / "complaints.xlsx"
    run_export(qtbot, page.export, path)

    headers, values, _ = read_sheet(path)
    assert headers == [
        "Age (days)",
        "Account",
        "Category",
        "Severity",
        "Status",
        "Opened",
        "SLA due",
        "SLA",
    ]
    by_id = {v.id: v for v in page.views}
    expected = [
        by_id[page.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)]
        for r in range(page.proxy.rowCount())
    ]
    assert [v[0] for v in values] == [e.age_days for e in expected]
    assert [v[0] for v in values] == sorted((v[0] for v in values), reverse=True)
    zone = main_window.ctx.zone
    for row, complaint in zip(values, expected, strict=True):
        local = complaint.opened_at.astimezone(zone).replace(tzinfo=None)
        assert abs(row[5] - local) < dt.timedelta(seconds=1)  # a date-time in the user's zone


def test_quotes_export_reads_every_page_of_the_filtered_list(
    qtbot: Any, main_window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr("desktop.ui.export_view.EXPORT_PAGE", 3)
    page = main_window.show_page("quotes")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=TIMEOUT)
    total = page.model.total
    path = tmp_path / "quotes.xlsx"
    run_export(qtbot, page.export, path)
    headers, values, formats = read_sheet(path)
    # The laptop-width list: number, customer, status, total (what it shows).
    assert headers == ["Number", "Account", "Status", "Total"]
    assert len(values) == total
    assert [v[0] for v in values[: page.model.rowCount()]] == [r["number"] for r in page.model.rows]
    first = page.model.rows[0]
    assert values[0][3] == pytest.approx(float(first["total"]))
    assert formats[0][3] == MONEY_FORMAT


@pytest.mark.parametrize(
    ("key", "attribute"),
    [
        ("today", "export"),
        ("visits", "agenda_export"),
        ("targets", "export"),
        ("complaints", "export"),
    ],
)
def test_every_list_exports_what_it_shows(
    qtbot: Any, main_window: Any, tmp_path: Path, key: str, attribute: str
) -> None:
    page = main_window.show_page(key)
    export: ListExport = getattr(page, attribute)
    qtbot.waitUntil(lambda: not main_window.ctx.tasks.busy, timeout=TIMEOUT)
    path = tmp_path / f"{key}.xlsx"
    run_export(qtbot, export, path)
    headers, values, _ = read_sheet(path)
    assert headers == shown_headers(export)
    assert len(values) == export.view.model().rowCount()


def test_orders_products_and_dashboard_export_money_as_numbers(
    qtbot: Any, main_window: Any, tmp_path: Path
) -> None:
    quotes = main_window.show_page("quotes")
    quotes.tabs.setCurrentWidget(quotes.orders)
    qtbot.waitUntil(lambda: quotes.orders.model.rowCount() > 0, timeout=TIMEOUT)
    run_export(qtbot, quotes.orders.export, tmp_path / "orders.xlsx")
    headers, values, formats = read_sheet(tmp_path / "orders.xlsx")
    amount = headers.index("Amount")
    first = quotes.orders.model.rows[0]
    assert values[0][amount] == pytest.approx(float(first["amount"]))
    assert formats[0][amount] == MONEY_FORMAT
    assert isinstance(values[0][headers.index("Date")], dt.datetime)  # a real date cell

    quotes.tabs.setCurrentWidget(quotes.catalog)
    qtbot.waitUntil(lambda: quotes.catalog.model.rowCount() > 0, timeout=TIMEOUT)
    run_export(qtbot, quotes.catalog.export, tmp_path / "products.xlsx")
    headers, values, formats = read_sheet(tmp_path / "products.xlsx")
    price = headers.index("List price")
    assert values[0][price] == pytest.approx(float(quotes.catalog.model.rows[0]["list_price"]))
    assert formats[0][price] == MONEY_FORMAT
    assert len(values) == quotes.catalog.model.rowCount()

    reports = main_window.show_page("reports")
    dashboard = reports.dashboard
    qtbot.waitUntil(lambda: dashboard.model.rowCount() > 0, timeout=TIMEOUT)
    run_export(qtbot, dashboard.export, tmp_path / "dashboard.xlsx")
    headers, values, formats = read_sheet(tmp_path / "dashboard.xlsx")
    assert headers[:3] == ["Rep", "Target", "Actual"]
    target = dashboard.model.rows[0][1][1]
    assert values[0][1] == pytest.approx(float(target))
    assert formats[0][1] == MONEY_FORMAT
    assert isinstance(target, Decimal)


def test_account_tabs_export_their_lists(qtbot: Any, main_window: Any, tmp_path: Path) -> None:
    from desktop.domain.models import Complaint
    from desktop.ui.account_tabs import AccountComplaintsTab, AccountReceivablesTab
    from tests.gui.test_account_tabs import account_with, open_account, show_tab

    main_window.resize(1500, 900)
    account_id = account_with(main_window.ctx.db, Complaint)
    page = open_account(qtbot, main_window, account_id)
    tab = show_tab(qtbot, page, AccountComplaintsTab)
    assert tab.export.action.shortcut().isEmpty()  # the Accounts list keeps Ctrl+E
    path = tmp_path / "account-complaints.xlsx"
    run_export(qtbot, tab.export, path)
    headers, values, _ = read_sheet(path)
    assert headers == shown_headers(tab.export)
    assert len(values) == tab.model.rowCount()
    age = headers.index("Age (days)")
    assert [v[age] for v in values] == [r.age_days for r in tab.model.rows]
    assert isinstance(values[0][headers.index("Opened")], dt.datetime)

    tab = show_tab(qtbot, page, AccountReceivablesTab)
    run_export(qtbot, tab.export, tmp_path / "receivables.xlsx")
    headers, values, _ = read_sheet(tmp_path / "receivables.xlsx")
    assert headers == shown_headers(tab.export)
    assert len(values) == tab.model.rowCount()
