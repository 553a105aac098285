"""The account's Opportunities tab: its deals as a list, and "New opportunity…" for
this account (the Pipeline page's dialog, with the account already chosen)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy.orm import Session

from desktop.domain.services import opportunities
from desktop.domain.services.opportunities import Card
from desktop.domain.uow import UnitOfWork
from desktop.ui.account_tabs import AccountTab
from desktop.ui.context import AppContext
from desktop.ui.format import money
from desktop.ui.pipeline.dialogs import OpportunityDialog, save
from desktop.ui.pipeline.table import ACCOUNT, OpportunitiesModel


@dataclass(frozen=True)
class AccountDeals:
    cards: list[Card]
    account_name: str
    contacts: list[tuple[str, str]]
    defaults: dict[str, int]


def load(session: Session, account_id: str) -> AccountDeals:
    from desktop.domain.models import Account

    account = session.get(Account, account_id)
    return AccountDeals(
        opportunities.cards(session, account_id=account_id),
        account.name if account is not None else "",
        opportunities.contact_choices(session, account_id),
        opportunities.stage_defaults(session),
    )


class AccountOpportunitiesTab(AccountTab):
    entity = "opportunity"
    watched = frozenset({"opportunity"})
    hidden = (ACCOUNT,)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, OpportunitiesModel(), parent)
        self.deals: AccountDeals | None = None
        self.dialog: OpportunityDialog | None = None
        self.new_button = QPushButton(self.tr("New opportunity…"))
        self.new_button.setObjectName("account-new-opportunity")
        self.new_button.clicked.connect(self.ask_new)
        # Beside "Open", in the row of buttons under the list (AccountTab's layout).
        self.layout().itemAt(2).layout().insertWidget(1, self.new_button)

    def title(self) -> str:
        return self.tr("Opportunities")

    def loader(self, account_id: str) -> Any:
        return lambda session: load(session, account_id)

    def show_result(self, result: AccountDeals) -> None:
        self.deals = result
        model = self.model
        assert isinstance(model, OpportunitiesModel)
        model.set_rows(result.cards)
        open_cards = [c for c in result.cards if c.stage not in ("won", "lost")]
        if not result.cards:
            self.summary.setText(self.tr("No opportunities yet."))
            return
        self.summary.setText(
            self.tr("%1 opportunities · open: %2, worth %3")
            .replace("%1", str(len(result.cards)))
            .replace("%2", str(len(open_cards)))
            .replace("%3", money(sum((c.amount for c in open_cards), Decimal(0))))
        )

    def ask_new(self) -> None:
        deals, account_id = self.deals, self.account_id
        if deals is None or account_id is None:
            return
        dialog = OpportunityDialog(
            deals.defaults, account_name=deals.account_name, contacts=deals.contacts, parent=self
        )
        self.dialog = dialog

        def submitted(values: dict[str, Any]) -> None:
            def work(uow: UnitOfWork) -> str:
                return opportunities.create_opportunity(uow, account_id, values)

            save(self.ctx, work, dialog, on_error=self.summary.setText)

        dialog.submitted.connect(submitted)
        dialog.open()
