"""Accounts (客户). One module per job:

- ``validation``: what an account's values may be, and their cleaning;
- ``writes``: create, edit, delete, restore, with 查重 (``DuplicateWarning``);
- ``reading``: one account, its history, the recently deleted, the owner picker's users;
- ``listing``: the Accounts list (filters, search, sort, counts, a page's rows);
- ``groups``: the group hierarchy and its totals;
- ``handover``: 客户交接, accounts and their open work to another rep;
- ``picking``: the one account picker's query (name, short name, pinyin, credit code).

Callers use this package's names (``accounts.create_account``); the modules import
each other, never this package.
"""

from desktop.domain.services.accounts.groups import GroupTotals, children, group_totals
from desktop.domain.services.accounts.handover import HandoverResult, handover
from desktop.domain.services.accounts.listing import (
    FIRST_IDS,
    POOL,
    AccountList,
    AccountQuery,
    AccountRow,
    FilterChoices,
    account_ids,
    account_rows,
    count_accounts,
    filter_choices,
    list_accounts,
)
from desktop.domain.services.accounts.picking import AccountChoice, find_account, pick_accounts
from desktop.domain.services.accounts.reading import (
    HistoryEntry,
    get_account,
    history,
    recently_deleted,
    users,
)
from desktop.domain.services.accounts.validation import normalize_tags, tag_list, validate
from desktop.domain.services.accounts.writes import (
    DuplicateWarning,
    create_account,
    delete_account,
    restore_account,
    update_account,
)

__all__ = [
    "FIRST_IDS",
    "POOL",
    "AccountChoice",
    "AccountList",
    "AccountQuery",
    "AccountRow",
    "DuplicateWarning",
    "FilterChoices",
    "GroupTotals",
    "HandoverResult",
    "HistoryEntry",
    "account_ids",
    "account_rows",
    "children",
    "count_accounts",
    "create_account",
    "delete_account",
    "filter_choices",
    "find_account",
    "get_account",
    "group_totals",
    "handover",
    "history",
    "list_accounts",
    "normalize_tags",
    "pick_accounts",
    "recently_deleted",
    "restore_account",
    "tag_list",
    "update_account",
    "users",
    "validate",
]
