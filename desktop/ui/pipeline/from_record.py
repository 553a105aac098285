"""A new opportunity started from where the rep learnt of it: a visit's call report or a
quote. The opportunity dialog opens with the account fixed and what the record already
says filled in (contact, amount, competitors, next step, source); the rep changes what
she likes and saves, and the caller hears the new opportunity's id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop.domain.models import Account
from desktop.domain.services import opportunities, records
from desktop.domain.uow import UnitOfWork
from desktop.ui.context import AppContext
from desktop.ui.pipeline.dialogs import OpportunityDialog, save


@dataclass(frozen=True)
class Prefill:
    account_id: str
    values: dict[str, Any] = field(default_factory=dict)  # name, contact_id, amount, ...


@dataclass(frozen=True)
class _Loaded:
    account_name: str
    contacts: list[tuple[str, str]]
    defaults: dict[str, int]


def _load(session: Session, account_id: str) -> _Loaded:
    return _Loaded(
        str(records.get(session, Account, account_id)["name"]),
        opportunities.contact_choices(session, account_id),
        opportunities.stage_defaults(session),
    )


def new_opportunity(
    ctx: AppContext,
    parent: QWidget,
    prefill: Prefill,
    on_created: Callable[[str], None] = lambda _id: None,
    on_error: Callable[[str], None] = lambda _text: None,
) -> None:
    """Open the filled-in dialog (once the account's contacts are loaded); saving it
    creates the opportunity, for the rep who saves it."""
    account_id = prefill.account_id

    def loaded(data: _Loaded) -> None:
        record = {"stage": "lead", **prefill.values}
        record.setdefault("probability", data.defaults.get(str(record["stage"]), 10))
        dialog = OpportunityDialog(
            data.defaults,
            record=record,
            account_name=data.account_name,
            contacts=data.contacts,
            new=True,
            parent=parent,
        )
        created: list[str] = []  # from the writer thread

        def submitted(values: dict[str, Any]) -> None:
            def work(uow: UnitOfWork) -> None:
                created.append(opportunities.create_opportunity(uow, account_id, values))

            save(
                ctx,
                work,
                dialog,
                on_error=on_error,
                on_done=lambda: on_created(created[-1]) if created else None,
            )

        dialog.submitted.connect(submitted)
        dialog.open()

    ctx.tasks.read(lambda s: _load(s, account_id), loaded)
