"""The quote editor: header, product picker, lines, live totals with 大写, guardrail
reasons at once, workflow buttons and the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.domain.capital import capital_amount
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.money import MoneyError, to_decimal
from desktop.domain.pricing import compute
from desktop.domain.rules import RuleViolation
from desktop.domain.rules.quotes import Guardrails, check
from desktop.domain.services import catalog, opportunities, quotes
from desktop.domain.services.quotes import QuoteView
from desktop.domain.services.records import Record
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.format import ERROR_STYLE, MessageLabel, money, show_as_error
from desktop.ui.labels import stage_label
from desktop.ui.layout import scrolled
from desktop.ui.pipeline.from_record import Prefill, new_opportunity
from desktop.ui.quotes.approval import ApprovalPanel
from desktop.ui.quotes.lost_deal import offer_lost
from desktop.ui.quotes.models import (
    LinesModel,
    decimal_text,
    reason_text,
    status_label,
)
from desktop.ui.rule_text import rule_text
from desktop.ui.table_model import ROW_ID_ROLE, ChoiceModel
from desktop.ui.tasks import TaskFailed


def error_text(error: BaseException) -> str:
    if isinstance(error, RuleViolation):
        return rule_text(error.code, error.params, "quote")
    if isinstance(error, ValidationError):
        return "; ".join(error.errors.values())
    readable = DomainError | MoneyError | TaskFailed  # their text is written for users
    return str(error) if isinstance(error, readable) else repr(error)


Loaded = tuple[QuoteView, Guardrails, list[tuple[str, str]], list[Record]]


def _load(session: Session, quote_id: str) -> Loaded:
    view = quotes.get_quote(session, quote_id)
    account_id = view.quote["account_id"]
    return (
        view,
        quotes.guardrails(session, account_id),
        quotes.contact_choices(session, account_id),
        opportunities.for_account(session, account_id),
    )


class QuoteEditor(QWidget):
    """One quote revision; read-only once sent or when an earlier revision."""

    changed = Signal(str)  # a quote id that was written (the list refreshes)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: QuoteView | None = None
        self.rules = Guardrails("", None)
        self.dirty = False
        self._loading = False
        self.actions: set[str] = set()
        self.lost_dialogs: list[Any] = []  # "Mark lost" offered after a rejection

        self.title = QLabel()
        self.title.setObjectName("quote-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.account_label = QLabel()
        self.revisions_label = QLabel()
        self.revisions_label.setStyleSheet("color: #666;")
        self.contact = QComboBox()
        self.opportunity = QComboBox()  # the account's opportunities; accepting wins it
        self.opportunity.setObjectName("quote-opportunity")
        for combo in (self.contact, self.opportunity):  # long names: no wider window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.valid_until = QDateEdit()
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd")
        self.discount = QLineEdit()
        self.discount.setObjectName("quote-discount")
        self.discount.setMaximumWidth(80)
        self.payment_terms = QLineEdit()
        self.delivery_terms = QLineEdit()
        self.competitors = QLineEdit()  # one name a line when saved
        self.competitors.setObjectName("quote-competitors")
        self.competitors.setPlaceholderText(self.tr("e.g. 西门子, ABB"))
        self.deal_competitors: dict[str, str] = {}
        fields = QWidget()  # the header's fields in two columns
        form, terms = QFormLayout(), QFormLayout()
        form.addRow(self.tr("Customer"), self.account_label)
        form.addRow(self.tr("Contact"), self.contact)
        self.new_opportunity = QPushButton(self.tr("New…"))
        self.new_opportunity.setObjectName("quote-new-opportunity")
        self.new_opportunity.setToolTip(self.tr("An opportunity filled in from this quote"))
        self.new_opportunity.clicked.connect(self.start_opportunity)
        deal_row = QHBoxLayout()
        deal_row.addWidget(self.opportunity, 1)
        deal_row.addWidget(self.new_opportunity)
        form.addRow(self.tr("Opportunity"), deal_row)
        form.addRow(self.tr("Valid until"), self.valid_until)
        terms.addRow(self.tr("Quote discount %"), self.discount)
        terms.addRow(self.tr("Payment terms"), self.payment_terms)
        terms.addRow(self.tr("Delivery terms"), self.delivery_terms)
        terms.addRow(self.tr("Competitors"), self.competitors)
        columns = QHBoxLayout(fields)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(form, 3)
        columns.addLayout(terms, 2)

        self.product_search = QLineEdit()
        self.product_search.setObjectName("product-search")
        self.product_search.setPlaceholderText(self.tr("Find a product by SKU, name or category…"))
        self.products = ChoiceModel(self)
        self.product_list = QListView()
        self.product_list.setModel(self.products)
        self.product_list.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("Add line"))
        self.remove_button = QPushButton(self.tr("Remove line"))

        self.lines = LinesModel(self)
        self.table = QTableView()
        self.table.setObjectName("quote-lines")
        self.table.setModel(self.lines)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LinesModel.ITEM, QHeaderView.ResizeMode.Stretch)

        self.totals_label = QLabel()
        self.totals_label.setObjectName("quote-totals")
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.capital_label = QLabel()
        self.capital_label.setObjectName("quote-capital")
        self.capital_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.commission_label = QLabel()
        self.commission_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.commission_label.setStyleSheet("color: #666;")
        self.reasons_label = MessageLabel()
        self.reasons_label.setObjectName("quote-reasons")
        self.reasons_label.setWordWrap(True)
        show_as_error(self.reasons_label)
        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        self.justification = QLineEdit()
        self.justification.setPlaceholderText(self.tr("Why the customer needs these terms"))
        self.note = QLineEdit()
        # Approve and return take their notes in the approval panel's dialog.
        self.note.setPlaceholderText(self.tr("Why the customer declined (optional)"))
        self.error_label = MessageLabel()
        self.error_label.setObjectName("quote-error")
        self.error_label.setWordWrap(True)
        show_as_error(self.error_label)

        self.buttons: dict[str, QPushButton] = {}
        button_row = QHBoxLayout()
        for key, text in (
            ("save", self.tr("Save")),
            ("request_approval", self.tr("Request approval")),
            ("send", self.tr("Mark as sent")),
            ("accept", self.tr("Accepted")),
            ("reject", self.tr("Rejected")),
            ("revise", self.tr("Revise")),
            ("pdf", self.tr("PDF…")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"quote-{key}")
            button.clicked.connect(lambda _=False, k=key: self.trigger(k))
            self.buttons[key] = button
            button.hide()  # a loaded quote shows the ones its status allows
            button_row.addWidget(button)
        button_row.addStretch(1)

        picker_row = QHBoxLayout()
        picker_row.addWidget(self.product_search, 1)
        picker_row.addWidget(self.add_button)
        picker_row.addWidget(self.remove_button)
        self.approval = ApprovalPanel(ctx)  # history; approve / return for its manager
        self.approval.decided.connect(self._after_decision)
        for decide in (self.approval.approve_button, self.approval.return_button):
            button_row.insertWidget(button_row.count() - 1, decide)  # actions stay in view
        self.approvals = QFormLayout()
        self.approvals.addRow(self.tr("Justification"), self.justification)
        self.approvals.addRow(self.tr("Decision note"), self.note)
        notes = QWidget()  # reasons, decisions and history beside the totals, scrolled
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.reasons_label, self.decision_label, self.approval):
            notes_layout.addWidget(widget)
        notes_layout.addLayout(self.approvals)
        notes_layout.addStretch(1)
        totals = QVBoxLayout()
        for label in (self.totals_label, self.capital_label, self.commission_label):
            totals.addWidget(label)
        totals.addStretch(1)
        bottom = QHBoxLayout()
        self.notes_area = scrolled(notes)
        bottom.addWidget(self.notes_area, 1)
        bottom.addLayout(totals)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addWidget(self.revisions_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        self.header_area = fields  # four rows in two columns: short enough to stay whole
        layout.addWidget(self.header_area)
        layout.addLayout(picker_row)
        layout.addWidget(self.product_list)
        layout.addWidget(self.table, 1)  # the lines are the editor's main area
        layout.addLayout(bottom)
        layout.addWidget(self.error_label)
        layout.addLayout(button_row)
        self.product_list.hide()  # shown while a product search has text

        self.lines.edited.connect(self.error_label.clear)  # a refused value was fixed
        self.lines.edited.connect(self._on_edited)
        self.lines.refused.connect(self.error_label.setText)
        self.discount.textEdited.connect(self._on_edited)
        for edit in (
            self.payment_terms,
            self.delivery_terms,
            self.competitors,
            self.justification,
        ):
            edit.textEdited.connect(self._mark_dirty)
        self.valid_until.dateChanged.connect(self._mark_dirty)
        self.contact.currentIndexChanged.connect(self._mark_dirty)
        self.opportunity.currentIndexChanged.connect(self._mark_dirty)
        self.opportunity.currentIndexChanged.connect(self._deal_chosen)
        self.product_search.textChanged.connect(self._search_products)
        self.product_search.returnPressed.connect(self.add_selected_product)
        self.add_button.clicked.connect(self.add_selected_product)
        self.product_list.doubleClicked.connect(self.add_selected_product)
        self.remove_button.clicked.connect(self.remove_selected_line)
        self.setEnabled(False)

    # -- loading ------------------------------------------------------------------------
    @property
    def quote_id(self) -> str | None:
        return self.view.quote["id"] if self.view is not None else None

    def load(self, quote_id: str) -> None:
        self.ctx.tasks.read(
            lambda s: _load(s, quote_id), self._show, self._failed, key="quote-editor"
        )

    def _show(self, loaded: Loaded) -> None:
        view, rules, contacts, deals = loaded
        self._loading = True
        self.view, self.rules, self.dirty = view, rules, False
        quote = view.quote
        self.setEnabled(True)
        self.title.setText(
            self.tr("{number} rev. {revision} · {status}").format(
                number=quote["number"],
                revision=quote["revision"],
                status=status_label(view.shown_status),
            )
        )
        self.account_label.setText(view.account["name"])
        revisions = [r["revision"] for r in view.revisions]
        self.revisions_label.setText(
            self.tr("Revisions: {list}").format(list=", ".join(revisions))
            + ("" if quote["is_latest"] else "  " + self.tr("(an earlier revision: read-only)"))
        )
        self.contact.clear()
        self.contact.addItem(self.tr("(none)"), None)
        for contact_id, name in contacts:
            self.contact.addItem(name, contact_id)
        self.contact.setCurrentIndex(max(0, self.contact.findData(quote["contact_id"])))
        self._fill_opportunities(deals, quote["opportunity_id"])
        if quote["valid_until"] is not None:
            day = quote["valid_until"]
            self.valid_until.setDate(QDate(day.year, day.month, day.day))
        self.discount.setText(decimal_text(quote["discount_pct"]))
        self.payment_terms.setText(quote["payment_terms"])
        self.delivery_terms.setText(quote["delivery_terms"])
        self.competitors.setText(", ".join(str(quote["competitors"] or "").splitlines()))
        self.justification.setText(quote["justification"])
        self.note.clear()
        decision = quote["decision_note"]
        self.decision_label.setText(
            self.tr("Manager's note: {note}").format(note=decision) if decision else ""
        )
        self.approval.load(quote["id"])
        self.lines.set_lines(quotes.drafts_of(view.lines), quote["currency"])
        editable = quote["is_latest"] and quote["status"] in quotes.EDITABLE
        self.lines.read_only = not editable
        for widget in (
            self.contact,
            self.opportunity,
            self.new_opportunity,
            self.valid_until,
            self.discount,
            self.payment_terms,
            self.delivery_terms,
            self.competitors,
            self.product_search,
            self.add_button,
            self.remove_button,
            self.product_list,
        ):
            widget.setEnabled(editable)
        self.justification.setEnabled(quote["status"] in ("draft", "returned") and editable)
        actions = set(
            quotes.available_actions(quote, self.ctx.user_role, self._today(), self.ctx.user_id)
        )
        self.approvals.setRowVisible(self.note, "reject" in actions)
        self.actions = actions
        for key, button in self.buttons.items():
            button.setVisible(key in actions or key == "pdf" or (key == "save" and editable))
        self.error_label.clear()
        self.commission_label.setText(
            self.tr("Your commission: {amount}").format(amount=money(view.commission))
            if view.commission
            else ""
        )
        self._loading = False
        self._recompute()

    @Slot(str)
    def _after_decision(self, quote_id: str) -> None:
        self.changed.emit(quote_id)
        self.load(quote_id)

    def _fill_opportunities(self, deals: list[Record], chosen: str | None) -> None:
        self.opportunity.clear()
        self.opportunity.addItem(self.tr("(none)"), None)
        for deal in deals:
            text = "{name} · {stage} · {amount}".format(
                name=deal["name"],
                stage=stage_label(deal["stage"]),
                amount=money(deal["amount"]),
            )
            self.opportunity.addItem(text, deal["id"])
            self.deal_competitors[deal["id"]] = str(deal.get("competitors") or "")
        self.opportunity.setCurrentIndex(max(0, self.opportunity.findData(chosen)))

    def _deal_chosen(self, *_: object) -> None:
        """A deal chosen for a quote naming no competitor brings the deal's."""
        if self._loading or self.competitors.text().strip():
            return
        names = self.deal_competitors.get(self.opportunity.currentData() or "", "")
        self.competitors.setText(", ".join(names.splitlines()))

    @Slot()
    def start_opportunity(self) -> None:
        """An opportunity of the quote's account for its total, with its contact; once
        saved it is chosen here (saving the quote links them)."""
        if self.view is None:
            return
        quote = self.view.quote
        account_id = str(quote["account_id"])
        values = {
            "name": f"{self.view.account['name']} · {quote['number']}",
            "contact_id": self.contact.currentData(),
            "amount": quote["total"],
            "stage": "proposal",
            "source": self.tr("Quote"),
        }

        def created(opportunity_id: str) -> None:
            def chosen(deals: list[Record]) -> None:
                self._fill_opportunities(deals, opportunity_id)
                self._mark_dirty()

            self.ctx.tasks.read(lambda s: opportunities.for_account(s, account_id), chosen)

        new_opportunity(
            self.ctx,
            self,
            Prefill(account_id, values),
            on_created=created,
            on_error=self.error_label.setText,
        )

    def _today(self) -> dt.date:
        return dt.datetime.now(self.ctx.zone).date()

    def _failed(self, error: BaseException) -> None:
        self.error_label.setText(error_text(error))

    # -- live totals ----------------------------------------------------------------------
    def _discount(self) -> Decimal | None:
        text = self.discount.text().strip() or "0"
        try:
            value = to_decimal(text)
        except MoneyError:
            return None
        return value if 0 <= value <= 100 else None

    @Slot()
    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    @Slot()
    def _on_edited(self, *_: object) -> None:
        self._mark_dirty()
        self._recompute()

    def _recompute(self) -> None:
        if self.view is None:
            return
        discount = self._discount()
        self.discount.setStyleSheet("" if discount is not None else ERROR_STYLE)
        discount = discount if discount is not None else Decimal(0)
        currency = self.view.quote["currency"]
        too_large = self.tr("A line's amount is too large to price: correct its quantity or price.")
        try:
            totals = compute([line.pricing_input() for line in self.lines.lines], discount)
        except MoneyError:  # a quantity of 1e400, typed or pulled: said, never raised
            self.totals_label.setText("")
            self.capital_label.setText("")
            self.error_label.setText(too_large)
            return
        if self.error_label.text() == too_large:
            self.error_label.setText("")
        self.lines.set_totals(totals)
        rows = [(self.tr("Subtotal"), money(totals.subtotal, currency))]
        if totals.quote_discount:
            rows.append((self.tr("Quote discount"), "-" + money(totals.quote_discount, currency)))
        for rate, tax in totals.tax_by_rate.items():
            rows.append(
                (self.tr("Tax {rate}%").format(rate=decimal_text(rate * 100)), money(tax, currency))
            )
        total_label = self.tr("Total")
        rows.append((f"<b>{total_label}</b>", f"<b>{money(totals.total, currency)}</b>"))
        self.totals_label.setText(
            "<table>"
            + "".join(
                f"<tr><td align='right'>{a}&nbsp;&nbsp;</td><td align='right'>{b}</td></tr>"
                for a, b in rows
            )
            + "</table>"
        )
        self.capital_label.setText(
            self.tr("In words: {capital}").format(capital=capital_amount(totals.total))
            if currency == "CNY"
            else ""
        )
        reasons = check(self.lines.lines, discount, self.rules)
        if self.view.quote["status"] in ("draft", "returned") and self.view.quote["is_latest"]:
            # Follow the unsaved figures: beyond the guardrails, ask; within, send.
            self.buttons["send"].setVisible(not reasons)
            self.buttons["request_approval"].setVisible(bool(reasons))
        lines = "<br/>".join("• " + reason_text(r) for r in reasons)
        status = self.view.quote["status"]
        if not reasons:
            self.reasons_label.setText("")
        elif status in ("draft", "returned"):  # something to do: in red
            self.reasons_label.setText(self.tr("Needs a manager's approval:") + "<br/>" + lines)
        elif status == "pending_approval":
            self.reasons_label.note(
                self.tr("Waiting for the manager's approval:") + "<br/>" + lines
            )
        else:  # approved (and on): the reasons were accepted, not an error any more
            self.reasons_label.note(self.tr("Approved beyond the guardrails:") + "<br/>" + lines)

    # -- lines -------------------------------------------------------------------------------
    @Slot(str)
    def _search_products(self, text: str) -> None:
        self.product_list.setVisible(bool(text))

        def done(rows: list[dict[str, Any]]) -> None:
            self.products.set_choices(
                [
                    (
                        r["id"],
                        f"{r['sku']}  {r['name']}  {r['specification']}  {money(r['list_price'])}",
                    )
                    for r in rows
                ]
            )
            if rows:
                self.product_list.setCurrentIndex(self.products.index(0))

        self.ctx.tasks.read(
            lambda s: catalog.list_products(s, text, limit=30), done, key="quote-products"
        )

    @Slot()
    def add_selected_product(self, *_: object) -> None:
        if self.view is None or self.lines.read_only:
            return
        index = self.product_list.currentIndex()
        if not index.isValid():
            return
        product_id = index.data(ROW_ID_ROLE)
        account_id = self.view.quote["account_id"]
        today = self._today()
        self.ctx.tasks.read(
            lambda s: quotes.default_lines(s, account_id, [product_id], today),
            self.lines.add_lines,
            self._failed,
        )

    @Slot()
    def remove_selected_line(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and not self.lines.read_only:
            self.lines.remove_line(index.row())

    # -- writes ------------------------------------------------------------------------------
    def _header(self) -> dict[str, Any]:
        discount = self._discount()
        if discount is None:
            raise ValidationError({"discount_pct": self.tr("discount must be between 0 and 100")})
        date = self.valid_until.date()
        return {
            "contact_id": self.contact.currentData(),
            "opportunity_id": self.opportunity.currentData(),
            "valid_until": dt.date(date.year(), date.month(), date.day()),
            "discount_pct": discount,
            "payment_terms": self.payment_terms.text().strip(),
            "delivery_terms": self.delivery_terms.text().strip(),
            "competitors": self.competitors.text().strip(),
            "justification": self.justification.text().strip(),
        }

    def trigger(self, action: str) -> None:
        """Run a button's action (tests call this too)."""
        if self.view is None:
            return
        if action == "pdf":
            self.ask_pdf()
            return
        quote_id = self.quote_id
        assert quote_id is not None
        try:
            header = self._header() if self.dirty or action == "save" else None
        except ValidationError as exc:
            self.error_label.setText(error_text(exc))
            return
        lines = list(self.lines.lines)
        note = self.note.text()
        justification = self.justification.text()
        steps: dict[str, Callable[[UnitOfWork], Any]] = {
            "save": lambda uow: None,
            "request_approval": lambda uow: quotes.request_approval(uow, quote_id, justification),
            "send": lambda uow: quotes.send(uow, quote_id),
            "accept": lambda uow: quotes.accept(uow, quote_id),
            "reject": lambda uow: quotes.reject(uow, quote_id, note),
            "revise": lambda uow: quotes.revise(uow, quote_id),
        }
        step = steps[action]

        def work(uow: UnitOfWork) -> str:
            if header is not None:
                quotes.save_quote(uow, quote_id, header, lines)
            result = step(uow)
            return result if action == "revise" else quote_id

        deal = self.opportunity.currentData()

        def done(shown_id: str) -> None:
            self.changed.emit(shown_id)
            self.load(shown_id)
            if action == "reject" and deal:  # the deal may be lost with it
                offer_lost(self.ctx, self, str(deal), note, self.lost_dialogs, quote_id)

        self.error_label.clear()
        self.ctx.tasks.write(work, done, self._failed)

    def ask_pdf(self) -> None:
        from desktop.ui.quotes.pdf_export import ask_and_export

        if self.view is not None:
            ask_and_export(self.ctx, self, self.view, self._pdf_saved)

    def export_pdf(
        self, path: Path, on_done: Callable[[Path], None] | None = None, lang: str | None = None
    ) -> None:
        """The saved quote as PDF at ``path``, in ``lang`` (the interface's by default)."""
        from desktop.ui.i18n import interface_language
        from desktop.ui.quotes.pdf_export import export

        def saved(written: Path) -> None:
            self._pdf_saved(written)
            if on_done is not None:
                on_done(written)

        if self.quote_id is not None:
            export(self.ctx, self.quote_id, path, lang or interface_language(), saved, self._failed)

    def _pdf_saved(self, path: Path) -> None:
        self.error_label.note(self.tr("Saved {path}").format(path=path))
