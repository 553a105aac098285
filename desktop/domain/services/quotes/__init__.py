"""Quotes (报价): drafts with priced lines, the manager's guardrails, the approval
workflow and revisions. One module per job:

- ``status``: the status flow (locked, editable, shown status, which actions apply);
- ``guardrails``: the limits that apply to a quote, its derived figures, commission;
- ``queries``: lists, one quote by number, its lines, the view of one revision;
- ``drafts``: the editor's writes (new draft, save, priced lines, delete a draft);
- ``workflow``: request approval, approve, return, send, accept, reject, expire;
- ``revisions``: Revise (a new draft revision of a locked quote);
- ``pickers``: the accounts and contacts the editor offers.

Callers use this package's names (``quotes.send``, ``quotes.QuoteFilter``); the
modules import each other, never this package.
"""

from desktop.domain.rules.quotes import LineDraft
from desktop.domain.services.quotes.drafts import (
    create_quote,
    default_lines,
    delete_draft,
    save_quote,
)
from desktop.domain.services.quotes.guardrails import (
    derive,
    guardrails,
)
from desktop.domain.services.quotes.pickers import contact_choices
from desktop.domain.services.quotes.queries import (
    QuoteFilter,
    QuoteView,
    count_quotes,
    drafts_of,
    find_by_number,
    get_quote,
    lines_of,
    list_quotes,
)
from desktop.domain.services.quotes.revisions import next_revision, revise
from desktop.domain.services.quotes.status import (
    EDITABLE,
    SHANGHAI,
    QuoteLockedError,
    WorkflowError,
    available_actions,
)
from desktop.domain.services.quotes.workflow import (
    accept,
    approve,
    expire_overdue,
    reject,
    request_approval,
    return_quote,
    send,
)

__all__ = [
    "EDITABLE",
    "SHANGHAI",
    "LineDraft",
    "QuoteFilter",
    "QuoteLockedError",
    "QuoteView",
    "WorkflowError",
    "accept",
    "approve",
    "available_actions",
    "contact_choices",
    "count_quotes",
    "create_quote",
    "default_lines",
    "delete_draft",
    "derive",
    "drafts_of",
    "expire_overdue",
    "find_by_number",
    "get_quote",
    "guardrails",
    "lines_of",
    "list_quotes",
    "next_revision",
    "reject",
    "request_approval",
    "return_quote",
    "revise",
    "save_quote",
    "send",
]
